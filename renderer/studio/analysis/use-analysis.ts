import { createContext, useContext, useEffect, useRef, useState } from 'react';
import type { Course } from '../../../shared/model';
import type { AnalysisRequest, AnalysisResponse } from './analysis.worker';
import { mergeParts, PENDING_ANALYSIS, type StudioAnalysis } from './analyze';
import { encodeCourseDelta } from './course-delta';

export type { CoverageCell, CoverageState, PersonaCoverage, RuleEffect, StudioAnalysis } from './analyze';

const DEBOUNCE_MS = 300;
/** The longest a change waits for the analysis, however long the last one took. */
const MAX_DEBOUNCE_MS = 2000;

/**
 * How long the studio waits after a change before analysing: 300 ms, or twice as long as the last analysis took.
 * On a large course an analysis takes a core for a quarter of a second or more; while the designer keeps adding,
 * moving or typing, it waits for a pause long enough instead of competing with their next click (two cores here).
 */
export function analysisDelay(lastAnalysisMs: number): number {
  return Math.min(MAX_DEBOUNCE_MS, Math.max(DEBOUNCE_MS, 2 * lastAnalysisMs));
}

interface WorkerState {
  readonly worker: Worker;
  busy: boolean;
  /** The newest snapshot not yet sent, with its number. */
  waiting: { readonly seq: number; readonly course: Course } | null;
  seq: number;
  /** The last course sent: the next is sent as what changed since it. */
  sent: Course | null;
  /** When the snapshot in the worker was sent, and how long the last answer took. */
  sentAt: number;
  lastMs: number;
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
      sentAt: 0,
      lastMs: 0,
      latest: PENDING_ANALYSIS,
      // The delta is built when sent, never before: a snapshot overtaken while it waited is never sent, and the
      // worker must have had every course the next delta builds on.
      send(seq, course) {
        const request: AnalysisRequest = { seq, course: encodeCourseDelta(state.sent, course) };
        state.sent = course;
        state.busy = true;
        state.sentAt = performance.now();
        w.postMessage(request);
      },
    };
    worker.current = state;
    w.addEventListener('message', (event: MessageEvent<AnalysisResponse>) => {
      state.busy = false;
      state.lastMs = performance.now() - state.sentAt;
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
    const timer = setTimeout(
      () => {
        const state = worker.current;
        if (!state) return;
        const seq = ++state.seq;
        if (state.busy) state.waiting = { seq, course };
        else state.send(seq, course);
      },
      analysisDelay(worker.current?.lastMs ?? 0),
    );
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
