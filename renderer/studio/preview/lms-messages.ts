/** Messages between the studio and the preview's LMS page (a different origin, so only postMessage crosses). */

/** The SCORM standard of a preview, as the LMS page names its API. */
export type LmsApiKind = 'scorm12' | 'scorm2004';

/** One call the course made to the LMS API, as the LMS answered it. */
export interface LmsCall {
  /** Order of the call in this launch, from 1. */
  readonly seq: number;
  readonly method: string;
  readonly args: readonly string[];
  readonly result: string;
  /** The API's error code after the call ("0": no error). */
  readonly error: string;
}

export type LmsToStudio =
  | { readonly source: 'tailor-preview'; readonly kind: 'ready'; readonly api: LmsApiKind }
  | {
      readonly source: 'tailor-preview';
      readonly kind: 'call';
      readonly call: LmsCall;
      /** The LMS's data model after the call, flattened (`cmi.core.lesson_status` → value). */
      readonly model: Readonly<Record<string, string>>;
    };

/** Accepts only well-formed messages of the LMS page; anything else in the studio's window is ignored. */
export function asLmsMessage(data: unknown): LmsToStudio | null {
  if (typeof data !== 'object' || data === null) return null;
  const m = data as Record<string, unknown>;
  if (m.source !== 'tailor-preview') return null;
  if (m.kind === 'ready' && (m.api === 'scorm12' || m.api === 'scorm2004')) return m as unknown as LmsToStudio;
  if (m.kind !== 'call' || typeof m.call !== 'object' || m.call === null) return null;
  const call = m.call as Record<string, unknown>;
  const strings = (v: unknown) => Array.isArray(v) && v.every((s) => typeof s === 'string');
  if (
    typeof call.seq !== 'number' ||
    typeof call.method !== 'string' ||
    !strings(call.args) ||
    typeof call.result !== 'string' ||
    typeof call.error !== 'string'
  )
    return null;
  if (typeof m.model !== 'object' || m.model === null || !Object.values(m.model).every((v) => typeof v === 'string'))
    return null;
  return m as unknown as LmsToStudio;
}
