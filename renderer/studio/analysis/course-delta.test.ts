import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { course as courseSchema, type Course } from '../../../shared/model';
import { applyOp, type Op } from '../../../shared/ops';
import { decodeCourseDelta, encodeCourseDelta } from './course-delta';

const example = (): Course =>
  courseSchema.parse(
    JSON.parse(readFileSync(join(process.cwd(), 'resources/examples/purchase-approvals/course.json'), 'utf8')),
  );

/** The worker's side: its own copy of every message, as postMessage's structured clone gives it. */
function worker() {
  let held: Record<string, unknown> | null = null;
  return (message: ReturnType<typeof encodeCourseDelta>) => {
    held = decodeCourseDelta(held, structuredClone(message)) as Record<string, unknown>;
    return held;
  };
}

describe('the course sent to the analysis worker', () => {
  it('arrives whole the first time and equal to the page’s after every kind of edit', () => {
    const receive = worker();
    let sent: Course | null = null;
    let course = example();
    const send = () => {
      const got = receive(encodeCourseDelta(sent, course));
      sent = course;
      expect(got).toEqual(JSON.parse(JSON.stringify(course)));
    };
    send();
    const [first, second] = course.modules;
    const ops: Op[] = [
      { kind: 'set', path: ['modules', { id: second!.id }, 'title'], value: 'Renamed' },
      { kind: 'insert', path: ['modules'], index: 1, value: { id: 'fresh', title: 'Fresh', lessons: [] } },
      { kind: 'move', path: ['modules', { id: first!.id }], to: 2 },
      { kind: 'remove', path: ['modules', { id: first!.id }] },
      { kind: 'set', path: ['title'], value: 'A new title' },
      { kind: 'set', path: ['description'], value: undefined },
    ];
    for (const op of ops) {
      course = applyOp(course, op).course;
      send();
    }
  });

  it('names untouched modules by their place instead of copying them', () => {
    const course = example();
    const next = applyOp(course, {
      kind: 'set',
      path: ['modules', { id: course.modules[1]!.id }, 'title'],
      value: 'Renamed',
    }).course;
    const delta = encodeCourseDelta(course, next);
    expect(delta.kind).toBe('changes');
    if (delta.kind !== 'changes' || delta.modules === 'same') throw new Error('expected a module list');
    expect(delta.modules.filter((m) => typeof m !== 'number')).toEqual([next.modules[1]]);
    expect(delta.fields).toEqual({});
    expect(encodeCourseDelta(next, { ...next, title: 'Other' })).toEqual({
      kind: 'changes',
      fields: { title: 'Other' },
      removed: [],
      modules: 'same',
    });
    const { description: _gone, ...without } = { ...next, description: 'Said once' };
    expect(encodeCourseDelta({ ...next, description: 'Said once' }, without)).toMatchObject({
      fields: {},
      removed: ['description'],
    });
  });

  it('refuses a delta the worker has no course for, or one naming a module it never had', () => {
    const course = example();
    const delta = encodeCourseDelta(course, { ...course, title: 'x' });
    expect(() => decodeCourseDelta(null, delta)).toThrow(/before any whole course/);
    expect(() =>
      decodeCourseDelta({ modules: [] }, { kind: 'changes', fields: {}, removed: [], modules: [3] }),
    ).toThrow(/module 3/);
  });
});
