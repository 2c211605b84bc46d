import { describe, expect, it } from 'vitest';
import { exampleIndex } from '../../test/fixtures/examples';
import { factsFor, personaState } from './learner';
import { resolvePath } from './resolve';

const approvals = exampleIndex('purchase-approvals');
const factsOf = (state: Parameters<typeof factsFor>[1]) => factsFor(approvals, state);

describe('resolvePath reusing the last rule verdicts', () => {
  it('gives the same path as fresh facts, and follows every change of who the learner is or what they know', () => {
    const victor = personaState(
      approvals,
      approvals.course.personas.find((p) => p.id === 'victor')!,
    ).state;
    const rosa = personaState(
      approvals,
      approvals.course.personas.find((p) => p.id === 'rosa')!,
    ).state;
    const states = [
      victor,
      { ...victor, completed: ['why-policy'] },
      rosa,
      victor,
      { ...victor, role: 'requester' },
      { ...victor, scores: { ...victor.scores, policy: 0 } },
      { ...victor, mastery: { ...victor.mastery, vendors: 'none' } },
    ];
    for (const state of states) {
      const fresh = resolvePath(approvals, state, undefined);
      expect(fresh.firedRules).toEqual(
        approvals.course.rules.flatMap((r, i) => (approvals.rules[i]!.test(factsOf(state)) ? [r.id] : [])),
      );
    }
    expect(resolvePath(approvals, victor).firedRules).not.toEqual(resolvePath(approvals, rosa).firedRules);
  });
});

describe('lesson lengths', () => {
  it('says the length of the version the learner gets: the audio version’s own, else the lesson’s', () => {
    const ben = personaState(
      approvals,
      approvals.course.personas.find((p) => p.id === 'ben')!,
    ).state;
    const lessonOf = (state: typeof ben) =>
      resolvePath(approvals, state)
        .modules.flatMap((m) => m.lessons)
        .find((l) => l.id === 'why-risks')!;
    const listening = lessonOf({ ...ben, needs: { ...ben.needs, audio: true } });
    expect([listening.format, listening.minutes]).toEqual(['audio', 1]);
    const reading = lessonOf({ ...ben, needs: { ...ben.needs, audio: false }, preferredFormat: undefined });
    expect([reading.format, reading.minutes]).toEqual(['text', 4]);
  });
});
