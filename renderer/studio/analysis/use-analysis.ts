import { createContext, useContext, useEffect, useRef, useState } from 'react';
import type { Course } from '../../../shared/model';
import type { AnalysisRequest, AnalysisResponse } from './analysis.worker';
import { mergeParts, PENDING_ANALYSIS, type StudioAnalysis } from './analyze';

export type { CoverageCell, CoverageState, PersonaCoverage, RuleEffect, StudioAnalysis } from './analyze';

const DEBOUNCE_MS = 300;

interface WorkerState {
  readonly worker: Worker;
  busy: boolean;
  waiting: AnalysisRequest | null;
  seq: number;
  /** The worker's last answer, whole: its answers carry only what changed. */
  latest: StudioAnalysis;
}

/**
 * The proof, budget, lint, coverage and rule effects over the snapshot, re-run (debounced) in a
 * Web Worker after every change, so typing never waits for it. At most one snapshot is in the
 * worker at a time; the newest one waiting replaces any older one.
 */
export function useAnalysis(course: Course, enabled = true): StudioAnalysis {
  const [analysis, setAnalysis] = useState<StudioAnalysis>(PENDING_ANALYSIS);
  const worker = useRef<WorkerState | null>(null);

  useEffect(() => {
    if (!enabled) return;
    const w = new Worker(new URL('./analysis.worker.ts', import.meta.url), { type: 'module', name: 'analysis' });
    // Every answer is laid over `latest`, also one overtaken by a newer snapshot (which is then not shown).
    const state: WorkerState = { worker: w, busy: false, waiting: null, seq: 0, latest: PENDING_ANALYSIS };
    worker.current = state;
    w.addEventListener('message', (event: MessageEvent<AnalysisResponse>) => {
      state.busy = false;
      state.latest = mergeParts(state.latest, event.data.analysis);
      if (state.waiting) {
        w.postMessage(state.waiting);
        state.waiting = null;
        state.busy = true;
      } else if (event.data.seq === state.seq) setAnalysis(state.latest);
    });
    return () => {
      w.terminate();
      worker.current = null;
    };
  }, [enabled]);

  useEffect(() => {
    if (!enabled) return;
    const timer = setTimeout(() => {
      const state = worker.current;
      if (!state) return;
      const request: AnalysisRequest = { seq: ++state.seq, course };
      if (state.busy) state.waiting = request;
      else {
        state.busy = true;
        state.worker.postMessage(request);
      }
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [course, enabled]);

  return analysis;
}

/** The workspace's one analysis (one worker), for every view that shows it: problems, rules, placement, coverage. */
export const AnalysisContext = createContext<StudioAnalysis>(PENDING_ANALYSIS);

/** The analysis the workspace runs over the open course. */
export function useStudioAnalysis(): StudioAnalysis {
  return useContext(AnalysisContext);
}
