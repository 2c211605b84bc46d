import { findApi } from './find-api';
import type { Interaction, ObjectiveStatus, Progress, Tracker, TrackerOptions, TrackerStart } from './tracker';

interface Api12 {
  LMSInitialize(p: ''): string;
  LMSFinish(p: ''): string;
  LMSGetValue(e: string): string;
  LMSSetValue(e: string, v: string): string;
  LMSCommit(p: ''): string;
  LMSGetLastError(): string;
  LMSGetDiagnostic(c: string): string;
}

interface Api2004 {
  Initialize(p: ''): string;
  Terminate(p: ''): string;
  GetValue(e: string): string;
  SetValue(e: string, v: string): string;
  Commit(p: ''): string;
  GetLastError(): string;
  GetDiagnostic(c: string): string;
}

/** The calls that differ between SCORM 1.2 and 2004, behind one face. */
interface Dialect {
  readonly kind: 'scorm12' | 'scorm2004';
  init(): boolean;
  end(): boolean;
  get(element: string): string;
  set(element: string, value: string): boolean;
  commit(): boolean;
  lastError(): string;
}

const COMMIT_DELAY_MS = 3000;

/** `1.5` → `0001:00:01.50` (SCORM 1.2 CMITimespan). */
function timespan12(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return `${String(h).padStart(4, '0')}:${String(m).padStart(2, '0')}:${s.toFixed(2).padStart(5, '0')}`;
}

/** `3725` → `PT1H2M5S` (SCORM 2004 timeinterval). */
function timespan2004(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = Math.round((seconds % 60) * 100) / 100;
  return `PT${h ? `${h}H` : ''}${m ? `${m}M` : ''}${s}S`;
}

const stamp = () => new Date().toISOString().slice(0, 19);

class ScormTracker implements Tracker {
  readonly kind: 'scorm12' | 'scorm2004';
  #started = false;
  #finished = false;
  #dirty = false;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #startedAt = Date.now();
  #interactions = 0;
  readonly #objectiveIndex = new Map<string, number>();

  constructor(
    private readonly lms: Dialect,
    private readonly options: TrackerOptions,
  ) {
    this.kind = lms.kind;
  }

  #set(element: string, value: string): void {
    if (this.#finished) return;
    if (!this.lms.set(element, value)) this.options.log(`SetValue(${element}) failed: ${this.lms.lastError()}`);
    this.#dirty = true;
  }

  start(): TrackerStart {
    if (!this.#started) {
      this.#started = true;
      if (!this.lms.init()) this.options.log(`Initialize failed: ${this.lms.lastError()}`);
      this.#startedAt = Date.now();
    }
    const v12 = this.kind === 'scorm12';
    const entry = this.lms.get(v12 ? 'cmi.core.entry' : 'cmi.entry');
    this.#interactions = Number(this.lms.get('cmi.interactions._count')) || 0;
    const objectives = Number(this.lms.get('cmi.objectives._count')) || 0;
    for (let i = 0; i < objectives; i++) this.#objectiveIndex.set(this.lms.get(`cmi.objectives.${i}.id`), i);
    if (v12) {
      if (this.lms.get('cmi.core.lesson_status') === 'not attempted') this.#set('cmi.core.lesson_status', 'incomplete');
    } else if (
      this.lms.get('cmi.completion_status') === 'unknown' ||
      this.lms.get('cmi.completion_status') === 'not attempted'
    ) {
      this.#set('cmi.completion_status', 'incomplete');
    }
    return {
      learnerId: this.lms.get(v12 ? 'cmi.core.student_id' : 'cmi.learner_id'),
      learnerName: this.lms.get(v12 ? 'cmi.core.student_name' : 'cmi.learner_name'),
      suspendData: this.lms.get('cmi.suspend_data'),
      location: this.lms.get(v12 ? 'cmi.core.lesson_location' : 'cmi.location'),
      resumed: entry === 'resume',
    };
  }

  report(progress: Progress, objectives: readonly ObjectiveStatus[]): void {
    const v12 = this.kind === 'scorm12';
    this.#set('cmi.suspend_data', progress.suspendData);
    // An empty bookmark is refused by some runtimes; on the course map there is simply none to send.
    if (progress.location) this.#set(v12 ? 'cmi.core.lesson_location' : 'cmi.location', progress.location);
    if (progress.score !== null) {
      const raw = String(Math.round(progress.score * 100));
      this.#set(v12 ? 'cmi.core.score.min' : 'cmi.score.min', '0');
      this.#set(v12 ? 'cmi.core.score.max' : 'cmi.score.max', '100');
      this.#set(v12 ? 'cmi.core.score.raw' : 'cmi.score.raw', raw);
      if (!v12) this.#set('cmi.score.scaled', progress.score.toFixed(4));
    }
    if (v12) {
      const status = progress.completed
        ? progress.passed === false
          ? 'failed'
          : progress.passed
            ? 'passed'
            : 'completed'
        : 'incomplete';
      this.#set('cmi.core.lesson_status', status);
    } else {
      this.#set('cmi.completion_status', progress.completed ? 'completed' : 'incomplete');
      this.#set('cmi.success_status', progress.passed === null ? 'unknown' : progress.passed ? 'passed' : 'failed');
      this.#set('cmi.progress_measure', progress.completed ? '1' : '0.5');
    }
    if (!this.options.minimal) for (const objective of objectives) this.#objective(objective);
    this.#schedule();
  }

