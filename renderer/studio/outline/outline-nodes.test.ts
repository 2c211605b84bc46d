import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { course as courseSchema, type Course } from '../../../shared/model';
import { applyOp } from '../../../shared/ops';
import { outlineNodes, sameOutline } from './outline-nodes';

const example = (): Course =>
  courseSchema.parse(
    JSON.parse(
      readFileSync(new URL('../../../resources/examples/purchase-approvals/course.json', import.meta.url), 'utf8'),
    ),
  );

describe('the outline of an edited course', () => {
  it('keeps the rows of every module the edit did not touch, and builds the touched one’s again', () => {
    const course = example();
    const [first, second] = course.modules;
    const before = outlineNodes(course);
    const next = applyOp(course, { kind: 'set', path: ['modules', { id: first!.id }, 'title'], value: 'Renamed' });
    const after = outlineNodes(next.course);
    expect(after.get(`module:${first!.id}`)?.name).toBe('Renamed');
    expect(after.get(`module:${first!.id}`)).not.toBe(before.get(`module:${first!.id}`));
    expect(after.get(`module:${second!.id}`)).toBe(before.get(`module:${second!.id}`));
    const lesson = second!.lessons[0]!;
    expect(after.get(`lesson:${second!.id}:${lesson.id}`)).toBe(before.get(`lesson:${second!.id}:${lesson.id}`));
  });

  it('is the outline built from scratch', () => {
    const course = example();
    outlineNodes(course);
    const next = applyOp(course, {
      kind: 'set',
      path: ['modules', { id: course.modules[0]!.id }, 'title'],
      value: 'Renamed',
    }).course;
    const fresh = structuredClone(next);
    expect([...outlineNodes(next)]).toEqual([...outlineNodes(fresh)]);
  });
});

describe('whether the outline changed', () => {
  it('is the same outline after a rule’s condition was typed', () => {
    const course = example();
    const rule = course.rules[0]!;
    const next = applyOp(course, { kind: 'set', path: ['rules', { id: rule.id }, 'when'], value: 'true' }).course;
    expect(sameOutline(outlineNodes(course), outlineNodes(next))).toBe(true);
  });

  it('differs when a module is renamed, a rule’s reason changes or a module moves', () => {
    const course = example();
    const before = outlineNodes(course);
    const module = course.modules[0]!;
    const renamed = applyOp(course, { kind: 'set', path: ['modules', { id: module.id }, 'title'], value: 'Renamed' });
    expect(sameOutline(before, outlineNodes(renamed.course))).toBe(false);
    const reason = applyOp(course, {
      kind: 'set',
      path: ['rules', { id: course.rules[0]!.id }, 'reason'],
      value: 'Another reason.',
    });
    expect(sameOutline(before, outlineNodes(reason.course))).toBe(false);
    const moved = applyOp(course, { kind: 'move', path: ['modules', { id: module.id }], to: 1 });
    expect(sameOutline(before, outlineNodes(moved.course))).toBe(false);
  });

  it('differs when a persona is added (a new row and a new count)', () => {
    const course = example();
    const added = applyOp(course, {
      kind: 'insert',
      path: ['personas'],
      value: { ...course.personas[0]!, id: 'extra', name: 'Extra' },
    });
    expect(sameOutline(outlineNodes(course), outlineNodes(added.course))).toBe(false);
  });
});
