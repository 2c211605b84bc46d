import type { z } from 'zod';
import { course } from './schema';

let cached: Set<string> | undefined;

/** Every property name the course format knows, at any depth: the vocabulary for "did you mean" on unknown keys. */
export function knownCourseKeys(): ReadonlySet<string> {
  if (cached) return cached;
  const keys = new Set<string>();
  const seen = new Set<unknown>();
  const visit = (schema: unknown): void => {
    if (!schema || typeof schema !== 'object' || seen.has(schema)) return;
    seen.add(schema);
    const def = (schema as { _zod?: { def?: Record<string, unknown> } })._zod?.def;
    if (!def) return;
    const shape = def['shape'] as Record<string, unknown> | undefined;
    if (shape)
      for (const [key, value] of Object.entries(shape)) {
        keys.add(key);
        visit(value);
      }
    // Wrappers, arrays, unions and records keep their inner schemas in these fields of the definition.
    for (const field of ['innerType', 'element', 'valueType', 'in', 'out', 'options'])
      for (const inner of [def[field]].flat()) visit(inner);
  };
  visit(course satisfies z.ZodType);
  cached = keys;
  return keys;
}
