import type { Course } from '../../../shared/model';
import { pathTarget } from './selection-for-path';

/**
 * Where a problem is, in the designer's words ("Lesson “Ramps” in “Forklifts”"), never a JSON path. The path's
 * indexes find the items at once: the problems panel describes every problem again after each edit.
 */
export function describeLocation(course: Course, path: string): string {
  const { selection, module, lesson, item } = pathTarget(course, path);
  const named = item?.value as { name?: string; title?: string } | undefined;
  switch (selection.kind) {
    case 'lesson':
      return `Lesson “${lesson?.title}” in “${module?.title}”`;
    case 'module':
      return `Module “${module?.title}”`;
    case 'competency':
      return `Competency “${named?.name}”`;
    case 'question':
      return `Question ${item!.index + 1}`;
    case 'bank':
      return `Question bank “${named?.title}”`;
    case 'rule':
      return `Rule ${item!.index + 1}`;
    case 'persona':
      return `Persona “${named?.name}”`;
    case 'placement':
      return 'Placement test';
    case 'course':
      return 'Course settings';
    default:
      return selection.kind[0]!.toUpperCase() + selection.kind.slice(1);
  }
}
