import { loadCourse, type CourseIndex, type CourseProblem } from '../engine/course-index';
import { attributeFindings } from './attributes';
import { budgetFindings, trackingBudget, type TrackingBudget } from './budget';
import type { Finding } from './findings';
import { lintCourse } from './lint';
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
    };

/** Schema, references and conditions; then the proof, the tracking budget and lint. */
export function verifyCourse(input: unknown): VerifyReport {
  const load = loadCourse(input);
  if (!load.ok) return { usable: false, problems: load.problems };
  const { index } = load;
  const proof = prove(index);
  const budget = trackingBudget(index);
  const findings = [...proof.findings, ...budgetFindings(budget), ...lintCourse(index), ...attributeFindings(index)];
  return {
    usable: true,
    index,
    findings,
    budget,
    stats: proof.stats,
    errors: findings.filter((f) => f.severity === 'error').length,
    warnings: findings.filter((f) => f.severity === 'warning').length,
  };
}
