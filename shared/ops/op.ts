import { z } from 'zod';

/** A step into the course: an object key, an array index, or the array element with this id. */
export const segment = z.union([z.string(), z.number().int().min(0), z.strictObject({ id: z.string() })]);
export type Segment = z.infer<typeof segment>;

/**
 * An edit to a course. Paths address elements by id where they can (`[{ "id": "m1" }, "title"]`
 * under `modules`), so an edit still means the same thing after others reordered the list.
 */
export const op = z.discriminatedUnion('kind', [
  /** Replace the value at a path (an object field or an array element). */
  z.strictObject({ kind: z.literal('set'), path: z.array(segment).min(1), value: z.unknown() }),
  /** Insert into the array at `path`, at `index` (default: the end). */
  z.strictObject({
    kind: z.literal('insert'),
    path: z.array(segment).min(1),
    index: z.number().int().min(0).optional(),
    value: z.unknown(),
  }),
  /** Remove the array element or object field at `path`. */
  z.strictObject({ kind: z.literal('remove'), path: z.array(segment).min(2) }),
  /** Move the array element at `path` to position `to` in its array. */
  z.strictObject({ kind: z.literal('move'), path: z.array(segment).min(2), to: z.number().int().min(0) }),
]);
export type Op = z.infer<typeof op>;

/**
 * How history treats an edit: `merge` groups a typing burst (same key, close in time) into one
 * undo step. Loading and migrations never reach history at all.
 */
export const edit = z.strictObject({
  op,
  label: z.string().max(200).default('Edit'),
  merge: z.string().max(200).optional(),
});
export type Edit = z.infer<typeof edit>;
