import type { Persona } from '../model/schema';
import type { CourseIndex } from './course-index';
import type { LearnerState } from './learner';
import { personaIntake } from './persona-play';
import { runPlacement, type PlacementResult } from './placement';

/**
 * Who a persona is, as the intake records them when the persona plays the package: its own values, and for an
 * attribute the intake asks that the persona gives no value for, the intake's first answer. The studio's preview,
 * `tailor paths` and the package so see the same learner.
 */
export function personaIdentity(
  index: CourseIndex,
  persona: Persona,
): Pick<LearnerState, 'role' | 'department' | 'seniority' | 'preferredFormat' | 'needs' | 'attributes'> {
  const intake = personaIntake(index, persona);
  const attributes = { ...persona.attributes, ...intake.attributes };
  return {
    role: intake.role ?? persona.role,
    department: intake.department ?? persona.department,
    seniority: intake.seniority ?? persona.seniority,
    preferredFormat: persona.preferredFormat,
    needs: persona.needs,
    ...(Object.keys(attributes).length ? { attributes } : {}),
  };
}

/** A persona's state before any progress: placement from their answer profile, else their prior knowledge. */
export function personaState(
  index: CourseIndex,
  persona: Persona,
): { state: LearnerState; placement: PlacementResult } {
  const who = personaIdentity(index, persona);
  const answers = persona.prior.answers;
  const placement = runPlacement(index, (question) => answers[question.id], persona.prior.mastery, who);
  return {
    placement,
    state: {
      ...who,
      mastery: placement.mastery,
      scores: placement.scores,
      takeAnyway: [],
      formats: {},
      picks: {},
      completed: [],
      sources: Object.fromEntries(Object.entries(placement.evidence).map(([c, e]) => [c, e.source])),
    },
  };
}
