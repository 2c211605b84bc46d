import { randomBytes } from 'node:crypto';
import { closeSync, constants, copyFileSync, fsyncSync, linkSync, openSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { TailorError, type CourseSummary } from '../../../shared/contract';
import { COURSE_FORMAT_VERSION } from '../../../shared/model/constants';
import { TAILOR_VERSION } from '../version';
import {
  applicationId,
  courseIdFor,
  documentVersion,
  LATEST_DOCUMENT_VERSION,
  migrate,
  TAILOR_APPLICATION_ID,
} from './migrations';
import { closeWriter, explainSqliteError, openSqlite, type Db, type SqliteOptions } from './sqlite';

export const COURSE_EXTENSION = '.tailor';

function readMeta(db: Db, key: string): string | undefined {
  const row = db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined;
  return row?.value;
}

function writeMeta(db: Db, key: string, value: string): void {
  db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(
    key,
    value,
  );
}

/** Refuses foreign databases and documents from a newer Tailor; returns the format version. */
function checkCourseDb(db: Db, path: string): number {
  const version = documentVersion(db);
  if (applicationId(db) !== TAILOR_APPLICATION_ID || version === 0) {
    throw new TailorError('not-a-document', `"${path}" is not a Tailor course (it is an empty or foreign database).`);
  }
  if (version > LATEST_DOCUMENT_VERSION) {
    throw new TailorError(
      'document-too-new',
      `"${basename(path)}" was saved by a newer Tailor (document format ${version}; this is Tailor ${TAILOR_VERSION}, which reads up to ${LATEST_DOCUMENT_VERSION}). Update Tailor to open it; the file was left untouched.`,
    );
  }
  return version;
}

function withReadOnly<T>(path: string, options: SqliteOptions, read: (db: Db) => T): T {
  let db: Db | undefined;
  try {
    db = openSqlite(path, 'read', options);
    return read(db);
  } catch (error) {
    throw explainSqliteError(error, path);
  } finally {
    db?.close();
  }
}

/** Checks, without writing a byte, that a file is a Tailor course this version can open. */
export function inspectCourseFile(path: string, options: SqliteOptions = {}): { version: number } {
  return withReadOnly(path, options, (db) => ({ version: checkCourseDb(db, path) }));
}

function summaryOf(path: string, db: Db): CourseSummary {
  const title =
    documentVersion(db) >= 2
      ? (() => {
          const row = db.prepare(`SELECT json FROM course_root WHERE key = 'title'`).get() as
            { json: string } | undefined;
          return row ? (JSON.parse(row.json) as string) : undefined;
        })()
      : readMeta(db, 'title');
  if (title === undefined) throw new TailorError('document-damaged', `"${path}" has no course title; it is damaged.`);
  return { path, title, modifiedAt: statSync(path).mtime.toISOString() };
}

/** Reads the summary of a course file, read-only, in one connection. */
export function readCourseSummary(path: string, options: SqliteOptions = {}): CourseSummary {
  return withReadOnly(path, options, (db) => {
    checkCourseDb(db, path);
    return summaryOf(path, db);
  });
}

/** Opens a course for writing, bringing an older document up to the current format first. */
export function openCourseFile(path: string, options: SqliteOptions = {}): CourseSummary {
  inspectCourseFile(path, options);
  const db = openSqlite(path, 'write', options);
  try {
    migrate(db);
    return summaryOf(path, db);
  } catch (error) {
    throw explainSqliteError(error, path);
  } finally {
    closeWriter(db);
  }
}

/** The course fields a new document starts with; everything else takes the schema's defaults. */
export function initialRoot(title: string): Record<string, unknown> {
  return { format: COURSE_FORMAT_VERSION, id: courseIdFor(title), title };
}

/** Best-effort cleanup of a temporary document: it must never hide the error that matters. */
export function removeQuietly(path: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) {
    try {
      rmSync(path + suffix, { force: true });
    } catch {
      // Nothing was created there, or it is already gone.
    }
  }
}

/** Makes a new name in a folder durable (POSIX); where a folder cannot be opened (Windows) there is nothing to do. */
function syncFolder(folder: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(folder, 'r');
    fsyncSync(fd);
  } catch {
    // Not supported for folders here; the file itself is already durable.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Moves a finished file into place; fails rather than replacing a file that is already there. */
export function placeWithoutOverwrite(temp: string, path: string): void {
  try {
    try {
      linkSync(temp, path);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // FAT, exFAT and some network shares have no hard links; an exclusive copy keeps the guarantee.
      if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EXDEV' && code !== 'ENOSYS') throw error;
      copyFileSync(temp, path, constants.COPYFILE_EXCL);
    }
    syncFolder(dirname(path));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new TailorError('already-exists', `A file named "${basename(path)}" already exists in that folder.`);
    }
    throw new TailorError('io', `Tailor could not save "${path}": ${(error as Error).message}`);
  }
}

/** A name beside `path` for building a document that appears there only when complete. */
export function temporaryPathFor(path: string): string {
  return join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.creating`);
}

/** Gives a new database the schema, metadata and minimal course of a new document titled `title`. */
export function initializeCourseFile(db: Db, title: string): void {
  migrate(db);
  db.transaction(() => {
    writeMeta(db, 'createdAt', new Date().toISOString());
    writeMeta(db, 'createdBy', `Tailor ${TAILOR_VERSION}`);
    const root = db.prepare(
      'INSERT INTO course_root (key, json) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET json = excluded.json',
    );
    for (const [key, value] of Object.entries(initialRoot(title))) root.run(key, JSON.stringify(value));
  })();
}

/**
 * Creates a new course document. It is built under a temporary name and linked into place, so the
 * target either appears complete or not at all, and an existing file is never overwritten.
 */
export function createCourseFile(path: string, title: string, options: SqliteOptions = {}): CourseSummary {
  const temp = temporaryPathFor(path);
  try {
    const db = openSqlite(temp, 'create', options);
    try {
      initializeCourseFile(db, title);
    } finally {
      closeWriter(db);
    }
    placeWithoutOverwrite(temp, path);
    return { path, title, modifiedAt: statSync(path).mtime.toISOString() };
  } catch (error) {
    throw explainSqliteError(error, path);
  } finally {
    removeQuietly(temp);
  }
}
