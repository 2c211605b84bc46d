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
  const visit = (value: unknown, path: string): void => {
    if (typeof value === 'string') {
      if (value.startsWith('assets/')) found.push({ name: value, path });
    } else if (Array.isArray(value)) value.forEach((item, i) => visit(item, `${path}[${i}]`));
    else if (value && typeof value === 'object')
      for (const [key, item] of Object.entries(value)) visit(item, `${path}.${key}`);
  };
  visit(course.modules, 'modules');
  if (course.settings) visit(course.settings, 'settings');
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
