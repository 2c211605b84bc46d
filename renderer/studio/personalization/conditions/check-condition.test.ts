import { describe, expect, it } from 'vitest';
import { course as courseSchema } from '../../../../shared/model';
import { checkCondition, scopeFor } from './check-condition';

const course = courseSchema.parse({
  format: 5,
  id: 'c',
  title: 'Purchasing',
  settings: { roles: ['buyer', 'approver'] },
  competencies: [
    {
      id: 'policy',
      name: 'Policy',
      levels: [
        { id: 'none', name: 'None', minScore: 0 },
        { id: 'proficient', name: 'Proficient', minScore: 0.7 },
      ],
    },
  ],
  questions: [
    {
      id: 'q1',
      type: 'single',
      prompt: 'Which?',
      choices: [
        { id: 'a', text: 'A', correct: true },
        { id: 'b', text: 'B' },
      ],
    },
  ],
});
const rules = scopeFor(course, { context: 'rule' });

describe('checking a condition', () => {
  it('accepts a condition the engine accepts and returns its tree', () => {
    const result = checkCondition('mastery(policy) >= proficient and role == buyer', rules);
    expect(result.ok).toBe(true);
  });

  it('knows the course’s own attributes and underlines a value they do not have, with the suggestion', () => {
    const withSite = structuredClone(course);
    withSite.settings.attributes = [
      {
        id: 'site',
        label: 'Site?',
        values: [
          { id: 'north', label: 'North' },
          { id: 'south', label: 'South' },
        ],
      },
    ];
    const scope = scopeFor(withSite, { context: 'rule' });
    expect(checkCondition('site in [north, south] and role == buyer', scope).ok).toBe(true);
    const source = 'site == nort';
    const result = checkCondition(source, scope);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const [d] = result.diagnostics;
    expect(source.slice(d!.from, d!.to)).toBe('nort');
    expect(d!.suggestion).toBe('north');
  });

  it('underlines a misspelt competency at the name, with the suggestion', () => {
    const source = 'role == buyer and mastery(polcy) >= proficient';
    const result = checkCondition(source, rules);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const [d] = result.diagnostics;
    expect(source.slice(d!.from, d!.to)).toBe('polcy');
    expect(d!.suggestion).toBe('policy');
    expect(d!.message).toMatch(/^There is no competency "polcy"/);
  });

  it('underlines taken(…) and tells the designer to list the module in prerequisites instead', () => {
    const source = 'role == buyer and taken(basics)';
    const result = checkCondition(source, rules);
    if (result.ok) throw new Error('expected a problem');
    const [d] = result.diagnostics;
    expect(source.slice(d!.from, d!.to)).toBe('taken');
    expect(d!.suggestion).toBeUndefined();
    expect(d!.message).toMatch(/list that one in the module's "prerequisites"/);
  });

  it('underlines a wrong level at the level, not at the start of the test', () => {
    const source = 'mastery(policy) >= profcient';
    const result = checkCondition(source, rules);
    if (result.ok) throw new Error('expected a problem');
    expect(source.slice(result.diagnostics[0]!.from, result.diagnostics[0]!.to)).toBe('profcient');
    expect(result.diagnostics[0]!.suggestion).toBe('proficient');
  });

  it('marks a syntax error at its character', () => {
    const source = 'role = buyer';
    const result = checkCondition(source, rules);
    if (result.ok) throw new Error('expected a problem');
    expect(result.ast).toBeNull();
    expect(result.diagnostics[0]).toMatchObject({ from: 5, to: 6, message: 'Use "==" to compare, not "="' });
  });

  it('marks an empty condition', () => {
    const result = checkCondition('', rules);
    expect(result.ok).toBe(false);
  });

  it('checks a placement branch against the choices of its own question', () => {
    const placement = scopeFor(course, { context: 'placement', question: 'q1' });
    expect(checkCondition('answer == b', placement).ok).toBe(true);
    const wrong = checkCondition('answer == c', placement);
    if (wrong.ok) throw new Error('expected a problem');
    expect(wrong.diagnostics[0]!.message).toMatch(/not a known choice/);
  });

  it('lets a placement branch read who the learner is, and underlines a misspelt attribute with the suggestion', () => {
    const withSite = structuredClone(course);
    withSite.settings.attributes = [{ id: 'site', label: 'Site?', values: [{ id: 'north', label: 'North' }] }];
    const placement = scopeFor(withSite, { context: 'placement', question: 'q1' });
    expect(checkCondition('role == approver and site in [north] and not correct', placement).ok).toBe(true);
    const source = 'correct and sit == north';
    const result = checkCondition(source, placement);
    if (result.ok) throw new Error('expected a problem');
    const [d] = result.diagnostics;
    expect(source.slice(d!.from, d!.to)).toBe('sit');
    expect(d!.suggestion).toBe('site');
  });
});
