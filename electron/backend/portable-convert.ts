import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import { TailorError } from '../../shared/contract';
import { course as courseSchema, jsonPath, migrateCourseJson, type Course } from '../../shared/model';
import { writeFileAtomic } from './atomic-write';
import { CourseDocument, referencedAssetNames } from './document/course-document';
import type { SqliteOptions } from './document/sqlite';
import { isInsideFolder } from './paths';
import { readPortableCourse } from './portable-course';

/** Sorts object keys at every depth, so the same course always serializes to the same bytes. */
function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]),
    );
  return value;
}

/** The one way Tailor writes course.json: schema-complete, keys sorted, two-space indent, final newline. */
export function canonicalCourseJson(course: Course): string {
  return `${JSON.stringify(sortKeys(courseSchema.parse(course)), null, 2)}\n`;
}

/** Validates a course.json value enough to store it losslessly (references are verify's business). */
export function parseCourseForStorage(json: unknown, file: string): Course {
  const migrated = migrateCourseJson(json);
  if (!migrated.ok) throw new TailorError('invalid-request', `${file}: ${migrated.message}`);
  const parsed = courseSchema.safeParse(migrated.course);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({
      field: jsonPath(i.path.map((p) => (typeof p === 'symbol' ? String(p) : p))),
      message: i.message,
    }));
    throw new TailorError(
      'invalid-request',
      `${file} is not a valid course: ${issues.map((i) => `${i.field}: ${i.message}`).join('; ')}`,
      issues,
    );
  }
  return parsed.data;
}

/**
 * Every regular file under `folder`, with its media name: its path under `prefix`, with forward slashes.
 * An entry's name holds no separator, so its path is joined by hand (`path.join` normalizes each of
 * thousands of paths for nothing).
 */
function filesUnder(folder: string, prefix: string, into: { file: string; name: string }[] = []): typeof into {
  if (!existsSync(folder)) return into;
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const file = `${folder}${sep}${entry.name}`;
    const name = `${prefix}/${entry.name}`;
    if (entry.isDirectory()) filesUnder(file, name, into);
    else if (entry.isFile()) into.push({ file, name });
  }
  return into;
}

export interface ConvertProgress {
  (done: number, total: number, what: string): void;
}

/** Portable folder → new .tailor document (never overwrites; all or nothing). Media are streamed in. */
export async function portableToDocument(
  folder: string,
  target: string,
  options: { sqlite?: SqliteOptions; progress?: ConvertProgress } = {},
): Promise<void> {
  const portable = readPortableCourse(folder);
  const course = parseCourseForStorage(portable.json, portable.file);
  const assetsDir = join(portable.folder, 'assets');
  const files = filesUnder(assetsDir, 'assets');
  const present = new Set(files.map((f) => f.name));
  const missing = [...referencedAssetNames(course)].filter((name) => !present.has(name));
  if (missing.length)
    throw new TailorError(
      'not-found',
      `The course refers to media that are not in its assets/ folder: ${missing.join(', ')}.`,
    );
  if (existsSync(target))
    throw new TailorError('already-exists', `"${target}" already exists; Tailor will not overwrite it.`);
  mkdirSync(dirname(resolve(target)), { recursive: true });
  // Built under a temporary name and linked into place when complete: a convert that fails leaves nothing.
  await CourseDocument.build(
    target,
    course.title,
    async (doc) => {
      await doc.importAssets(files, options.progress);
      doc.replaceCourse(course);
    },
    { sqlite: options.sqlite },
  );
}

/** .tailor document → portable folder: canonical course.json and every stored media file. */
export async function documentToPortable(
  source: string | CourseDocument,
  folder: string,
  options: { sqlite?: SqliteOptions; progress?: ConvertProgress } = {},
): Promise<void> {
  const doc =
    typeof source === 'string' ? CourseDocument.open(source, { readOnly: true, sqlite: options.sqlite }) : source;
  try {
    if (existsSync(join(folder, 'course.json')))
      throw new TailorError('already-exists', `"${folder}" already holds a course.json; Tailor will not overwrite it.`);
    if (existsSync(folder) && !statSync(folder).isDirectory())
      throw new TailorError('already-exists', `"${folder}" is a file, not a folder.`);
    mkdirSync(folder, { recursive: true });
    const assets = doc.listAssets();
    let done = 0;
    for (const asset of assets) {
      options.progress?.(done, assets.length, asset.name);
      const target = resolve(folder, asset.name);
      if (!isInsideFolder(folder, target) || target === resolve(folder))
        throw new TailorError('invalid-request', `Refusing media name "${asset.name}".`);
      try {
        mkdirSync(dirname(target), { recursive: true });
        await doc.exportAsset(asset.name, target);
      } catch (error) {
        if (error instanceof TailorError) throw error;
        // Two media names that cannot both be paths ("assets/a" and "assets/a/b") mean a damaged document.
        throw new TailorError(
          'io',
          `Tailor cannot write media "${asset.name}" to "${target}": ${(error as Error).message}`,
        );
      }
      done++;
    }
    writeFileAtomic(join(folder, 'course.json'), canonicalCourseJson(doc.course));
    options.progress?.(assets.length, assets.length, 'done');
  } finally {
    if (typeof source === 'string') doc.close();
  }
}

/** Reads a course from either form, for commands that only need the course JSON. */
export function readCourseAnyForm(path: string, sqlite?: SqliteOptions): { json: unknown; file: string } {
  if (path.endsWith('.tailor') || (existsSync(path) && statSync(path).isFile() && !path.endsWith('.json'))) {
    const doc = CourseDocument.open(resolve(path), { readOnly: true, sqlite });
    try {
      return { json: doc.course, file: resolve(path) };
    } finally {
      doc.close();
    }
  }
  const portable = readPortableCourse(path);
  return { json: portable.json, file: portable.file };
}