  #objective(o: ObjectiveStatus): void {
    let index = this.#objectiveIndex.get(o.id);
    if (index === undefined) {
      index = this.#objectiveIndex.size;
      this.#objectiveIndex.set(o.id, index);
      this.#set(`cmi.objectives.${index}.id`, o.id);
    }
    const at = `cmi.objectives.${index}`;
    if (this.kind === 'scorm12') {
      this.#set(`${at}.score.raw`, String(Math.round(o.score * 100)));
      this.#set(`${at}.score.min`, '0');
      this.#set(`${at}.score.max`, '100');
      this.#set(`${at}.status`, o.satisfied ? 'passed' : o.completed ? 'completed' : 'incomplete');
    } else {
      this.#set(`${at}.score.scaled`, o.score.toFixed(4));
      this.#set(`${at}.success_status`, o.satisfied ? 'passed' : 'unknown');
      this.#set(`${at}.completion_status`, o.completed ? 'completed' : 'incomplete');
      this.#set(`${at}.description`, o.byPlacement ? 'Satisfied by the placement test' : 'Competency');
    }
  }

  interaction(i: Interaction): void {
    if (this.options.minimal) return;
    const at = `cmi.interactions.${this.#interactions++}`;
    const v12 = this.kind === 'scorm12';
    const type = i.type === 'likert' ? 'likert' : i.type;
    this.#set(`${at}.id`, i.id);
    this.#set(`${at}.type`, type);
    if (i.correctPattern !== undefined) this.#set(`${at}.correct_responses.0.pattern`, i.correctPattern);
    if (v12) {
      this.#set(`${at}.student_response`, i.response);
      this.#set(`${at}.result`, i.result);
      this.#set(`${at}.time`, new Date().toTimeString().slice(0, 8));
    } else {
      this.#set(`${at}.learner_response`, i.response);
      this.#set(`${at}.result`, i.result === 'wrong' ? 'incorrect' : i.result);
      this.#set(`${at}.timestamp`, stamp());
      if (i.competency) this.#set(`${at}.objectives.0.id`, i.competency);
    }
    this.#schedule();
  }

  #schedule(): void {
    if (this.#timer !== undefined || this.#finished) return;
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      this.flush();
    }, COMMIT_DELAY_MS);
  }

  flush(): void {
    if (this.#finished || !this.#dirty) return;
    if (this.lms.commit()) this.#dirty = false;
    else {
      this.options.log(`Commit failed: ${this.lms.lastError()}; will retry`);
      this.#schedule();
    }
  }

  finish(): void {
    if (this.#finished || !this.#started) return;
    const seconds = (Date.now() - this.#startedAt) / 1000;
    if (this.kind === 'scorm12') {
      this.#set('cmi.core.session_time', timespan12(seconds));
      this.#set('cmi.core.exit', 'suspend');
    } else {
      this.#set('cmi.session_time', timespan2004(seconds));
      this.#set('cmi.exit', 'suspend');
    }
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.lms.commit();
    this.#finished = true;
    if (!this.lms.end()) this.options.log(`Terminate failed: ${this.lms.lastError()}`);
  }
}

function diagnose(code: string, describe: (c: string) => string): string {
  return code === '0' ? '' : `${code} ${describe(code)}`;
}

export function scorm12Tracker(win: Window, options: TrackerOptions): Tracker | null {
  const api = findApi<Api12>(win, 'API');
  if (!api) return null;
  return new ScormTracker(
    {
      kind: 'scorm12',
      init: () => String(api.LMSInitialize('')) === 'true',
      end: () => String(api.LMSFinish('')) === 'true',
      get: (e) => String(api.LMSGetValue(e) ?? ''),
      set: (e, v) => String(api.LMSSetValue(e, v)) === 'true',
      commit: () => String(api.LMSCommit('')) === 'true',
      lastError: () => diagnose(String(api.LMSGetLastError()), (c) => api.LMSGetDiagnostic(c)),
    },
    options,
  );
}

export function scorm2004Tracker(win: Window, options: TrackerOptions): Tracker | null {
  const api = findApi<Api2004>(win, 'API_1484_11');
  if (!api) return null;
  return new ScormTracker(
    {
      kind: 'scorm2004',
      init: () => String(api.Initialize('')) === 'true',
      end: () => String(api.Terminate('')) === 'true',
      get: (e) => String(api.GetValue(e) ?? ''),
      set: (e, v) => String(api.SetValue(e, v)) === 'true',
      commit: () => String(api.Commit('')) === 'true',
      lastError: () => diagnose(String(api.GetLastError()), (c) => api.GetDiagnostic(c)),
    },
    options,
  );
}
