import { asPlayerReply, asPlayerRequest, type LmsPageToPlayer, type PlayerReply } from '../../player/preview-channel';

/** Messages between the studio and the preview's LMS page (a different origin, so only postMessage crosses). */

/** The SCORM standard of a preview, as the LMS page names its API. */
export type LmsApiKind = 'scorm12' | 'scorm2004';

/** One call the course made to the LMS API, as the LMS answered it. */
export interface LmsCall {
  /** Order of the call in this preview, from 1 (relaunches continue the count). */
  readonly seq: number;
  readonly method: string;
  readonly args: readonly string[];
  readonly result: string;
  /** The API's error code after the call ("0": no error). */
  readonly error: string;
  /** What the simulated LMS did differently ("Commit refused", "Not stored: equals the launch value"). */
  readonly note?: string;
}

/** What the LMS does unlike a well-behaved one, as the designer switched it on in the inspector. */
export interface LmsMisbehaviour {
  /** Every Commit (and the save at Terminate) answers false with a general commit error. */
  readonly failCommits: boolean;
  /** Values equal to the ones the session launched with are not stored. */
  readonly dropRepeats: boolean;
}

export type LmsToStudio =
  | { readonly source: 'tailor-preview'; readonly kind: 'ready'; readonly api: LmsApiKind }
  | {
      readonly source: 'tailor-preview';
      readonly kind: 'call';
      readonly call: LmsCall;
      /** The session's data model after the call, flattened (`cmi.core.lesson_status` → value). */
      readonly model: Readonly<Record<string, string>>;
      /** What the LMS has stored: the data of the last save it accepted. */
      readonly held: Readonly<Record<string, string>>;
    }
  | {
      readonly source: 'tailor-preview';
      readonly kind: 'session';
      /** The tab was closed, or a new session of the attempt started from what the LMS held. */
      readonly event: 'closed' | 'relaunched';
      /** Launches of this attempt, from 1. */
      readonly session: number;
      /** In the designer's words: what the LMS did. */
      readonly text: string;
    }
  | {
      readonly source: 'tailor-preview';
      readonly kind: 'player';
      /** What the player did with the studio's request to open an item or answer for the persona. */
      readonly reply: PlayerReply;
    };

export type StudioToLms =
  | { readonly source: 'tailor-studio'; readonly kind: 'close' }
  | { readonly source: 'tailor-studio'; readonly kind: 'relaunch' }
  | ({ readonly source: 'tailor-studio'; readonly kind: 'misbehave' } & LmsMisbehaviour)
  /** Passed on to the player, on the package's origin: open an item, or answer as the persona. */
  | { readonly source: 'tailor-studio'; readonly kind: 'player'; readonly request: LmsPageToPlayer };

const isRecordOfStrings = (v: unknown) =>
  typeof v === 'object' && v !== null && Object.values(v).every((s) => typeof s === 'string');

/** Accepts only well-formed messages of the LMS page; anything else in the studio's window is ignored. */
export function asLmsMessage(data: unknown): LmsToStudio | null {
  if (typeof data !== 'object' || data === null) return null;
  const m = data as Record<string, unknown>;
  if (m.source !== 'tailor-preview') return null;
  if (m.kind === 'ready' && (m.api === 'scorm12' || m.api === 'scorm2004')) return m as unknown as LmsToStudio;
  if (m.kind === 'player') {
    const reply = asPlayerReply(m.reply);
    return reply ? { source: 'tailor-preview', kind: 'player', reply } : null;
  }
  if (m.kind === 'session')
    return (m.event === 'closed' || m.event === 'relaunched') &&
      typeof m.session === 'number' &&
      typeof m.text === 'string'
      ? (m as unknown as LmsToStudio)
      : null;
  if (m.kind !== 'call' || typeof m.call !== 'object' || m.call === null) return null;
  const call = m.call as Record<string, unknown>;
  const strings = (v: unknown) => Array.isArray(v) && v.every((s) => typeof s === 'string');
  if (
    typeof call.seq !== 'number' ||
    typeof call.method !== 'string' ||
    !strings(call.args) ||
    typeof call.result !== 'string' ||
    typeof call.error !== 'string' ||
    (call.note !== undefined && typeof call.note !== 'string')
  )
    return null;
  if (!isRecordOfStrings(m.model) || !isRecordOfStrings(m.held)) return null;
  return m as unknown as LmsToStudio;
}

/** Accepts only the studio's well-formed requests on the LMS page. */
export function asStudioMessage(data: unknown): StudioToLms | null {
  if (typeof data !== 'object' || data === null) return null;
  const m = data as Record<string, unknown>;
  if (m.source !== 'tailor-studio') return null;
  if (m.kind === 'close' || m.kind === 'relaunch') return { source: 'tailor-studio', kind: m.kind };
  if (m.kind === 'misbehave' && typeof m.failCommits === 'boolean' && typeof m.dropRepeats === 'boolean')
    return { source: 'tailor-studio', kind: 'misbehave', failCommits: m.failCommits, dropRepeats: m.dropRepeats };
  if (m.kind === 'player') {
    const request = asPlayerRequest(m.request);
    return request ? { source: 'tailor-studio', kind: 'player', request } : null;
  }
  return null;
}
