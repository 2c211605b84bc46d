/**
 * Small courses for the engine's tests: one competency (basics: none < expert), two roles, modules of one lesson each
 * unless said otherwise. Each test adds only what it is about.
 */
import { COURSE_FORMAT_VERSION, type CourseInput } from '../../model';
import { loadCourse } from '../course-index';
import type { LearnerState } from '../learner';
import type { LearnerPath } from '../resolve';

export type ModuleInput = NonNullable<CourseInput['modules']>[number];
export type RuleInput = NonNullable<CourseInput['rules']>[number];

/** A module titled after its id in capitals, with one empty lesson `<id>-l` unless `extra` says otherwise. */
export const moduleNamed = (id: string, extra: Partial<ModuleInput> = {}): ModuleInput => ({
  id,
  title: id.toUpperCase(),
  lessons: [{ id: `${id}-l`, title: `${id.toUpperCase()} lesson`, blocks: [] }],
  ...extra,
});

/** A rule whose reason names it ("Because <id>."). */
export const ruleNamed = (id: string, when: string, then: RuleInput['then']): RuleInput => ({
  id,
  when,
  then,
  reason: `Because ${id}.`,
});

export const courseWith = (rest: Partial<CourseInput> = {}): CourseInput => ({
  format: COURSE_FORMAT_VERSION,
  id: 'x',
  title: 'X',
  settings: { roles: ['teller', 'admin'] },
  competencies: [
    {
      id: 'basics',
      name: 'Basics',
      levels: [
        { id: 'none', name: 'None', minScore: 0 },
        { id: 'expert', name: 'Expert', minScore: 0.8 },
      ],
    },
  ],
  modules: [],
  ...rest,
});

/** What loading the course reports: empty when it loads. */
export const problemsOf = (input: CourseInput) => {
  const load = loadCourse(input);
  return load.ok ? [] : load.problems;
};

/** A learner of this role who knows nothing of basics and has done nothing yet. */
export const learnerAs = (role: string, extra: Partial<LearnerState> = {}): LearnerState => ({
  role,
  needs: { captions: false, audio: false, reducedMotion: false },
  mastery: { basics: 'none' },
  scores: { basics: 0 },
  takeAnyway: [],
  formats: {},
  picks: {},
  completed: [],
  ...extra,
});

/** The same learner, an expert in basics. */
export const expertAs = (role: string, extra: Partial<LearnerState> = {}): LearnerState =>
  learnerAs(role, { mastery: { basics: 'expert' }, scores: { basics: 1 }, ...extra });

export const moduleIn = (path: LearnerPath, id: string) => path.modules.find((m) => m.id === id)!;
