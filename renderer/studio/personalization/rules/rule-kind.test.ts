import { describe, expect, it } from 'vitest';
import { course as courseSchema } from '../../../../shared/model';
import { actionOfKind } from './rule-kind';

const { modules } = courseSchema.parse({
  format: 5,
  id: 'c',
  title: 'C',
  modules: [
    { id: 'intro', title: 'Intro', lessons: [] },
    {
      id: 'phishing',
      title: 'Phishing',
      lessons: [
        { id: 'what-is', title: 'What phishing is', blocks: [] },
        { id: 'spot-it', title: 'Spot the signs', blocks: [] },
      ],
    },
    { id: 'passwords', title: 'Passwords', lessons: [{ id: 'length', title: 'Length beats symbols', blocks: [] }] },
  ],
});

describe('a rule changed to skip lessons', () => {
  it('names the first lesson of the first module the rule named that has lessons', () => {
    expect(actionOfKind('skip-lessons', { kind: 'skip', modules: ['intro', 'passwords'] }, modules)).toEqual({
      kind: 'skip-lessons',
      lessons: ['length'],
    });
  });

  it('names the course’s first lesson when the rule named no module with lessons', () => {
    expect(actionOfKind('skip-lessons', { kind: 'recommend', modules: ['intro'] }, modules)).toEqual({
      kind: 'skip-lessons',
      lessons: ['what-is'],
    });
    expect(actionOfKind('skip-lessons', { kind: 'offer-formats', lessons: [], formats: ['text'] }, modules)).toEqual({
      kind: 'skip-lessons',
      lessons: ['what-is'],
    });
  });

  it('keeps the lessons a format rule named', () => {
    expect(
      actionOfKind('skip-lessons', { kind: 'offer-formats', lessons: ['spot-it'], formats: ['text'] }, modules),
    ).toEqual({ kind: 'skip-lessons', lessons: ['spot-it'] });
  });
});

describe('a lesson rule changed to a module rule', () => {
  it('names the modules of the lessons it skipped', () => {
    expect(actionOfKind('skip', { kind: 'skip-lessons', lessons: ['length', 'spot-it'] }, modules)).toEqual({
      kind: 'skip',
      modules: ['phishing', 'passwords'],
    });
  });
});
