import type { CourseIndex } from '../engine/course-index';
import { PlacementWalker, type PlacementLearner } from '../engine/placement';
import { attributeDomain, placementLearner } from './placement-learners';
import { answerKinds } from './proof';
import { applyPrerequisites, decideLesson, decideModule } from '../engine/resolve';
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
  /** offer-choice rules that hold for some learner and outcome with no more options open to pick than it asks for. */
  choicesWithoutAlternatives: Set<number>;
  /** skip-lessons rules that skip some lesson for some learner and outcome. */
  lessonRulesThatSkip: Set<number>;
  /** Pairs "r,m" of a skip, optional or skip-lessons rule that holds where module m is mandatory for the learner. */
  mandateOverrides: Set<string>;
  /** Modules some learner takes (required or optional) with every lesson skipped. */
  everyLessonSkipped: Set<string>;
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
  const choicesWithoutAlternatives = new Set<number>();
  const lessonRulesThatSkip = new Set<number>();
  const mandateOverrides = new Set<string>();
  const everyLessonSkipped = new Set<string>();
  let cases = 0;
  const { course } = index;
  const choices = course.rules.flatMap((r, rule) =>
    r.then.kind === 'offer-choice'
      ? [
          {
            rule,
            pick: r.then.pick ?? 1,
            modules: [...new Set(r.then.modules)].flatMap((id) => {
              const mi = index.moduleIndex.get(id);
              return mi === undefined ? [] : [mi];
            }),
          },
        ]
      : [],
  );
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
      // Lesson rules, as the resolver lays lessons out over the modules' decisions (before the learner's own choices).
      if (options.rules)
        course.modules.forEach((m, mi) => {
          const w = work[mi]!;
          const holds = (i: number) => fired[i] === true;
          if (w.locked)
            for (const i of [
              ...(index.rulesByModule.get(m.id) ?? []),
              ...m.lessons.flatMap((l) => index.rulesByLesson.get(l.id) ?? []),
            ])
              if (fired[i] && ['skip', 'optional', 'skip-lessons'].includes(course.rules[i]!.then.kind))
                mandateOverrides.add(`${i},${mi}`);
          let skipped = 0;
          for (const l of m.lessons) {
            if (!decideLesson(index, l.id, w, holds).skipped) continue;
            skipped++;
            for (const i of index.rulesByLesson.get(l.id)!) if (fired[i]) lessonRulesThatSkip.add(i);
          }
          if (skipped > 0 && skipped === m.lessons.length && (w.status === 'required' || w.status === 'optional'))
            everyLessonSkipped.add(m.id);
        });
      // As the resolver lays a choice out: the options on the path that nothing else decided.
      for (const { rule, modules, pick } of options.rules ? choices : []) {
        if (!fired[rule]) continue;
        let open = 0;
        for (const mi of modules) {
          const w = work[mi]!;
          if ((w.status === 'required' || w.status === 'optional') && !w.locked && !w.requiredByRule) open++;
        }
        if (open <= pick) choicesWithoutAlternatives.add(rule);
      }
      return false;
    });
    if (stopped) break;
  }
  return {
    reachable,
    applies,
    contradictions,
    choicesWithoutAlternatives,
    lessonRulesThatSkip,
    mandateOverrides,
    everyLessonSkipped,
    cases,
    totalCases,
    complete: cases === totalCases,
  };
}

/**
 * The naive placement proof: every learner (each value of role, department, seniority and every attribute the course
 * declares, whether a branch reads it or not) × every sequence of answer kinds, walked one by one with nothing merged.
 * The reference the placement proof is tested against.
 */
export function exhaustivePlacement(
  index: CourseIndex,
  options: {
    readonly maxWalks?: number;
    /** Walk only these learners instead of every one. */
    readonly learners?: readonly PlacementLearner[];
  } = {},
): {
  /** Nodes some learner is asked. */
  reached: Set<string>;
  /** Branches ("node:index") some learner takes. */
  taken: Set<string>;
  /** Some learner is asked a question a second time (a walk that comes round again). */
  loops: boolean;
  walks: number;
  complete: boolean;
} {
  const reached = new Set<string>();
  const taken = new Set<string>();
  let loops = false;
  let walks = 0;
  const maxWalks = options.maxWalks ?? 1_000_000;
  const attributes = ['role', 'department', 'seniority', ...index.attributes.keys()];
  const learners = attributes.reduce<Record<string, string>[]>(
    (all, a) => {
      const domain = attributeDomain(index, a);
      return domain.length ? all.flatMap((partial) => domain.map((v) => ({ ...partial, [a]: v }))) : all;
    },
    [{}],
  );
  const walk = (walker: PlacementWalker): boolean => {
    if (walks >= maxWalks) return false;
    if (walker.done) {
      walks++;
      return true;
    }
    if (walker.looping) {
      loops = true;
      walks++;
      return true;
    }
    const pending = walker.pending;
    if (!pending) return true;
    reached.add(pending.node.id);
    for (const answer of answerKinds(pending.question)) {
      const next = walker.clone();
      next.answer(answer);
      const step = next.steps.at(-1)!;
      if (step.branch >= 0) taken.add(`${step.node}:${step.branch}`);
      if (!walk(next)) return false;
    }
    return true;
  };
  let complete = true;
  for (const learner of options.learners ?? learners.map((values) => placementLearner(values, index))) {
    const start = PlacementWalker.start(index, learner);
    if (start && !walk(start)) {
      complete = false;
      break;
    }
  }
  return { reached, taken, loops, walks, complete };
}
