import { describe, expect, it } from 'vitest';
import { exampleIndex } from '../../test/fixtures/examples';
import { loadCourseOrThrow } from './course-index';
import { courseAttributes, fixedAttributes, labelOf } from './attributes';

const safety = exampleIndex('shop-floor-safety');

describe('what a course reads about its learners', () => {
  it('lists every attribute the rules, audiences and mandates read, with where they read it', () => {
    const attributes = courseAttributes(safety);
    expect(attributes.map((a) => a.id)).toEqual(['role', 'seniority', 'preferredFormat']);
    expect(attributes.find((a) => a.id === 'seniority')!.readBy).toEqual(['rule "skip-ppe"', 'rule "skip-emergency"']);
    expect(attributes.find((a) => a.id === 'role')!.readBy).toContain('module "site-induction" mandatory roles');
  });

  it('names roles with the course’s own labels, and plain words otherwise', () => {
    const course = structuredClone(safety.course);
    course.settings.labels = { 'forklift-driver': 'Forklift driver' };
    const role = courseAttributes(loadCourseOrThrow(course)).find((a) => a.id === 'role')!;
    expect(role.options).toContainEqual({ value: 'forklift-driver', label: 'Forklift driver' });
    expect(role.options).toContainEqual({ value: 'floor-operator', label: 'floor operator' });
  });

  it('accepts attributes a package or launch fixes, and explains the ones it cannot', () => {
    expect(
      fixedAttributes(safety, [
        ['role', 'supervisor'],
        ['seniority', 'veteran'],
      ]),
    ).toEqual({
      values: { role: 'supervisor', seniority: 'veteran' },
      problems: [],
    });
    const { values, problems } = fixedAttributes(safety, [
      ['role', 'pilot'],
      ['department', 'logistics'],
    ]);
    expect(values).toEqual({});
    expect(problems[0]).toMatch(/"pilot" is not a role of this course/);
    expect(problems[1]).toMatch(/"department" is not something this course reads/);
  });
});

describe('the name a role or department goes by', () => {
  it("is the course's own label, else the id in plain words (player and studio share it)", () => {
    const course = { settings: { labels: { 'forklift-driver': 'Forklift driver' } } } as const;
    expect(labelOf(course, 'forklift-driver')).toBe('Forklift driver');
    expect(labelOf(course, 'shift-lead')).toBe('shift lead');
  });
});
