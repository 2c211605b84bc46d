/** What a keyed list remembers of each child it drew: the signature it was drawn from, and the node. */
export type KeyedCache = Map<string, { readonly sig: string; readonly node: Element }>;

export interface KeyedItem {
  /** Stable identity (a module id). */
  readonly key: string;
  /** Everything the child shows, as text: the child is drawn again only when this changes. */
  readonly sig: string;
  readonly render: () => Element;
}

/**
 * Keeps `parent`'s children in step with `items`, touching only what changed: a child whose
 * signature is unchanged stays the very same node (its listeners, open disclosures and focus
 * kept, and the browser not made to style it again); a changed child is replaced where it stands;
 * children no longer listed are removed. On a course of thousands of modules this is what keeps a
 * click from rebuilding the whole map and outline.
 */
export function keyedChildren(parent: Element, cache: KeyedCache, items: readonly KeyedItem[]): void {
  const wanted = new Set(items.map((i) => i.key));
  for (const [key, { node }] of cache)
    if (!wanted.has(key)) {
      if (node.parentNode === parent) node.remove();
      cache.delete(key);
    }
  // A changed child is swapped in place, so the children after it do not move.
  const nodes = items.map((item) => {
    const kept = cache.get(item.key);
    if (kept?.sig === item.sig) return kept.node;
    const node = item.render();
    if (kept?.node.parentNode === parent) parent.replaceChild(node, kept.node);
    cache.set(item.key, { sig: item.sig, node });
    return node;
  });
  let at = parent.firstChild;
  for (const node of nodes) {
    if (at === node) at = at.nextSibling;
    else parent.insertBefore(node, at);
  }
  // Anything after the listed children (not drawn by this list) goes.
  while (at) {
    const next: ChildNode | null = at.nextSibling;
    at.remove();
    at = next;
  }
}

/**
 * Redraws one child of a keyed list if its signature changed, where it stands: for a click that
 * is known to touch only a module or two (the current lesson moving), without going over the list.
 */
export function keyedRefresh(parent: Element, cache: KeyedCache, item: KeyedItem): void {
  const kept = cache.get(item.key);
  if (!kept || kept.sig === item.sig || kept.node.parentNode !== parent) return;
  const node = item.render();
  parent.replaceChild(node, kept.node);
  cache.set(item.key, { sig: item.sig, node });
}
