import { analyzeCourse, type StudioAnalysis } from './analyze';

/** A snapshot to analyse, numbered so the page can drop answers that a newer snapshot overtook. */
export interface AnalysisRequest {
  readonly seq: number;
  readonly course: unknown;
}
export interface AnalysisResponse {
  readonly seq: number;
  readonly analysis: StudioAnalysis;
}

// The DOM lib types `self` as Window; in a dedicated worker it is the worker's own scope.
const scope = self as unknown as {
  addEventListener(type: 'message', listener: (event: MessageEvent<AnalysisRequest>) => void): void;
  postMessage(message: AnalysisResponse): void;
};

scope.addEventListener('message', (event) => {
  const { seq, course } = event.data;
  scope.postMessage({ seq, analysis: analyzeCourse(course) });
});
