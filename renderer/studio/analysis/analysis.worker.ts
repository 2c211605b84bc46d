import { analyzeCourse, changedParts, type AnalysisParts, type PartKey } from './analyze';
import { decodeCourseDelta, type CourseDelta } from './course-delta';

/** A snapshot to analyse (what changed since the last one sent), numbered so the page can drop answers that a newer snapshot overtook. */
export interface AnalysisRequest {
  readonly seq: number;
  readonly course: CourseDelta;
}
export interface AnalysisResponse {
  readonly seq: number;
  /** Only what changed since this worker's previous answer; the page keeps the rest. */
  readonly analysis: AnalysisParts;
}

// The DOM lib types `self` as Window; in a dedicated worker it is the worker's own scope.
const scope = self as unknown as {
  addEventListener(type: 'message', listener: (event: MessageEvent<AnalysisRequest>) => void): void;
  postMessage(message: AnalysisResponse): void;
};

/** The parts of the last answer, as JSON: the next answer sends only what differs. */
const sent = new Map<PartKey, string>();

/** The last course received, which the next delta builds on. */
let held: Readonly<Record<string, unknown>> | null = null;

scope.addEventListener('message', (event) => {
  const { seq, course } = event.data;
  held = decodeCourseDelta(held, course);
  scope.postMessage({ seq, analysis: changedParts(sent, analyzeCourse(held)) });
});
