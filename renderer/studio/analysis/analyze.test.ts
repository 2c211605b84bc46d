import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CourseInput } from '../../../shared/model';
import {
  analyzeCourse,
  changedParts,
  mergeParts,
  PENDING_ANALYSIS,
  type PartKey,
  type StudioAnalysis,
} from './analyze';

const example = (): CourseInput =>
  JSON.parse(
    readFileSync(new URL('../../../resources/examples/purchase-approvals/course.json', import.meta.url), 'utf8'),
  ) as CourseInput;

type Rule = NonNullable<CourseInput['rules']>[number];

/** The effect the studio shows for `rule`, added to `course`. */
const effectOfAdded = (course: CourseInput, rule: Rule) => {
  course.rules!.push(rule);
  return analyzeCourse(course).ruleEffects[rule.id]!;
};

describe('the studio analysis', () => {
  it('shows the veteran approver testing out of the policy module with the rule reason', () => {
    const analysis = analyzeCourse(example());
    const victor = analysis.coverage.find((c) => c.persona === 'victor')!;
    const cell = victor.cells.find((c) => c.module === 'why-policy')!;
    expect(cell.state).toBe('tested-out');
    expect(cell.rule).toBe('skip-why-policy');
    expect(cell.reason).toBe('Your placement answers show you already know why the policy exists.');
  });

  it('marks modules of another audience as not for the role and mandates as taken', () => {
    const analysis = analyzeCourse(example());
    const rosa = analysis.coverage.find((c) => c.persona === 'rosa')!;
    expect(rosa.cells.find((c) => c.module === 'approver-desk')!.state).toBe('not-for-role');
    const victor = analysis.coverage.find((c) => c.persona === 'victor')!;
    expect(victor.cells.find((c) => c.module === 'thresholds')).toMatchObject({ state: 'taken' });
    expect(victor.placement).toBe('end');
    expect(victor.minutes).toBeGreaterThan(0);
  });

  it('says how many modules a rule changes for how many personas', () => {
    const analysis = analyzeCourse(example());
    const effect = analysis.ruleEffects['skip-why-policy']!;
    expect(effect.changes.length).toBeGreaterThan(0);
    expect(effect.summary).toBe(`Skips 1 module for ${effect.changes.length} of 4 personas.`);
    expect(analysis.ruleEffects['require-thresholds-new-buyers']!.holdsFor).toEqual(['nadia']);
  });

  it('says in how many modules a lesson rule skips lessons, for how many personas', () => {
    const course = example();
    const why = course.modules!.find((m) => m.id === 'why-policy')!;
    const effect = effectOfAdded(course, {
      id: 'skip-first-lesson',
      when: 'true',
      then: { kind: 'skip-lessons', lessons: [why.lessons[0]!.id] },
      reason: 'Known.',
    });
    // Victor and Ben know the policy (skip-why-policy), so they tested out of the module: the lesson is not theirs to skip.
    expect(effect.changes).toEqual(['nadia', 'rosa']);
    expect(effect.summary).toBe('Skips 1 lesson for 2 of 4 personas.');
  });

  it('reports a rule that a mandate overrides as changing nothing', () => {
    const course = example();
    const effect = effectOfAdded(course, {
      id: 'skip-thresholds-approvers',
      when: 'role == approver',
      then: { kind: 'skip', modules: ['thresholds'] },
      reason: 'Approvers know the thresholds.',
    });
    expect(effect.holdsFor).toEqual(['victor']);
    expect(effect.changes).toEqual([]);
    expect(effect.summary).toMatch(/changes nothing/);
  });

  it('does not count a module rule for a persona whose path leaves the module out by a prerequisite', () => {
    const course = example();
    // Only approvers take the thresholds; the approver's desk, open to all, comes after them.
    const thresholds = course.modules!.find((m) => m.id === 'thresholds')!;
    thresholds.audience = ['approver'];
    course.modules!.find((m) => m.id === 'approver-desk')!.audience = [];
    const effect = effectOfAdded(course, {
      id: 'everyone-skips-desk',
      when: 'true',
      then: { kind: 'skip', modules: ['approver-desk'] },
      reason: 'The desk is covered elsewhere.',
    });
    expect(effect.holdsFor).toEqual(['nadia', 'victor', 'ben', 'rosa']);
    // For the others the desk is not on the path at all: skipping it changes nothing for them.
    expect(effect.changes).toEqual(['victor']);
    expect(effect.summary).toBe('Skips 1 module for 1 of 4 personas.');
  });

  it('says how many lessons a lesson rule skips, in how many modules, for how many personas', () => {
    const course = example();
    const effect = effectOfAdded(course, {
      id: 'experienced-skip-basics',
      when: 'seniority == experienced',
      then: { kind: 'skip-lessons', lessons: ['req-good', 'exc-emergency'] },
      reason: 'You have done this for years.',
    });
    expect(effect.holdsFor).toEqual(['ben', 'rosa']);
    expect(effect.changes).toEqual(['ben', 'rosa']);
    expect(effect.lessons).toEqual(['req-good', 'exc-emergency']);
    expect(effect.summary).toBe('Skips 2 lessons in 2 modules for 2 of 4 personas.');
  });

  it('says a lesson rule skips nothing where a mandate keeps the lessons', () => {
    const course = example();
    const effect = effectOfAdded(course, {
      id: 'approvers-skip-table',
      when: 'role == approver',
      then: { kind: 'skip-lessons', lessons: ['thr-table'] },
      reason: 'Approvers know the table.',
    });
    expect(effect.holdsFor).toEqual(['victor']);
    expect(effect.changes).toEqual([]);
    expect(effect.summary).toBe(
      "Holds for 1 of 4 personas but skips nothing: their path leaves out these lessons' modules, or a mandate keeps them.",
    );
  });

  it('shows in the coverage cell which lessons a persona skips and why', () => {
    const course = example();
    course.rules!.push({
      id: 'experienced-skip-req',
      when: 'seniority == experienced',
      then: { kind: 'skip-lessons', lessons: ['req-good'] },
      reason: 'You raise requisitions every week.',
    });
    const analysis = analyzeCourse(course);
    const cellOf = (persona: string) =>
      analysis.coverage.find((c) => c.persona === persona)!.cells.find((c) => c.module === 'requisitions')!;
    expect(cellOf('rosa')).toMatchObject({
      state: 'taken',
      skippedLessons: ['What a good requisition says'],
    });
    expect(cellOf('rosa').reason).toContain('Skips “What a good requisition says”: You raise requisitions every week.');
    expect(cellOf('nadia').skippedLessons).toBeUndefined();
  });

  it('returns the problems instead of a proof when a condition does not check', () => {
    const course = example();
    course.rules![0]!.when = 'mastery(polcy) >= proficient';
    const analysis = analyzeCourse(course);
    expect(analysis.problems.some((p) => p.path.startsWith('rules[0]') && /polcy/.test(p.message))).toBe(true);
    expect(analysis.coverage).toEqual([]);
  });

  it('adds a column for a new persona', () => {
    const course = example();
    course.personas!.push({ id: 'pat', name: 'Pat, new requester', role: 'requester' });
    const analysis = analyzeCourse(course);
    expect(analysis.coverage.map((c) => c.persona)).toContain('pat');
  });
});

