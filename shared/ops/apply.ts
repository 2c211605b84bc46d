import { applyPatches, enablePatches, isDraft, original, produceWithPatches, type Draft, type Patch } from 'immer';
import type { z } from 'zod';
import {
  competency,
  course as courseSchema,
  courseModule,
  jsonPath,
  persona,
  placementTest,
  question,
  questionBank,
  rule,
  type Course,
} from '../model';
import type { Op, Segment } from './op';

enablePatches();

/** An edit that cannot be applied; nothing was changed. */
export class OpError extends Error {
  constructor(
    message: string,
    /** JSON path of the place that is wrong, e.g. `modules[2].title`. */
    readonly path: string,
  ) {
    super(message);
  }
}

/** The course's lists of things with ids: each element is stored and validated on its own. */
export const COLLECTIONS = {
  competencies: competency,
  modules: courseModule,
  questions: question,
  banks: questionBank,
  rules: rule,
  personas: persona,
} as const satisfies Record<string, z.ZodType>;
export type CollectionName = keyof typeof COLLECTIONS;
export const isCollection = (key: string): key is CollectionName => Object.hasOwn(COLLECTIONS, key);

type Container = Record<string, unknown> | unknown[];

/** A plain loop: on a frozen list (every course list is), V8's findIndex takes a path several times slower. */
function indexOfId(list: readonly unknown[], id: string): number {
  for (let i = 0; i < list.length; i++) if ((list[i] as { id?: unknown } | null)?.id === id) return i;
  return -1;
}

function step(container: unknown, seg: Segment, where: (string | number)[]): { key: string | number; value: unknown } {
  if (typeof seg === 'object') {
    if (!Array.isArray(container)) throw new OpError(`expected a list to find "${seg.id}" in`, jsonPath(where));
    // Searched in the original list: reading every element through the draft would make a draft of
    // each, so an edit in a list of a thousand modules would cost a thousand. The walk to an edit's
    // place comes before the edit changes anything, so both lists are the same.
    const index = indexOfId(isDraft(container) ? (original(container) as unknown[]) : container, seg.id);
    if (index < 0) throw new OpError(`there is no item with id "${seg.id}" here`, jsonPath(where));
    return { key: index, value: container[index] };
  }
  if (typeof seg === 'number') {
    if (!Array.isArray(container) || seg >= container.length)
      throw new OpError(`there is no item ${seg} here`, jsonPath(where));
    return { key: seg, value: container[seg] };
  }
  if (typeof container !== 'object' || container === null || Array.isArray(container))
    throw new OpError(`"${seg}" cannot be reached: this is not an object`, jsonPath(where));
  return { key: seg, value: (container as Record<string, unknown>)[seg] };
}

/** Walks to the parent of the last segment; returns it with the last key resolved. */
function locate(
  root: unknown,
  path: readonly Segment[],
  prefix: readonly (string | number)[],
): { parent: Container; key: string | number; at: (string | number)[] } {
  const at: (string | number)[] = [...prefix];
  let current = root;
  for (const seg of path.slice(0, -1)) {
    const { key, value } = step(current, seg, at);
    at.push(key);
    current = value;
  }
  const last = path.at(-1)!;
  const { key } = step(current, last, at);
  if (typeof current !== 'object' || current === null) throw new OpError('this place does not exist', jsonPath(at));
  return { parent: current as Container, key, at: [...at, key] };
}

/**
 * Makes `op` on `draft`, reached from the course by `prefix` (the JSON path of the draft, for
 * messages); `path` is what is left of the op's path from there.
 */
function mutate(draft: Draft<unknown>, op: Op, path: readonly Segment[], prefix: readonly (string | number)[]): void {
  switch (op.kind) {
    case 'set': {
      const last = path.at(-1)!;
      // Setting a missing object field is allowed (it creates it); other lookups must exist.
      if (typeof last === 'string') {
        const { parent } = locate(draft, path, prefix);
        if (Array.isArray(parent))
          throw new OpError(`"${last}" is not an index in a list`, jsonPath(op.path.map(String)));
        parent[last] = op.value;
        return;
      }
      const { parent, key } = locate(draft, path, prefix);
      (parent as unknown[])[key as number] = op.value;
      return;
    }
    case 'insert': {
      const target = path.length ? locate(draft, path, prefix) : null;
      const list = target ? (target.parent as Record<string | number, unknown>)[target.key] : draft;
      const at = target?.at ?? [...prefix];
      if (!Array.isArray(list)) throw new OpError('can only insert into a list', jsonPath(at));
      const index = op.index ?? list.length;
      if (index > list.length) throw new OpError(`the list has only ${list.length} items`, jsonPath(at));
      list.splice(index, 0, op.value);
      return;
    }
    case 'remove': {
      const { parent, key } = locate(draft, path, prefix);
      if (Array.isArray(parent)) parent.splice(key as number, 1);
      else delete parent[key as string];
      return;
    }
    case 'move': {
      const { parent, key, at } = locate(draft, path, prefix);
      if (!Array.isArray(parent)) throw new OpError('only items of a list can be moved', jsonPath(at));
      if (op.to >= parent.length)
        throw new OpError(`the list has only ${parent.length} items`, jsonPath(at.slice(0, -1)));
      const [item] = parent.splice(key as number, 1);
      parent.splice(op.to, 0, item);
      return;
    }
  }
}

