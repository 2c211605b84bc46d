import { createContext, useContext, useEffect, useRef, useState } from 'react';
import type { Course } from '../../../shared/model';
import type { AnalysisRequest, AnalysisResponse } from './analysis.worker';
import { mergeParts, PENDING_ANALYSIS, type StudioAnalysis } from './analyze';
import { encodeCourseDelta } from './course-delta';

export type { CoverageCell, CoverageState, PersonaCoverage, RuleEffect, StudioAnalysis } from './analyze';

const DEBOUNCE_MS = 300;

interface WorkerState {
  readonly worker: Worker;
  busy: boolean;
  /** The newest snapshot not yet sent, with its number. */
  waiting: { readonly seq: number; readonly course: Course } | null;
  seq: number;
  /** The last course sent: the next is sent as what changed since it. */
  sent: Course | null;
  /** The worker's last answer, whole: its answers carry only what changed. */
  latest: StudioAnalysis;
  /** Sends a snapshot now, as what changed since the last one sent. */
  send(seq: number, course: Course): void;
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
    const state: WorkerState = {
      worker: w,
      busy: false,
      waiting: null,
      seq: 0,
      sent: null,
      latest: PENDING_ANALYSIS,
      // The delta is built when sent, never before: a snapshot overtaken while it waited is never sent, and the
      // worker must have had every course the next delta builds on.
      send(seq, course) {
        const request: AnalysisRequest = { seq, course: encodeCourseDelta(state.sent, course) };
        state.sent = course;
        state.busy = true;
        w.postMessage(request);
      },
    };
    worker.current = state;
    w.addEventListener('message', (event: MessageEvent<AnalysisResponse>) => {
      state.busy = false;
      state.latest = mergeParts(state.latest, event.data.analysis);
      if (state.waiting) {
        state.send(state.waiting.seq, state.waiting.course);
        state.waiting = null;
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
      const seq = ++state.seq;
      if (state.busy) state.waiting = { seq, course };
      else state.send(seq, course);
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
