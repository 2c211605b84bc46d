import { type prng } from '../../bench/generate-course';
import type { Course } from '../../shared/model';
import type { Edit } from '../../shared/ops';

/**
 * The next edit of a crash run, decided only by the seed's generator and the course as it is, so
 * the parent process can recompute exactly what the killed child did.
 */
export function nextEdit(course: Course, random: ReturnType<typeof prng>, counter: number): Edit {
  const modules = course.modules;
  const roll = random.next();
  if (modules.length === 0 || roll < 0.35)
    return {
      op: {
        kind: 'insert',
        path: ['modules'],
        index: random.int(0, modules.length),
        value: { id: `m${counter}`, title: `Module ${counter}`, lessons: [] },
      },
      label: 'Add module',
    };
  const target = random.pick(modules);
  if (roll < 0.75)
    return {
      op: { kind: 'set', path: ['modules', { id: target.id }, 'title'], value: `Title ${counter}` },
      label: 'Rename',
      merge: `t:${target.id}`,
    };
  if (roll < 0.85 && modules.length > 1)
    return {
      op: { kind: 'move', path: ['modules', { id: target.id }], to: random.int(0, modules.length - 1) },
      label: 'Move',
    };
  if (roll < 0.92)
    return {
      op: {
        kind: 'insert',
        path: ['modules', { id: target.id }, 'lessons'],
        value: { id: `l${counter}`, title: `Lesson ${counter}`, blocks: [] },
      },
      label: 'Add lesson',
    };
  return { op: { kind: 'remove', path: ['modules', { id: target.id }] }, label: 'Remove module' };
}
