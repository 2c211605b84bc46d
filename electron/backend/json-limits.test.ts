import { describe, expect, it } from 'vitest';
import { MAX_JSON_DEPTH, parseLimitedJson } from './json-limits';

const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;

describe('parseLimitedJson', () => {
  it('reads JSON nested exactly as deep as the limit', () => {
    expect(JSON.stringify(parseLimitedJson(`{"a": ${nested(MAX_JSON_DEPTH - 1)}}`, 'course.json'))).toBe(
      `{"a":${nested(MAX_JSON_DEPTH - 1)}}`,
    );
  });

  it('refuses one level deeper, naming the line and column of the bracket too deep', () => {
    expect(() => parseLimitedJson(`{\n "a": ${nested(MAX_JSON_DEPTH)}}`, 'course.json')).toThrow(
      `course.json nests deeper than ${MAX_JSON_DEPTH} levels at line 2, column ${6 + MAX_JSON_DEPTH}`,
    );
  });

  it('calls hostile nesting too deep even when the text is not valid JSON either', () => {
    expect(() => parseLimitedJson(`{"a": ${'['.repeat(100_000)}`, 'course.json')).toThrow(
      /nests deeper than 64 levels at line 1, column 70/,
    );
  });

  it('names the place of a syntax error', () => {
    expect(() => parseLimitedJson('{\n  "a": 1,\n}', 'course.json')).toThrow(/course.json is not valid JSON at line 3/);
  });
});
