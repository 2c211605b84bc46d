import type { CourseIndex } from '../engine/course-index';
import { worstCaseStateSize } from '../engine/state-codec';
import type { Finding } from './findings';

/**
 * suspend_data limits: SCORM 1.2 CMIString4096; SCORM 2004 3rd Edition's smallest permitted maximum (SPM) 4000, 4th
 * Edition's 64000. An LMS may store more, but only the SPM is promised.
 */
export const SUSPEND_DATA_LIMITS = { scorm12: 4096, scorm2004Third: 4000, scorm2004: 64000 } as const;

export interface TrackingBudget {
  readonly worstCaseChars: number;
  readonly scorm12: { readonly limit: number; readonly fits: boolean };
  /** SCORM 2004 3rd Edition. */
  readonly scorm2004Third: { readonly limit: number; readonly fits: boolean };
  /** SCORM 2004 4th Edition. */
  readonly scorm2004: { readonly limit: number; readonly fits: boolean };
}

export function trackingBudget(index: CourseIndex): TrackingBudget {
  const worstCaseChars = worstCaseStateSize(index);
  return {
    worstCaseChars,
    scorm12: { limit: SUSPEND_DATA_LIMITS.scorm12, fits: worstCaseChars <= SUSPEND_DATA_LIMITS.scorm12 },
    scorm2004Third: {
      limit: SUSPEND_DATA_LIMITS.scorm2004Third,
      fits: worstCaseChars <= SUSPEND_DATA_LIMITS.scorm2004Third,
    },
    scorm2004: { limit: SUSPEND_DATA_LIMITS.scorm2004, fits: worstCaseChars <= SUSPEND_DATA_LIMITS.scorm2004 },
  };
}

export function budgetFindings(budget: TrackingBudget): Finding[] {
  const findings: Finding[] = [];
  if (!budget.scorm12.fits)
    findings.push({
      severity: 'warning',
      code: 'budget-scorm12',
      path: '(the whole course)',
      message: `A learner's saved progress can reach ${budget.worstCaseChars} characters, more than SCORM 1.2 allows (${budget.scorm12.limit}); export it as SCORM 2004 or split the course.`,
    });
  if (!budget.scorm2004Third.fits && budget.scorm2004.fits)
    findings.push({
      severity: 'warning',
      code: 'budget-scorm2004-3rd',
      path: '(the whole course)',
      message: `A learner's saved progress can reach ${budget.worstCaseChars} characters, more than SCORM 2004 3rd Edition promises to store (${budget.scorm2004Third.limit}); export it as SCORM 2004 4th Edition or split the course.`,
    });
  if (!budget.scorm2004.fits)
    findings.push({
      severity: 'error',
      code: 'budget-scorm2004',
      path: '(the whole course)',
      message: `A learner's saved progress can reach ${budget.worstCaseChars} characters, more than SCORM 2004 4th Edition allows (${budget.scorm2004.limit}); split the course.`,
    });
  return findings;
}
