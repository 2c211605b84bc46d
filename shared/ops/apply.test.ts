import { describe, expect, it } from 'vitest';
import { produceWithPatches } from 'immer';
import { course as courseSchema, type Course, type Lesson } from '../model';
import { applyOp, OpError, replay } from './apply';
import type { Op } from './op';

const courseWith = (modules: number): Course =>
  courseSchema.parse({
    format: 5,
    id: 'c',
    title: 'C',
    modules: Array.from({ length: modules }, (_, i) => ({
      id: `m${i}`,
      title: `Module ${i}`,
      lessons: [{ id: `l${i}`, title: `Lesson ${i}`, blocks: [] }],
    })),
  });

describe('applyOp', () => {
  it('renames a module found by id and shares every other module with the course before', () => {
    const before = courseWith(200);
    const { course, patches, inverse } = applyOp(before, {
      kind: 'set',
      path: ['modules', { id: 'm150' }, 'title'],
      value: 'Renamed',
    });
    expect(course.modules[150]!.title).toBe('Renamed');
    expect(course.modules.filter((m, i) => m !== before.modules[i]).map((m) => m.id)).toEqual(['m150']);
    expect(patches).toEqual([{ op: 'replace', path: ['modules', 150, 'title'], value: 'Renamed' }]);
    expect(replay(course, inverse)).toEqual(before);
    expect(Object.isFrozen(course.modules)).toBe(true);
  });

  it('edits inside an element found by id, deeper down', () => {
    const { course } = applyOp(courseWith(5), {
      kind: 'set',
      path: ['modules', { id: 'm3' }, 'lessons', { id: 'l3' }, 'title'],
      value: 'Deep',
    });
    expect(course.modules[3]!.lessons[0]!.title).toBe('Deep');
  });

  it('refuses an id already used in the list, however the element gets it', () => {
    const course = courseWith(5);
    const idChange: Op = { kind: 'set', path: ['modules', { id: 'm4' }, 'id'], value: 'm1' };
    const attempts: Op[] = [
      idChange,
      { kind: 'set', path: ['modules', { id: 'm4' }], value: { id: 'm1', title: 'X', lessons: [] } },
      { kind: 'insert', path: ['modules'], value: { id: 'm2', title: 'X', lessons: [] } },
    ];
    for (const op of attempts) expect(() => applyOp(course, op)).toThrow(OpError);
    expect(() => applyOp(course, idChange)).toThrow(/"m1" is already used in modules/);
  });

  it('accepts a new id that is free, and refuses an invalid value inside an element', () => {
    const course = courseWith(5);
    expect(
      applyOp(course, { kind: 'set', path: ['modules', { id: 'm4' }, 'id'], value: 'm9' }).course.modules[4]!.id,
    ).toBe('m9');
    const refusal = (() => {
      try {
        applyOp(course, { kind: 'set', path: ['modules', { id: 'm4' }, 'title'], value: ' ' });
      } catch (error) {
        return error;
      }
    })();
    expect(refusal).toBeInstanceOf(OpError);
    expect(refusal).toMatchObject({ path: 'modules[4].title', message: 'must not be empty' });
  });

  it('names the full path of a place inside an element that does not exist', () => {
    const course = courseWith(5);
    const refusal = (op: Op) => {
      try {
        applyOp(course, op);
      } catch (error) {
        return error;
      }
      return undefined;
    };
    expect(
      refusal({ kind: 'set', path: ['modules', { id: 'm2' }, 'lessons', { id: 'ghost' }, 'title'], value: 'X' }),
    ).toMatchObject({ path: 'modules[2].lessons', message: 'there is no item with id "ghost" here' });
    expect(refusal({ kind: 'insert', path: ['modules', { id: 'm2' }, 'title'], value: 'X' })).toMatchObject({
      path: 'modules[2].title',
      message: 'can only insert into a list',
    });
    expect(refusal({ kind: 'move', path: ['modules', { id: 'm2' }, 'lessons', 0], to: 3 })).toMatchObject({
      path: 'modules[2].lessons',
      message: 'the list has only 1 items',
    });
  });

  it('returns the same course and no patches for an edit that changes nothing', () => {
    const course = courseWith(5);
    const applied = applyOp(course, { kind: 'set', path: ['modules', { id: 'm2' }, 'title'], value: 'Module 2' });
    expect(applied.course).toBe(course);
    expect(applied.patches).toEqual([]);
  });

  it('gives an edit inside an element the patches immer gives the same change made on the whole course', () => {
    const before = courseWith(5);
    const lesson: Lesson = { id: 'new', title: 'New', minutes: 5, blocks: [], renditions: [] };
    const { course, patches, inverse } = applyOp(before, {
      kind: 'insert',
      path: ['modules', { id: 'm4' }, 'lessons'],
      index: 0,
      value: lesson,
    });
    const [whole, wholePatches, wholeInverse] = produceWithPatches(before, (draft) => {
      draft.modules[4]!.lessons.splice(0, 0, lesson);
    });
    expect(course).toEqual(whole);
    expect(patches).toEqual(wholePatches);
    expect(inverse).toEqual(wholeInverse);
    expect(replay(course, inverse)).toEqual(before);
    expect(Object.isFrozen(course)).toBe(true);
    expect(Object.isFrozen(course.modules)).toBe(true);
    expect(Object.isFrozen(course.modules[4]!.lessons)).toBe(true);
  });

  it('moves and removes elements found by id', () => {
    const course = courseWith(4);
    const moved = applyOp(course, { kind: 'move', path: ['modules', { id: 'm3' }], to: 0 }).course;
    expect(moved.modules.map((m) => m.id)).toEqual(['m3', 'm0', 'm1', 'm2']);
    const removed = applyOp(moved, { kind: 'remove', path: ['modules', { id: 'm1' }] }).course;
    expect(removed.modules.map((m) => m.id)).toEqual(['m3', 'm0', 'm2']);
  });
});
