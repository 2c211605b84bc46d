import { labelOf } from '../../../shared/engine/attributes';
import type { Course } from '../../../shared/model';

/** One learner an audience or a mandate may name, as the names picker shows it. */
export interface AudienceOption {
  readonly id: string;
  readonly name: string;
  readonly detail?: string;
}

/**
 * Who a module may be for or mandatory for: the course's roles by their names, then each value of its own learner
 * attributes by its label, stored as `site=north` (decision 0008) and shown with the question it answers.
 */
export function audienceOptions(course: Pick<Course, 'settings'>): AudienceOption[] {
  return [
    ...course.settings.roles.map((r) => ({ id: r, name: labelOf(course, r) })),
    ...(course.settings.attributes ?? []).flatMap((a) =>
      a.values.map((v) => ({ id: `${a.id}=${v.id}`, name: v.label, detail: a.label })),
    ),
  ];
}
