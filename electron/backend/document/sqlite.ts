import { closeSync, fdatasync, fsyncSync, openSync } from 'node:fs';
import Database from 'better-sqlite3';
import { TailorError } from '../../../shared/contract';

export type Db = Database.Database;
export type Statement = Database.Statement;

const statements = new WeakMap<Db, Map<string, Statement>>();

/** The connection's statement for `sql`, prepared on first use: an edit runs the same few statements every time. */
export function prepared(db: Db, sql: string): Statement {
  let cache = statements.get(db);
  if (!cache) statements.set(db, (cache = new Map()));
  let statement = cache.get(sql);
  if (!statement) cache.set(sql, (statement = db.prepare(sql)));
  return statement;
}

/**
 * 16 KiB pages: measured against 4 KiB and 64 KiB (docs/benchmarks.md), they import 1 GiB of media at
 * a file copy's speed while keeping edit-to-durable latency where 4 KiB pages have it.
 */
export const PAGE_SIZE = 16384;

export interface SqliteOptions {
  /**
   * Path of a better-sqlite3 addon built for the running runtime. Electron passes its own build
   * (Electron's ABI) here; Node (tests, web host, CLI) uses the default one from node_modules.
   */
  readonly nativeBinding?: string | undefined;
}

interface SqliteLikeError {
  code?: unknown;
  message?: unknown;
}

/** Turns a SQLite failure into a sentence naming the file and what to do. */
export function explainSqliteError(error: unknown, path: string): TailorError {
  if (error instanceof TailorError) return error;
  const code = typeof (error as SqliteLikeError)?.code === 'string' ? String((error as SqliteLikeError).code) : '';
  const detail = error instanceof Error ? error.message : String(error);
  if (code === 'SQLITE_NOTADB')
    return new TailorError('not-a-document', `"${path}" is not a Tailor course: it is not a SQLite database.`);
  if (code === 'SQLITE_CORRUPT')
    return new TailorError('document-damaged', `"${path}" is damaged (${detail}). Open a backup copy instead.`);
  if (code === 'ENOENT' || code === 'ENOTDIR')
    return new TailorError('io', `Tailor cannot open "${path}": its folder does not exist or is not a folder.`);
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS')
    return new TailorError('read-only', `Tailor is not allowed to write "${path}" (${code}).`);
  if (code === 'ENOSPC')
    return new TailorError(
      'io',
      `The disk holding "${path}" is full; nothing was saved. Free some space and try again.`,
    );
  if (code.startsWith('SQLITE_CANTOPEN'))
    return new TailorError('io', `Tailor cannot open "${path}": the file or its folder cannot be read or created.`);
  if (code.startsWith('SQLITE_READONLY'))
    return new TailorError('read-only', `"${path}" is read-only here, so Tailor cannot save changes to it.`);
  if (code === 'SQLITE_FULL')
    return new TailorError(
      'io',
      `The disk holding "${path}" is full; nothing was saved. Free some space and try again.`,
    );
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'))
    return new TailorError('io', `"${path}" is being written by another program; try again in a moment.`);
  if (code.startsWith('SQLITE_IOERR')) return new TailorError('io', `Reading or writing "${path}" failed (${detail}).`);
  return new TailorError('internal', `SQLite failed on "${path}": ${detail}`);
}

/**
 * How a connection is used: `read` and `write` open an existing document; `create` makes a new one;
 * `build` makes a new one under a temporary name no other program knows, to be fsync'd and moved
 * into place only when complete (see `finishBuild`).
 */
export type SqliteMode = 'read' | 'write' | 'create' | 'build';

export function openSqlite(path: string, mode: SqliteMode, options: SqliteOptions = {}): Db {
  try {
    const db = new Database(path, {
      readonly: mode === 'read',
      fileMustExist: mode === 'read' || mode === 'write',
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    });
    // Media are stored as blobs: larger pages mean far fewer writes per megabyte. It only takes
    // effect for a new, empty database; existing documents keep their page size.
    if (mode === 'create' || mode === 'build') db.pragma(`page_size = ${PAGE_SIZE}`);
    if (mode === 'build') {
      // Until it is complete the file is nobody's document: a crash leaves only a temporary file,
      // so commits need neither a journal on disk nor an fsync each; finishBuild makes it durable once.
      db.pragma('journal_mode = MEMORY');
      db.pragma('synchronous = OFF');
      db.pragma('locking_mode = EXCLUSIVE');
      db.pragma('foreign_keys = ON');
    } else if (mode !== 'read') {
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = FULL');
      db.pragma('foreign_keys = ON');
    }
    db.pragma('busy_timeout = 2000');
    return db;
  } catch (error) {
    throw explainSqliteError(error, path);
  }
}

/**
 * Writes a file's data to disk in the background while the caller goes on (an fdatasync on libuv's
 * thread pool, one at a time), so the fsync that makes it durable at the end has little left to do.
 */
export class BackgroundWriteback {
  readonly #fd: number;
  #inFlight: Promise<void> | undefined;

  constructor(path: string) {
    this.#fd = openSync(path, 'r+');
  }

  /** Starts writing what has been written so far, unless a write-back is already under way. */
  start(): void {
    if (this.#inFlight) return;
    this.#inFlight = new Promise((resolve) =>
      // An error here is not the caller's: the closing fsync reports whatever could not be written.
      fdatasync(this.#fd, () => {
        this.#inFlight = undefined;
        resolve();
      }),
    );
  }

  /** Waits for the write-back under way, then closes the file (never while the pool still uses it). */
  async close(): Promise<void> {
    await this.#inFlight;
    closeSync(this.#fd);
  }
}

/**
 * Closes the connection of a document built under a temporary name and fsyncs the file: it then
 * holds everything durably, in rollback-journal mode like any closed document, ready to be moved into place.
 */
export function finishBuild(db: Db, path: string): void {
  try {
    db.pragma('journal_mode = DELETE');
  } finally {
    db.close();
  }
  const fd = openSync(path, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Closes a writing connection leaving the document in rollback-journal mode at rest: WAL while open
 * (concurrent readers, durable commits), but a closed document is one self-contained file, so
 * read-only use (`tailor verify`, `paths`, `export`) creates no -wal or -shm beside it.
 */
export function closeWriter(db: Db): void {
  try {
    db.pragma('wal_checkpoint(TRUNCATE)');
    // Fails harmlessly (stays WAL) while another connection, e.g. a read-only viewer, has it open.
    db.pragma('journal_mode = DELETE');
  } catch {
    // Still consistent in WAL mode; the next writer checkpoints.
  } finally {
    db.close();
  }
}
