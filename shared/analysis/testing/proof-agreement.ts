/** What the proof says about modules and rules, checked against exhaustive enumeration of every learner and outcome. */
import { expect } from 'vitest';
import type { CourseIndex } from '../../engine';
import { exhaustiveReachability } from '../exhaustive';
import { prove } from '../proof';

const at = (path: string) => Number(/\[(\d+)\]/.exec(path)![1]);

/** The proof's answers in the terms exhaustive enumeration can check. */
export function proofAnswers(index: CourseIndex) {
  const findings = prove(index).findings;
  const of = (...codes: string[]) => findings.filter((f) => codes.includes(f.code));
  const moduleTitled = (message: string) => {
    const title = /who take “([^”]+)”/.exec(message)![1];
    return index.course.modules.find((m) => m.title === title)!.id;
  };
  /** Rule index → how many modules a mandate overrides it in (one finding each). */
  const overridden = new Map<number, number>();
  for (const f of of('rule-overridden-by-mandate', 'rule-yields-to-mandate'))
    overridden.set(at(f.path), (overridden.get(at(f.path)) ?? 0) + 1);
  return {
    findings,
    unreachable: new Set(of('module-unreachable').map((f) => at(f.path))),
    dead: new Set(of('rule-never-applies').map((f) => at(f.path))),
    contradicting: new Set(of('rules-contradict').map((f) => at(f.path))),
    withoutAlternatives: new Set(of('choice-without-alternatives').map((f) => at(f.path))),
    withoutEffect: new Set(of('lesson-rule-without-effect').map((f) => at(f.path))),
    overridden,
    everyLessonSkipped: new Set(of('module-every-lesson-skipped').map((f) => moduleTitled(f.message))),
  };
}

/** Asserts that the proof and exhaustive enumeration agree on every question both answer; returns the enumeration. */
export function expectProofAgreesWithEnumeration(index: CourseIndex) {
  const truth = exhaustiveReachability(index, { rules: true });
  expect(truth.complete).toBe(true);
  const proof = proofAnswers(index);
  const { course } = index;
  course.modules.forEach((m, mi) => expect(proof.unreachable.has(mi), m.id).toBe(!truth.reachable.has(m.id)));
  course.rules.forEach((r, ri) => {
    expect(proof.dead.has(ri), r.id).toBe(!truth.applies.has(ri));
    expect(proof.withoutEffect.has(ri), `${r.id} never skips a lesson`).toBe(
      r.then.kind === 'skip-lessons' && truth.applies.has(ri) && !truth.lessonRulesThatSkip.has(ri),
    );
  });
  const contradicting = new Set([...truth.contradictions].map((pair) => Number(pair.split(',')[1])));
  expect([...proof.contradicting].sort()).toEqual([...contradicting].sort());
  expect([...proof.withoutAlternatives].sort()).toEqual([...truth.choicesWithoutAlternatives].sort());
  const overrides = new Map<number, number>();
  for (const pair of truth.mandateOverrides) {
    const r = Number(pair.split(',')[0]);
    overrides.set(r, (overrides.get(r) ?? 0) + 1);
  }
  expect(new Map([...proof.overridden].sort())).toEqual(new Map([...overrides].sort()));
  for (const f of proof.findings.filter((x) => x.code.startsWith('rule-') && x.code.includes('mandate')))
    expect(f.severity).toBe(course.rules[at(f.path)]!.mandateWins ? 'info' : 'warning');
  expect([...proof.everyLessonSkipped].sort()).toEqual([...truth.everyLessonSkipped].sort());
  return truth;
}
