import type { Tracker } from './tracker';

/** No LMS (opened from disk or a plain web server): progress is kept in the browser. */
export function localTracker(courseId: string): Tracker {
  const key = `tailor:${courseId}`;
  const read = (): { suspendData: string; location: string } => {
    try {
      return JSON.parse(localStorage.getItem(key) ?? '') as { suspendData: string; location: string };
    } catch {
      return { suspendData: '', location: '' };
    }
  };
  let pending: { suspendData: string; location: string } | null = null;
  return {
    kind: 'local',
    start: () => {
      const saved = read();
      return { learnerId: 'local', learnerName: '', ...saved, resumed: saved.suspendData !== '' };
    },
    report: (progress) => {
      pending = { suspendData: progress.suspendData, location: progress.location };
    },
    interaction: () => {},
    flush: () => {
      if (!pending) return;
      try {
        localStorage.setItem(key, JSON.stringify(pending));
        pending = null;
      } catch {
        // Storage full or blocked: progress stays in memory for this visit.
      }
    },
    finish() {
      this.flush();
    },
  };
}
