import type { Course } from '../../../shared/model';

/** A module that may be chosen as a prerequisite, as the names picker shows it. */
export interface PrerequisiteOption {
  readonly id: string;
  readonly name: string;
  readonly detail?: string;
}

/**
 * The modules a module may come after: those above it in the course, since the path follows the course's
 * order (decision 0007). A prerequisite already chosen that sits below it stays listed, saying why it is wrong,
 * so the designer can see and remove it.
 */
export function prerequisiteOptions(course: Pick<Course, 'modules'>, moduleId: string): PrerequisiteOption[] {
  const at = course.modules.findIndex((m) => m.id === moduleId);
  const module = course.modules[at];
  if (!module) return [];
  const above: PrerequisiteOption[] = course.modules.slice(0, at).map((m) => ({ id: m.id, name: m.title }));
  const below: PrerequisiteOption[] = course.modules
    .slice(at + 1)
    .filter((m) => (module.prerequisites ?? []).includes(m.id))
    .map((m) => ({ id: m.id, name: m.title, detail: 'below this module: move it above' }));
  return [...above, ...below];
}
