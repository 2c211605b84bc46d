import { loadCourse, type CourseIndex, type CourseProblem } from '../engine/course-index';
import { attributeFindings, uncoveredAttributeValues } from './attributes';
import { budgetFindings, trackingBudget, type TrackingBudget } from './budget';
import type { Finding } from './findings';
import { lintCourse } from './lint';
import { missingMediaFindings } from './media';
import { reasonFindings } from './reasons';
import { prove, type ProofStats } from './proof';

export type VerifyReport =
  | { readonly usable: false; readonly problems: readonly CourseProblem[] }
  | {
      readonly usable: true;
      readonly index: CourseIndex;
      readonly findings: readonly Finding[];
      readonly budget: TrackingBudget;
      readonly stats: ProofStats;
      readonly errors: number;
      readonly warnings: number;
      /** What the designer said they meant: reported, never failing a check. */
      readonly notes: number;
    };

export interface VerifyOptions {
  /** The media files the course holds (`assets/…`); when given, every reference to another file is an error. */
  readonly media?: Iterable<string>;
}

/** Findings another one at the same place already says more strongly: listing both only repeats the problem. */
const SUBSUMED_BY: Readonly<Record<string, string>> = {
  // "… is required for some learners but has no lessons" (an error) says all that "… has no lessons yet" does.
  'empty-module': 'required-module-empty',
};

function withoutSubsumed(findings: Finding[]): Finding[] {
  const at = new Set(findings.map((f) => `${f.code} ${f.path}`));
  return findings.filter((f) => {
    const stronger = SUBSUMED_BY[f.code];
    return !(stronger && at.has(`${stronger} ${f.path}`));
  });
}

/** Schema, references and conditions; then the proof, the tracking budget, lint and (given the media) missing files. */
export function verifyCourse(input: unknown, options: VerifyOptions = {}): VerifyReport {
  const load = loadCourse(input);
  if (!load.ok) return { usable: false, problems: load.problems };
  const { index } = load;
  const proof = prove(index);
  const budget = trackingBudget(index);
  const findings = withoutSubsumed([
    ...(options.media ? missingMediaFindings(index.course, options.media) : []),
    ...proof.findings,
    ...budgetFindings(budget),
    ...lintCourse(index),
    ...reasonFindings(index),
    ...attributeFindings(index),
    ...uncoveredAttributeValues(index),
  ]);
  return {
    usable: true,
    index,
    findings,
    budget,
    stats: proof.stats,
    errors: findings.filter((f) => f.severity === 'error').length,
    warnings: findings.filter((f) => f.severity === 'warning').length,
    notes: findings.filter((f) => f.severity === 'info').length,
  };
}
