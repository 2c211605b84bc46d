/** `["modules", 2, "lessons", 0, "title"]` → `modules[2].lessons[0].title`, the way designers see course.json. */
export function jsonPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out || '(the whole course)';
}
