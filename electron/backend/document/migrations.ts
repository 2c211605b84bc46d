import type { Db } from './sqlite';

/** 'TAIL' in ASCII: marks a SQLite file as a Tailor course, so other databases are refused. */
export const TAILOR_APPLICATION_ID = 0x5441494c;

export interface Migration {
  /** The `user_version` the document has after this migration. */
  readonly version: number;
  readonly description: string;
  up(db: Db): void;
}

/** Migrations as data: append only, never edit a released one. Each has a before/after test. */
export const migrations: readonly Migration[] = [
  {
    version: 1,
    description: 'course metadata (title, created time, format)',
    up(db) {
      db.exec(`CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT`);
    },
  },
  {
    version: 2,
    description: 'course content as entities, undo history, content-addressed media in chunks',
    up(db) {
      db.exec(`
        CREATE TABLE course_root (key TEXT PRIMARY KEY, json TEXT NOT NULL) STRICT;
        CREATE TABLE course_items (
          collection TEXT NOT NULL,
          id TEXT NOT NULL,
          position INTEGER NOT NULL,
          json TEXT NOT NULL,
          PRIMARY KEY (collection, id)
        ) STRICT;
        CREATE TABLE history (
          seq INTEGER PRIMARY KEY AUTOINCREMENT,
          label TEXT NOT NULL,
          redo TEXT NOT NULL,
          undo TEXT NOT NULL,
          merge_key TEXT,
          at INTEGER NOT NULL,
          undone INTEGER NOT NULL DEFAULT 0
        ) STRICT;
        CREATE TABLE blobs (id INTEGER PRIMARY KEY AUTOINCREMENT, complete INTEGER NOT NULL DEFAULT 0) STRICT;
        CREATE TABLE assets (sha256 TEXT PRIMARY KEY, blob INTEGER NOT NULL REFERENCES blobs(id), size INTEGER NOT NULL, mime TEXT NOT NULL) STRICT;
        CREATE TABLE asset_chunks (blob INTEGER NOT NULL, n INTEGER NOT NULL, data BLOB NOT NULL, PRIMARY KEY (blob, n)) STRICT;
        CREATE TABLE asset_names (name TEXT PRIMARY KEY, sha256 TEXT NOT NULL) STRICT;
      `);
      // A format-1 document held only its title: give it the smallest valid course around that title.
      const title = (db.prepare(`SELECT value FROM meta WHERE key = 'title'`).get() as { value: string } | undefined)
        ?.value;
      const insert = db.prepare('INSERT INTO course_root (key, json) VALUES (?, ?)');
      insert.run('format', '1');
      insert.run('id', JSON.stringify(courseIdFor(title ?? 'course')));
      insert.run('title', JSON.stringify(title ?? 'Untitled course'));
    },
  },
];

/** A course id (lower-case, a-z0-9 and "-") derived from a title. */
export function courseIdFor(title: string): string {
  const slug = title
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return /^[a-z]/.test(slug) ? slug : `course-${slug || 'untitled'}`.slice(0, 64);
}

export const LATEST_DOCUMENT_VERSION = migrations.at(-1)?.version ?? 0;

export function documentVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

export function applicationId(db: Db): number {
  return db.pragma('application_id', { simple: true }) as number;
}

/** Runs every pending migration in one transaction: a document is at one version or the next, never between. */
export function migrate(db: Db, list: readonly Migration[] = migrations): { from: number; to: number } {
  const from = documentVersion(db);
  const pending = list.filter((m) => m.version > from);
  if (pending.length === 0) return { from, to: from };
  db.transaction(() => {
    for (const migration of pending) {
      migration.up(db);
      db.pragma(`user_version = ${Math.trunc(migration.version)}`);
    }
    db.pragma(`application_id = ${TAILOR_APPLICATION_ID}`);
  })();
  return { from, to: documentVersion(db) };
}
