import { COURSE_FORMAT_VERSION } from './constants';

export interface CourseMigration {
  /** The format a course.json has after this step. */
  readonly to: number;
  readonly description: string;
  up(course: Record<string, unknown>): Record<string, unknown>;
}

/**
 * Steps that bring an older course.json up to the current format, applied in order. Format 1 is
 * the first released one; each later format adds one step and one test.
 */
export const courseMigrations: readonly CourseMigration[] = [
  {
    to: 2,
    description:
      'Modules may list prerequisites (docs/decisions/0007-prerequisites.md). A format-1 course has none, so it means the same in format 2.',
    up: (course) => course,
  },
  {
    to: 3,
    description:
      'Courses may declare their own learner attributes, and audiences and mandates may name their values (docs/decisions/0008-learner-attributes.md). A format-2 course declares none, so it means the same in format 3.',
    up: (course) => course,
  },
  {
    to: 4,
    description:
      'A choice may ask the learner to pick several of its modules ("pick" on an offer-choice action; docs/decisions/0009-pick-several.md). A format-3 choice picks one, so it means the same in format 4.',
    up: (course) => course,
  },
  {
    to: 5,
    description:
      'A rule may skip single lessons inside a module ("skip-lessons"; docs/decisions/0010-lesson-rules.md). A format-4 course has no such rule, so it means the same in format 5.',
    up: (course) => course,
  },
];

export type MigrationResult =
  | { readonly ok: true; readonly course: unknown; readonly from: number }
  | { readonly ok: false; readonly message: string };

/** Brings a course.json value to the current format, or says why it cannot. Never changes its input. */
export function migrateCourseJson(
  input: unknown,
  migrations: readonly CourseMigration[] = courseMigrations,
): MigrationResult {
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    return { ok: false, message: 'A course must be a JSON object.' };
  const format = (input as { format?: unknown }).format;
  if (typeof format !== 'number' || !Number.isInteger(format) || format < 1)
    return {
      ok: false,
      message: `"format" must be the course format number (this Tailor writes ${COURSE_FORMAT_VERSION}).`,
    };
  const latest = migrations.at(-1)?.to ?? COURSE_FORMAT_VERSION;
  if (format > latest)
    return {
      ok: false,
      message: `This course was saved by a newer Tailor (format ${format}; this one reads up to ${latest}). Update Tailor to open it.`,
    };
  // A current course needs no step, so it is passed on as it is (not copied: a 5,000-lesson course
  // is megabytes of JSON, and the schema parse that follows builds new objects anyway).
  if (format === latest) return { ok: true, course: input, from: format };
  // course.json is plain JSON, so a JSON round trip is an exact deep copy that the steps may change.
  let course = JSON.parse(JSON.stringify(input)) as Record<string, unknown>;
  for (const step of migrations) if (step.to > format) course = { ...step.up(course), format: step.to };
  return { ok: true, course, from: format };
}
