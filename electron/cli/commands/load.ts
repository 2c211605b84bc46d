import { TailorError } from '../../../shared/contract';
import { loadCourse, type CourseIndex } from '../../../shared/engine';
import { readCourseAnyForm } from '../../backend/portable-convert';

export type Loaded = { ok: true; index: CourseIndex; file: string; json: unknown } | { ok: false; lines: string[] };

/** Reads and validates a course for a CLI command; problems come back as lines naming the JSON path. */
export function loadForCli(path: string): Loaded {
  let portable;
  try {
    portable = readCourseAnyForm(path);
  } catch (error) {
    if (error instanceof TailorError) return { ok: false, lines: [error.message] };
    throw error;
  }
  const load = loadCourse(portable.json);
  if (!load.ok) return { ok: false, lines: load.problems.map((p) => `${portable.file}: ${p.path}: ${p.message}`) };
  return { ok: true, index: load.index, file: portable.file, json: portable.json };
}
