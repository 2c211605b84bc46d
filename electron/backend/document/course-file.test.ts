import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { TailorError } from '../../../shared/contract';
import { useTempDirs } from '../../../test/fixtures/temp-dir';
import { createCourseFile, inspectCourseFile, openCourseFile, readCourseSummary } from './course-file';
import { LATEST_DOCUMENT_VERSION, migrate, migrations, TAILOR_APPLICATION_ID } from './migrations';

const tempDir = useTempDirs();
const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

function expectTailorError(fn: () => unknown, code: TailorError['code'], text: RegExp) {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(TailorError);
    expect((error as TailorError).code).toBe(code);
    expect((error as TailorError).message).toMatch(text);
    return;
  }
  throw new Error(`expected a TailorError with code ${code}`);
}

describe('course documents', () => {
  it('creates a SQLite document at the latest version, self-contained at rest, that reads back its title', () => {
    const path = join(tempDir(), 'Safety.tailor');
    createCourseFile(path, 'Shop-floor safety');
    const db = new Database(path, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_DOCUMENT_VERSION);
    expect(db.pragma('application_id', { simple: true })).toBe(TAILOR_APPLICATION_ID);
    expect(db.pragma('journal_mode', { simple: true })).toBe('delete');
    expect(db.prepare(`SELECT json FROM course_root WHERE key = 'title'`).get()).toEqual({
      json: '"Shop-floor safety"',
    });
    db.close();
    expect(readCourseSummary(path).title).toBe('Shop-floor safety');
  });

  it('leaves no temporary files behind after creating', () => {
    const dir = tempDir();
    createCourseFile(join(dir, 'A.tailor'), 'A');
    expect(readdirSync(dir)).toEqual(['A.tailor']);
  });

  it('never overwrites an existing file and leaves it byte-identical', () => {
    const path = join(tempDir(), 'Mine.tailor');
    writeFileSync(path, 'a designer’s precious notes');
    const before = sha256(path);
    expectTailorError(() => createCourseFile(path, 'New'), 'already-exists', /already exists/);
    expect(sha256(path)).toBe(before);
  });

  it('refuses a document from a newer Tailor with a clear message and does not touch it', () => {
    const path = join(tempDir(), 'Future.tailor');
    createCourseFile(path, 'From the future');
    const db = new Database(path);
    db.pragma(`user_version = ${LATEST_DOCUMENT_VERSION + 5}`);
    db.pragma('journal_mode = DELETE');
    db.close();
    const before = sha256(path);
    expectTailorError(() => openCourseFile(path), 'document-too-new', /newer Tailor.*left untouched/);
    expectTailorError(() => readCourseSummary(path), 'document-too-new', /newer Tailor/);
    expect(sha256(path)).toBe(before);
    expect(existsSync(`${path}-wal`)).toBe(false);
  });

  it('refuses a file that is not SQLite', () => {
    const path = join(tempDir(), 'notes.tailor');
    writeFileSync(path, 'This is a text file pretending to be a course. '.repeat(40));
    const before = sha256(path);
    expectTailorError(() => openCourseFile(path), 'not-a-document', /not a Tailor course/);
    expect(sha256(path)).toBe(before);
  });

  it('refuses a zero-byte file as not a course', () => {
    const path = join(tempDir(), 'empty.tailor');
    writeFileSync(path, '');
    expectTailorError(() => openCourseFile(path), 'not-a-document', /not a Tailor course/);
    expect(readFileSync(path).length).toBe(0);
  });

  it('refuses another application’s SQLite database', () => {
    const path = join(tempDir(), 'other.tailor');
    const db = new Database(path);
    db.exec('CREATE TABLE t (x)');
    db.pragma('user_version = 3');
    db.close();
    expectTailorError(() => inspectCourseFile(path), 'not-a-document', /not a Tailor course/);
  });

  it('explains a location it cannot write to, naming the path', () => {
    const blocker = join(tempDir(), 'a-file');
    writeFileSync(blocker, 'x');
    const target = join(blocker, 'inside.tailor');
    expectTailorError(() => createCourseFile(target, 'X'), 'io', /cannot open.*inside\.tailor/);
  });
});

describe('migrations', () => {
  it('are numbered 1, 2, 3… with no gaps so user_version tells exactly what ran', () => {
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
  });

  it('migration 1 turns an empty database into one with a meta table, in one step', () => {
    const db = new Database(':memory:');
    expect(db.pragma('user_version', { simple: true })).toBe(0);
    expect(migrate(db, migrations.slice(0, 1))).toEqual({ from: 0, to: 1 });
    expect(db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table'`).all()).toEqual([{ name: 'meta' }]);
    expect(db.pragma('application_id', { simple: true })).toBe(TAILOR_APPLICATION_ID);
  });

  it('roll back entirely when one of them fails, leaving the version where it was', () => {
    const db = new Database(':memory:');
    const broken = [
      ...migrations,
      {
        version: LATEST_DOCUMENT_VERSION + 1,
        description: 'adds a table',
        up: (d: Database.Database) => d.exec('CREATE TABLE extra (x)'),
      },
      {
        version: LATEST_DOCUMENT_VERSION + 2,
        description: 'fails',
        up: (d: Database.Database) => d.exec('THIS IS NOT SQL'),
      },
    ];
    expect(() => migrate(db, broken)).toThrow();
    expect(db.pragma('user_version', { simple: true })).toBe(0);
    expect(db.prepare(`SELECT count(*) AS n FROM sqlite_schema`).get()).toEqual({ n: 0 });
  });

  it('migration 2 turns a format-1 document (title only) into a course with entities, keeping the title', () => {
    const db = new Database(':memory:');
    migrate(db, migrations.slice(0, 1));
    db.prepare(`INSERT INTO meta (key, value) VALUES ('title', 'Forklift basics')`).run();
    expect(migrate(db, migrations.slice(0, 2))).toEqual({ from: 1, to: 2 });
    const root = Object.fromEntries(
      (db.prepare('SELECT key, json FROM course_root').all() as { key: string; json: string }[]).map((r) => [
        r.key,
        JSON.parse(r.json),
      ]),
    );
    expect(root).toEqual({ format: 1, id: 'forklift-basics', title: 'Forklift basics' });
    for (const table of ['course_items', 'history', 'blobs', 'assets', 'asset_chunks', 'asset_names'])
      expect(db.prepare(`SELECT count(*) AS n FROM ${table}`).get()).toEqual({ n: 0 });
  });

  it('do nothing on a document that is already current', () => {
    const db = new Database(':memory:');
    migrate(db);
    expect(migrate(db)).toEqual({ from: LATEST_DOCUMENT_VERSION, to: LATEST_DOCUMENT_VERSION });
  });
});
