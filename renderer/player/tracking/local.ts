import type { SaveState, Tracker } from './tracker';

/** What is kept on this device for one learner of one course. */
export interface LocalCopy {
  readonly suspendData: string;
  readonly location: string;
  /** The LMS confirmed a commit of this very state; false while it is only on this device. */
  readonly confirmed: boolean;
}

/** Progress kept in the browser, keyed by course and learner: the fallback when an LMS does not save. */
export function localCopy(courseId: string, learnerId: string) {
  const key = `tailor:${courseId}:${learnerId || 'local'}`;
  return {
    read(): LocalCopy | null {
      try {
        const value = JSON.parse(localStorage.getItem(key) ?? 'null') as Partial<LocalCopy> | null;
        return value && typeof value.suspendData === 'string'
          ? { suspendData: value.suspendData, location: String(value.location ?? ''), confirmed: !!value.confirmed }
          : null;
      } catch {
        return null;
      }
    },
    /** False when the browser refused to store it (private mode, storage full). */
    write(copy: LocalCopy): boolean {
      try {
        localStorage.setItem(key, JSON.stringify(copy));
        return true;
      } catch {
        return false;
      }
    },
  };
}

/** No LMS (opened from disk or a plain web server): progress is kept in the browser. */
export function localTracker(courseId: string): Tracker {
  const store = localCopy(courseId, 'local');
  let pending: { suspendData: string; location: string } | null = null;
  let state: SaveState = 'saved';
  const listeners: ((s: SaveState) => void)[] = [];
  let startedAt = Date.now();
  const emit = (next: SaveState) => {
    state = next;
    for (const l of listeners) l(next);
  };
  const flush = () => {
    if (!pending) return;
    // Storage full or blocked: progress stays in memory for this visit, and the learner is told.
    if (store.write({ ...pending, confirmed: true })) {
      pending = null;
      emit('saved');
    } else emit('failing');
  };
  return {
    kind: 'local',
    start: () => {
      startedAt = Date.now();
      const saved = store.read();
      return {
        learnerId: 'local',
        learnerName: '',
        suspendData: saved?.suspendData ?? '',
        location: saved?.location ?? '',
        resumed: !!saved?.suspendData,
        mode: 'normal',
      };
    },
    report: ({ suspendData, location }) => {
      pending = { suspendData, location };
      flush();
    },
    interaction: () => {},
    sessionSeconds: () => (Date.now() - startedAt) / 1000,
    flush,
    finish() {
      flush();
      return state === 'saved';
    },
    onSaveState: (listener) => listeners.push(listener),
  };
}