/** Validates what an edit touched: each changed element of a list with its own schema, ids unique. */
export function validateTouched(course: Course, patches: readonly Patch[]): void {
  const touched = new Map<string, Set<number> | 'all'>();
  // Collections where an element was added, replaced or given another id: only there can ids clash.
  const idsMayClash = new Set<string>();
  for (const patch of patches) {
    const [top, index] = patch.path;
    if (typeof top !== 'string') continue;
    if (isCollection(top) && typeof index === 'number' && patch.path.length > 1) {
      const set = touched.get(top);
      if (set !== 'all') touched.set(top, (set ?? new Set()).add(index));
      if (patch.path.length === 2 || patch.path[2] === 'id') idsMayClash.add(top);
    } else touched.set(top, 'all');
  }
  const fail = (issues: z.core.$ZodIssue[], prefix: (string | number)[]): never => {
    const issue = issues[0]!;
    throw new OpError(
      issue.message,
      jsonPath([...prefix, ...issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p))]),
    );
  };
  for (const [top, which] of touched) {
    const value = (course as Record<string, unknown>)[top];
    if (isCollection(top)) {
      const list = value as unknown[];
      if (!Array.isArray(list)) throw new OpError('must be a list', top);
      const indices = which === 'all' ? list.map((_, i) => i) : [...which].filter((i) => i < list.length);
      for (const i of indices) {
        const parsed = COLLECTIONS[top].safeParse(list[i]);
        if (!parsed.success) fail(parsed.error.issues, [top, i]);
      }
      if (which !== 'all' && !idsMayClash.has(top)) continue;
      const seen = new Set<string>();
      list.forEach((item, i) => {
        const id = (item as { id: string }).id;
        if (seen.has(id)) throw new OpError(`"${id}" is already used in ${top}`, jsonPath([top, i, 'id']));
        seen.add(id);
      });
      continue;
    }
    const schema =
      top === 'placement' ? placementTest.optional() : (courseSchema.shape as Record<string, z.ZodType>)[top];
    if (!schema) throw new OpError(`a course has no field "${top}"`, top);
    const parsed = schema.safeParse(value);
    if (!parsed.success) fail(parsed.error.issues, [top]);
  }
}

export interface Applied {
  readonly course: Course;
  readonly patches: Patch[];
  readonly inverse: Patch[];
}

/**
 * An edit inside one element of a collection (a module's title, a lesson in it…) is made on that
 * element alone; the list around it is copied, not drafted, so the edit costs the same in a list
 * of any length. The result, frozen, and its patches are those of the edit made on the whole course.
 */
function applyInsideElement(course: Course, op: Op): Applied | undefined {
  const [top, segment] = op.path;
  if (op.path.length < 3 || typeof top !== 'string' || !isCollection(top)) return undefined;
  const list: unknown = course[top];
  if (!Array.isArray(list)) return undefined;
  const index = typeof segment === 'object' ? indexOfId(list, segment.id) : typeof segment === 'number' ? segment : -1;
  const element: unknown = list[index];
  // Anything unusual is left to the whole-course path, which also words the refusal.
  if (index < 0 || index >= list.length || element === null || typeof element !== 'object') return undefined;
  const [next, patches, inverse] = produceWithPatches(element, (draft) =>
    mutate(draft, op, op.path.slice(2), [top, index]),
  );
  if (patches.length === 0) return { course, patches, inverse };
  const items = [...(list as unknown[])];
  items[index] = next;
  const within = (patch: Patch): Patch => ({ ...patch, path: [top, index, ...patch.path] });
  return {
    course: Object.freeze({ ...course, [top]: Object.freeze(items) }) as Course,
    patches: patches.map(within),
    inverse: inverse.map(within),
  };
}

/** Applies one edit as an immer recipe; throws OpError (and changes nothing) when it is not valid. */
export function applyOp(course: Course, op: Op): Applied {
  const applied =
    applyInsideElement(course, op) ??
    (() => {
      const [next, patches, inverse] = produceWithPatches(course, (draft) => mutate(draft, op, op.path, []));
      return { course: next, patches, inverse };
    })();
  validateTouched(applied.course, applied.patches);
  return applied;
}

/** Replays recorded patches (undo and redo). */
export function replay(course: Course, patches: readonly Patch[]): Course {
  return applyPatches(course, patches as Patch[]);
}

export type { Patch };
