import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { course as courseSchema } from '../../../../shared/model';
import type { ConditionPlace } from './check-condition';
import { completeCondition } from './complete-condition';

const course = courseSchema.parse(
  JSON.parse(
    readFileSync(new URL('../../../../resources/examples/purchase-approvals/course.json', import.meta.url), 'utf8'),
  ),
);
const labels = (source: string, place: ConditionPlace = { context: 'rule' }) =>
  completeCondition(source, source.length, course, place)?.options.map((o) => o.label);

describe('completing a condition', () => {
  it("offers the course's competencies inside mastery(…), replacing the half-typed name", () => {
    const result = completeCondition('mastery(polc', 12, course, { context: 'rule' })!;
    expect(result.from).toBe(8);
    expect(result.options.map((o) => o.label)).toEqual(['policy', 'thresholds', 'vendors', 'negotiation']);
    expect(result.options[0]!.detail).toBe('Purchasing policy');
  });

  it('offers the levels of the competency being compared', () => {
    expect(labels('mastery(policy) >= ')).toEqual(['none', 'basic', 'proficient', 'expert']);
    expect(labels('mastery(vendors) in [basic, ')).toEqual(['none', 'basic', 'proficient', 'expert']);
  });

  it('offers the roles the course declares after role ==, and departments in a list', () => {
    expect(labels('seniority != new and role == ')).toEqual(['requester', 'buyer', 'approver']);
    expect(labels('department in [')).toEqual(['operations', 'procurement', 'finance']);
  });

  it('offers the course’s own attributes by their question, and their values after them', () => {
    const withSite = structuredClone(course);
    withSite.settings.attributes = [
      {
        id: 'site',
        label: 'Which site do you work at?',
        values: [
          { id: 'north', label: 'North plant' },
          { id: 'south', label: 'South warehouse' },
        ],
      },
    ];
    const at = (source: string) => completeCondition(source, source.length, withSite, { context: 'rule' })!.options;
    expect(at('role == buyer and ')).toContainEqual({
      label: 'site',
      type: 'variable',
      detail: 'Which site do you work at?',
    });
    expect(at('site == ')).toEqual([
      { label: 'north', type: 'enum', detail: 'North plant' },
      { label: 'south', type: 'enum', detail: 'South warehouse' },
    ]);
    expect(at('site not in [north, ').map((o) => o.label)).toEqual(['north', 'south']);
  });

  it('offers needs and formats inside their functions', () => {
    expect(labels('needs(')).toEqual(['captions', 'audio', 'reduced-motion']);
    expect(labels('prefers(v')).toEqual(['video', 'text', 'audio']);
  });

  it('offers joining words after a complete test and functions at the start', () => {
    expect(labels('role == buyer ')).toEqual(['and', 'or', 'in', 'not in']);
    expect(labels('')).toEqual([
      'mastery',
      'score',
      'needs',
      'prefers',
      'role',
      'department',
      'seniority',
      'not',
      'true',
    ]);
  });

  it("offers the question's own choices after answer == in a placement branch", () => {
    expect(labels('answer == ', { context: 'placement', question: 'p-vendor-2' })).toEqual([
      'sanctions',
      'bank',
      'coi',
      'lunch',
    ]);
    expect(labels('', { context: 'placement', question: 'p-policy-1' })).toContain('misses');
  });

  it('offers who the learner is in a placement branch too: role, department, seniority and the course’s own attributes', () => {
    const withSite = structuredClone(course);
    withSite.settings.attributes = [
      { id: 'site', label: 'Which site do you work at?', values: [{ id: 'north', label: 'North plant' }] },
    ];
    const place = { context: 'placement', question: 'p-policy-1' } as const;
    const at = (source: string) => completeCondition(source, source.length, withSite, place)!.options;
    expect(at('').map((o) => o.label)).toEqual(expect.arrayContaining(['role', 'department', 'seniority', 'site']));
    expect(at('correct and role == ').map((o) => o.label)).toEqual(['requester', 'buyer', 'approver']);
    expect(at('site in [')).toEqual([{ label: 'north', type: 'enum', detail: 'North plant' }]);
    expect(at('seniority != ').map((o) => o.label)).toEqual(['new', 'experienced', 'veteran']);
  });
});
