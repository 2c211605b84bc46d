import {
  encodeLearnerRecord,
  loadCourseOrThrow,
  personaState,
  resultOfRecord,
  type CourseIndex,
  type LearnerRecord,
} from '../shared/engine';
import { generateCourse } from './generate-course';
import type { Benchmark } from './harness';

/** A learner part-way through: every other required lesson of their path done. */
function learnerOf(index: CourseIndex): LearnerRecord {
  const persona = index.course.personas[0]!;
  const { state } = personaState(index, persona);
  const { path } = resultOfRecord(index, {
    role: state.role,
    seniority: persona.seniority,
    needs: state.needs,
    prior: persona.prior.mastery,
    answers: [],
    takeAnyway: [],
    formats: {},
    picks: {},
    completed: [],
  });
  const lessons = path.modules.filter((m) => m.status === 'required').flatMap((m) => m.lessons.map((l) => l.id));
  return {
    role: state.role,
    seniority: persona.seniority,
    needs: state.needs,
    prior: persona.prior.mastery,
    answers: [],
    takeAnyway: [],
    formats: {},
    picks: {},
    completed: lessons.filter((_, i) => i % 2 === 0),
    checks: {},
    visits: 1,
  };
}

/** What the player computes for one "Mark complete and continue": the new path and result, once, and the saved progress. */
const lessonIds = new WeakMap<CourseIndex, readonly string[]>();
function click(index: CourseIndex, record: LearnerRecord, lesson: number) {
  // Which lesson the learner finishes is the bench's choice, not the player's work: listed once per course.
  let all = lessonIds.get(index);
  if (!all) lessonIds.set(index, (all = index.course.modules.flatMap((m) => m.lessons.map((l) => l.id))));
  const next = { ...record, completed: [...record.completed, all[lesson % all.length]!] };
  const { result } = resultOfRecord(index, next);
  return [result.progress, encodeLearnerRecord(index, next)];
}

let small: CourseIndex;
let large: CourseIndex;
let smallLearner: LearnerRecord;
let largeLearner: LearnerRecord;

export const playerBenchmarks: Benchmark[] = [
  {
    name: 'player script per click: 3,000 modules × 120 competencies vs 30 modules (path, result, saved progress)',
    goal: 'every click under 50 ms (engine work per state change, once; DOM not included)',
    maxSubjectMs: 50,
    // "Every click": the slowest clicks count, not only the typical one.
    maxSubjectP99Ms: 50,
    samples: 15,
    setup() {
      small = loadCourseOrThrow(generateCourse({ seed: 5, modules: 30, competencies: 4, rules: 20, personas: 4 }));
      large = loadCourseOrThrow(
        generateCourse({ seed: 5, modules: 3000, competencies: 120, rules: 2000, personas: 4 }),
      );
      smallLearner = learnerOf(small);
      largeLearner = learnerOf(large);
    },
    baseline: {
      label: 'the same click on the 30-module course',
      run: (() => {
        let i = 0;
        return () => click(small, smallLearner, i++);
      })(),
    },
    subject: {
      label: 'a click on the 3,000-module course',
      run: (() => {
        let i = 0;
        return () => click(large, largeLearner, i++);
      })(),
    },
  },
];
