import type { Persona } from '../../../shared/model';
import type { Standard } from '../../../shared/scorm';
import type { LmsApiKind } from './lms-messages';

export {
  compareLearners,
  lessonLabel,
  moduleLabel,
  previewLearner,
  STATUS_LABEL,
  type ComparisonRow,
  type LearnerPreview,
} from '../../../shared/report/learner-compare';

/** The API a standard's LMS page provides. */
export const apiOf = (standard: Standard): LmsApiKind => (standard === 'scorm12' ? 'scorm12' : 'scorm2004');

/** Learner attributes as launch parameters, the way an LMS appends them (the player's intake skips them). */
export function launchParameters(persona: Persona | undefined): string {
  if (!persona) return '';
  const params = new URLSearchParams({ role: persona.role, seniority: persona.seniority });
  if (persona.department) params.set('department', persona.department);
  if (persona.preferredFormat) params.set('preferredFormat', persona.preferredFormat);
  for (const [attribute, value] of Object.entries(persona.attributes ?? {})) params.set(attribute, value);
  return params.toString();
}

/** The address the preview frame opens: the LMS page, told its API, who may hear it and the launch. */
export function lmsPageAddress(
  url: string,
  options: {
    standard: Standard;
    studioOrigin: string;
    persona?: Persona | undefined;
    title: string;
    display?: PreviewDisplay;
    /** The place a rebuilt preview resumes at (flattened data model the LMS hands the first launch). */
    resume?: Readonly<Record<string, string>> | undefined;
  },
): string {
  const address = new URL(url);
  address.searchParams.set('api', apiOf(options.standard));
  address.searchParams.set('studio', options.studioOrigin);
  address.searchParams.set('title', options.title);
  const launch = launchParameters(options.persona);
  if (launch) address.searchParams.set('launch', launch);
  const display = displayParameters(options.display);
  if (display) address.searchParams.set('display', display);
  if (options.resume) address.searchParams.set('resume', JSON.stringify(options.resume));
  return address.href;
}

/** How the previewed device shows the course: the player reads these from its launch address. */
export interface PreviewDisplay {
  readonly dark: boolean;
  readonly reducedMotion: boolean;
  readonly captions: boolean;
}

/** The player's display launch parameters (`theme=dark&captions=on&motion=reduce`); empty for the defaults. */
export function displayParameters(display: PreviewDisplay | undefined): string {
  const params = new URLSearchParams();
  if (display?.dark) params.set('theme', 'dark');
  if (display?.captions) params.set('captions', 'on');
  if (display?.reducedMotion) params.set('motion', 'reduce');
  return params.toString();
}
