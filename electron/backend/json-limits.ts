import { TailorError } from '../../shared/contract';

/** Real courses nest about 10 deep; far deeper input is a broken or hostile file, refused before parsing. */
export const MAX_JSON_DEPTH = 64;
/** Far above the 5,000-lesson generated course; a larger course.json is refused before it is read. */
export const MAX_COURSE_JSON_BYTES = 256 * 1024 * 1024;

/** Line and column of a character offset, for messages a designer can act on. */
export function lineAndColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return `line ${line}, column ${offset - before.lastIndexOf('\n')}`;
}

/**
 * Offset of the first bracket that opens deeper than `max`, or -1. One pass over the text that
 * skips strings, so no recursion anywhere can run out of stack on hostile nesting.
 */
export function tooDeepAt(text: string, max: number = MAX_JSON_DEPTH): number {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > max) return i;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return -1;
}

/**
 * Whether a parsed value nests containers deeper than `max` (the value itself is depth 1). The recursion stops
 * past `max`, so any input is safe; it allocates nothing, which matters on a course of a hundred thousand objects.
 */
function nestsDeeperThan(value: unknown, max: number, depth = 1): boolean {
  if (value === null || typeof value !== 'object') return false;
  if (depth > max) return true;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) if (nestsDeeperThan(value[i], max, depth + 1)) return true;
  } else
    for (const key in value) if (nestsDeeperThan((value as Record<string, unknown>)[key], max, depth + 1)) return true;
  return false;
}

function tooDeep(text: string, what: string, at: number): TailorError {
  return new TailorError(
    'invalid-request',
    `${what} nests deeper than ${MAX_JSON_DEPTH} levels${at >= 0 ? ` at ${lineAndColumn(text, at)}` : ''}; a course never does, so the file is damaged.`,
  );
}

/**
 * JSON.parse with a nesting limit; errors name the file (or what the text is) and the place.
 * V8's JSON.parse does not recurse, so the text is parsed first and its depth checked on the value
 * (far quicker than scanning megabytes of text); the text is scanned only to place an error.
 */
export function parseLimitedJson(text: string, what: string): unknown {
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch (error) {
    const deep = tooDeepAt(text);
    if (deep >= 0) throw tooDeep(text, what, deep);
    const message = (error as Error).message;
    const position = /position (\d+)/.exec(message);
    const where = position ? ` at ${lineAndColumn(text, Number(position[1]))}` : '';
    throw new TailorError('invalid-request', `${what} is not valid JSON${where}: ${message}`);
  }
  if (nestsDeeperThan(value, MAX_JSON_DEPTH)) throw tooDeep(text, what, tooDeepAt(text));
  return value;
}
