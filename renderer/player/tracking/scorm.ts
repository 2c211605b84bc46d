import { findApi } from './find-api';
import type { CompetencyResult } from '../../../shared/engine/result';
import type { Interaction, LaunchMode, Report, SaveState, Tracker, TrackerOptions, TrackerStart } from './tracker';

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
const MAX_RETRY_MS = 30_000;

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

/** How far a status has come; a reopened attempt never sends one lower than the LMS holds. */
const RANK: Readonly<Record<string, number>> = {
  '': 0,
  unknown: 0,
  'not attempted': 0,
  browsed: 1,
  incomplete: 1,
  completed: 2,
  failed: 3,
  passed: 4,
};
const rank = (status: string | undefined) => RANK[status ?? ''] ?? 0;

/** What the LMS holds for the course or one objective: the floor nothing we send may go below. */
interface Held {
  status: string;
  success: string;
  /** 0–1, or null when the LMS holds no score. */
  score: number | null;
}

const toNumber = (value: string): number | null => (value === '' || Number.isNaN(Number(value)) ? null : Number(value));

class ScormTracker implements Tracker {
  readonly kind: 'scorm12' | 'scorm2004';
  #started = false;
  #finished = false;
  #dirty = false;
  /** A value the learner's progress depends on was refused since the last commit. */
  #refused = false;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #failures = 0;
  #state: SaveState = 'saved';
  #listeners: ((state: SaveState) => void)[] = [];
  #startedAt = Date.now();
  #interactions = 0;
  #mode: LaunchMode = 'normal';
  #last: Report | null = null;
  #held: Held = { status: '', success: '', score: null };
  readonly #objectiveIndex = new Map<string, number>();
  readonly #objectiveHeld = new Map<string, Held>();

  constructor(
    private readonly lms: Dialect,
    private readonly options: TrackerOptions,
  ) {
    this.kind = lms.kind;
  }

