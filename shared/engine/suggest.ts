/** Edits (insert, delete, replace, swap two neighbours) between two names: optimal string alignment distance. */
export function editDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  return d[a.length]![b.length]!;
}

/** The known name closest to a misspelt one, if it is close enough to be a slip (two edits, or a third of its length). */
export function closestName(name: string, known: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  const lower = name.toLowerCase();
  for (const candidate of known) {
    const distance = editDistance(lower, candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best !== undefined && bestDistance > 0 && bestDistance <= Math.max(2, Math.floor(name.length / 3))
    ? best
    : undefined;
}

/** ` Did you mean "x"?` when a known name is close to the misspelt one, else nothing. */
export function didYouMean(name: string, known: Iterable<string>): string {
  const close = closestName(name, known);
  return close === undefined ? '' : ` Did you mean "${close}"?`;
}

/** `. Did you mean "x"?` to end a sentence that names a misspelt name, or nothing when no name is close. */
export function sentenceHint(name: string, known: Iterable<string>): string {
  const hint = didYouMean(name, known);
  return hint ? `.${hint}` : '';
}
