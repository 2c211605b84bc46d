/** One thing the analysis found, where it is (JSON path in course.json) and, when it can, a learner for whom it happens. */
export interface Finding {
  /** `info`: something the designer said they meant (e.g. a mandate overriding a rule), reported, never failing a check. */
  readonly severity: 'error' | 'warning' | 'info';
  readonly code: string;
  readonly path: string;
  readonly message: string;
  readonly counterexample?: Counterexample;
}

export interface Counterexample {
  /** The persona (or "any <role>" for a role no persona covers). */
  readonly persona: string;
  /** Placement outcome class: level (and score) per competency that matters. */
  readonly outcome: Readonly<Record<string, string>>;
  /** What happens to the learner, in a sentence. */
  readonly path: string;
}
