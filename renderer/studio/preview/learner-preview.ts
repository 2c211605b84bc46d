import type { CourseIndex, LearnerPath, ModuleStatus, PathModule, PlacementResult } from '../../../shared/engine';
import { personaState, resolvePath } from '../../../shared/engine';
import type { Persona } from '../../../shared/model';
import type { LmsApiKind } from './lms-messages';
import type { Standard } from '../../../shared/scorm';

/** A persona's planned path: the same engine calls as `tailor paths`, so the two cannot disagree. */
export interface LearnerPreview {
  readonly persona: Persona;
  readonly placement: PlacementResult;
  readonly path: LearnerPath;
}

export function previewLearner(index: CourseIndex, persona: Persona): LearnerPreview {
  const { state, placement } = personaState(index, persona);
  return { persona, placement, path: resolvePath(index, state) };
}

/** What a module is for this learner, in the designer's words. */
export const STATUS_LABEL: Readonly<Record<ModuleStatus, string>> = {
  required: 'Takes',
  optional: 'May take',
  skipped: 'Tested out',
  excluded: 'Not for them',
  choice: 'Chooses',
};

export const moduleLabel = (m: PathModule): string =>
  `${STATUS_LABEL[m.status]}${m.recommended ? ' · recommended' : ''}`;

/** One line of the side-by-side table: a label and one cell per learner. */
export interface ComparisonRow {
  readonly key: string;
  readonly label: string;
  readonly group: 'summary' | 'modules';
  readonly cells: readonly string[];
  /** The learners do not all get the same here. */
  readonly differs: boolean;
}

const row = (key: string, label: string, group: ComparisonRow['group'], cells: string[]): ComparisonRow => ({
  key,
  label,
  group,
  cells,
  differs: new Set(cells).size > 1,
});

const count = (path: LearnerPath, status: ModuleStatus) => path.modules.filter((m) => m.status === status).length;

/** The side-by-side comparison of 2–4 learners: a summary, then every module's status for each. */
export function compareLearners(index: CourseIndex, learners: readonly LearnerPreview[]): ComparisonRow[] {
  const levels = (p: PlacementResult) =>
    index.course.competencies.map((c) => `${c.name}: ${p.mastery[c.id] ?? 'none'}`).join(', ') || 'No competencies';
  return [
    row(
      'role',
      'Role',
      'summary',
      learners.map((l) => l.persona.role),
    ),
    row(
      'asked',
      'Placement questions asked',
      'summary',
      learners.map((l) => String(l.placement.steps.length)),
    ),
    row(
      'levels',
      'Placed at',
      'summary',
      learners.map((l) => levels(l.placement)),
    ),
    row(
      'taken',
      'Modules to take',
      'summary',
      learners.map((l) => String(count(l.path, 'required'))),
    ),
    row(
      'tested',
      'Tested out',
      'summary',
      learners.map((l) => String(count(l.path, 'skipped'))),
    ),
    row(
      'minutes',
      'Estimated time',
      'summary',
      learners.map((l) => `${l.path.minutesLeft} min`),
    ),
    ...index.course.modules.map((m) =>
      row(
        `module:${m.id}`,
        m.title,
        'modules',
        learners.map((l) => {
          const planned = l.path.modules.find((p) => p.id === m.id);
          return planned ? moduleLabel(planned) : STATUS_LABEL.excluded;
        }),
      ),
    ),
  ];
}

/** The API a standard's LMS page provides. */
export const apiOf = (standard: Standard): LmsApiKind => (standard === 'scorm12' ? 'scorm12' : 'scorm2004');

/** Learner attributes as launch parameters, the way an LMS appends them (the player's intake skips them). */
export function launchParameters(persona: Persona | undefined): string {
  if (!persona) return '';
  const params = new URLSearchParams({ role: persona.role, seniority: persona.seniority });
  if (persona.department) params.set('department', persona.department);
  if (persona.preferredFormat) params.set('preferredFormat', persona.preferredFormat);
  return params.toString();
}

/** The address the preview frame opens: the LMS page, told its API, who may hear it and the launch. */
export function lmsPageAddress(
  url: string,
  options: { standard: Standard; studioOrigin: string; persona?: Persona | undefined; title: string },
): string {
  const address = new URL(url);
  address.searchParams.set('api', apiOf(options.standard));
  address.searchParams.set('studio', options.studioOrigin);
  address.searchParams.set('title', options.title);
  const launch = launchParameters(options.persona);
  if (launch) address.searchParams.set('launch', launch);
  return address.href;
}
