import { describe, expect, it } from 'vitest';
import { course as courseSchema } from '../../../../shared/model';
import { pickOptions, withoutChoiceModule, withPickCount } from './choice-pick';

const choice = { kind: 'offer-choice' as const, modules: ['a', 'b', 'c', 'd'], prompt: '' };

describe('how many modules a choice asks the learner to pick', () => {
  it('offers one up to one fewer than the modules offered, in the designer’s words', () => {
    expect(pickOptions(4)).toEqual([
      { value: '1', label: 'One of 4' },
      { value: '2', label: '2 of 4' },
      { value: '3', label: '3 of 4' },
    ]);
    expect(pickOptions(2)).toEqual([{ value: '1', label: 'One of 2' }]);
  });

  it('writes a choice of several with its number, and a choice of one without it, as format 3 did', () => {
    expect(withPickCount(choice, 2)).toEqual({ ...choice, pick: 2 });
    expect(withPickCount({ ...choice, pick: 2 }, 1)).toEqual(choice);
    // Never as many as offered: that would be no choice (the course refuses it).
    expect(withPickCount(choice, 9)).toEqual({ ...choice, pick: 3 });
  });

  it('asks for fewer picks when a removed module would leave none to choose between', () => {
    expect(withoutChoiceModule({ ...choice, pick: 3 }, 'a')).toEqual({ ...choice, modules: ['b', 'c', 'd'], pick: 2 });
    expect(withoutChoiceModule({ ...choice, pick: 2 }, 'a')).toEqual({ ...choice, modules: ['b', 'c', 'd'], pick: 2 });
    expect(withoutChoiceModule({ ...choice, modules: ['a', 'b', 'c'], pick: 2 }, 'c')).toEqual({
      ...choice,
      modules: ['a', 'b'],
    });
    expect(withoutChoiceModule(choice, 'a')).toEqual({ ...choice, modules: ['b', 'c', 'd'] });
  });

  it('makes actions the course schema accepts', () => {
    const rule = (then: unknown) =>
      courseSchema.safeParse({
        format: 5,
        id: 'x',
        title: 'X',
        rules: [{ id: 'r', when: 'true', then, reason: 'R.' }],
      });
    expect(rule(withPickCount(choice, 3)).success).toBe(true);
    expect(rule(withPickCount(choice, 1)).success).toBe(true);
  });
});
