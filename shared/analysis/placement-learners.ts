import { labelOf } from '../engine/attributes';
import type { CourseIndex } from '../engine/course-index';
import type { PlacementLearner } from '../engine/placement';
import { SENIORITIES } from '../model/constants';

/** A kind of learner the placement test can tell apart: one value of each attribute its branches read. */
export interface PlacementLearnerKind {
  readonly learner: PlacementLearner;
  /** In the course's words, e.g. "role teller, site “North branch”"; empty when the branches read no attribute. */
  readonly words: string;
}

const BUILT_IN = ['role', 'department', 'seniority'] as const;

/** The attributes the placement test's branches read: role, department, seniority and the course's own. */
export function placementReads(index: CourseIndex): string[] {
  const read = new Set<string>();
  for (const branches of index.branches.values())
    for (const b of branches) b.deps.attributes.forEach((a) => read.add(a));
  return [...BUILT_IN, ...index.attributes.keys()].filter((a) => read.has(a));
}

/** The values a learner can give an attribute at the intake (none for an attribute the course offers none of). */
export function attributeDomain(index: CourseIndex, attribute: string): readonly string[] {
  if (attribute === 'role') return [...index.roles].sort();
  if (attribute === 'department') return [...index.departments].sort();
  if (attribute === 'seniority') return SENIORITIES;
  return index.attributes.get(attribute) ?? [];
}

/** A placement learner from one value per attribute (built-in ones as fields, the course's own in `attributes`). */
export function placementLearner(values: Readonly<Record<string, string>>, index: CourseIndex): PlacementLearner {
  const own = Object.entries(values).filter(([a]) => index.attributes.has(a));
  return {
    ...(values.role !== undefined ? { role: values.role } : {}),
    ...(values.department !== undefined ? { department: values.department } : {}),
    ...(values.seniority !== undefined ? { seniority: values.seniority } : {}),
    ...(own.length ? { attributes: Object.fromEntries(own) } : {}),
  };
}

/**
 * Every kind of learner the placement test's branches can tell apart (decision 0008): the product of the values of
 * the attributes they read, as the intake asks them before the test. One kind, nobody in particular, when they read none.
 */
export function placementLearners(index: CourseIndex): PlacementLearnerKind[] {
  const reads = placementReads(index);
  const combinations = reads.reduce<Record<string, string>[]>(
    (all, a) => all.flatMap((partial) => attributeDomain(index, a).map((v) => ({ ...partial, [a]: v }))),
    [{}],
  );
  const { course } = index;
  // An attribute no learner can give is an error of its own (attribute-unsuppliable); the test still runs for nobody.
  if (combinations.length === 0) return [{ learner: {}, words: '' }];
  return combinations.map((values) => ({
    learner: placementLearner(values, index),
    words: reads
      .map((a) => {
        const v = values[a]!;
        const declared = course.settings.attributes?.find((x) => x.id === a);
        return declared
          ? `${a} “${declared.values.find((x) => x.id === v)?.label ?? v}”`
          : `${a} ${a === 'role' || a === 'department' ? labelOf(course, v) : v}`;
      })
      .join(', '),
  }));
}
