import type { CourseIndex, LearnerPath, ModuleStatus, PathLesson, PathModule, PlacementResult } from '../engine';
import { lessonReason, personaState, resolvePath } from '../engine';
import type { Persona } from '../model';

/** A persona's planned path: the same engine calls as `tailor paths`, so the two cannot disagree. */
export interface LearnerPreview {
  readonly persona: Persona;
  readonly placement: PlacementResult;
  readonly path: LearnerPath;
}

export function previewLearner(index: CourseIndex, persona: Persona): LearnerPreview {
  const { state, placement } = personaState(index, persona);
  return { persona, placement, path: resolvePath(index, state) };
}

/** What a module is for this learner, in the designer's words. */
export const STATUS_LABEL: Readonly<Record<ModuleStatus, string>> = {
  required: 'Takes',
  optional: 'May take',
  skipped: 'Tested out',
  excluded: 'Not for them',
  choice: 'Chooses',
};

export const moduleLabel = (m: PathModule): string =>
  `${STATUS_LABEL[m.status]}${m.recommended ? ' · recommended' : ''}`;

/**
 * What a lesson rule did to a lesson for this learner, in the designer's words: `Skipped: <reason>`, or what the module
 * is for them with the reason a rule did not apply (a mandate keeps the lesson).
 */
export function lessonLabel(m: PathModule, lesson: PathLesson): string {
  const why = lessonReason(lesson);
  if (lesson.skipped) return `Skipped: ${why}`;
  return why ? `${STATUS_LABEL[m.status]}: ${why}` : STATUS_LABEL[m.status];
}

/** One line of the side-by-side table: a label and one cell per learner. */
export interface ComparisonRow {
  readonly key: string;
  readonly label: string;
  readonly group: 'summary' | 'modules';
  readonly cells: readonly string[];
  /** The learners do not all get the same here. */
  readonly differs: boolean;
}

const row = (key: string, label: string, group: ComparisonRow['group'], cells: string[]): ComparisonRow => ({
  key,
  label,
  group,
  cells,
  differs: new Set(cells).size > 1,
});

const count = (path: LearnerPath, status: ModuleStatus) => path.modules.filter((m) => m.status === status).length;
const skippedLessons = (path: LearnerPath) =>
  path.modules.reduce((n, m) => n + m.lessons.filter((l) => l.skipped).length, 0);

/**
 * The side-by-side comparison of 2–4 learners: a summary, then every module's status for each, and under a module each
 * of its lessons a lesson rule names (`Module › Lesson`).
 */
export function compareLearners(index: CourseIndex, learners: readonly LearnerPreview[]): ComparisonRow[] {
  const levels = (p: PlacementResult) =>
    index.course.competencies.map((c) => `${c.name}: ${p.mastery[c.id] ?? 'none'}`).join(', ') || 'No competencies';
  return [
    row(
      'role',
      'Role',
      'summary',
      learners.map((l) => l.persona.role),
    ),
    row(
      'asked',
      'Placement questions asked',
      'summary',
      learners.map((l) => String(l.placement.steps.length)),
    ),
    row(
      'levels',
      'Placed at',
      'summary',
      learners.map((l) => levels(l.placement)),
    ),
    row(
      'taken',
      'Modules to take',
      'summary',
      learners.map((l) => String(count(l.path, 'required'))),
    ),
    row(
      'tested',
      'Tested out',
      'summary',
      learners.map((l) => String(count(l.path, 'skipped'))),
    ),
    ...(index.rulesByLesson.size
      ? [
          row(
            'lessons-skipped',
            'Lessons skipped',
            'summary',
            learners.map((l) => String(skippedLessons(l.path))),
          ),
        ]
      : []),
    row(
      'minutes',
      'Estimated time',
      'summary',
      learners.map((l) => `${l.path.minutesLeft} min`),
    ),
    ...index.course.modules.flatMap((m) => [
      row(
        `module:${m.id}`,
        m.title,
        'modules',
        learners.map((l) => {
          const planned = l.path.modules.find((p) => p.id === m.id);
          return planned ? moduleLabel(planned) : STATUS_LABEL.excluded;
        }),
      ),
      ...m.lessons
        .filter((lesson) => index.rulesByLesson.has(lesson.id))
        .map((lesson) =>
          row(
            `lesson:${lesson.id}`,
            `${m.title} › ${lesson.title}`,
            'modules',
            learners.map((l) => {
              const planned = l.path.modules.find((p) => p.id === m.id);
              const at = planned?.lessons.find((x) => x.id === lesson.id);
              return planned && at ? lessonLabel(planned, at) : STATUS_LABEL.excluded;
            }),
          ),
        ),
    ]),
  ];
}
