/** Room left between neighbours, so an insert or a move writes one row instead of renumbering the list. */
export const POSITION_GAP = 65_536;

/** Indices (ascending) of a longest strictly increasing run of the defined values: the items that can stay put. */
function longestIncreasing(values: readonly (number | undefined)[]): Set<number> {
  const tails: number[] = [];
  const previous = new Array<number>(values.length).fill(-1);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === undefined) continue;
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (values[tails[mid]!]! < v) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) previous[i] = tails[lo - 1]!;
    tails[lo] = i;
  }
  const keep = new Set<number>();
  for (let i = tails.length ? tails[tails.length - 1]! : -1; i >= 0; i = previous[i]!) keep.add(i);
  return keep;
}

/**
 * Positions for a list in its new order: items whose stored positions are still in order keep them,
 * the others get a position between their neighbours. Only when no integer fits does the whole list
 * get renumbered, so an edit usually costs rows only for what moved or was added.
 */
export function planPositions(ids: readonly string[], stored: ReadonlyMap<string, number>): number[] {
  const current = ids.map((id) => stored.get(id));
  const keep = longestIncreasing(current);
  const planned = new Array<number>(ids.length);
  let i = 0;
  while (i < ids.length) {
    if (keep.has(i)) {
      planned[i] = current[i]!;
      i++;
      continue;
    }
    let end = i;
    while (end < ids.length && !keep.has(end)) end++;
    const lo = i > 0 ? planned[i - 1] : undefined;
    const hi = end < ids.length ? current[end] : undefined;
    const count = end - i;
    for (let j = 0; j < count; j++) {
      if (lo === undefined && hi === undefined) planned[i + j] = j * POSITION_GAP;
      else if (lo === undefined) planned[i + j] = hi! - (count - j) * POSITION_GAP;
      else if (hi === undefined) planned[i + j] = lo + (j + 1) * POSITION_GAP;
      else {
        const step = (hi - lo) / (count + 1);
        if (step < 1) return ids.map((_, n) => n * POSITION_GAP);
        planned[i + j] = Math.floor(lo + step * (j + 1));
      }
    }
    i = end;
  }
  return planned;
}
