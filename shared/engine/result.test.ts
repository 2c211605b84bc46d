import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exampleIndex, exampleJson } from '../../test/fixtures/examples';
import type { Course } from '../model';
import { loadCourseOrThrow, type CourseIndex } from './course-index';
import { checkSettingsFor, resultOfRecord } from './result';
import { checkQuestionsOf, type CheckOutcome, type LearnerRecord } from './state-codec';

const approvals = exampleIndex('purchase-approvals');

/** A buyer who answered the placement test like Nadia, with some lessons and checks done. */
const buyer = (index: CourseIndex, extra: Partial<LearnerRecord> = {}): LearnerRecord => ({
  role: 'buyer',
  seniority: 'new',
  needs: { captions: false, audio: false, reducedMotion: false },
  prior: {},
  answers: ['b', 'a', 'a', 'a', 'a', 'b', 2],
  takeAnyway: [],
  formats: {},
  picks: {},
  completed: [],
  ...extra,
});

/** Every lesson the path requires, after picking the first option of every choice. */
function finish(index: CourseIndex, record: LearnerRecord): LearnerRecord {
  let current = record;
  for (let round = 0; round < 3; round++) {
    const { path } = resultOfRecord(index, current);
    const picks = { ...current.picks };
    for (const c of path.choices) if (!c.picked.length && c.options[0]) picks[c.rule] = c.options[0];
    const completed = path.modules.filter((m) => m.status === 'required').flatMap((m) => m.lessons.map((l) => l.id));
    current = { ...current, picks, completed: [...new Set([...current.completed, ...completed])] };
  }
  return current;
}

const withSettings = (settings: Partial<Course['settings']>, edit: (c: Course) => void = () => {}) => {
  const course = structuredClone(approvals.course);
  Object.assign(course.settings, settings);
  edit(course);
  return loadCourseOrThrow(course);
};

