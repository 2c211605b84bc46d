import type { Persona } from '../model';
import type { CourseIndex } from '../engine/course-index';
import type { LearnerFacts } from '../engine/expr';
import { attributeFacts } from '../engine/learner';
import { levelForScore } from '../engine/mastery';
import { personaIdentity } from '../engine/persona-state';
import { parseTarget } from '../engine/targets';

/** One class of placement outcome for one competency: every score in it behaves alike in every rule. */
export interface OutcomeClass {
  readonly level: number;
  readonly score: number;
}

/**
 * Splits a competency's 0–1 score range into classes that no rule can tell apart: the level
 * thresholds and every number a rule compares score(…) with cut the range; one score stands for each piece.
 */
export function outcomeClasses(index: CourseIndex, competency: string, thresholds: readonly number[]): OutcomeClass[] {
  const c = index.course.competencies.find((x) => x.id === competency)!;
  const cuts = [
    ...new Set([0, 1, ...c.levels.map((l) => l.minScore), ...thresholds.filter((t) => t >= 0 && t <= 1)]),
  ].sort((a, b) => a - b);
  const points = cuts.flatMap((p, i) => (i + 1 < cuts.length ? [p, (p + cuts[i + 1]!) / 2] : [p]));
  const seen = new Set<string>();
  const classes: OutcomeClass[] = [];
  const levelIds = c.levels.map((l) => l.id);
  for (const score of points) {
    const level = levelIds.indexOf(levelForScore(c, score));
    const key = `${level}:${thresholds.map((t) => `${score < t ? 0 : score === t ? 1 : 2}`).join('')}`;
    if (seen.has(key)) continue;
    seen.add(key);
    classes.push({ level, score });
  }
  return classes;
}

/** A learner the analysis reasons about: a persona, or any learner of a role no persona covers. */
export interface AnalysisLearner {
  readonly label: string;
  readonly role?: string | undefined;
  readonly department?: string | undefined;
  readonly seniority?: string | undefined;
  readonly preferredFormat?: string | undefined;
  /** Values of the course's own learner attributes. */
  readonly attributes?: Readonly<Record<string, string>> | undefined;
  readonly needs: Persona['needs'];
}

/**
 * The learners the analysis reasons about: every persona, then, for each role and each combination of values of
 * the course's own attributes that something reads (decision 0008), any learner no persona covers: "any teller",
 * "any teller, site=north".
 */
export function analysisLearners(index: CourseIndex): AnalysisLearner[] {
  const read = readAttributes(index);
  // Each persona as the preview and the package see it: an attribute it gives no value for is the intake's first answer.
  const learners: AnalysisLearner[] = index.course.personas.map((p) => ({
    label: p.id,
    ...personaIdentity(index, p),
  }));
  const keyOf = (role: string | undefined, attributes: Readonly<Record<string, string>>) =>
    JSON.stringify([role ?? null, ...read.map((a) => attributes[a] ?? null)]);
  const covered = new Set(learners.map((l) => keyOf(l.role, l.attributes ?? {})));
  const combinations = read.reduce<Record<string, string>[]>(
    (all, a) => all.flatMap((partial) => (index.attributes.get(a) ?? []).map((v) => ({ ...partial, [a]: v }))),
    [{}],
  );
  const noNeeds = { captions: false, audio: false, reducedMotion: false };
  const roles: (string | undefined)[] = index.roles.size ? [...index.roles].sort() : [undefined];
  for (const role of roles)
    for (const attributes of combinations) {
      if (covered.has(keyOf(role, attributes))) continue;
      const values = read.map((a) => `${a}=${attributes[a]}`);
      learners.push({
        label: `any ${[...(role ? [role] : values.length ? [] : ['learner']), ...values].join(', ')}`,
        ...(role ? { role } : {}),
        ...(read.length ? { attributes } : {}),
        needs: noNeeds,
      });
    }
  return learners;
}

/** The course's own attributes that a rule, an audience or a mandate reads, in declaration order. */
export function readAttributes(index: CourseIndex): string[] {
  const read = new Set<string>();
  for (const rule of index.rules) for (const a of rule?.deps.attributes ?? []) read.add(a);
  for (const m of index.course.modules)
    for (const entry of [...m.audience, ...m.mandatoryFor]) read.add(parseTarget(entry).attribute);
  return [...index.attributes.keys()].filter((a) => read.has(a));
}

/** Facts for a learner whose listed competencies are in the given classes (others at the lowest level). */
export function outcomeFacts(
  learner: AnalysisLearner,
  competencies: readonly string[],
  classes: readonly OutcomeClass[],
): LearnerFacts {
  const at = (c: string) => competencies.indexOf(c);
  return attributeFacts(
    learner,
    (c) => classes[at(c)]?.level ?? 0,
    (c) => classes[at(c)]?.score ?? 0,
  );
}

/**
 * Calls `visit` for every combination of classes over `competencies`, stopping early when it
 * returns true. Only the competencies the question at hand depends on are enumerated.
 */
export function forEachOutcome(
  perCompetency: readonly (readonly OutcomeClass[])[],
  visit: (classes: readonly OutcomeClass[]) => boolean | void,
): boolean {
  const n = perCompetency.length;
  const choice = new Array<number>(n).fill(0);
  const current: OutcomeClass[] = perCompetency.map((cs) => cs[0]!);
  for (;;) {
    if (visit(current) === true) return true;
    let k = 0;
    while (k < n) {
      choice[k]!++;
      if (choice[k]! < perCompetency[k]!.length) {
        current[k] = perCompetency[k]![choice[k]!]!;
        break;
      }
      choice[k] = 0;
      current[k] = perCompetency[k]![0]!;
      k++;
    }
    if (k === n) return false;
  }
}

export function describeOutcome(index: CourseIndex, competencies: readonly string[], classes: readonly OutcomeClass[]) {
  const outcome: Record<string, string> = {};
  competencies.forEach((c, i) => {
    const cls = classes[i]!;
    outcome[c] = `${index.levels.get(c)?.[cls.level] ?? '?'} (score ${Number(cls.score.toFixed(3))})`;
  });
  return outcome;
}
