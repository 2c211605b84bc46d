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
];

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
