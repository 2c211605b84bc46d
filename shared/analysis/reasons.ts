import type { CourseIndex } from '../engine/course-index';
import { personaState } from '../engine/persona-state';
import { firedRules, knownWithoutAnswers } from '../engine/resolve';
import { factsFor } from '../engine/learner';
import type { Finding } from './findings';

/** Words that claim the learner answered placement questions. */
const SPEAKS_OF_ANSWERS =
  /\b(missed|answer(s|ed)?|question(s)?|got .{0,30}(right|wrong)|scored|placement|test(ed)?)\b/i;

/**
 * Finds rule reasons that would be untrue for a persona: a reason speaking of their answers shown
 * to a learner known only by prior levels. The fix is a `reasonWithoutAnswers` for such learners.
 */
export function reasonFindings(index: CourseIndex): Finding[] {
  const findings: Finding[] = [];
  const reported = new Set<number>();
  for (const persona of index.course.personas) {
    const { state } = personaState(index, persona);
    const fired = firedRules(index, factsFor(index, state));
    index.course.rules.forEach((rule, ri) => {
      const compiled = index.rules[ri];
      if (!fired[ri] || !compiled || reported.has(ri) || rule.reasonWithoutAnswers) return;
      if (!SPEAKS_OF_ANSWERS.test(rule.reason) || !knownWithoutAnswers(compiled.deps.competencies, state.sources))
        return;
      reported.add(ri);
      findings.push({
        severity: 'warning',
        code: 'reason-untrue-without-answers',
        path: `rules[${ri}].reason`,
        message: `Persona “${persona.name}” is known only by prior levels, yet rule “${rule.id}” would tell them “${rule.reason}”. Add a "reasonWithoutAnswers" that is true for learners who did not answer the placement questions.`,
      });
    });
  }
  return findings;
}
