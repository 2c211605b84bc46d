import { useEffect, useState } from 'react';
import { verifyCourse, type Finding, type TrackingBudget } from '../../../shared/analysis';
import type { CourseProblem } from '../../../shared/engine/course-index';
import type { Course } from '../../../shared/model';

/** What the analysis says about the current snapshot; plain data, so it can cross a worker boundary. */
export interface StudioAnalysis {
  readonly status: 'pending' | 'ready';
  /** Schema, reference and condition problems; when any exist the proof did not run. */
  readonly problems: readonly CourseProblem[];
  readonly findings: readonly Finding[];
  readonly budget: TrackingBudget | null;
}

const PENDING: StudioAnalysis = { status: 'pending', problems: [], findings: [], budget: null };
const DEBOUNCE_MS = 300;

/** The proof, budget and lint over the snapshot, re-run (debounced) after every change. */
export function useAnalysis(course: Course): StudioAnalysis {
  const [analysis, setAnalysis] = useState<StudioAnalysis>(PENDING);
  useEffect(() => {
    const timer = setTimeout(() => {
      const report = verifyCourse(course);
      setAnalysis(
        report.usable
          ? { status: 'ready', problems: [], findings: report.findings, budget: report.budget }
          : { status: 'ready', problems: report.problems, findings: [], budget: null },
      );
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [course]);
  return analysis;
}
