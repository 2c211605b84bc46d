import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { TailorError } from '../../shared/contract';

export interface PortableCourse {
  /** The course folder (holds course.json and assets/). */
  readonly folder: string;
  readonly file: string;
  readonly json: unknown;
}

/** Line and column of a character offset, for JSON syntax errors a designer can find. */
function lineAndColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return `line ${line}, column ${offset - before.lastIndexOf('\n')}`;
}

/** Reads a course in the portable format: a folder with course.json (or the course.json itself). */
export function readPortableCourse(path: string): PortableCourse {
  const target = resolve(path);
  if (!existsSync(target)) throw new TailorError('not-found', `There is no course at "${target}".`);
  const file = statSync(target).isDirectory() ? join(target, 'course.json') : target;
  if (!existsSync(file))
    throw new TailorError(
      'not-found',
      `"${target}" is a folder but holds no course.json; a portable course is a folder with course.json and assets/.`,
    );
  const text = readFileSync(file, 'utf8');
  try {
    return { folder: resolve(file, '..'), file, json: JSON.parse(text) };
  } catch (error) {
    const message = (error as Error).message;
    const position = /position (\d+)/.exec(message);
    const where = position ? ` at ${lineAndColumn(text, Number(position[1]))}` : '';
    throw new TailorError('invalid-request', `${file} is not valid JSON${where}: ${message}`);
  }
}
