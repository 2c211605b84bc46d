/** What the player tells the LMS, whatever the standard. */
export interface Interaction {
  readonly id: string;
  readonly type: 'choice' | 'true-false' | 'fill-in' | 'matching' | 'sequencing' | 'likert';
  readonly response: string;
  readonly correctPattern?: string | undefined;
  readonly result: 'correct' | 'wrong' | 'neutral';
  readonly competency?: string | undefined;
}

export interface ObjectiveStatus {
  readonly id: string;
  /** 0–1 */
  readonly score: number;
  readonly satisfied: boolean;
  readonly completed: boolean;
  /** Tested out in the placement test. */
  readonly byPlacement: boolean;
}

export interface Progress {
  readonly completed: boolean;
  readonly passed: boolean | null;
  /** 0–1 share of knowledge-check points. */
  readonly score: number | null;
  readonly location: string;
  readonly suspendData: string;
}

export interface TrackerStart {
  readonly learnerId: string;
  readonly learnerName: string;
  readonly suspendData: string;
  readonly location: string;
  readonly resumed: boolean;
}

/** One LMS session: start once, report as often as needed, end exactly once. */
export interface Tracker {
  readonly kind: 'scorm12' | 'scorm2004' | 'local';
  start(): TrackerStart;
  report(progress: Progress, objectives: readonly ObjectiveStatus[]): void;
  interaction(interaction: Interaction): void;
  /** Saves now (throttled saves otherwise). */
  flush(): void;
  finish(): void;
}

export interface TrackerOptions {
  /** Leave objectives and interactions out (strict LMSs). */
  readonly minimal: boolean;
  readonly log: (message: string) => void;
}
