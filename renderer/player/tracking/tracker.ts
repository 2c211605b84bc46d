import type { CourseResult } from '../../../shared/engine/result';

/** What the player tells the LMS, whatever the standard. */
export interface Interaction {
  readonly id: string;
  readonly type: 'choice' | 'true-false' | 'fill-in' | 'matching' | 'sequencing' | 'likert';
  readonly response: string;
  readonly correctPattern?: string | undefined;
  readonly result: 'correct' | 'wrong' | 'neutral';
  readonly competency?: string | undefined;
}

/** One state of the learner: the result model's verdict, the bookmark and the saved progress. */
export interface Report {
  readonly result: CourseResult;
  readonly location: string;
  readonly suspendData: string;
}

/**
 * Whether the learner's progress is safe: `saved` only after the LMS confirmed a commit of
 * everything reported; `failing` while a save or a value was refused (retries continue).
 */
export type SaveState = 'saved' | 'failing';

/** How the LMS launched this attempt: review and browse never change the stored result. */
export type LaunchMode = 'normal' | 'review' | 'browse';

export interface TrackerStart {
  readonly learnerId: string;
  readonly learnerName: string;
  readonly suspendData: string;
  readonly location: string;
  readonly resumed: boolean;
  readonly mode: LaunchMode;
  /** `cmi.launch_data`: parameters the LMS hands this launch, read like the URL's (`role=approver&seniority=veteran`). */
  readonly launchData?: string;
}

/** One LMS session: start once, report as often as needed, end exactly once. */
export interface Tracker {
  readonly kind: 'scorm12' | 'scorm2004' | 'local';
  start(): TrackerStart;
  report(report: Report): void;
  interaction(interaction: Interaction): void;
  /** Seconds since this session started: what the tracker reports as SCORM session_time when it ends. */
  sessionSeconds(): number;
  /** Saves now (throttled saves otherwise). */
  flush(): void;
  /** Ends the session; true when everything reported was confirmed saved. */
  finish(): boolean;
  /** Called after every save attempt with its outcome. */
  onSaveState(listener: (state: SaveState) => void): void;
}

export interface TrackerOptions {
  /** Leave objectives and interactions out (strict LMSs). */
  readonly minimal: boolean;
  readonly log: (message: string) => void;
  /** Delay before a throttled commit, and the first retry; doubled per failure up to `maxRetryMs`. */
  readonly commitDelayMs?: number;
  readonly maxRetryMs?: number;
}
