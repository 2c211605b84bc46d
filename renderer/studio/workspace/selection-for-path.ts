import type { Course } from '../../../shared/model';
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

/**
 * The item a Finding or CourseProblem path points into, so a problem can open the editor that
 * fixes it. Paths into something that no longer exists fall back to the list that held it.
 */
export function selectionForPath(course: Course, path: string): Selection {
  const segments = parseJsonPath(path);
  if (!segments) return { kind: 'course' };
  const [top, index, child, childIndex] = segments;
  if (top === 'modules') {
    const module = typeof index === 'number' ? course.modules[index] : undefined;
    if (!module) return { kind: 'modules' };
    const lesson = child === 'lessons' && typeof childIndex === 'number' ? module.lessons[childIndex] : undefined;
    return lesson ? { kind: 'lesson', module: module.id, id: lesson.id } : { kind: 'module', id: module.id };
  }
  if (top === 'placement') return { kind: 'placement' };
  if (typeof top === 'string' && top in ITEM_KINDS) {
    const list = top as keyof typeof ITEM_KINDS;
    const item = typeof index === 'number' ? course[list][index] : undefined;
    return item ? { kind: ITEM_KINDS[list], id: item.id } : { kind: list };
  }
  return { kind: 'course' };
}

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
