/** The placement node to focus lives in the URL beside the selection (`&node=policy-hard`), so a reload keeps it. */
const EVENT = 'tailor:placement-node';

export function placementNodeFromHash(): string | null {
  return new URLSearchParams(window.location.hash.slice(1)).get('node');
}

/** Asks the placement editor (open now or opened next) to focus this node. */
export function focusPlacementNode(id: string): void {
  const params = new URLSearchParams(window.location.hash.slice(1));
  params.set('node', id);
  window.history.replaceState(null, '', `#${params.toString()}`);
  window.dispatchEvent(new CustomEvent<string>(EVENT, { detail: id }));
}

export function onPlacementNodeFocus(listener: (id: string) => void): () => void {
  const handler = (event: Event) => listener((event as CustomEvent<string>).detail);
  window.addEventListener(EVENT, handler);
  return () => window.removeEventListener(EVENT, handler);
}
