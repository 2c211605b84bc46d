import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { TailorError } from '../../shared/contract';
import { MAX_COURSE_JSON_BYTES, parseLimitedJson } from './json-limits';

export interface PortableCourse {
  /** The course folder (holds course.json and assets/). */
  readonly folder: string;
  readonly file: string;
  readonly json: unknown;
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
  const stats = statSync(file);
  if (!stats.isFile()) throw new TailorError('invalid-request', `${file} is not a regular file.`);
  if (stats.size > MAX_COURSE_JSON_BYTES)
    throw new TailorError(
      'invalid-request',
      `${file} is ${Math.round(stats.size / 1048576)} MiB; a course.json may be at most ${MAX_COURSE_JSON_BYTES / 1048576} MiB.`,
    );
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new TailorError('io', `Tailor could not read ${file}: ${(error as Error).message}`);
  }
  return { folder: resolve(file, '..'), file, json: parseLimitedJson(text, file) };
}
