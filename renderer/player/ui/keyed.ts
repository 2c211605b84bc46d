/** What a keyed list remembers of each child it drew: the signature it was drawn from, and the node. */
export type KeyedCache = Map<string, { readonly sig: string; readonly node: Element }>;

export interface KeyedItem {
  /** Stable identity (a module id). */
  readonly key: string;
  /** Everything the child shows, as text: the child is drawn again only when this changes. */
  readonly sig: string;
  readonly render: () => Element;
}

/** The keys each list last drew, in order. */
const drawnKeys = new WeakMap<KeyedCache, readonly string[]>();

/**
 * Keeps `parent`'s children in step with `items`, touching only what changed: a child whose
 * signature is unchanged stays the very same node (its listeners, open disclosures and focus
 * kept, and the browser not made to style it again); a changed child is replaced where it stands;
 * children no longer listed are removed. On a course of thousands of modules this is what keeps a
 * click from rebuilding the whole map and outline.
 */
export function keyedChildren(parent: Element, cache: KeyedCache, items: readonly KeyedItem[]): void {
  // Nothing changed since the last draw: the DOM is not even read (walking thousands of siblings was a
  // few milliseconds of a click on a large course).
  const drawn = drawnKeys.get(cache);
  if (
    drawn?.length === items.length &&
    items.every((item, i) => drawn[i] === item.key && cache.get(item.key)?.sig === item.sig)
  )
    return;
  drawnKeys.set(
    cache,
    items.map((item) => item.key),
  );
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

/**
 * A long keyed list split into consecutive lists of at most `size` children. Styled with
 * `content-visibility: auto`, an off-screen list is skipped whole by the browser: a course of
 * thousands of modules costs a few dozen boxes (and a few dozen visibility checks) per frame
 * instead of thousands. A list of usual length is one list.
 */
export interface Chunked {
  readonly holder: Element;
  readonly size: number;
  readonly makeList: (index: number) => Element;
  readonly lists: KeyedCache;
  readonly chunks: Map<number, { readonly list: Element; readonly cache: KeyedCache }>;
}

export const chunked = (holder: Element, size: number, makeList: (index: number) => Element): Chunked => ({
  holder,
  size,
  makeList,
  lists: new Map(),
  chunks: new Map(),
});

/** Keeps a chunked list in step with `items`, as `keyedChildren` does for one list. */
export function keyedChunks(into: Chunked, items: readonly KeyedItem[]): void {
  const lists: KeyedItem[] = [];
  for (let i = 0; i * into.size < items.length; i++) {
    let chunk = into.chunks.get(i);
    if (!chunk) into.chunks.set(i, (chunk = { list: into.makeList(i), cache: new Map() }));
    keyedChildren(chunk.list, chunk.cache, items.slice(i * into.size, (i + 1) * into.size));
    const { list } = chunk;
    lists.push({ key: String(i), sig: '', render: () => list });
  }
  keyedChildren(into.holder, into.lists, lists);
}

/** Redraws one child of a chunked list, wherever it stands (see `keyedRefresh`). */
export function keyedChunkRefresh(into: Chunked, item: KeyedItem): void {
  for (const { list, cache } of into.chunks.values()) if (cache.has(item.key)) return keyedRefresh(list, cache, item);
}
