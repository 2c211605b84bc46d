import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { drawFromBank } from './bank-draw';

const bank = {
  id: 'safety-bank',
  title: 'Safety',
  questions: ['q1', 'q2', 'q3', 'q4', 'q5', 'q6', 'q7', 'q8'],
  draw: 3,
};

describe('question bank draws', () => {
  it('give a learner the same questions every time (a resume needs nothing stored)', () => {
    fc.assert(
      fc.property(fc.string(), (learner) => {
        expect(drawFromBank(bank, learner)).toEqual(drawFromBank(bank, learner));
      }),
    );
  });

  it('draw the bank’s count of distinct questions from the bank', () => {
    fc.assert(
      fc.property(fc.string(), (learner) => {
        const drawn = drawFromBank(bank, learner);
        expect(drawn).toHaveLength(3);
        expect(new Set(drawn).size).toBe(3);
        for (const q of drawn) expect(bank.questions).toContain(q);
      }),
    );
  });

  it('vary between learners', () => {
    const draws = new Set(Array.from({ length: 50 }, (_, i) => drawFromBank(bank, `learner-${i}`).join(',')));
    expect(draws.size).toBeGreaterThan(20);
  });
});
