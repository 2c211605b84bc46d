/**
 * Focuses the editor field marked `data-path="<path>"` once the editor has rendered it (a text
 * field's text is selected, ready to retype); falls back to `fallback` (e.g. the editor panel) so
 * keyboard users land where the problem is. Focus follows the action: editors call it after adding
 * or moving an item, the problems panel after opening one.
 */
export function focusField(path: string, fallback?: () => HTMLElement | null, timeoutMs = 5000): void {
  const started = performance.now();
  const attempt = () => {
    const marked = document.querySelector<HTMLElement>(`[data-path="${CSS.escape(path)}"]`);
    const target =
      marked && !marked.matches('input, textarea, select, button, [tabindex], [contenteditable="true"]')
        ? (marked.querySelector<HTMLElement>('input, textarea, select, button, [contenteditable="true"]') ?? marked)
        : marked;
    if (target) {
      target.focus();
      if (target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement) target.select();
      target.scrollIntoView({ block: 'nearest' });
      return;
    }
    if (performance.now() - started < timeoutMs) requestAnimationFrame(attempt);
    else fallback?.()?.focus();
  };
  requestAnimationFrame(attempt);
}
