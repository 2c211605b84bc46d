import type { Course } from '../../../shared/model';
import { selectionForPath } from './selection-for-path';

/** Where a problem is, in the designer's words ("Lesson “Ramps” in “Forklifts”"), never a JSON path. */
export function describeLocation(course: Course, path: string): string {
  const selection = selectionForPath(course, path);
  switch (selection.kind) {
    case 'lesson': {
      const module = course.modules.find((m) => m.id === selection.module);
      const lesson = module?.lessons.find((l) => l.id === selection.id);
      return `Lesson “${lesson?.title}” in “${module?.title}”`;
    }
    case 'module':
      return `Module “${course.modules.find((m) => m.id === selection.id)?.title}”`;
    case 'competency':
      return `Competency “${course.competencies.find((c) => c.id === selection.id)?.name}”`;
    case 'question':
      return `Question ${course.questions.findIndex((q) => q.id === selection.id) + 1}`;
    case 'bank':
      return `Question bank “${course.banks.find((b) => b.id === selection.id)?.title}”`;
    case 'rule':
      return `Rule ${course.rules.findIndex((r) => r.id === selection.id) + 1}`;
    case 'persona':
      return `Persona “${course.personas.find((p) => p.id === selection.id)?.name}”`;
    case 'placement':
      return 'Placement test';
    case 'course':
      return 'Course settings';
    default:
      return selection.kind[0]!.toUpperCase() + selection.kind.slice(1);
  }
}
