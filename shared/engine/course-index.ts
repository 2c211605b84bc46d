import { course as courseSchema, jsonPath, knownCourseKeys, migrateCourseJson } from '../model';
import { didYouMean } from './suggest';
import { indexCourse, type CourseIndex, type CourseProblem } from './index-course';

export type { CompiledCondition, CourseIndex, CourseProblem } from './index-course';

export type CourseLoad =
  | { readonly ok: true; readonly index: CourseIndex }
  | { readonly ok: false; readonly problems: readonly CourseProblem[] };

/** Validates a course.json value: schema first, then every reference and every condition. */
export function loadCourse(input: unknown): CourseLoad {
  const migrated = migrateCourseJson(input);
  if (!migrated.ok) return { ok: false, problems: [{ path: 'format', message: migrated.message }] };
  const parsed = courseSchema.safeParse(migrated.course);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((issue) => ({
        path: jsonPath(issue.path),
        message:
          issue.code === 'unrecognized_keys'
            ? `${issue.message}.${issue.keys.map((k) => didYouMean(k, knownCourseKeys())).join('')}`
            : issue.message,
      })),
    };
  }
  const problems: CourseProblem[] = [];
  const index = indexCourse(parsed.data, (path, message) => problems.push({ path, message }));
  return problems.length ? { ok: false, problems } : { ok: true, index };
}

/** Loads a course that must be valid (generated or already verified); throws with the problems otherwise. */
export function loadCourseOrThrow(input: unknown): CourseIndex {
  const load = loadCourse(input);
  if (!load.ok) throw new Error(load.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
  return load.index;
}
