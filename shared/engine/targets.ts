import type { Course } from '../model/schema';

/** Who the engine decides a module for: the learner's role and their values of the course's own attributes. */
export interface LearnerTargeting {
  readonly role?: string | undefined;
  readonly attributes?: Readonly<Record<string, string>> | undefined;
}

/** The course's own name for a role or department (settings.labels), else the id in plain words; player and studio alike. */
export function labelOf(course: { readonly settings: Pick<Course['settings'], 'labels'> }, id: string): string {
  return course.settings.labels?.[id] ?? id.replace(/-/g, ' ');
}

/** Words of the rule language and built-in learner attributes, which a course's own attribute may not be called. */
export const RESERVED_ATTRIBUTE_IDS: ReadonlySet<string> = new Set([
  'role',
  'department',
  'seniority',
  'format',
  'preferredformat',
  'needs',
  'prefers',
  'mastery',
  'score',
  'misses',
  'hits',
  'asked',
  'correct',
  'answer',
  'and',
  'or',
  'not',
  'in',
  'true',
  'false',
]);

/** An audience or mandate entry: `teller` is a role, `site=north` a value of the course's attribute `site`. */
export function parseTarget(entry: string): { readonly attribute: string; readonly value: string } {
  const eq = entry.indexOf('=');
  return eq < 0 ? { attribute: 'role', value: entry } : { attribute: entry.slice(0, eq), value: entry.slice(eq + 1) };
}

const groupsCache = new Map<string, ReadonlyMap<string, ReadonlySet<string>>>();

/** Entries grouped by attribute: within one attribute they are alternatives, across attributes all must hold. */
function groupsOf(entries: readonly string[]): ReadonlyMap<string, ReadonlySet<string>> {
  const key = entries.join('\u0000');
  const cached = groupsCache.get(key);
  if (cached) return cached;
  const groups = new Map<string, Set<string>>();
  for (const entry of entries) {
    const { attribute, value } = parseTarget(entry);
    const group = groups.get(attribute) ?? new Set<string>();
    group.add(value);
    groups.set(attribute, group);
  }
  if (groupsCache.size > 4096) groupsCache.clear();
  groupsCache.set(key, groups);
  return groups;
}

/**
 * Whether a learner is among the targets of an audience or mandate list (never, for an empty list): every attribute
 * the list names must hold one of the values listed for it, e.g. `[teller, approver, site=north]` is a teller or
 * an approver at the north site.
 */
export function isTargeted(entries: readonly string[], who: LearnerTargeting): boolean {
  if (entries.length === 0) return false;
  // Roles only (every course before format 3): a plain lookup, as the proof asks this for every learner and outcome.
  if (!entries.some((e) => e.includes('='))) return who.role !== undefined && entries.includes(who.role);
  for (const [attribute, values] of groupsOf(entries)) {
    const value = attribute === 'role' ? who.role : who.attributes?.[attribute];
    if (value === undefined || !values.has(value)) return false;
  }
  return true;
}

/** The course's readable words for a list of targets, e.g. "Bank teller, approver who answered “North plant”". */
export function describeTargets(
  course: { readonly settings: Pick<Course['settings'], 'labels' | 'attributes'> },
  entries: readonly string[],
  labelOfRole: (id: string) => string = (id) => labelOf(course, id),
): string {
  const groups = groupsOf(entries);
  const roles = [...(groups.get('role') ?? [])].map(labelOfRole).join(', ');
  const answers = [...groups]
    .filter(([attribute]) => attribute !== 'role')
    .map(([attribute, values]) => {
      const declared = course.settings.attributes?.find((a) => a.id === attribute);
      return [...values].map((v) => `“${declared?.values.find((x) => x.id === v)?.label ?? v}”`).join(' or ');
    });
  if (!answers.length) return roles;
  return `${roles || 'learners'} who answered ${answers.join(' and ')}`;
}
