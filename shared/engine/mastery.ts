import type { Competency } from '../model/schema';

/** The highest level whose threshold the score reaches. */
export function levelForScore(competency: Competency, score: number): string {
  let level = competency.levels[0]!.id;
  for (const l of competency.levels) if (score >= l.minScore) level = l.id;
  return level;
}

export function levelIndexOf(levels: readonly string[] | undefined, level: string | undefined): number {
  const i = level === undefined ? -1 : (levels ?? []).indexOf(level);
  return i < 0 ? 0 : i;
}
