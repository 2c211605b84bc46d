import type { Rule, RuleAction } from '../../../../shared/model';

/** What each action is called where the designer picks it. */
export const ACTIONS: readonly { value: RuleAction['kind']; label: string }[] = [
  { value: 'skip', label: 'Skip (tested out)' },
  { value: 'require', label: 'Require' },
  { value: 'recommend', label: 'Recommend' },
  { value: 'optional', label: 'Make optional' },
  { value: 'offer-choice', label: 'Offer a choice between' },
  { value: 'offer-formats', label: 'Offer formats' },
  { value: 'skip-lessons', label: 'Skip lessons (already known)' },
];

/** How many module or lesson titles a summary names before it counts the rest. */
const NAMED = 3;

/** Titles in a line, the ones past the third counted: `A, B, C and 2 more` (an id without a title stays as it is). */
function named(ids: readonly string[], titles: ReadonlyMap<string, string>): string {
  const names = ids.slice(0, NAMED).map((id) => titles.get(id) ?? id);
  const rest = ids.length - names.length;
  return `${names.join(', ')}${rest > 0 ? ` and ${rest} more` : ''}`;
}

/**
 * A rule's action in one line, e.g. `Skip (tested out): Purchasing policy, Thresholds and 2 more`; modules and lessons
 * by their titles (an id the course no longer has stays as it is).
 */
export function actionSummary(
  action: RuleAction,
  titles: ReadonlyMap<string, string>,
  lessonTitles: ReadonlyMap<string, string> = new Map(),
): string {
  const label = ACTIONS.find((a) => a.value === action.kind)?.label ?? action.kind;
  if (action.kind === 'skip-lessons') return `${label}: ${named(action.lessons, lessonTitles)}`;
  if (!('modules' in action)) {
    const lessons = action.lessons.length
      ? `${action.lessons.length} lesson${action.lessons.length > 1 ? 's' : ''}`
      : 'every lesson with formats';
    return `${label}: ${action.formats.join(', ')} (${lessons})`;
  }
  const pick = action.kind === 'offer-choice' && (action.pick ?? 1) > 1 ? ` (pick ${action.pick})` : '';
  return `${label}: ${named(action.modules, titles)}${pick}`;
}

/** The rules whose condition is a draft (typed, not checking yet), by id: what the list shows for each. */
export type Drafts = ReadonlyMap<Rule['id'], string>;

/** The drafts after a rule's condition was typed: kept while it does not check, dropped once it does (or is undone). */
export function withDraft(drafts: Drafts, id: string, draft: string | undefined): Drafts {
  if (drafts.get(id) === draft) return drafts;
  const next = new Map(drafts);
  if (draft === undefined) next.delete(id);
  else next.set(id, draft);
  return next;
}
