import { courseMediaFields, type Course, type MediaFields } from '../model';
import type { Finding } from './findings';

/** A media file a course refers to, and where (JSON path in course.json). */
export interface MediaReference {
  readonly name: string;
  readonly path: string;
}

/**
 * Calls `found` with every `assets/…` path the course refers to, in document order, and a way to get the reference's
 * JSON path. Only the fields the schema declares as media paths are read, so the walk skips the text, questions and
 * rules that make up most of a large course.
 */
function forEachMediaReference(
  course: Pick<Course, 'modules'> & Partial<Pick<Course, 'settings'>>,
  found: (name: string, pathOf: () => string) => void,
): void {
  // The path is written out only when asked for: a large course has hundreds of thousands of values.
  const at: (string | number)[] = [];
  const pathOf = () =>
    at.map((segment, i) => (typeof segment === 'number' ? `[${segment}]` : i ? `.${segment}` : segment)).join('');
  const visit = (value: unknown, plan: MediaFields): void => {
    if (typeof value === 'string') {
      if (plan.media && value.startsWith('assets/')) found(value, pathOf);
    } else if (Array.isArray(value)) {
      const items = plan.items;
      if (items)
        for (let i = 0; i < value.length; i++) {
          at.push(i);
          visit(value[i], items);
          at.pop();
        }
    } else if (value && typeof value === 'object') {
      const record = value as Record<string, unknown>;
      for (const [key, inner] of plan.fields) {
        const field = record[key];
        if (field !== undefined && Object.hasOwn(record, key)) {
          at.push(key);
          visit(field, inner);
          at.pop();
        }
      }
      const values = plan.values;
      if (values)
        for (const key of Object.keys(record)) {
          at.push(key);
          visit(record[key], values);
          at.pop();
        }
    }
  };
  const fields = courseMediaFields().fields;
  for (const key of ['modules', 'settings'] as const) {
    const plan = fields.get(key);
    if (plan && course[key] !== undefined) {
      at[0] = key;
      visit(course[key], plan);
    }
  }
}

/** Every `assets/…` path the course refers to (blocks, captions, transcripts, renditions, the branding logo and cover picture), in document order. */
export function mediaReferences(course: Pick<Course, 'modules'> & Partial<Pick<Course, 'settings'>>): MediaReference[] {
  const found: MediaReference[] = [];
  forEachMediaReference(course, (name, pathOf) => found.push({ name, path: pathOf() }));
  return found;
}

/** The names of the media files the course refers to, as `mediaReferences` finds them, without their JSON paths. */
export function mediaNames(course: Pick<Course, 'modules'> & Partial<Pick<Course, 'settings'>>): Set<string> {
  const names = new Set<string>();
  forEachMediaReference(course, (name) => names.add(name));
  return names;
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
      message: `“${ref.name}” is not among the course's media, so learners would get nothing here. Add the file to the course's media (assets/) or correct the path.`,
    }));
}
