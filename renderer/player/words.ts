import type { Course } from '../../shared/model/schema';
import type { Format } from '../../shared/model/constants';
import { END } from '../../shared/model/constants';
import type { PathModule } from '../../shared/engine/resolve';

import { labelOf } from '../../shared/engine/attributes';
import { describeTargets, parseTarget } from '../../shared/engine/targets';

export { labelOf };

const FORMAT_LABELS: Readonly<Record<Format, string>> = { video: 'Video', text: 'Text', audio: 'Audio' };
export const formatLabel = (format: Format) => FORMAT_LABELS[format];

/** Which group of the outline a module belongs to, in the learner's words. */
export type OutlineSection = 'path' | 'recommended' | 'optional' | 'tested-out' | 'not-for-you';

export function sectionOf(m: Pick<PathModule, 'status' | 'recommended'>): OutlineSection {
  if (m.status === 'skipped') return 'tested-out';
  if (m.status === 'excluded') return 'not-for-you';
  if (m.status === 'optional') return m.recommended ? 'recommended' : 'optional';
  return 'path';
}

export const SECTION_TITLES: Readonly<Record<OutlineSection, string>> = {
  path: 'Your path',
  recommended: 'Recommended',
  optional: 'Optional',
  'tested-out': 'You tested out',
  // Not only roles keep a module out (the course's own attributes, prerequisites); each module says its reason.
  'not-for-you': 'Not for you',
};

const modulesById = new WeakMap<Course, ReadonlyMap<string, Course['modules'][number]>>();
/** A module as authored, by id: one lookup table per course, since the map asks for thousands. */
function authoredModule(course: Course, id: string): Course['modules'][number] | undefined {
  let byId = modulesById.get(course);
  if (!byId) modulesById.set(course, (byId = new Map(course.modules.map((x) => [x.id, x] as const))));
  return byId.get(id);
}

/**
 * Why a module is where it is, in the learner's words: the course's names instead of ids, and
 * nothing that only repeats the section it sits in ("Part of the course", "Optional in this course").
 */
export function moduleReasons(course: Course, m: PathModule, role: string | undefined): string[] {
  const texts: string[] = [];
  for (const r of m.reasons) {
    if (r.kind === 'default') continue;
    const authored = authoredModule(course, m.id);
    const byRole = (authored?.mandatoryFor ?? []).every((e) => parseTarget(e).attribute === 'role');
    if (r.kind === 'mandatory')
      texts.push(
        byRole
          ? `Required for your role (${role ? labelOf(course, role) : 'your role'}).`
          : `Required for ${describeTargets(course, authored?.mandatoryFor ?? [], (id) => labelOf(course, id))}.`,
      );
    else if (r.kind === 'audience')
      texts.push(`Meant for ${describeTargets(course, authored?.audience ?? [], (id) => labelOf(course, id))}.`);
    else texts.push(r.text);
  }
  return texts;
}

/**
 * How many placement questions this learner will likely see: those answered, plus the default
 * route from the current question to the end. Exact when the test does not branch.
 */
export function placementLength(
  course: Course,
  answered: number,
  current: string,
): { readonly total: number; readonly exact: boolean } {
  const nodes = new Map((course.placement?.nodes ?? []).map((n) => [n.id, n] as const));
  const seen = new Set<string>();
  let ahead = 0;
  for (let id = current; id !== END && nodes.has(id) && !seen.has(id); id = nodes.get(id)!.next) {
    seen.add(id);
    ahead++;
  }
  const exact = [...nodes.values()].every((n) => n.branches.length === 0);
  return { total: answered + ahead, exact };
}

/** "About 17 minutes", "About 1 h 5 min": an estimate, said as one. */
export function duration(minutes: number): string {
  if (minutes < 60) return `${minutes} minute${minutes === 1 ? '' : 's'}`;
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return m ? `${h} h ${m} min` : `${h} hour${h === 1 ? '' : 's'}`;
}

/** Time measured, not estimated: "under a minute", "12 minutes", "1 h 5 min". */
export function timeSpent(seconds: number): string {
  const minutes = Math.floor(seconds / 60);
  return minutes < 1 ? 'under a minute' : duration(minutes);
}
