import { FORMATS, SENIORITIES } from '../model/constants';
import type { CourseIndex } from './course-index';
import { baseFormat } from './resolve';
import { labelOf, parseTarget } from './targets';

export { labelOf } from './targets';

/** The built-in learner attributes a course can read; needs are always asked (they shape media, not the path). */
export type AttributeId = 'role' | 'department' | 'seniority' | 'preferredFormat';
const BUILT_IN: readonly string[] = ['role', 'department', 'seniority', 'preferredFormat'] satisfies AttributeId[];

export interface AttributeOption {
  readonly value: string;
  /** The course's own name for it (settings.labels), else the id in plain words. */
  readonly label: string;
}

/** One attribute the course reads, where it is read, and the values a learner can give. */
export interface CourseAttribute {
  /** A built-in attribute (AttributeId), or the id of one the course declares (settings.attributes). */
  readonly id: string;
  /** Declared by the course itself: its values go in the learner's `attributes`. */
  readonly declared: boolean;
  /** The question the intake asks. */
  readonly question: string;
  readonly options: readonly AttributeOption[];
  /** Where the course reads it, in the designer's words (e.g. `rule "skip-ppe"`, `module "lockout" audience`). */
  readonly readBy: readonly string[];
}

export const SENIORITY_LABELS: Readonly<Record<(typeof SENIORITIES)[number], string>> = {
  new: 'new to this work',
  experienced: 'experienced',
  veteran: 'a veteran',
};

const QUESTIONS: Readonly<Record<AttributeId, string>> = {
  role: 'Your role',
  department: 'Your department',
  seniority: 'How long you have done this work',
  preferredFormat: 'Preferred format',
};

const cache = new WeakMap<CourseIndex, readonly CourseAttribute[]>();

/**
 * Every attribute the course's rules, placement branches, audiences, mandates and format offers
 * read, with the values a learner can give: the one answer to "what does this course read".
 * The intake asks these, `--set` and launch parameters may fix them, and verify checks them.
 */
export function courseAttributes(index: CourseIndex): readonly CourseAttribute[] {
  const cached = cache.get(index);
  if (cached) return cached;
  const { course } = index;
  const readBy = new Map<string, string[]>();
  const read = (id: string, where: string) => readBy.set(id, [...(readBy.get(id) ?? []), where]);
  course.rules.forEach((rule, i) => {
    for (const a of index.rules[i]?.deps.attributes ?? []) {
      const id = a.startsWith('prefers:') ? 'preferredFormat' : a;
      if (BUILT_IN.includes(id) || index.attributes.has(id)) read(id, `rule "${rule.id}"`);
    }
  });
  for (const [node, branches] of index.branches)
    for (const a of new Set(branches.flatMap((b) => [...b.deps.attributes])))
      if (a === 'role' || a === 'department' || a === 'seniority' || index.attributes.has(a))
        read(a, `placement question "${node}"`);
  for (const m of course.modules) {
    for (const [list, what] of [
      [m.audience, 'audience'],
      [m.mandatoryFor, 'mandatory learners'],
    ] as const)
      for (const attribute of new Set(list.map((entry) => parseTarget(entry).attribute)))
        read(
          attribute,
          `module "${m.id}" ${attribute === 'role' && what === 'mandatory learners' ? 'mandatory roles' : what}`,
        );
    if (
      !readBy.has('preferredFormat') &&
      m.lessons.some((l) => l.renditions.some((r) => r.format !== baseFormat(l.blocks)))
    )
      read('preferredFormat', `lesson formats in module "${m.id}"`);
  }
  const named = (value: string): AttributeOption => ({ value, label: labelOf(course, value) });
  const options: Record<AttributeId, readonly AttributeOption[]> = {
    role: [...index.roles].map(named),
    department: [...index.departments].map(named),
    seniority: SENIORITIES.map((value) => ({ value, label: SENIORITY_LABELS[value] })),
    preferredFormat: FORMATS.map((value) => ({ value, label: value })),
  };
  // Declared roles are always asked: audiences may be added later, and the LMS report names the role.
  if (index.roles.size && !readBy.has('role')) readBy.set('role', []);
  const order: AttributeId[] = ['role', 'department', 'seniority', 'preferredFormat'];
  const builtIn = order.flatMap((id): CourseAttribute[] =>
    readBy.has(id)
      ? [{ id, declared: false, question: QUESTIONS[id], options: options[id], readBy: readBy.get(id)! }]
      : [],
  );
  // The course's own, in its words (never ids), after the built-in ones and in the order it declares them.
  const declared = (course.settings.attributes ?? []).flatMap((a): CourseAttribute[] =>
    readBy.has(a.id)
      ? [
          {
            id: a.id,
            declared: true,
            question: a.label,
            options: a.values.map((v) => ({ value: v.id, label: v.label })),
            readBy: readBy.get(a.id)!,
          },
        ]
      : [],
  );
  const result = [...builtIn, ...declared];
  cache.set(index, result);
  return result;
}

/** Attribute id (built-in or the course's own) → the value fixed for everyone who takes the package or launch. */
export type FixedAttributes = Readonly<Record<string, string>>;

/** The course's own attribute values among fixed ones: what goes into the learner's `attributes`. */
export function declaredValues(index: CourseIndex, fixed: FixedAttributes): Record<string, string> {
  return Object.fromEntries(Object.entries(fixed).filter(([id]) => index.attributes.has(id)));
}

/** Attribute values fixed for a package or a launch, e.g. `role=approver`: the valid ones, and a sentence per invalid one. */
export function fixedAttributes(
  index: CourseIndex,
  pairs: Iterable<readonly [string, string]>,
): { readonly values: FixedAttributes; readonly problems: readonly string[] } {
  const attributes = courseAttributes(index);
  const values: Record<string, string> = {};
  const problems: string[] = [];
  for (const [key, value] of pairs) {
    const id = key === 'format' ? 'preferredFormat' : key;
    const attribute = attributes.find((a) => a.id === id);
    if (!attribute) {
      problems.push(
        `"${key}" is not something this course reads (it reads ${attributes.map((a) => (a.id === 'preferredFormat' ? 'format' : a.id)).join(', ') || 'nothing'}).`,
      );
      continue;
    }
    if (!attribute.options.some((o) => o.value === value)) {
      problems.push(
        `"${value}" is not a ${key} of this course (choose from ${attribute.options.map((o) => o.value).join(', ')}).`,
      );
      continue;
    }
    values[attribute.id] = value;
  }
  return { values, problems };
}
