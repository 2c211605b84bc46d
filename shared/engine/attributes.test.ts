import { describe, expect, it } from 'vitest';
import { exampleIndex } from '../../test/fixtures/examples';
import { loadCourseOrThrow } from './course-index';
import { courseAttributes, fixedAttributes, labelOf } from './attributes';

const safety = exampleIndex('shop-floor-safety');

describe('what a course reads about its learners', () => {
  it('lists every attribute the rules, audiences and mandates read, with where they read it', () => {
    const attributes = courseAttributes(safety);
    expect(attributes.map((a) => a.id)).toEqual(['role', 'seniority', 'preferredFormat', 'site']);
    expect(attributes.find((a) => a.id === 'seniority')!.readBy).toEqual(['rule "skip-ppe"', 'rule "skip-emergency"']);
    expect(attributes.find((a) => a.id === 'role')!.readBy).toContain('module "site-induction" mandatory roles');
  });

  it('asks the course’s own attributes with its question and value labels, never ids', () => {
    const site = courseAttributes(safety).find((a) => a.id === 'site')!;
    expect(site).toEqual({
      id: 'site',
      declared: true,
      question: 'Where do you work?',
      options: [
        { value: 'plant', label: 'At the main plant' },
        { value: 'warehouse', label: 'In the warehouse' },
      ],
      readBy: ['rule "skip-forklift-traffic"', 'placement question "ppe-1"'],
    });
  });

  it('asks a declared attribute only where a rule, a placement branch, an audience or a mandate reads it', () => {
    const course = structuredClone(safety.course);
    course.rules = course.rules.filter((r) => r.id !== 'skip-forklift-traffic');
    for (const node of course.placement!.nodes) node.branches = node.branches.filter((b) => !/\bsite\b/.test(b.when));
    expect(courseAttributes(loadCourseOrThrow(course)).some((a) => a.id === 'site')).toBe(false);
    course.modules[4]!.mandatoryFor = ['site=warehouse'];
    expect(courseAttributes(loadCourseOrThrow(course)).find((a) => a.id === 'site')!.readBy).toEqual([
      'module "emergency" mandatory learners',
    ]);
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

  it('fixes the course’s own attributes too (--set site=warehouse, a launch parameter)', () => {
    expect(fixedAttributes(safety, [['site', 'warehouse']])).toEqual({ values: { site: 'warehouse' }, problems: [] });
    expect(fixedAttributes(safety, [['site', 'office']]).problems).toEqual([
      '"office" is not a site of this course (choose from plant, warehouse).',
    ]);
  });
});

describe('the name a role or department goes by', () => {
  it("is the course's own label, else the id in plain words (player and studio share it)", () => {
    const course = { settings: { labels: { 'forklift-driver': 'Forklift driver' } } } as const;
    expect(labelOf(course, 'forklift-driver')).toBe('Forklift driver');
    expect(labelOf(course, 'shift-lead')).toBe('shift lead');
  });
});