describe('the worker’s answer beside the one shown', () => {
  /** The worker's side then the page's, as the analysis worker and useAnalysis do. */
  function answer(sent: Map<PartKey, string>, shown: StudioAnalysis, course: unknown) {
    const parts = changedParts(sent, analyzeCourse(course));
    return { parts, shown: mergeParts(shown, parts) };
  }

  it('sends nothing and keeps the one shown, the same object, when the course changed in a way no path sees', () => {
    const sent = new Map<PartKey, string>();
    const first = answer(sent, PENDING_ANALYSIS, example());
    expect(Object.keys(first.parts.changed).sort()).toEqual([
      'budget',
      'coverage',
      'findings',
      'problems',
      'ruleEffects',
    ]);
    const raw = example();
    raw.rules![0]!.when = `${raw.rules![0]!.when} `;
    const second = answer(sent, first.shown, raw);
    expect(second.parts.changed).toEqual({});
    expect(second.shown).toBe(first.shown);
  });

  it('sends the parts that changed; the page keeps the others as they were', () => {
    const sent = new Map<PartKey, string>();
    const first = answer(sent, PENDING_ANALYSIS, example());
    const raw = example();
    raw.personas = raw.personas!.filter((p) => p.id !== 'rosa');
    const second = answer(sent, first.shown, raw);
    expect(Object.keys(second.parts.changed)).toContain('coverage');
    expect(second.parts.changed).not.toHaveProperty('budget');
    expect(second.shown).not.toBe(first.shown);
    expect(second.shown.coverage.map((c) => c.persona)).not.toContain('rosa');
    expect(second.shown.budget).toBe(first.shown.budget);
    // Back as it was: the coverage comes again, equal to the first.
    const third = answer(sent, second.shown, example());
    expect(third.shown.coverage).toEqual(first.shown.coverage);
  });
});
