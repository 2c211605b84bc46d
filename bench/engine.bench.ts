import { exhaustiveReachability, prove } from '../shared/analysis';
import { factsFor, firedRules, loadCourseOrThrow, personaState, resolvePath, type CourseIndex } from '../shared/engine';
import type { LearnerState } from '../shared/engine';
import { generateCourse, LARGE_COURSE } from './generate-course';
import type { Benchmark } from './harness';

const EXHAUSTIVE_SLICE = 2_000;

let index: CourseIndex;
let states: LearnerState[] = [];
let totalCases = 1;

function setup() {
  index = loadCourseOrThrow(generateCourse(LARGE_COURSE));
  states = index.course.personas.map((p) => personaState(index, p).state);
  totalCases = exhaustiveReachability(index, { maxCases: 1 }).totalCases;
}

export const engineBenchmarks: Benchmark[] = [
  {
    name: 'proof on the generated course (300 modules, 12 competencies × 4 levels, 200 rules, 8 personas)',
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
    name: 'path resolution per persona (same course)',
    goal: 'under 1 ms per persona (median); the ratio shows the cost beyond evaluating the rules',
    maxSubjectMs: 1,
    samples: 30,
    batch: 8,
    setup,
    baseline: {
      label: 'evaluating all 200 rule conditions once',
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
