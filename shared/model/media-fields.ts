import { assetPath, course } from './schema';

/** Where in a course media paths can sit, read from the schema: only these branches are worth walking. */
export interface MediaFields {
  /** The value itself is a media path (an `assetPath` in the schema). */
  readonly media: boolean;
  /** Properties that hold media somewhere below, in the schema's order. */
  readonly fields: ReadonlyMap<string, MediaFields>;
  /** Array items that hold media. */
  readonly items?: MediaFields;
  /** Record values that hold media. */
  readonly values?: MediaFields;
}

interface Draft {
  media: boolean;
  fields: Map<string, Draft>;
  items?: Draft;
  values?: Draft;
}

const empty = (): Draft => ({ media: false, fields: new Map() });

/** `into` also accepts what `from` accepts (the options of a union share one plan). */
function merge(into: Draft, from: Draft): void {
  into.media ||= from.media;
  for (const [key, plan] of from.fields) {
    const existing = into.fields.get(key);
    if (existing) merge(existing, plan);
    else into.fields.set(key, plan);
  }
  if (from.items) merge((into.items ??= empty()), from.items);
  if (from.values) merge((into.values ??= empty()), from.values);
}

const holdsMedia = (plan: Draft) => plan.media || plan.fields.size > 0 || !!plan.items || !!plan.values;

function plan(schema: unknown, visiting: Set<unknown>): Draft | undefined {
  if (schema === assetPath) return { media: true, fields: new Map() };
  const def = (schema as { _zod?: { def?: Record<string, unknown> } } | undefined)?._zod?.def;
  // A schema that refers to itself holds no media the first pass through it has not found.
  if (!def || visiting.has(schema)) return undefined;
  visiting.add(schema);
  try {
    // A kind of schema this walk does not know could hide media paths, and media no walk finds are compacted away:
    // the course schema must not use one until the walk learns it.
    if (!KNOWN_KINDS.has(String(def['type'])))
      throw new Error(
        `The course schema uses a zod "${String(def['type'])}", which the media-field walk does not know.`,
      );
    const result = empty();
    const shape = def['shape'] as Record<string, unknown> | undefined;
    if (shape)
      for (const [key, child] of Object.entries(shape)) {
        const inner = plan(child, visiting);
        if (inner) result.fields.set(key, inner);
      }
    if (def['type'] === 'array') {
      const inner = plan(def['element'], visiting);
      if (inner) result.items = inner;
    }
    if (def['type'] === 'record') {
      const inner = plan(def['valueType'], visiting);
      if (inner) result.values = inner;
    }
    // Wrappers (optional, default, pipe…) and unions keep their inner schemas in these fields of the definition.
    for (const field of ['innerType', 'in', 'out', 'options'])
      for (const inner of [def[field]].flat()) {
        const sub = inner === undefined ? undefined : plan(inner, visiting);
        if (sub) merge(result, sub);
      }
    return holdsMedia(result) ? result : undefined;
  } finally {
    visiting.delete(schema);
  }
}

/** The kinds of zod schema the walk reads through (objects, arrays, records, wrappers, unions) or that hold no schema. */
const KNOWN_KINDS: ReadonlySet<string> = new Set([
  'object',
  'array',
  'record',
  'optional',
  'nullable',
  'default',
  'prefault',
  'catch',
  'readonly',
  'nonoptional',
  'pipe',
  'transform',
  'union',
  'string',
  'number',
  'int',
  'boolean',
  'literal',
  'enum',
  'null',
  'undefined',
  'unknown',
  'any',
  'never',
  'bigint',
  'date',
  'custom',
]);

let cached: MediaFields | undefined;

/** The branches of a course that can hold media paths, derived once from the course schema. */
export function courseMediaFields(): MediaFields {
  return (cached ??= plan(course, new Set()) ?? empty());
}
