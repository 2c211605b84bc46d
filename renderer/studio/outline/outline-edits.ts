import type { Course, CourseModule, Lesson } from '../../../shared/model';
import type { Edit } from '../../../shared/ops';
import type { Selection } from '../workspace/selection';

type ModuleSel = Extract<Selection, { kind: 'module' }>;
type LessonSel = Extract<Selection, { kind: 'lesson' }>;
export type OutlineItem = ModuleSel | LessonSel;

/** A designer's action on the outline: the edits to apply as one undo step, and what to focus after. */
export interface OutlineAction {
  readonly label: string;
  readonly edits: readonly Edit[];
  readonly focus?: Selection;
}

function freshId(taken: Iterable<string>, prefix: string): string {
  const ids = new Set(taken);
  for (let n = 1; ; n++) if (!ids.has(`${prefix}-${n}`)) return `${prefix}-${n}`;
}

const moduleOf = (course: Course, id: string) => course.modules.find((m) => m.id === id);

export function addModule(course: Course, after?: string): OutlineAction {
  const id = freshId(
    course.modules.map((m) => m.id),
    'module',
  );
  const at = after ? course.modules.findIndex((m) => m.id === after) + 1 : 0;
  const value: CourseModule = {
    id,
    title: 'Untitled module',
    summary: '',
    competencies: [],
    audience: [],
    optional: false,
    mandatoryFor: [],
    prerequisites: [],
    lessons: [],
  };
  return {
    label: 'Add module',
    edits: [
      { op: { kind: 'insert', path: ['modules'], ...(at > 0 ? { index: at } : {}), value }, label: 'Add module' },
    ],
    focus: { kind: 'module', id },
  };
}

export function addLesson(course: Course, module: string): OutlineAction | null {
  const target = moduleOf(course, module);
  if (!target) return null;
  // Lesson ids are unique across the course so that rules and formats can name them.
  const id = freshId(
    course.modules.flatMap((m) => m.lessons.map((l) => l.id)),
    'lesson',
  );
  const value: Lesson = { id, title: 'Untitled lesson', minutes: 5, blocks: [], renditions: [] };
  return {
    label: 'Add lesson',
    edits: [{ op: { kind: 'insert', path: ['modules', { id: module }, 'lessons'], value }, label: 'Add lesson' }],
    focus: { kind: 'lesson', module, id },
  };
}

export function renameItem(item: OutlineItem, title: string): OutlineAction {
  const path =
    item.kind === 'module'
      ? ['modules', { id: item.id }, 'title']
      : ['modules', { id: item.module }, 'lessons', { id: item.id }, 'title'];
  const label = item.kind === 'module' ? 'Rename module' : 'Rename lesson';
  return { label, edits: [{ op: { kind: 'set', path, value: title }, label }], focus: item };
}

/** Removes modules and lessons (lessons inside a removed module go with it). */
export function removeItems(items: readonly OutlineItem[]): OutlineAction {
  const modules = new Set(items.flatMap((i) => (i.kind === 'module' ? [i.id] : [])));
  const edits: Edit[] = [];
  for (const item of items) {
    if (item.kind === 'module') edits.push({ op: { kind: 'remove', path: ['modules', { id: item.id }] }, label: 'x' });
    else if (!modules.has(item.module))
      edits.push({
        op: { kind: 'remove', path: ['modules', { id: item.module }, 'lessons', { id: item.id }] },
        label: 'x',
      });
  }
  const n = edits.length;
  const kind = items.every((i) => i.kind === 'lesson')
    ? 'lesson'
    : items.every((i) => i.kind === 'module')
      ? 'module'
      : 'item';
  const label = n === 1 ? `Delete ${kind}` : `Delete ${n} ${kind}s`;
  return { label, edits: edits.map((e) => ({ ...e, label })) };
}

/** Moves one module or lesson up or down among its siblings (Alt+↑/↓); null at the edge. */
export function moveBy(course: Course, item: OutlineItem, delta: -1 | 1): OutlineAction | null {
  if (item.kind === 'module') {
    const index = course.modules.findIndex((m) => m.id === item.id);
    const to = index + delta;
    if (index < 0 || to < 0 || to >= course.modules.length) return null;
    return {
      label: 'Move module',
      edits: [{ op: { kind: 'move', path: ['modules', { id: item.id }], to }, label: 'Move module' }],
      focus: item,
    };
  }
  const module = moduleOf(course, item.module);
  const index = module?.lessons.findIndex((l) => l.id === item.id) ?? -1;
  if (!module || index < 0) return null;
  const to = index + delta;
  if (to >= 0 && to < module.lessons.length)
    return {
      label: 'Move lesson',
      edits: [
        {
          op: { kind: 'move', path: ['modules', { id: module.id }, 'lessons', { id: item.id }], to },
          label: 'Move lesson',
        },
      ],
      focus: item,
    };
  // At the edge of its module, a lesson moves into the neighbouring module.
  const neighbour = course.modules[course.modules.indexOf(module) + delta];
  if (!neighbour) return null;
  return moveLessonsTo(course, [item], neighbour.id, delta < 0 ? neighbour.lessons.length : 0);
}

/** Moves lessons into a module, before the lesson now at `index` (drag and drop, "Move to…"). */
export function moveLessonsTo(
  course: Course,
  lessons: readonly LessonSel[],
  module: string,
  index: number,
): OutlineAction | null {
  const target = moduleOf(course, module);
  if (!target) return null;
  const found = lessons.flatMap((sel) => {
    const from = moduleOf(course, sel.module);
    const position = from?.lessons.findIndex((l) => l.id === sel.id) ?? -1;
    return from && position >= 0 ? [{ from: from.id, position, value: from.lessons[position]! }] : [];
  });
  if (found.length === 0) return null;
  const sameModule = found.filter((f) => f.from === module);
  const at = Math.min(
    index - sameModule.filter((f) => f.position < index).length,
    target.lessons.length - sameModule.length,
  );
  const label = found.length === 1 ? 'Move lesson' : `Move ${found.length} lessons`;
  const edits: Edit[] = [
    ...found.map((f): Edit => ({
      op: { kind: 'remove', path: ['modules', { id: f.from }, 'lessons', { id: f.value.id }] },
      label,
    })),
    ...found.map((f, i): Edit => ({
      op: { kind: 'insert', path: ['modules', { id: module }, 'lessons'], index: Math.max(0, at) + i, value: f.value },
      label,
    })),
  ];
  return { label, edits, focus: { kind: 'lesson', module, id: found[0]!.value.id } };
}

/** Moves modules before the module now at `index` (drag and drop, "Move to…"). */
export function moveModulesTo(course: Course, modules: readonly ModuleSel[], index: number): OutlineAction | null {
  const found = modules.flatMap((sel) => {
    const position = course.modules.findIndex((m) => m.id === sel.id);
    return position >= 0 ? [{ position, value: course.modules[position]! }] : [];
  });
  if (found.length === 0) return null;
  const at = Math.max(0, index - found.filter((f) => f.position < index).length);
  const label = found.length === 1 ? 'Move module' : `Move ${found.length} modules`;
  const edits: Edit[] = [
    ...found.map((f): Edit => ({ op: { kind: 'remove', path: ['modules', { id: f.value.id }] }, label })),
    ...found.map((f, i): Edit => ({ op: { kind: 'insert', path: ['modules'], index: at + i, value: f.value }, label })),
  ];
  return { label, edits, focus: { kind: 'module', id: found[0]!.value.id } };
}
