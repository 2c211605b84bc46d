import { encodeLearnerRecord, playAsPersona, type CourseIndex, type PlayUntil } from '../../../shared/engine';
import type { Persona } from '../../../shared/model';
import { resumeLaunch } from './carry-over';

/** Where a previewed persona starts: the intake (''), their map after the placement test, or a module on their path. */
export type StartAt = '' | 'placed' | `module:${string}`;

export interface StartOption {
  readonly value: StartAt;
  readonly label: string;
}

/** The places a persona can start at: the beginning, after the placement test, and each module they take, in order. */
export function startOptions(index: CourseIndex, persona: Persona | undefined): readonly StartOption[] {
  const options: StartOption[] = [{ value: '', label: 'The beginning' }];
  if (!persona) return options;
  if (index.course.placement) options.push({ value: 'placed', label: 'After placement' });
  const taken = new Set(
    playAsPersona(index, persona).lessons.map((id) => index.course.modules[index.lessonIndex.get(id)!.module]!),
  );
  for (const m of taken) options.push({ value: `module:${m.id}`, label: `Module: ${m.title}` });
  return options;
}

/**
 * The launch that puts the persona at `start`, with everything before it done as they would do it
 * (their intake, their placement answers, the lessons and choices before the module), as an LMS
 * resuming an attempt would hand it over. None for the beginning.
 */
export function startLaunch(
  index: CourseIndex,
  persona: Persona,
  start: StartAt,
  v12: boolean,
): Readonly<Record<string, string>> | undefined {
  if (!start) return undefined;
  const until: PlayUntil = start === 'placed' ? { placed: true } : { module: start.slice('module:'.length) };
  const { record } = playAsPersona(index, persona, until);
  return resumeLaunch(encodeLearnerRecord(index, record), record.location, v12);
}
