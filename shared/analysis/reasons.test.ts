import { describe, expect, it } from 'vitest';
import { exampleJson } from '../../test/fixtures/examples';
import { loadCourseOrThrow, personaState, resolvePath } from '../engine';
import type { CourseInput } from '../model';
import { verifyCourse } from './verify';

/** The purchase example with a rule whose reason speaks of placement answers. */
function withAnswerReason(extra: { reasonWithoutAnswers?: string } = {}) {
  const course = structuredClone(exampleJson('purchase-approvals')) as CourseInput;
  course.rules!.push({
    id: 'missed-policy',
    when: 'score(policy) >= 0',
    then: { kind: 'recommend', modules: [course.modules![0]!.id] },
    reason: 'You missed most of the policy questions.',
    ...extra,
  });
  return course;
}

describe('reasons true for the learner they are shown to', () => {
  it('warns when a learner known only by prior levels would be told about answers they never gave', () => {
    const report = verifyCourse(withAnswerReason());
    if (!report.usable) throw new Error('the course must load');
    expect(report.findings).toEqual([
      expect.objectContaining({
        severity: 'warning',
        code: 'reason-untrue-without-answers',
        path: `rules[${report.index.course.rules.length - 1}].reason`,
        message: expect.stringMatching(/known only by prior levels/),
      }),
    ]);
  });

  it('shows the reason for learners without answers to them, and the answer reason to those who answered', () => {
    const course = withAnswerReason({ reasonWithoutAnswers: 'Policy is where you told us you are least sure.' });
    const report = verifyCourse(course);
    if (!report.usable) throw new Error('the course must load');
    expect(report.findings).toEqual([]);
    const index = loadCourseOrThrow(course);
    const reasonFor = (id: string) => {
      const persona = index.course.personas.find((p) => p.id === id)!;
      const path = resolvePath(index, personaState(index, persona).state);
      return path.modules[0]!.reasons.find((r) => r.rule === 'missed-policy')?.text;
    };
    expect(reasonFor('rosa')).toBe('Policy is where you told us you are least sure.');
    expect(reasonFor('nadia')).toBe('You missed most of the policy questions.');
  });
});
