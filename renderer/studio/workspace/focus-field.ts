/**
 * Focuses the editor field marked `data-path="<path>"` once the editor has rendered it; falls back
 * to the editor panel itself so keyboard users land where the problem is.
 */
export function focusField(path: string, fallback: () => HTMLElement | null, timeoutMs = 1500): void {
  const started = performance.now();
  const attempt = () => {
    const marked = document.querySelector<HTMLElement>(`[data-path="${CSS.escape(path)}"]`);
    const target =
      marked && !marked.matches('input, textarea, select, button, [tabindex], [contenteditable="true"]')
        ? (marked.querySelector<HTMLElement>('input, textarea, select, button, [contenteditable="true"]') ?? marked)
        : marked;
    if (target) {
      target.focus();
      target.scrollIntoView({ block: 'nearest' });
      return;
    }
    if (performance.now() - started < timeoutMs) requestAnimationFrame(attempt);
    else fallback()?.focus();
  };
  requestAnimationFrame(attempt);
}
