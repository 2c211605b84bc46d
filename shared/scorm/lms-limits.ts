import type { Standard } from './plan';

/**
 * The longest value each standard lets an LMS refuse or cut: SCORM 1.2's CMIString4096/255 and
 * CMIIdentifier, SCORM 2004's smallest permitted maximums (3rd Edition: suspend_data 4000; 4th: 64000).
 * scorm-again accepts longer values, real LMSs do not all; the preview warns instead of failing.
 */
interface Limit {
  readonly pattern: RegExp;
  readonly max: number;
  readonly name: string;
}

const SCORM12: readonly Limit[] = [
  { pattern: /^cmi\.suspend_data$/, max: 4096, name: 'CMIString4096' },
  { pattern: /^cmi\.core\.lesson_location$/, max: 255, name: 'CMIString255' },
  { pattern: /^cmi\.comments$/, max: 4096, name: 'CMIString4096' },
  { pattern: /^cmi\.(objectives|interactions)\.\d+\.id$/, max: 255, name: 'CMIIdentifier' },
  {
    pattern: /^cmi\.interactions\.\d+\.(student_response|correct_responses\.\d+\.pattern)$/,
    max: 255,
    name: 'CMIFeedback',
  },
];

const scorm2004 = (suspend: number): readonly Limit[] => [
  { pattern: /^cmi\.suspend_data$/, max: suspend, name: `SPM ${suspend}` },
  { pattern: /^cmi\.location$/, max: 1000, name: 'SPM 1000' },
  { pattern: /^cmi\.(objectives|interactions)\.\d+\.id$/, max: 4000, name: 'long_identifier_type SPM 4000' },
  { pattern: /^cmi\.interactions\.\d+\.description$/, max: 250, name: 'SPM 250' },
  { pattern: /^cmi\.objectives\.\d+\.description$/, max: 250, name: 'SPM 250' },
  { pattern: /^cmi\.comments_from_learner\.\d+\.comment$/, max: 4000, name: 'SPM 4000' },
];

const LIMITS: Readonly<Record<Standard, readonly Limit[]>> = {
  scorm12: SCORM12,
  'scorm2004-3rd': scorm2004(4000),
  'scorm2004-4th': scorm2004(64000),
};

const SCORE_12 = /^cmi\.core\.score\.(raw|min|max)$/;
const SCALED_2004 = /^cmi\.(score\.scaled|objectives\.\d+\.score\.scaled)$/;

/** Why a value set on the LMS breaks the standard's limits, in the designer's words; null when it fits. */
export function limitWarning(standard: Standard, element: string, value: string): string | null {
  const limit = LIMITS[standard].find((l) => l.pattern.test(element));
  if (limit && value.length > limit.max)
    return `${element} is ${value.length} characters; the standard allows ${limit.max} (${limit.name}). An LMS may cut or refuse it.`;
  if (standard === 'scorm12' && SCORE_12.test(element) && value !== '') {
    const n = Number(value);
    if (!Number.isFinite(n) || n < 0 || n > 100) return `${element} is ${value}; SCORM 1.2 scores run from 0 to 100.`;
  }
  if (standard !== 'scorm12' && SCALED_2004.test(element) && value !== '') {
    const n = Number(value);
    if (!Number.isFinite(n) || n < -1 || n > 1) return `${element} is ${value}; a scaled score runs from -1 to 1.`;
  }
  return null;
}

/** The data elements an LMS hands the next session of an attempt (resume), as the conformance suite relaunches. */
const RESUMED =
  /^cmi\.(suspend_data|location|core\.lesson_location|core\.lesson_status|completion_status|success_status|progress_measure|(core\.)?score\.(raw|min|max|scaled)|objectives\.\d+\.(id|status|success_status|completion_status|score\.(raw|min|max|scaled)))$/;

/** The data an LMS hands the next session of the same attempt: what it held, with entry "resume". */
export function nextLaunch(held: Readonly<Record<string, string>>, v12: boolean): Record<string, string> {
  const next = Object.fromEntries(Object.entries(held).filter(([k, v]) => RESUMED.test(k) && v !== ''));
  next[v12 ? 'cmi.core.entry' : 'cmi.entry'] = 'resume';
  return next;
}

/**
 * What the LMS holds after a save it accepted: the session's values, except (for an LMS that drops
 * repeated values) those equal to what it launched with, which keep the value it held before.
 */
export function heldAfterSave(
  held: Readonly<Record<string, string>>,
  session: Readonly<Record<string, string>>,
  launch: Readonly<Record<string, string>>,
  dropRepeats: boolean,
): Record<string, string> {
  const next = { ...held };
  for (const [k, v] of Object.entries(session)) if (!(dropRepeats && launch[k] === v)) next[k] = v;
  return next;
}
