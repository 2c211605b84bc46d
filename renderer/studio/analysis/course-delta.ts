/**
 * What the page sends the analysis worker: the first course whole, then only what changed since the last one it
 * sent. An edit makes a new course that shares every untouched part with the one before (immer), so a module the
 * edit did not touch is named by its place in the previous list instead of being copied again: structured cloning
 * the whole 5,000-lesson course took 10–14 ms of the page's main thread after every pause in the designer's work.
 */
export type CourseDelta =
  | { readonly kind: 'whole'; readonly course: unknown }
  | {
      readonly kind: 'changes';
      /** Top-level fields (other than `modules`) that are new, changed, or gone (`removed`). */
      readonly fields: Readonly<Record<string, unknown>>;
      readonly removed: readonly string[];
      /** The new module list: a number is the place of the same module in the previous list. */
      readonly modules: readonly (number | object)[] | 'same';
    };

type Fields = Readonly<Record<string, unknown>>;
const modulesOf = (course: Fields): readonly unknown[] =>
  Array.isArray(course['modules']) ? (course['modules'] as unknown[]) : [];

/** The delta that turns `previous` (the last course sent, or null) into `next`. */
export function encodeCourseDelta(previous: Fields | null, next: Fields): CourseDelta {
  if (!previous || !Array.isArray(next['modules']) || !Array.isArray(previous['modules']))
    return { kind: 'whole', course: next };
  const fields: Record<string, unknown> = {};
  for (const key of Object.keys(next)) if (key !== 'modules' && next[key] !== previous[key]) fields[key] = next[key];
  const removed = Object.keys(previous).filter((key) => !(key in next));
  let modules: (number | object)[] | 'same' = 'same';
  if (next['modules'] !== previous['modules']) {
    const places = new Map<unknown, number>();
    modulesOf(previous).forEach((m, i) => places.set(m, i));
    modules = modulesOf(next).map((m) => places.get(m) ?? (m as object));
  }
  return { kind: 'changes', fields, removed, modules };
}

/** The course `delta` describes, given the worker's copy of the last course it was sent. */
export function decodeCourseDelta(previous: Fields | null, delta: CourseDelta): Fields {
  if (delta.kind === 'whole') return delta.course as Fields;
  if (!previous) throw new Error('A course delta arrived before any whole course.');
  const next: Record<string, unknown> = { ...previous, ...delta.fields };
  for (const key of delta.removed) delete next[key];
  if (delta.modules !== 'same') {
    const before = modulesOf(previous);
    next['modules'] = delta.modules.map((m) => {
      if (typeof m !== 'number') return m;
      if (!(m in before)) throw new Error(`A course delta names module ${m}, which the last course did not have.`);
      return before[m];
    });
  }
  return next;
}
