import type { Format } from '../model/schema';
import type { CourseIndex } from './course-index';
import type { LearnerFacts } from './expr';
import { levelIndexOf } from './mastery';
import type { CompetencyEvidence } from './placement';

/** Everything the path depends on: who the learner is, what they know, what they chose, how far they are. */
export interface LearnerState extends LearnerAttributes {
  readonly preferredFormat?: Format | undefined;
  /** Competency → level id, from the placement test or prior knowledge. */
  readonly mastery: Readonly<Record<string, string>>;
  readonly scores: Readonly<Record<string, number>>;
  /** Skipped modules the learner chose to take anyway. */
  readonly takeAnyway: readonly string[];
  /** Lesson → the format the learner picked. */
  readonly formats: Readonly<Record<string, Format>>;
  /** offer-choice rule → the module picked, or the modules picked where the rule lets the learner pick several. */
  readonly picks: Readonly<Record<string, string | readonly string[]>>;
  readonly completed: readonly string[];
  /** Competency → where its level came from; lets a rule's reason be true for how the learner is known. */
  readonly sources?: Readonly<Record<string, CompetencyEvidence['source']>>;
}

/** Who the learner is, as rules see it; placement-only facts are zero outside the test. */
export interface LearnerAttributes {
  readonly role?: string | undefined;
  readonly department?: string | undefined;
  readonly seniority?: string | undefined;
  readonly preferredFormat?: string | undefined;
  /** Values of the course's own learner attributes: attribute id → value id. */
  readonly attributes?: Readonly<Record<string, string>> | undefined;
  readonly needs: { readonly captions: boolean; readonly audio: boolean; readonly reducedMotion: boolean };
}

/** Facts for rules from a learner's attributes and a way to read their level and score. */
export function attributeFacts(
  who: LearnerAttributes,
  level: (competency: string) => number,
  score: (competency: string) => number,
): LearnerFacts {
  return {
    level,
    score,
    role: who.role,
    department: who.department,
    seniority: who.seniority,
    attributes: who.attributes,
    needs: (n) => (n === 'captions' ? who.needs.captions : n === 'audio' ? who.needs.audio : who.needs.reducedMotion),
    prefers: (f) => who.preferredFormat === f,
    misses: () => 0,
    hits: () => 0,
    asked: () => 0,
  };
}

export function factsFor(index: CourseIndex, state: LearnerState): LearnerFacts {
  return attributeFacts(
    state,
    (c) => levelIndexOf(index.levels.get(c), state.mastery[c]),
    (c) => state.scores[c] ?? 0,
  );
}
