import type { Course, CourseModule, Lesson } from '../../../shared/model';
import type { Selection } from './selection';

/** `modules[2].lessons[0].title` → `['modules', 2, 'lessons', 0, 'title']`; null when it is not a path. */
export function parseJsonPath(path: string): (string | number)[] | null {
  const out: (string | number)[] = [];
  const pattern = /([A-Za-z_][\w-]*)|\[(\d+)\]/g;
  let consumed = 0;
  for (const match of path.matchAll(pattern)) {
    const between = path.slice(consumed, match.index);
    if (between !== '' && between !== '.') return null;
    out.push(match[2] !== undefined ? Number(match[2]) : match[1]!);
    consumed = match.index + match[0].length;
  }
  return consumed === path.length && out.length ? out : null;
}

const ITEM_KINDS = {
  competencies: 'competency',
  questions: 'question',
  banks: 'bank',
  rules: 'rule',
  personas: 'persona',
} as const;

/** What a path points into: the selection that opens it, and the objects found on the way (by index, at once). */
export interface PathTarget {
  readonly selection: Selection;
  readonly module?: CourseModule;
  readonly lesson?: Lesson;
  /** An item of one of the course's lists (a competency, a question…), with its place in that list. */
  readonly item?: { readonly value: Course[keyof typeof ITEM_KINDS][number]; readonly index: number };
}

/**
 * The item a Finding or CourseProblem path points into, so a problem can open the editor that
 * fixes it. Paths into something that no longer exists fall back to the list that held it.
 */
export function pathTarget(course: Course, path: string): PathTarget {
  const segments = parseJsonPath(path);
  if (!segments) return { selection: { kind: 'course' } };
  const [top, index, child, childIndex] = segments;
  if (top === 'modules') {
    const module = typeof index === 'number' ? course.modules[index] : undefined;
    if (!module) return { selection: { kind: 'modules' } };
    const lesson = child === 'lessons' && typeof childIndex === 'number' ? module.lessons[childIndex] : undefined;
    return lesson
      ? { selection: { kind: 'lesson', module: module.id, id: lesson.id }, module, lesson }
      : { selection: { kind: 'module', id: module.id }, module };
  }
  if (top === 'placement') return { selection: { kind: 'placement' } };
  if (typeof top === 'string' && top in ITEM_KINDS) {
    const list = top as keyof typeof ITEM_KINDS;
    const value = typeof index === 'number' ? course[list][index] : undefined;
    return value
      ? { selection: { kind: ITEM_KINDS[list], id: value.id }, item: { value, index: index as number } }
      : { selection: { kind: list } };
  }
  return { selection: { kind: 'course' } };
}

export const selectionForPath = (course: Course, path: string): Selection => pathTarget(course, path).selection;

/** Whether `selection` still names something in `course` (a reload or an undo may remove it). */
export function selectionExists(course: Course, selection: Selection): boolean {
  switch (selection.kind) {
    case 'module':
      return course.modules.some((m) => m.id === selection.id);
    case 'lesson':
      return course.modules.some((m) => m.id === selection.module && m.lessons.some((l) => l.id === selection.id));
    case 'competency':
      return course.competencies.some((c) => c.id === selection.id);
    case 'question':
      return course.questions.some((q) => q.id === selection.id);
    case 'bank':
      return course.banks.some((b) => b.id === selection.id);
    case 'rule':
      return course.rules.some((r) => r.id === selection.id);
    case 'persona':
      return course.personas.some((p) => p.id === selection.id);
    default:
      return true;
  }
}