describe('the course result', () => {
  it('scores every check answered in any session: one wrong, one right is 50 and not passed at 0.8', () => {
    const checks = { 'k-three-questions': 'wrong', 'k-split-order': 'correct' } as const;
    const { result } = resultOfRecord(approvals, finish(approvals, buyer(approvals, { checks })));
    expect(result.completed).toBe(true);
    expect(result.score).toBe(0.5);
    expect(result.passed).toBe(false);
  });

  it('decides success only once the course is complete', () => {
    const checks = { 'k-three-questions': 'correct' } as const;
    const { result } = resultOfRecord(approvals, buyer(approvals, { checks, completed: ['why-risks'] }));
    expect(result.completed).toBe(false);
    expect(result.score).toBe(1);
    expect(result.passed).toBeNull();
    expect(result.progress).toBeGreaterThan(0);
    expect(result.progress).toBeLessThan(1);
  });

  it('has no score at all until a counted answer is given', () => {
    const { result } = resultOfRecord(approvals, finish(approvals, buyer(approvals)));
    expect(result.completed).toBe(true);
    expect(result.score).toBeNull();
    expect(result.passed).toBeNull();
  });

  it('keeps the course incomplete while a choice is still open, however many required lessons are done', () => {
    const done = finish(approvals, buyer(approvals));
    const { path, result } = resultOfRecord(approvals, { ...done, picks: {} });
    expect(path.choices.some((c) => c.picked.length < c.pick)).toBe(true);
    expect(result.openChoices).toBe(1);
    expect(result.completed).toBe(false);
    expect(result.lessonsDone).toBeLessThan(result.lessonsToDo);
    expect(result.progress).toBeLessThan(1);
  });

  it('is not complete while the placement test is unfinished', () => {
    const { result } = resultOfRecord(approvals, { ...finish(approvals, buyer(approvals)), answers: ['b'] });
    expect(result.placementDone).toBe(false);
    expect(result.completed).toBe(false);
    expect(result.progress).toBe(0);
  });

  it('scores the placement test, or both, when the course says so', () => {
    const record = finish(approvals, buyer(approvals, { checks: { 'k-three-questions': 'wrong' } }));
    const placementOnly = withSettings({ scoreFrom: 'placement' });
    const both = withSettings({ scoreFrom: 'both' });
    const placement = resultOfRecord(placementOnly, record).result.score!;
    // Nadia's graded placement answers: policy b,a,a (2 of 3 right), thresholds a,a (1 of 2), vendors b (0 of 1).
    expect(placement).toBeGreaterThan(0);
    expect(placement).toBeLessThan(1);
    const combined = resultOfRecord(both, record).result.score!;
    expect(combined).toBeLessThan(placement);
  });

  it('lets learners try a check again only where the course or the lesson allows it', () => {
    const course = approvals.course;
    const lesson = course.modules[0]!.lessons[0]!;
    expect(checkSettingsFor(course, lesson).tryAgain).toBe(false);
    const allowing: Course = {
      ...course,
      settings: { ...course.settings, checks: { mustAnswer: false, countTowardsScore: true, tryAgain: true } },
    };
    expect(checkSettingsFor(allowing, lesson).tryAgain).toBe(true);
    expect(checkSettingsFor(allowing, { checks: { tryAgain: false } }).tryAgain).toBe(false);
  });

  it('leaves out checks in lessons that do not count towards the score', () => {
    const index = withSettings({}, (c) => {
      c.modules.find((m) => m.id === 'why-policy')!.lessons.find((l) => l.id === 'why-check')!.checks = {
        countTowardsScore: false,
      };
    });
    const checks = { 'k-three-questions': 'wrong', 'k-split-order': 'correct' } as const;
    expect(resultOfRecord(index, finish(index, buyer(index, { checks }))).result.score).toBe(1);
  });

  it('gives each competency its own score and its own mastery threshold', () => {
    const index = withSettings({}, (c) => {
      c.competencies.find((x) => x.id === 'policy')!.masteryLevel = 'basic';
    });
    const checks = { 'k-three-questions': 'wrong', 'k-split-order': 'correct' } as const;
    const { result } = resultOfRecord(index, finish(index, buyer(index, { checks })));
    const policy = result.objectives.find((o) => o.id === 'policy')!;
    expect(policy.threshold).toBe(0.4);
    // Placement: 2 of 3 on policy; checks: 1 of 2 → 3 of 5.
    expect(policy.score).toBeCloseTo(0.6);
    expect(policy.success).toBe('passed');
    const fallback = resultOfRecord(approvals, finish(approvals, buyer(approvals, { checks }))).result.objectives;
    expect(fallback.find((o) => o.id === 'policy')).toMatchObject({ threshold: 0.8, success: 'failed' });
  });

  it('links a failed competency to the lessons whose checks were answered wrong', () => {
    const checks = { 'k-who-approves': 'wrong' } as const;
    const { result } = resultOfRecord(approvals, finish(approvals, buyer(approvals, { checks })));
    expect(result.objectives.find((o) => o.id === 'thresholds')!.revisit).toEqual([
      { module: 'thresholds', lesson: 'thr-check', title: expect.any(String) },
    ]);
  });

  it('keeps every objective in agreement with its own score, for any learner', () => {
    const courses = [approvals, exampleIndex('shop-floor-safety')];
    for (const index of courses) {
      const checks = checkQuestionsOf(index);
      const roles = [...index.roles];
      fc.assert(
        fc.property(
          fc.constantFrom(...roles),
          fc.array(fc.constantFrom<CheckOutcome | undefined>('correct', 'wrong', 'neutral', undefined), {
            minLength: checks.length,
            maxLength: checks.length,
          }),
          fc.boolean(),
          (role, outcomes, all) => {
            const base = buyer(index, {
              role,
              answers: [],
              checks: Object.fromEntries(checks.flatMap((q, i) => (outcomes[i] ? [[q, outcomes[i]]] : []))),
            });
            const record = all ? finish(index, base) : base;
            const { result } = resultOfRecord(index, record);
            for (const o of result.objectives) {
              if (o.success === 'passed') expect(o.score!).toBeGreaterThanOrEqual(o.threshold);
              if (o.success === 'failed') expect(o.score!).toBeLessThan(o.threshold);
              if (!o.completed) expect(o.success).toBe('unknown');
            }
            if (result.passed !== null) expect(result.passed).toBe(result.score! >= index.course.settings.passingScore);
            expect(result.progress === 1).toBe(result.completed);
          },
        ),
        { numRuns: 60 },
      );
    }
  });

  it('reads the course from its own JSON, so the examples load with the new settings absent', () => {
    expect(() => loadCourseOrThrow(exampleJson('shop-floor-safety'))).not.toThrow();
  });
});
