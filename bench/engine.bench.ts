import { answerKinds, exhaustivePlacement, exhaustiveReachability, prove } from '../shared/analysis';
import { attributeDomain, placementLearner } from '../shared/analysis/placement-learners';
import { PlacementWalker } from '../shared/engine/placement';
import { factsFor, firedRules, loadCourseOrThrow, personaState, resolvePath, type CourseIndex } from '../shared/engine';
import type { LearnerState } from '../shared/engine';
import { generateCourse, LARGE_COURSE, wideRuleCourse, type WideRuleShape } from './generate-course';
import type { Benchmark } from './harness';

const EXHAUSTIVE_SLICE = 2_000;

let index: CourseIndex;
let states: LearnerState[] = [];
let totalCases = 1;

let withAttributes: CourseIndex;
let withAttributesCases = 1;

let withPlacementBranches: CourseIndex;
let placementWalks = 1;
const PLACEMENT_WALK_SLICE = 2_000;

/** How many walks exhaustive placement enumeration makes (every learner × every answer sequence), counted by memo. */
function countPlacementWalks(index: CourseIndex): number {
  const attributes = ['role', 'department', 'seniority', ...index.attributes.keys()];
  const kinds = attributes.reduce<Record<string, string>[]>(
    (all, a) => {
      const domain = attributeDomain(index, a);
      return domain.length ? all.flatMap((partial) => domain.map((v) => ({ ...partial, [a]: v }))) : all;
    },
    [{}],
  );
  let total = 0;
  for (const values of kinds) {
    const memo = new Map<string, number>();
    const count = (walker: PlacementWalker): number => {
      if (walker.done || walker.looping || !walker.pending) return 1;
      const key = walker.key();
      const known = memo.get(key);
      if (known !== undefined) return known;
      let n = 0;
      for (const answer of answerKinds(walker.pending.question)) {
        const next = walker.clone();
        next.answer(answer);
        n += count(next);
      }
      memo.set(key, n);
      return n;
    };
    const start = PlacementWalker.start(index, placementLearner(values, index));
    total += start ? count(start) : 0;
  }
  return total;
}

function setup() {
  index = loadCourseOrThrow(generateCourse(LARGE_COURSE));
  states = index.course.personas.map((p) => personaState(index, p).state);
  totalCases = exhaustiveReachability(index, { maxCases: 1 }).totalCases;
}

/** A proof row for a course whose capstone is decided by rules reading k competencies together. */
function wideRuleRow(shape: WideRuleShape, k: number): Benchmark {
  let wide: CourseIndex;
  let total = 1;
  const slice = 20_000;
  return {
    name: `proof with ${shape === 'one rule reading all' ? `one rule reading ${k} competencies` : `${k} rules on one module, each reading another competency`}`,
    goal: 'under 1 s, exact (the symbolic search is checked against enumeration in shared/analysis/solver.test.ts)',
    maxSubjectMs: 1000,
    samples: 5,
    setup: () => {
      wide = loadCourseOrThrow(wideRuleCourse(shape, k));
      total = exhaustiveReachability(wide, { maxCases: 1 }).totalCases;
    },
    baseline: {
      label: 'exhaustive enumeration, projected',
      run: () => exhaustiveReachability(wide, { maxCases: slice }),
    },
    get baselineScale() {
      return Math.max(1, total / slice);
    },
    get baselineNote() {
      return `${Math.min(slice, total)} of ${total.toExponential(2)} persona × outcome cases timed, then scaled`;
    },
    subject: { label: 'symbolic proof', run: () => prove(wide) },
  };
}

export const engineBenchmarks: Benchmark[] = [
  wideRuleRow('one rule reading all', 8),
  wideRuleRow('one rule reading all', 12),
  wideRuleRow('one rule per competency', 8),
  wideRuleRow('one rule per competency', 12),
  {
    name: 'proof on the generated course (300 modules, 12 competencies × 4 levels, 200 rules and 20 lesson rules, 8 personas, a fifth of the modules after a prerequisite)',
    goal: 'under 1 s on one core (Node runs it on one thread), and far below exhaustive enumeration',
    maxRatio: 0.01,
    maxSubjectMs: 1000,
    samples: 7,
    setup,
    baseline: {
      label: 'exhaustive enumeration, projected',
      run: () => exhaustiveReachability(index, { maxCases: EXHAUSTIVE_SLICE }),
    },
    get baselineScale() {
      return totalCases / EXHAUSTIVE_SLICE;
    },
    get baselineNote() {
      return `${EXHAUSTIVE_SLICE} of ${totalCases.toExponential(2)} persona × outcome cases timed, then scaled`;
    },
    subject: { label: 'projected proof', run: () => prove(index) },
  },
  {
    name: 'proof on the generated course with 2 learner attributes of its own (2–3 values each) in rules, audiences, mandates and personas',
    goal: 'under 1 s on one core; the proof reasons about every role × value combination something reads, like a role',
    maxSubjectMs: 1000,
    samples: 7,
    setup: () => {
      withAttributes = loadCourseOrThrow(generateCourse({ ...LARGE_COURSE, attributes: 2 }));
      withAttributesCases = exhaustiveReachability(withAttributes, { maxCases: 1 }).totalCases;
    },
    baseline: {
      label: 'exhaustive enumeration, projected',
      run: () => exhaustiveReachability(withAttributes, { maxCases: EXHAUSTIVE_SLICE }),
    },
    get baselineScale() {
      return withAttributesCases / EXHAUSTIVE_SLICE;
    },
    get baselineNote() {
      return `${EXHAUSTIVE_SLICE} of ${withAttributesCases.toExponential(2)} learner × outcome cases timed, then scaled`;
    },
    subject: { label: 'projected proof', run: () => prove(withAttributes) },
  },
  {
    name: 'proof on the same course with placement branches that read role, seniority and its own attributes (and questions only they lead to)',
    goal: 'under 1 s on one core; the placement test is explored once per kind of learner its branches tell apart',
    maxSubjectMs: 1000,
    samples: 7,
    setup: () => {
      withPlacementBranches = loadCourseOrThrow(
        generateCourse({ ...LARGE_COURSE, attributes: 2, placementBranches: true }),
      );
      placementWalks = countPlacementWalks(withPlacementBranches);
    },
    baseline: {
      label: 'exhaustive placement walks, projected',
      run: () => exhaustivePlacement(withPlacementBranches, { maxWalks: PLACEMENT_WALK_SLICE }),
    },
    get baselineScale() {
      return placementWalks / PLACEMENT_WALK_SLICE;
    },
    get baselineNote() {
      return `${PLACEMENT_WALK_SLICE} of ${placementWalks.toExponential(2)} unmerged learner × answer-sequence walks timed, then scaled`;
    },
    subject: { label: 'projected proof', run: () => prove(withPlacementBranches) },
  },
  {
    name: 'path resolution per persona (same course)',
    goal: 'under 1 ms per persona (median); the ratio shows the cost beyond evaluating the rules',
    maxSubjectMs: 1,
    samples: 30,
    batch: 8,
    setup,
    baseline: {
      label: 'evaluating all 220 rule conditions once',
      run: (() => {
        let i = 0;
        return () => firedRules(index, factsFor(index, states[i++ % states.length]!));
      })(),
    },
    subject: {
      label: 'resolvePath',
      run: (() => {
        let i = 0;
        return () => resolvePath(index, states[i++ % states.length]!);
      })(),
    },
  },
];
