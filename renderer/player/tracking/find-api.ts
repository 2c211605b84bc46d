/** Walks up parent frames, then the opener's, as SCORM's API discovery algorithm describes. */
export function findApi<T>(win: Window, name: 'API' | 'API_1484_11'): T | null {
  const search = (start: Window): T | null => {
    let current: Window = start;
    for (let depth = 0; depth < 10; depth++) {
      try {
        const api = (current as unknown as Record<string, unknown>)[name];
        if (api) return api as T;
      } catch {
        // A frame from another origin: nothing to find there.
      }
      if (current.parent === current) break;
      current = current.parent;
    }
    return null;
  };
  const here = search(win);
  if (here) return here;
  try {
    return win.opener ? search(win.opener as Window) : null;
  } catch {
    return null;
  }
}
