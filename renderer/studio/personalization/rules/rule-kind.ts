import type { Course, RuleAction } from '../../../../shared/model';

export type Modules = Course['modules'];

/** The lessons a new skip-lessons rule names: the first lesson of the first module the rule named, else the course's. */
function firstLessonFor(previous: RuleAction, modules: Modules): string[] {
  const named = 'modules' in previous ? previous.modules : [];
  const first =
    named.map((id) => modules.find((m) => m.id === id)?.lessons[0]).find((l) => l !== undefined) ??
    modules.find((m) => m.lessons.length > 0)?.lessons[0];
  return first ? [first.id] : [];
}

/** The modules of the lessons an action names, in course order: what a lesson rule becomes as a module rule. */
function modulesOfLessons(lessons: readonly string[], modules: Modules): string[] {
  return modules.filter((m) => m.lessons.some((l) => lessons.includes(l.id))).map((m) => m.id);
}

/** The action after a change of kind, keeping the modules (or lessons) it named where the new kind takes them. */
export function actionOfKind(kind: RuleAction['kind'], previous: RuleAction, all: Modules): RuleAction {
  const named =
    'modules' in previous
      ? previous.modules
      : previous.kind === 'skip-lessons'
        ? modulesOfLessons(previous.lessons, all)
        : [];
  const firstModules = all.map((m) => m.id);
  const modules = named.length ? named : firstModules.slice(0, 1);
  switch (kind) {
    case 'offer-choice': {
      const two = [...new Set([...modules, ...firstModules])].slice(0, Math.max(2, modules.length));
      return { kind, modules: two, prompt: '' };
    }
    case 'offer-formats':
      return { kind, lessons: [], formats: ['video', 'text'] };
    case 'skip-lessons':
      return {
        kind,
        lessons:
          previous.kind === 'offer-formats' && previous.lessons.length
            ? [...previous.lessons]
            : firstLessonFor(previous, all),
      };
    default:
      return { kind, modules: [...modules] };
  }
}
