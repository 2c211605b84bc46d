import type { Course } from '../model';
import type { Finding } from './findings';

/** A media file a course refers to, and where (JSON path in course.json). */
export interface MediaReference {
  readonly name: string;
  readonly path: string;
}

/** Every `assets/…` path the course refers to (blocks, captions, transcripts, renditions, the branding logo and cover picture), in document order. */
export function mediaReferences(course: Pick<Course, 'modules'> & Partial<Pick<Course, 'settings'>>): MediaReference[] {
  const found: MediaReference[] = [];
  // The path is written out only for a reference: a large course has hundreds of thousands of values.
  const at: (string | number)[] = [];
  const pathOf = () =>
    at.map((segment, i) => (typeof segment === 'number' ? `[${segment}]` : i ? `.${segment}` : segment)).join('');
  const visit = (value: unknown): void => {
    if (typeof value === 'string') {
      if (value.startsWith('assets/')) found.push({ name: value, path: pathOf() });
    } else if (Array.isArray(value))
      for (let i = 0; i < value.length; i++) {
        at.push(i);
        visit(value[i]);
        at.pop();
      }
    else if (value && typeof value === 'object')
      for (const key of Object.keys(value)) {
        at.push(key);
        visit((value as Record<string, unknown>)[key]);
        at.pop();
      }
  };
  at.push('modules');
  visit(course.modules);
  if (course.settings) {
    at[0] = 'settings';
    visit(course.settings);
  }
  return found;
}

/** One error per reference to a media file the course does not hold, at the reference's JSON path. */
export function missingMediaFindings(
  course: Pick<Course, 'modules'> & Partial<Pick<Course, 'settings'>>,
  present: Iterable<string>,
): Finding[] {
  const have = new Set(present);
  return mediaReferences(course)
    .filter((ref) => !have.has(ref.name))
    .map((ref) => ({
      severity: 'error' as const,
      code: 'media-missing',
      path: ref.path,
      message: `"${ref.name}" is not among the course's media, so learners would get nothing here. Add the file to the course's media (assets/) or correct the path.`,
    }));
}
