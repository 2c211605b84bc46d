import { describe, expect, it } from 'vitest';
import { course as courseSchema, type Course } from '../../../shared/model';
import { COURSE_FORMAT_VERSION } from '../../../shared/model/constants';
import { applyOp } from '../../../shared/ops';
import {
  addLesson,
  addModule,
  moveBy,
  moveLessonsTo,
  moveModulesTo,
  removeItems,
  renameItem,
  type OutlineAction,
} from './outline-edits';
import { outlineNodes, OUTLINE_ROOT } from './outline-nodes';

const lessons = (...ids: string[]) => ids.map((id) => ({ id, title: id.toUpperCase(), blocks: [] }));
const course: Course = courseSchema.parse({
  format: COURSE_FORMAT_VERSION,
  id: 'c',
  title: 'Safety',
  modules: [
    { id: 'a', title: 'A', lessons: lessons('a1', 'a2', 'a3') },
    { id: 'b', title: 'B', lessons: lessons('b1') },
    { id: 'c', title: 'C', lessons: [] },
  ],
});

function run(action: OutlineAction | null, on: Course = course): Course {
  expect(action).not.toBeNull();
  return action!.edits.reduce((c, edit) => applyOp(c, edit.op).course, on);
}
const shape = (c: Course) => c.modules.map((m) => `${m.id}:${m.lessons.map((l) => l.id).join(',')}`);

describe('outline edits', () => {
  it('adds a module with a fresh id after the given one and focuses it', () => {
    const action = addModule(course, 'a');
    expect(shape(run(action))).toEqual(['a:a1,a2,a3', 'module-1:', 'b:b1', 'c:']);
    expect(action.focus).toEqual({ kind: 'module', id: 'module-1' });
  });

  it('adds a lesson with an id unique across the course', () => {
    const action = addLesson(course, 'c');
    expect(shape(run(action))).toEqual(['a:a1,a2,a3', 'b:b1', 'c:lesson-1']);
  });

  it('moves a module down with Alt+↓ and refuses past the edge', () => {
    expect(shape(run(moveBy(course, { kind: 'module', id: 'a' }, 1)))).toEqual(['b:b1', 'a:a1,a2,a3', 'c:']);
    expect(moveBy(course, { kind: 'module', id: 'c' }, 1)).toBeNull();
  });

  it('moves a lesson at the edge of its module into the neighbouring module', () => {
    const up = run(moveBy(course, { kind: 'lesson', module: 'b', id: 'b1' }, -1));
    expect(shape(up)).toEqual(['a:a1,a2,a3,b1', 'b:', 'c:']);
    const down = run(moveBy(course, { kind: 'lesson', module: 'a', id: 'a3' }, 1));
    expect(shape(down)).toEqual(['a:a1,a2', 'b:a3,b1', 'c:']);
  });

  it('drops lessons inside their own module before the lesson at the index', () => {
    const moved = run(moveLessonsTo(course, [{ kind: 'lesson', module: 'a', id: 'a1' }], 'a', 3));
    expect(shape(moved)).toEqual(['a:a2,a3,a1', 'b:b1', 'c:']);
  });

  it('drops several lessons from different modules into another module, in order', () => {
    const moved = run(
      moveLessonsTo(
        course,
        [
          { kind: 'lesson', module: 'a', id: 'a2' },
          { kind: 'lesson', module: 'b', id: 'b1' },
        ],
        'c',
        0,
      ),
    );
    expect(shape(moved)).toEqual(['a:a1,a3', 'b:', 'c:a2,b1']);
  });

  it('drops modules before the module at the index, keeping their lessons', () => {
    expect(shape(run(moveModulesTo(course, [{ kind: 'module', id: 'a' }], 3)))).toEqual(['b:b1', 'c:', 'a:a1,a2,a3']);
    expect(
      shape(
        run(
          moveModulesTo(
            course,
            [
              { kind: 'module', id: 'c' },
              { kind: 'module', id: 'b' },
            ],
            0,
          ),
        ),
      ),
    ).toEqual(['c:', 'b:b1', 'a:a1,a2,a3']);
  });

  it('deletes a module and lessons of other modules, skipping lessons the module takes with it', () => {
    const action = removeItems([
      { kind: 'module', id: 'a' },
      { kind: 'lesson', module: 'a', id: 'a1' },
      { kind: 'lesson', module: 'b', id: 'b1' },
    ]);
    expect(action.label).toBe('Delete 2 items');
    expect(shape(run(action))).toEqual(['b:', 'c:']);
  });

  it('renames a lesson in place', () => {
    const renamed = run(renameItem({ kind: 'lesson', module: 'a', id: 'a2' }, 'Ramps'));
    expect(renamed.modules[0]!.lessons[1]!.title).toBe('Ramps');
  });

  it('builds the navigator with ids that are the selections in the URL', () => {
    const nodes = outlineNodes(course);
    expect(nodes.get(OUTLINE_ROOT)!.children).toContain('modules');
    expect(nodes.get('modules')!.children).toEqual(['module:a', 'module:b', 'module:c']);
    expect(nodes.get('module:a')!.children).toEqual(['lesson:a:a1', 'lesson:a:a2', 'lesson:a:a3']);
    expect(nodes.get('module:c')!.detail).toBe('none yet');
  });
});
