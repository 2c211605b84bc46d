import type { Answer } from '../../shared/model/schema';

/**
 * The player's preview-only channel: the studio's preview (through its LMS page) may ask the player to
 * open a module or lesson, or to answer the placement test as a persona would. It exists only when the
 * package runs framed by the preview's LMS page on the package's own origin; an exported package in a
 * real LMS never listens.
 */

/** The global the preview's LMS page sets on itself; the player reads it through its same-origin parent. */
export const PREVIEW_LMS_MARK = 'TAILOR_PREVIEW_LMS';

/** What helps the learner learn, as the intake asks it. */
export interface LearnerNeeds {
  readonly captions: boolean;
  readonly audio: boolean;
  readonly reducedMotion: boolean;
}

export type LmsPageToPlayer =
  | { readonly source: 'tailor-preview-lms'; readonly kind: 'open'; readonly module: string; readonly lesson?: string }
  | {
      readonly source: 'tailor-preview-lms';
      readonly kind: 'autopilot';
      /** The persona's answer to each placement question it may be asked. */
      readonly answers: Readonly<Record<string, Answer>>;
      readonly needs: LearnerNeeds;
      /** Every remaining step at once, or one step (the intake or one answer) per request. */
      readonly all: boolean;
    };

/** What the player did with a request, in the designer's words. */
export interface PlayerReply {
  readonly source: 'tailor-player';
  readonly kind: 'open' | 'autopilot';
  readonly ok: boolean;
  readonly text: string;
}

/** What the player answers a request with: done (ok) or why not. */
export interface PlayerOutcome {
  readonly ok: boolean;
  readonly text: string;
}

export interface PreviewControl {
  open(module: string, lesson?: string): PlayerOutcome;
  autopilot(answers: Readonly<Record<string, Answer>>, needs: LearnerNeeds, all: boolean): PlayerOutcome;
}

const isAnswer = (v: unknown): v is Answer =>
  typeof v === 'string' ||
  typeof v === 'boolean' ||
  typeof v === 'number' ||
  (Array.isArray(v) && v.every((x) => typeof x === 'string'));

/** Accepts only the LMS page's well-formed requests. */
export function asPlayerRequest(data: unknown): LmsPageToPlayer | null {
  if (typeof data !== 'object' || data === null) return null;
  const m = data as Record<string, unknown>;
  if (m.source !== 'tailor-preview-lms') return null;
  if (m.kind === 'open' && typeof m.module === 'string' && (m.lesson === undefined || typeof m.lesson === 'string'))
    return {
      source: 'tailor-preview-lms',
      kind: 'open',
      module: m.module,
      ...(m.lesson === undefined ? {} : { lesson: m.lesson }),
    };
  if (m.kind !== 'autopilot' || typeof m.all !== 'boolean') return null;
  const answers = m.answers;
  const needs = m.needs as Record<string, unknown> | null | undefined;
  if (typeof answers !== 'object' || answers === null || !Object.values(answers).every(isAnswer)) return null;
  if (typeof needs !== 'object' || needs === null) return null;
  if (![needs.captions, needs.audio, needs.reducedMotion].every((b) => typeof b === 'boolean')) return null;
  return {
    source: 'tailor-preview-lms',
    kind: 'autopilot',
    answers: answers as Record<string, Answer>,
    needs: { captions: !!needs.captions, audio: !!needs.audio, reducedMotion: !!needs.reducedMotion },
    all: m.all,
  };
}

/** Accepts only the player's well-formed replies. */
export function asPlayerReply(data: unknown): PlayerReply | null {
  if (typeof data !== 'object' || data === null) return null;
  const m = data as Record<string, unknown>;
  if (m.source !== 'tailor-player' || (m.kind !== 'open' && m.kind !== 'autopilot')) return null;
  if (typeof m.ok !== 'boolean' || typeof m.text !== 'string') return null;
  return { source: 'tailor-player', kind: m.kind, ok: m.ok, text: m.text };
}

/** True only inside the preview: framed by a same-origin page that marks itself as the preview's LMS page. */
export function framedByPreviewLms(win: Window): boolean {
  if (win.parent === win) return false;
  try {
    return (win.parent as unknown as Record<string, unknown>)[PREVIEW_LMS_MARK] === true;
  } catch {
    // A parent on another origin (a real LMS elsewhere) cannot be read: no channel.
    return false;
  }
}

/** Listens to the preview's LMS page, and only to it; does nothing outside the preview. */
export function listenToPreview(win: Window, control: PreviewControl): boolean {
  if (!framedByPreviewLms(win)) return false;
  const origin = win.location.origin;
  win.addEventListener('message', (event) => {
    if (event.source !== win.parent || event.origin !== origin) return;
    const request = asPlayerRequest(event.data);
    if (!request) return;
    const outcome =
      request.kind === 'open'
        ? control.open(request.module, request.lesson)
        : control.autopilot(request.answers, request.needs, request.all);
    win.parent.postMessage({ source: 'tailor-player', kind: request.kind, ...outcome } satisfies PlayerReply, origin);
  });
  return true;
}