  get #v12() {
    return this.kind === 'scorm12';
  }

  #set(element: string, value: string, critical = true): void {
    if (this.#finished) return;
    if (!this.lms.set(element, value)) {
      this.options.log(`SetValue(${element}) failed: ${this.lms.lastError()}`);
      if (critical) this.#refused = true;
    }
    this.#dirty = true;
  }

  /** Tells listeners after every commit, so a copy kept elsewhere can be marked confirmed each time. */
  #emit(state: SaveState): void {
    this.#state = state;
    for (const listener of this.#listeners) listener(state);
  }

  onSaveState(listener: (state: SaveState) => void): void {
    this.#listeners.push(listener);
  }

  start(): TrackerStart {
    if (!this.#started) {
      this.#started = true;
      if (!this.lms.init()) this.options.log(`Initialize failed: ${this.lms.lastError()}`);
      this.#startedAt = Date.now();
    }
    const v12 = this.#v12;
    const mode = this.lms.get(v12 ? 'cmi.core.lesson_mode' : 'cmi.mode');
    this.#mode = mode === 'review' || mode === 'browse' ? mode : 'normal';
    const entry = this.lms.get(v12 ? 'cmi.core.entry' : 'cmi.entry');
    this.#interactions = Number(this.lms.get('cmi.interactions._count')) || 0;
    if (v12) {
      const raw = toNumber(this.lms.get('cmi.core.score.raw'));
      const status = this.lms.get('cmi.core.lesson_status');
      this.#held = { status, success: '', score: raw === null ? null : raw / 100 };
    } else {
      this.#held = {
        status: this.lms.get('cmi.completion_status'),
        success: this.lms.get('cmi.success_status'),
        score: toNumber(this.lms.get('cmi.score.scaled')),
      };
    }
    const objectives = Number(this.lms.get('cmi.objectives._count')) || 0;
    for (let i = 0; i < objectives; i++) {
      const at = `cmi.objectives.${i}`;
      const id = this.lms.get(`${at}.id`);
      this.#objectiveIndex.set(id, i);
      const raw = toNumber(this.lms.get(v12 ? `${at}.score.raw` : `${at}.score.scaled`));
      this.#objectiveHeld.set(
        id,
        v12
          ? { status: this.lms.get(`${at}.status`), success: '', score: raw === null ? null : raw / 100 }
          : {
              status: this.lms.get(`${at}.completion_status`),
              success: this.lms.get(`${at}.success_status`),
              score: raw,
            },
      );
    }
    if (this.#mode === 'normal' && rank(this.#held.status) === 0) {
      this.#set(v12 ? 'cmi.core.lesson_status' : 'cmi.completion_status', 'incomplete');
      this.#held.status = 'incomplete';
    }
    const suspendData = this.lms.get('cmi.suspend_data');
    return {
      learnerId: this.lms.get(v12 ? 'cmi.core.student_id' : 'cmi.learner_id'),
      learnerName: this.lms.get(v12 ? 'cmi.core.student_name' : 'cmi.learner_name'),
      suspendData,
      location: this.lms.get(v12 ? 'cmi.core.lesson_location' : 'cmi.location'),
      resumed: entry === 'resume' || suspendData !== '',
      mode: this.#mode,
      launchData: this.lms.get('cmi.launch_data'),
    };
  }

  report(report: Report): void {
    this.#last = report;
    if (this.#mode !== 'normal') return;
    this.#apply(report);
    this.#schedule(this.options.commitDelayMs ?? COMMIT_DELAY_MS);
  }

  /** Sends what the result model decided, never less than the LMS already holds. */
  #apply({ result, location, suspendData }: Report): void {
    const v12 = this.#v12;
    this.#set('cmi.suspend_data', suspendData);
    if (location) this.#set(v12 ? 'cmi.core.lesson_location' : 'cmi.location', location);
    const decided = result.passed !== null && result.score !== null;
    const held = this.#held;
    if (v12) {
      const status = result.completed
        ? result.passed === null
          ? 'completed'
          : result.passed
            ? 'passed'
            : 'failed'
        : 'incomplete';
      if (rank(status) >= rank(held.status)) {
        const raised = rank(status) > rank(held.status);
        if (decided && (raised || held.score === null || result.score! >= held.score)) {
          this.#score('cmi.core.score', result.score!);
          held.score = result.score;
        }
        if (status !== held.status) this.#set('cmi.core.lesson_status', status);
        held.status = status;
      }
    } else {
      const completion = result.completed ? 'completed' : 'incomplete';
      if (rank(completion) > rank(held.status)) {
        this.#set('cmi.completion_status', completion);
        held.status = completion;
      }
      const progress = held.status === 'completed' ? 1 : result.progress;
      this.#set('cmi.progress_measure', String(Math.round(progress * 10000) / 10000));
      if (decided) {
        const success = result.passed ? 'passed' : 'failed';
        if (rank(success) >= rank(held.success)) {
          const raised = rank(success) > rank(held.success);
          if (raised || held.score === null || result.score! >= held.score) {
            this.#score('cmi.score', result.score!);
            held.score = result.score;
          }
          if (success !== held.success) this.#set('cmi.success_status', success);
          held.success = success;
        }
      }
    }
    if (!this.options.minimal) for (const objective of result.objectives) this.#objective(objective);
  }

  #score(prefix: string, score: number): void {
    this.#set(`${prefix}.min`, '0');
    this.#set(`${prefix}.max`, '100');
    this.#set(`${prefix}.raw`, String(Math.round(score * 100)));
    if (!this.#v12) this.#set(`${prefix}.scaled`, String(Math.round(score * 10000) / 10000));
  }

  #objective(o: CompetencyResult): void {
    let index = this.#objectiveIndex.get(o.id);
    if (index === undefined) {
      index = this.#objectiveIndex.size;
      this.#objectiveIndex.set(o.id, index);
      this.#set(`cmi.objectives.${index}.id`, o.id, false);
    }
    const held = this.#objectiveHeld.get(o.id) ?? { status: '', success: '', score: null };
    this.#objectiveHeld.set(o.id, held);
    const at = `cmi.objectives.${index}`;
    // The status and the score travel together, so an objective never contradicts its own score.
    if (this.#v12) {
      const status = o.success === 'unknown' ? (o.completed ? 'completed' : 'incomplete') : o.success;
      if (rank(status) < rank(held.status)) return;
      if (o.score !== null && (rank(status) > rank(held.status) || held.score === null || o.score >= held.score)) {
        this.#set(`${at}.score.raw`, String(Math.round(o.score * 100)), false);
        this.#set(`${at}.score.min`, '0', false);
        this.#set(`${at}.score.max`, '100', false);
        held.score = o.score;
      }
      if (status !== held.status) this.#set(`${at}.status`, status, false);
      held.status = status;
    } else {
      const completion = o.completed ? 'completed' : 'incomplete';
      if (rank(completion) > rank(held.status)) {
        this.#set(`${at}.completion_status`, completion, false);
        held.status = completion;
      }
      if (rank(o.success) < rank(held.success)) return;
      if (o.score !== null && (rank(o.success) > rank(held.success) || held.score === null || o.score >= held.score)) {
        this.#set(`${at}.score.scaled`, String(Math.round(o.score * 10000) / 10000), false);
        held.score = o.score;
      }
      if (o.success !== held.success && o.success !== 'unknown') this.#set(`${at}.success_status`, o.success, false);
      if (o.success !== 'unknown') held.success = o.success;
      this.#set(`${at}.description`, o.byPlacement ? 'Satisfied by the placement test' : o.name.slice(0, 250), false);
    }
  }

  interaction(i: Interaction): void {
    if (this.options.minimal || this.#mode !== 'normal') return;
    const at = `cmi.interactions.${this.#interactions++}`;
    const v12 = this.#v12;
    const type = i.type === 'likert' ? 'likert' : i.type;
    this.#set(`${at}.id`, i.id, false);
    this.#set(`${at}.type`, type, false);
    if (i.correctPattern !== undefined) this.#set(`${at}.correct_responses.0.pattern`, i.correctPattern, false);
    if (v12) {
      this.#set(`${at}.student_response`, i.response, false);
      this.#set(`${at}.result`, i.result, false);
      this.#set(`${at}.time`, new Date().toTimeString().slice(0, 8), false);
    } else {
      this.#set(`${at}.learner_response`, i.response, false);
      this.#set(`${at}.result`, i.result === 'wrong' ? 'incorrect' : i.result, false);
      this.#set(`${at}.timestamp`, stamp(), false);
      if (i.competency) this.#set(`${at}.objectives.0.id`, i.competency, false);
    }
    this.#schedule(this.options.commitDelayMs ?? COMMIT_DELAY_MS);
  }

  #schedule(delay: number): void {
    if (this.#timer !== undefined || this.#finished) return;
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      this.flush();
    }, delay);
  }

  /** Commits; on failure sends the last state again and retries with a doubling delay. */
  #commit(): boolean {
    if (this.#failures > 0 && this.#last && this.#mode === 'normal') {
      this.#refused = false;
      this.#apply(this.#last);
    }
    const committed = this.lms.commit();
    if (!committed) this.options.log(`Commit failed: ${this.lms.lastError()}`);
    const saved = committed && !this.#refused;
    this.#refused = false;
    if (saved) {
      this.#dirty = false;
      this.#failures = 0;
      this.#emit('saved');
    } else {
      this.#failures++;
      this.#emit('failing');
    }
    return saved;
  }

  flush(): void {
    if (this.#finished || !this.#dirty) return;
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
    if (this.#commit()) return;
    const base = this.options.commitDelayMs ?? COMMIT_DELAY_MS;
    this.#schedule(Math.min(this.options.maxRetryMs ?? MAX_RETRY_MS, base * 2 ** (this.#failures - 1)));
  }

  sessionSeconds(): number {
    return (Date.now() - this.#startedAt) / 1000;
  }

  finish(): boolean {
    if (this.#finished || !this.#started) return this.#state === 'saved';
    const seconds = this.sessionSeconds();
    if (this.#mode === 'normal') {
      this.#set(
        this.#v12 ? 'cmi.core.session_time' : 'cmi.session_time',
        (this.#v12 ? timespan12 : timespan2004)(seconds),
        false,
      );
      this.#set(this.#v12 ? 'cmi.core.exit' : 'cmi.exit', 'suspend', false);
    }
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
    const saved = this.#commit();
    this.#finished = true;
    if (!this.lms.end()) this.options.log(`Terminate failed: ${this.lms.lastError()}`);
    return saved;
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
