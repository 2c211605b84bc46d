import type { HistoryState } from '../../../shared/contract';
import type { Course } from '../../../shared/model';
import type { OutlineItem } from '../outline/outline-edits';
import type { Selection } from '../workspace/selection';
import type { Command } from './registry';

/** What the studio's commands read and do; the workspace builds it from its state. */
export interface StudioCommandContext {
  readonly course: Course;
  readonly history: HistoryState;
  readonly editable: boolean;
  readonly selection: Selection | null;
  /** The modules and lessons the designer selected in the navigator (several with Ctrl/Shift). */
  readonly items: readonly OutlineItem[];
  undo(): void;
  redo(): void;
  addModule(): void;
  addLesson(): void;
  rename(item: OutlineItem): void;
  remove(items: readonly OutlineItem[]): void;
  move(item: OutlineItem, delta: -1 | 1): void;
  moveTo(items: readonly OutlineItem[]): void;
  select(selection: Selection): void;
  publish(): void;
  openPalette(): void;
  focusNavigator(): void;
}

type C = StudioCommandContext;
const single = (c: C): OutlineItem | null => (c.items.length === 1 ? c.items[0]! : null);
const sameKind = (c: C) => c.items.length > 0 && c.items.every((i) => i.kind === c.items[0]!.kind);
/** The module a new lesson goes into: the selected module, or the selected lesson's module. */
export const targetModule = (c: C): string | null =>
  c.selection?.kind === 'module' ? c.selection.id : c.selection?.kind === 'lesson' ? c.selection.module : null;

export const STUDIO_COMMANDS: readonly Command<C>[] = [
  {
    id: 'edit.undo',
    label: 'Undo',
    group: 'Edit',
    hotkeys: ['mod+z'],
    enabled: (c) => c.editable && c.history.canUndo,
    run: (c) => c.undo(),
  },
  {
    id: 'edit.redo',
    label: 'Redo',
    group: 'Edit',
    hotkeys: ['mod+shift+z', 'mod+y'],
    enabled: (c) => c.editable && c.history.canRedo,
    run: (c) => c.redo(),
  },
  {
    id: 'outline.addModule',
    label: 'Add module',
    group: 'Outline',
    hotkeys: ['mod+shift+m'],
    enabled: (c) => c.editable,
    run: (c) => c.addModule(),
  },
  {
    id: 'outline.addLesson',
    label: 'Add lesson',
    group: 'Outline',
    hotkeys: ['mod+shift+l'],
    enabled: (c) => c.editable && targetModule(c) !== null,
    run: (c) => c.addLesson(),
  },
  {
    id: 'outline.rename',
    label: 'Rename',
    group: 'Outline',
    hotkeys: ['f2'],
    scope: 'outline',
    enabled: (c) => c.editable && single(c) !== null,
    run: (c) => c.rename(single(c)!),
  },
  {
    id: 'outline.moveUp',
    label: 'Move up',
    group: 'Outline',
    hotkeys: ['alt+up'],
    scope: 'outline',
    enabled: (c) => c.editable && single(c) !== null,
    run: (c) => c.move(single(c)!, -1),
  },
  {
    id: 'outline.moveDown',
    label: 'Move down',
    group: 'Outline',
    hotkeys: ['alt+down'],
    scope: 'outline',
    enabled: (c) => c.editable && single(c) !== null,
    run: (c) => c.move(single(c)!, 1),
  },
  {
    id: 'outline.moveTo',
    label: 'Move to…',
    group: 'Outline',
    hotkeys: ['mod+shift+up'],
    scope: 'outline',
    enabled: (c) => c.editable && sameKind(c),
    run: (c) => c.moveTo(c.items),
  },
  {
    id: 'outline.delete',
    label: 'Delete',
    group: 'Outline',
    hotkeys: ['del'],
    scope: 'outline',
    enabled: (c) => c.editable && c.items.length > 0,
    run: (c) => c.remove(c.items),
  },
  {
    id: 'course.publish',
    label: 'Publish for an LMS…',
    group: 'Course',
    hotkeys: ['mod+shift+p'],
    enabled: () => true,
    run: (c) => c.publish(),
  },
  {
    id: 'course.preview',
    label: 'Preview as a learner',
    group: 'Course',
    hotkeys: ['mod+alt+p'],
    enabled: () => true,
    run: (c) => c.select({ kind: 'preview' }),
  },
  {
    id: 'course.settings',
    label: 'Course settings',
    group: 'Go to',
    enabled: () => true,
    run: (c) => c.select({ kind: 'course' }),
  },
  {
    id: 'go.navigator',
    label: 'Go to the outline',
    group: 'Go to',
    hotkeys: ['mod+shift+e'],
    inInputs: true,
    enabled: () => true,
    run: (c) => c.focusNavigator(),
  },
  {
    id: 'view.palette',
    label: 'Find a command or an item…',
    group: 'View',
    hotkeys: ['mod+k'],
    inInputs: true,
    enabled: () => true,
    run: (c) => c.openPalette(),
  },
];
