import { describe, expect, it } from 'vitest';
import { exampleIndex } from '../../test/fixtures/examples';
import { factsFor } from './learner';
import { personaState } from './persona-state';
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

describe('resolvePath reusing the last layout when only completion changes', () => {
  const victor = personaState(
    approvals,
    approvals.course.personas.find((p) => p.id === 'victor')!,
  ).state;
  const lessons = approvals.course.modules.flatMap((m) => m.lessons.map((l) => l.id));
  const choice = approvals.course.rules.find((r) => r.then.kind === 'offer-choice')!;
  const skipped = resolvePath(approvals, victor, factsOf(victor)).modules.find((m) => m.status === 'skipped')!;

  it('gives, click after click, the same path as resolving from scratch', () => {
    const states = [
      victor,
      ...lessons.map((_, i) => ({ ...victor, completed: lessons.slice(0, i + 1) })),
      { ...victor, completed: lessons.slice(0, 2).reverse() },
      { ...victor, completed: [] },
      { ...victor, completed: lessons.slice(0, 3), takeAnyway: [skipped.id] },
      { ...victor, completed: lessons.slice(0, 3), takeAnyway: [skipped.id], picks: { [choice.id]: 'case-software' } },
      { ...victor, completed: lessons.slice(0, 3), needs: { ...victor.needs, audio: true } },
      { ...victor, completed: lessons.slice(0, 3), preferredFormat: 'audio' as const },
      { ...victor, completed: lessons.slice(0, 3), role: 'buyer' },
      { ...victor, completed: lessons.slice(0, 1) },
    ];
    for (const state of states)
      expect(resolvePath(approvals, state)).toEqual(resolvePath(approvals, state, factsOf(state)));
  });

  it('shares every module whose lessons did not change, so a click does not rebuild the course', () => {
    const before = resolvePath(approvals, { ...victor, completed: [] });
    const target = before.modules.find((m) => m.lessons.length > 0)!;
    const after = resolvePath(approvals, { ...victor, completed: [target.lessons[0]!.id] });
    for (const [i, m] of after.modules.entries()) {
      if (m.id === target.id) {
        expect(m).not.toBe(before.modules[i]);
        expect(m.lessons[0]!.completed).toBe(true);
      } else expect(m).toBe(before.modules[i]);
    }
    expect(before.modules.find((m) => m.id === target.id)!.lessons[0]!.completed).toBe(false);
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
