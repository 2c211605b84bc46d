import type { CourseIndex } from '../engine/course-index';
import { applyPrerequisites, decideModule } from '../engine/resolve';
import { analysisLearners, forEachOutcome, outcomeClasses, outcomeFacts, type OutcomeClass } from './outcomes';

/**
 * The naive proof: every learner × every combination of outcome classes over all competencies,
 * deciding every module each time (and applying prerequisites to those decisions, as the resolver does). Exact but exponential in the number of competencies; kept as
 * the reference the projected proof is tested against and as the benchmark baseline.
 */
export function exhaustiveReachability(
  index: CourseIndex,
  options: {
    readonly maxCases?: number;
    /** Also collect which rules apply and which contradict. */ readonly rules?: boolean;
  } = {},
): {
  reachable: Set<string>;
  /** Rules that hold for some learner and outcome. */
  applies: Set<number>;
  /** Pairs "r,w" of a require rule and a skip or optional rule on the same module that hold together. */
  contradictions: Set<string>;
  cases: number;
  totalCases: number;
  complete: boolean;
} {
  const thresholds = new Map<string, number[]>();
  for (const rule of index.rules)
    for (const [c, ts] of rule?.deps.scoreThresholds ?? []) thresholds.set(c, [...(thresholds.get(c) ?? []), ...ts]);
  const competencies = index.competencyIds;
  const per: OutcomeClass[][] = competencies.map((c) => outcomeClasses(index, c, thresholds.get(c) ?? []));
  const learners = analysisLearners(index);
  const totalCases = learners.length * per.reduce((n, cs) => n * cs.length, 1);
  const maxCases = options.maxCases ?? Infinity;
  const reachable = new Set<string>();
  const applies = new Set<number>();
  const contradictions = new Set<string>();
  let cases = 0;
  const { course } = index;
  for (const learner of learners) {
    const stopped = forEachOutcome(per, (outcome) => {
      if (cases >= maxCases) return true;
      cases++;
      const facts = outcomeFacts(learner, competencies, outcome);
      const fired = course.rules.map((_, i) => index.rules[i]?.test(facts) === true);
      if (options.rules) fired.forEach((f, i) => f && applies.add(i));
      if (options.rules)
        for (const touching of index.rulesByModule.values())
          for (const r of touching)
            for (const w of touching)
              if (fired[r] && fired[w] && course.rules[r]!.then.kind === 'require')
                if (['skip', 'optional'].includes(course.rules[w]!.then.kind)) contradictions.add(`${r},${w}`);
      const work = course.modules.map((_, mi) => decideModule(index, mi, learner, (i) => fired[i] === true));
      applyPrerequisites(index, work);
      course.modules.forEach((m, mi) => {
        const { status } = work[mi]!;
        if (status === 'required' || status === 'optional') reachable.add(m.id);
      });
      return false;
    });
    if (stopped) break;
  }
  return { reachable, applies, contradictions, cases, totalCases, complete: cases === totalCases };
}
