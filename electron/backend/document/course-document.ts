import { createHash, hash as hashOnce } from 'node:crypto';
import { closeSync, createReadStream, createWriteStream, readSync } from 'node:fs';
import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { basename } from 'node:path';
import { mediaNames } from '../../../shared/analysis/media';
import { IMAGE_PREVIEW_MAX_BYTES, TailorError } from '../../../shared/contract';
import { course as courseSchema, jsonPath, migrateCourseJson, type Course } from '../../../shared/model';
import { applyOp, isCollection, OpError, replay, type Edit, type Patch } from '../../../shared/ops';
import { parseLimitedJson } from '../json-limits';
import { openRegularFile } from '../regular-file';
import { mimeTypeOf } from '../static-files';
import {
  initializeCourseFile,
  inspectCourseFile,
  placeWithoutOverwrite,
  removeQuietly,
  temporaryPathFor,
} from './course-file';
import { planPositions } from './item-positions';
import { acquireWriterLock } from './lock';
import { migrate } from './migrations';
import {
  BackgroundWriteback,
  closeWriter,
  explainSqliteError,
  finishBuild,
  openSqlite,
  prepared,
  type Db,
  type SqliteOptions,
} from './sqlite';

export const HISTORY_CAP = 500;
/** Edits with the same merge key closer than this in time are one undo step (a typing burst). */
export const MERGE_WINDOW_MS = 1500;
export const CHUNK_BYTES = 1024 * 1024;
/** Chunks are written in batches of this many bytes: memory stays bounded, other edits interleave. */
const BATCH_BYTES = 16 * CHUNK_BYTES;

export interface DocumentOptions {
  readonly readOnly?: boolean;
  readonly sqlite?: SqliteOptions;
  readonly now?: () => number;
  /** Extra PRAGMAs for this connection, e.g. `max_page_count` to simulate a full disk in tests. */
  readonly pragmas?: Readonly<Record<string, number>>;
}

export interface HistoryState {
  readonly canUndo: boolean;
  readonly canRedo: boolean;
  readonly undoLabel?: string;
  readonly redoLabel?: string;
}

export interface ChangeResult {
  /** Increases with every change; lets clients detect that they missed one. */
  readonly version: number;
  readonly patches: readonly Patch[];
  readonly history: HistoryState;
}

export interface AssetInfo {
  readonly name: string;
  readonly sha256: string;
  readonly size: number;
  readonly mime: string;
}

interface HistoryRow {
  seq: number;
  label: string;
  redo: string;
  undo: string;
  merge_key: string | null;
  at: number;
}

/**
 * An open `.tailor` document: the course in memory, every acknowledged edit already durable in
 * SQLite (WAL, synchronous=FULL), undo history persisted with it, media stored in chunks.
 */
export class CourseDocument {
  #course: Course;
  #version = 0;
  readonly #releaseLock: () => void;
  readonly #now: () => number;
  #closed = false;
  readonly #positions: ItemPositions;
  /** Told after each batch of imported media commits (a document being built writes it back early). */
  #mediaCommitted: (() => void) | undefined;

  private constructor(
    readonly path: string,
    private readonly db: Db,
    readonly readOnly: boolean,
    course: Course,
    releaseLock: () => void,
    now: () => number,
  ) {
    this.#positions = readOnly ? new Map() : readItemPositions(db);
    this.#course = course;
    this.#releaseLock = releaseLock;
    this.#now = now;
  }

  static open(path: string, options: DocumentOptions = {}): CourseDocument {
    inspectCourseFile(path, options.sqlite);
    const readOnly = options.readOnly === true;
    const release = readOnly ? () => {} : acquireWriterLock(path);
    let db: Db | undefined;
    try {
      db = openSqlite(path, readOnly ? 'read' : 'write', options.sqlite);
      for (const [name, value] of Object.entries(options.pragmas ?? {})) {
        if (!/^[a-z_]+$/.test(name)) throw new TailorError('invalid-request', `"${name}" is not a pragma name.`);
        db.pragma(`${name} = ${Math.trunc(value)}`);
      }
      if (!readOnly) {
        migrate(db);
        // Chunks of an import that was interrupted (crash, kill) are never referenced: drop them.
        const writer = db;
        writer.transaction(() => {
          writer.prepare('DELETE FROM asset_chunks WHERE blob IN (SELECT id FROM blobs WHERE complete = 0)').run();
          writer.prepare('DELETE FROM blobs WHERE complete = 0').run();
        })();
      }
      const course = loadCourseRows(db, path);
      return new CourseDocument(path, db, readOnly, course, release, options.now ?? Date.now);
    } catch (error) {
      db?.close();
      release();
      throw explainSqliteError(error, path);
    }
  }

  /**
   * Builds a new document at `path`, never replacing a file there. `fill` writes it under a
   * temporary name only this connection knows, so commits skip the journal file and the fsyncs an
   * open document needs; the finished file is fsync'd once and linked into place, so the document
   * appears complete and durable, or not at all.
   */
  static async build(
    path: string,
    title: string,
    fill: (doc: CourseDocument) => Promise<void>,
    options: { readonly sqlite?: SqliteOptions } = {},
  ): Promise<void> {
    const temp = temporaryPathFor(path);
    try {
      const db = openSqlite(temp, 'build', options.sqlite);
      let doc: CourseDocument | undefined;
      let writeback: BackgroundWriteback | undefined;
      try {
        initializeCourseFile(db, title);
        doc = new CourseDocument(path, db, false, loadCourseRows(db, path), () => {}, Date.now);
        // Media go to disk while the rest is read, hashed and stored, not all at the closing fsync.
        const background = (writeback = new BackgroundWriteback(temp));
        doc.#mediaCommitted = () => background.start();
        await fill(doc);
      } catch (error) {
        db.close();
        throw error;
      } finally {
        if (doc) doc.#closed = true;
        await writeback?.close();
      }
      finishBuild(db, temp);
      placeWithoutOverwrite(temp, path);
    } catch (error) {
      throw explainSqliteError(error, path);
    } finally {
      removeQuietly(temp);
    }
  }

  get course(): Course {
    return this.#course;
  }

  get version(): number {
    return this.#version;
  }

  #writable(): void {
    if (this.#closed) throw new TailorError('invalid-request', `"${basename(this.path)}" is closed.`);
    if (this.readOnly)
      throw new TailorError('read-only', `"${basename(this.path)}" is open read-only; nothing was changed.`);
  }

  /** Applies one edit: validated, persisted in one transaction with its undo step, then acknowledged. */
  apply(edit: Edit): ChangeResult {
    this.#writable();
    let applied;
    try {
      applied = applyOp(this.#course, edit.op);
    } catch (error) {
      if (error instanceof OpError)
        throw new TailorError('invalid-request', `The edit was not applied: ${error.path}: ${error.message}.`, [
          { field: error.path, message: error.message },
        ]);
      throw error;
    }
    if (applied.patches.length === 0) return this.#result([]);
    const previous = this.#course;
    const now = this.#now();
    let written: ItemPositions = new Map();
    this.#transaction(() => {
      written = persistDiff(this.db, previous, applied.course, this.#positions, applied.patches);
      prepared(this.db, 'DELETE FROM history WHERE undone = 1').run();
      const last = prepared(this.db, 'SELECT * FROM history WHERE undone = 0 ORDER BY seq DESC LIMIT 1').get() as
        HistoryRow | undefined;
      if (edit.merge && last && last.merge_key === edit.merge && now - last.at <= MERGE_WINDOW_MS) {
        prepared(this.db, 'UPDATE history SET redo = ?, undo = ?, at = ? WHERE seq = ?').run(
          JSON.stringify([...(JSON.parse(last.redo) as Patch[]), ...applied.patches]),
          JSON.stringify([...applied.inverse, ...(JSON.parse(last.undo) as Patch[])]),
          now,
          last.seq,
        );
      } else {
        prepared(this.db, 'INSERT INTO history (label, redo, undo, merge_key, at) VALUES (?, ?, ?, ?, ?)').run(
          edit.label,
          JSON.stringify(applied.patches),
          JSON.stringify(applied.inverse),
          edit.merge ?? null,
          now,
        );
        prepared(this.db, 'DELETE FROM history WHERE seq <= (SELECT max(seq) FROM history) - ?').run(HISTORY_CAP);
      }
    });
    this.#keepPositions(written);
    this.#course = applied.course;
    return this.#result(applied.patches);
  }

  /** Applies several edits as the designer's one action: all or nothing, and one undo step. */
  applyBatch(edits: readonly Edit[], label: string): ChangeResult {
    this.#writable();
    let course = this.#course;
    const patches: Patch[] = [];
    const inverse: Patch[] = [];
    for (const [i, edit] of edits.entries()) {
      let applied;
      try {
        applied = applyOp(course, edit.op);
      } catch (error) {
        if (error instanceof OpError)
          throw new TailorError(
            'invalid-request',
            `"${label}" was not applied (step ${i + 1}): ${error.path}: ${error.message}.`,
            [{ field: error.path, message: error.message }],
          );
        throw error;
      }
      course = applied.course;
      patches.push(...applied.patches);
      inverse.unshift(...applied.inverse);
    }
    if (patches.length === 0) return this.#result([]);
    const previous = this.#course;
    let written: ItemPositions = new Map();
    this.#transaction(() => {
      written = persistDiff(this.db, previous, course, this.#positions, patches);
      prepared(this.db, 'DELETE FROM history WHERE undone = 1').run();
      prepared(this.db, 'INSERT INTO history (label, redo, undo, merge_key, at) VALUES (?, ?, ?, NULL, ?)').run(
        label,
        JSON.stringify(patches),
        JSON.stringify(inverse),
        this.#now(),
      );
      prepared(this.db, 'DELETE FROM history WHERE seq <= (SELECT max(seq) FROM history) - ?').run(HISTORY_CAP);
    });
    this.#keepPositions(written);
    this.#course = course;
    return this.#result(patches);
  }

  undo(): ChangeResult {
    return this.#travel('undo');
  }

  redo(): ChangeResult {
    return this.#travel('redo');
  }

  #travel(direction: 'undo' | 'redo'): ChangeResult {
    this.#writable();
    const row = prepared(
      this.db,
      direction === 'undo'
        ? 'SELECT * FROM history WHERE undone = 0 ORDER BY seq DESC LIMIT 1'
        : 'SELECT * FROM history WHERE undone = 1 ORDER BY seq ASC LIMIT 1',
    ).get() as HistoryRow | undefined;
    if (!row) return this.#result([]);
    const patches = JSON.parse(direction === 'undo' ? row.undo : row.redo) as Patch[];
    const previous = this.#course;
    const next = replay(previous, patches);
    let written: ItemPositions = new Map();
    this.#transaction(() => {
      written = persistDiff(this.db, previous, next, this.#positions, patches);
      prepared(this.db, 'UPDATE history SET undone = ? WHERE seq = ?').run(direction === 'undo' ? 1 : 0, row.seq);
    });
    this.#keepPositions(written);
    this.#course = next;
    return this.#result(patches);
  }

  history(): HistoryState {
    if (this.readOnly) return { canUndo: false, canRedo: false };
    const undo = prepared(this.db, 'SELECT label FROM history WHERE undone = 0 ORDER BY seq DESC LIMIT 1').get() as
      { label: string } | undefined;
    const redo = prepared(this.db, 'SELECT label FROM history WHERE undone = 1 ORDER BY seq ASC LIMIT 1').get() as
      { label: string } | undefined;
    return {
      canUndo: undo !== undefined,
      canRedo: redo !== undefined,
      ...(undo ? { undoLabel: undo.label } : {}),
      ...(redo ? { redoLabel: redo.label } : {}),
    };
  }

  /** Called only after the transaction committed, so the cache never runs ahead of the file. */
  #keepPositions(written: ItemPositions): void {
    for (const [collection, positions] of written) this.#positions.set(collection, positions);
  }

  #result(patches: readonly Patch[]): ChangeResult {
    if (patches.length) this.#version++;
    return { version: this.#version, patches, history: this.history() };
  }

  #transaction(work: () => void): void {
    try {
      this.db.transaction(work)();
    } catch (error) {
      throw explainSqliteError(error, this.path);
    }
  }

  /** Replaces the whole course (import of a portable folder); not undoable, like loading. */
  replaceCourse(course: Course): void {
    this.#writable();
    const previous = this.#course;
    let written: ItemPositions = new Map();
    this.#transaction(() => {
      written = persistDiff(this.db, previous, course, this.#positions);
      this.db.prepare('DELETE FROM history').run();
    });
    this.#keepPositions(written);
    this.#course = course;
    this.#version++;
  }

  /**
   * Imports a media file, streaming it in chunks so a 1 GB video never sits in memory whole.
   * Content-addressed: the same bytes imported twice are stored once.
   */
  async importAsset(file: string, name: string = `assets/${basename(file)}`): Promise<AssetInfo> {
    const [info] = await this.importAssets([{ file, name }]);
    return info!;
  }

  /**
   * Imports media files in order, as `importAsset` does each one, but small files share
   * transactions (one commit per BATCH_BYTES, not several per file): a folder of two thousand
   * captions and clips converts in seconds, not minutes. A file is stored once its last chunk
   * commits; if one fails, the files before it stay imported and nothing of it is kept.
   */
  async importAssets(
    files: readonly { readonly file: string; readonly name: string }[],
    progress?: (done: number, total: number, name: string) => void,
  ): Promise<AssetInfo[]> {
    this.#writable();
    const infos: AssetInfo[] = [];
    const insertBlob = this.db.prepare('INSERT INTO blobs DEFAULT VALUES');
    const insertCompleteBlob = this.db.prepare('INSERT INTO blobs (complete) VALUES (1)');
    const insertChunk = this.db.prepare('INSERT INTO asset_chunks (blob, n, data) VALUES (?, ?, ?)');
    const deleteChunks = this.db.prepare('DELETE FROM asset_chunks WHERE blob = ?');
    const deleteBlob = this.db.prepare('DELETE FROM blobs WHERE id = ?');
    const completeBlob = this.db.prepare('UPDATE blobs SET complete = 1 WHERE id = ?');
    const knownAsset = this.db.prepare('SELECT 1 FROM assets WHERE sha256 = ?');
    const insertAsset = this.db.prepare('INSERT INTO assets (sha256, blob, size, mime) VALUES (?, ?, ?, ?)');
    const nameHolder = this.db.prepare('SELECT sha256 FROM asset_names WHERE name = ?').pluck();
    const insertName = this.db.prepare(
      'INSERT INTO asset_names (name, sha256) VALUES (?, ?) ON CONFLICT(name) DO NOTHING',
    );
    const upsertName = this.db.prepare(
      'INSERT INTO asset_names (name, sha256) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET sha256 = excluded.sha256',
    );
    /** Names the stored bytes: one statement when the name is free, as it is for every file of a new document. */
    const nameAsset = (name: string, sha256: string, size: number, mime: string) => {
      let finalName = name;
      if (!insertName.run(name, sha256).changes) {
        finalName = this.#freeName(name, sha256, nameHolder);
        upsertName.run(finalName, sha256);
      }
      infos.push({ name: finalName, sha256, size, mime });
    };
    // Writes wait here and commit together: no transaction stays open across an await.
    let queued: (() => void)[] = [];
    let queuedBytes = 0;
    // Small files are read into one buffer, not one each; SQLite copies what it stores, so a commit frees it.
    let slab = Buffer.alloc(0);
    let slabUsed = 0;
    const flush = () => {
      if (!queued.length) return;
      const work = queued;
      queued = [];
      queuedBytes = 0;
      this.#transaction(() => {
        for (const write of work) write();
      });
      slabUsed = 0;
      this.#mediaCommitted?.();
    };
    /** Room for `size` bytes that stay untouched until the next commit. */
    const slabSpace = (size: number): Buffer => {
      if (slabUsed + size > slab.length) {
        slab = Buffer.allocUnsafeSlow(Math.min(Math.max(2 * slab.length, size, 64 * 1024), BATCH_BYTES + CHUNK_BYTES));
        slabUsed = 0;
      }
      const space = slab.subarray(slabUsed, slabUsed + size);
      slabUsed += size;
      return space;
    };
    // WAL writes every byte twice (log, then checkpoint). A rollback journal saves only pages that
    // already exist, and new blob pages are appended, so media go to disk once. Commits stay atomic
    // and durable; SQLite keeps WAL if another connection (a read-only viewer) prevents the switch.
    // A document being built (CourseDocument.build) has no WAL to leave.
    const leftWal =
      this.db.pragma('journal_mode', { simple: true }) === 'wal' &&
      this.db.pragma('journal_mode = DELETE', { simple: true }) === 'delete';
    try {
      for (const [index, { file, name }] of files.entries()) {
        progress?.(index, files.length, name);
        const { fd, size: expected } = openRegularFile(file);
        const mime = mimeTypeOf(name);
        if (expected <= CHUNK_BYTES) {
          // One read: streaming a small file costs more event-loop turns than it has bytes. Its hash
          // is known before anything is written, so known bytes are not written again and a new file
          // is stored complete in one step: a blob, its chunk, the asset and the name.
          let bytes: Buffer;
          try {
            bytes = readWholeFile(fd, slabSpace(expected));
          } catch (error) {
            flush();
            throw new TailorError('io', `Tailor could not read "${file}": ${(error as Error).message}`);
          }
          const sha256 = hashOnce('sha256', bytes, 'hex');
          queued.push(() => {
            if (!knownAsset.get(sha256)) {
              const blob = insertCompleteBlob.run().lastInsertRowid;
              if (bytes.length) insertChunk.run(blob, 0, bytes);
              insertAsset.run(sha256, blob, bytes.length, mime);
            }
            nameAsset(name, sha256, bytes.length, mime);
          });
          queuedBytes += bytes.length;
          if (queuedBytes >= BATCH_BYTES) flush();
          continue;
        }
        // Chunks go under a new blob id that never changes, so finishing an import rewrites no chunk.
        let blob: number | undefined;
        queued.push(() => {
          blob = Number(insertBlob.run().lastInsertRowid);
        });
        const hash = createHash('sha256');
        let n = 0;
        let size = 0;
        let pending: Buffer = Buffer.alloc(0);
        const queueChunk = (chunk: Buffer) => {
          const at = n++;
          queued.push(() => insertChunk.run(blob, at, chunk));
          queuedBytes += chunk.length;
          if (queuedBytes >= BATCH_BYTES) flush();
        };
        try {
          // Read ahead a whole batch: the file keeps streaming in while SQLite writes the previous one.
          for await (const piece of createReadStream(file, { fd, highWaterMark: BATCH_BYTES })) {
            const buffer = piece as Buffer;
            hash.update(buffer);
            size += buffer.length;
            pending = pending.length ? Buffer.concat([pending, buffer]) : buffer;
            while (pending.length >= CHUNK_BYTES) {
              queueChunk(pending.subarray(0, CHUNK_BYTES));
              pending = pending.subarray(CHUNK_BYTES);
            }
          }
          if (pending.length) queueChunk(pending);
        } catch (error) {
          flush();
          if (blob !== undefined) {
            const failed = blob;
            this.#transaction(() => {
              deleteChunks.run(failed);
              deleteBlob.run(failed);
            });
          }
          if (error instanceof TailorError) throw error;
          throw new TailorError('io', `Tailor could not read "${file}": ${(error as Error).message}`);
        }
        const sha256 = hash.digest('hex');
        queued.push(() => {
          if (knownAsset.get(sha256)) {
            deleteChunks.run(blob);
            deleteBlob.run(blob);
          } else {
            completeBlob.run(blob);
            insertAsset.run(sha256, blob, size, mime);
          }
          nameAsset(name, sha256, size, mime);
        });
      }
      flush();
    } catch (error) {
      try {
        flush(); // the files before the failing one
      } catch {
        // The first failure is the one to report; uncommitted blobs are dropped at the next open.
      }
      throw error;
    } finally {
      if (leftWal) this.db.pragma('journal_mode = WAL');
    }
    progress?.(files.length, files.length, 'done');
    return infos;
  }

  /** The name itself if free or already holding these bytes; otherwise `name-2.ext`, `name-3.ext`… */
  #freeName(name: string, sha256: string, nameHolder: { get(name: string): unknown }): string {
    const holder = (n: string) => nameHolder.get(n) as string | undefined;
    const dot = name.lastIndexOf('.');
    const [stem, ext] = dot > name.lastIndexOf('/') ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
    for (let i = 1; ; i++) {
      const candidate = i === 1 ? name : `${stem}-${i}${ext}`;
      const sha = holder(candidate);
      if (sha === undefined || sha === sha256) return candidate;
    }
  }

  listAssets(): AssetInfo[] {
    return this.db
      .prepare(
        'SELECT n.name, a.sha256, a.size, a.mime FROM asset_names n JOIN assets a ON a.sha256 = n.sha256 ORDER BY n.name',
      )
      .all() as AssetInfo[];
  }

  /**
   * Streams a stored asset to a file, chunk by chunk. Each chunk is its own query, so no SQLite
   * statement stays open across an await and edits can go on while a large file is written.
   */
  async exportAsset(name: string, target: string | Writable): Promise<void> {
    const row = this.db
      .prepare(
        'SELECT a.blob, (SELECT count(*) FROM asset_chunks c WHERE c.blob = a.blob) AS chunks FROM asset_names n JOIN assets a ON a.sha256 = n.sha256 WHERE n.name = ?',
      )
      .get(name) as { blob: number; chunks: number } | undefined;
    if (!row) throw new TailorError('not-found', `The course has no media named "${name}".`);
    const read = this.db.prepare('SELECT data FROM asset_chunks WHERE blob = ? AND n = ?').pluck();
    const { blob, chunks } = row;
    async function* data() {
      for (let n = 0; n < chunks; n++) yield read.get(blob, n) as Buffer;
    }
    try {
      await pipeline(Readable.from(data()), typeof target === 'string' ? createWriteStream(target) : target);
    } catch (error) {
      throw new TailorError(
        'io',
        `Tailor could not write "${name}"${typeof target === 'string' ? ` to "${target}"` : ''}: ${(error as Error).message}`,
      );
    }
  }

  /** An image's bytes for the editor's thumbnail; refused for other media and for images over the preview limit. */
  readImage(name: string): { mime: string; base64: string } {
    const row = this.db
      .prepare('SELECT a.blob, a.size, a.mime FROM asset_names n JOIN assets a ON a.sha256 = n.sha256 WHERE n.name = ?')
      .get(name) as { blob: number; size: number; mime: string } | undefined;
    if (!row) throw new TailorError('not-found', `The course has no media named "${name}".`);
    if (!row.mime.startsWith('image/'))
      throw new TailorError('unsupported', `"${name}" is not an image, so it has no thumbnail.`);
    if (row.size > IMAGE_PREVIEW_MAX_BYTES)
      throw new TailorError('unsupported', `"${name}" is too large to preview in the editor; it is still exported.`);
    const chunks = this.db.prepare('SELECT data FROM asset_chunks WHERE blob = ? ORDER BY n').pluck().all(row.blob);
    return { mime: row.mime, base64: Buffer.concat(chunks as Buffer[]).toString('base64') };
  }

  /** Removes media no lesson refers to any more ("compact document"); returns what was freed. */
  compact(): { removedNames: string[]; bytesFreed: number } {
    this.#writable();
    const used = referencedAssetNames(this.#course);
    const names = this.db.prepare('SELECT name FROM asset_names').pluck().all() as string[];
    const removedNames = names.filter((n) => !used.has(n));
    let bytesFreed = 0;
    this.#transaction(() => {
      for (const name of removedNames) this.db.prepare('DELETE FROM asset_names WHERE name = ?').run(name);
      const orphans = this.db
        .prepare('SELECT sha256, blob, size FROM assets WHERE sha256 NOT IN (SELECT sha256 FROM asset_names)')
        .all() as { sha256: string; blob: number; size: number }[];
      for (const orphan of orphans) {
        this.db.prepare('DELETE FROM assets WHERE sha256 = ?').run(orphan.sha256);
        this.db.prepare('DELETE FROM asset_chunks WHERE blob = ?').run(orphan.blob);
        this.db.prepare('DELETE FROM blobs WHERE id = ?').run(orphan.blob);
        bytesFreed += orphan.size;
      }
    });
    try {
      this.db.exec('VACUUM');
    } catch {
      // VACUUM needs free disk space; the rows are gone either way, the file only stays larger.
    }
    return { removedNames, bytesFreed };
  }

  /** Runs SQLite's own consistency check: "ok" or the problems it found. */
  integrityCheck(): string[] {
    return this.db.prepare('PRAGMA integrity_check').pluck().all() as string[];
  }

  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    try {
      if (this.readOnly) this.db.close();
      else closeWriter(this.db);
    } finally {
      this.#releaseLock();
    }
  }
}

/** Reads an open file into `bytes` (as much as it holds, up to their length: its size when opened) and closes it. */
function readWholeFile(fd: number, bytes: Buffer): Buffer {
  const size = bytes.length;
  try {
    let filled = 0;
    while (filled < size) {
      const read = readSync(fd, bytes, filled, size - filled, null);
      if (read === 0) break;
      filled += read;
    }
    return bytes.subarray(0, filled);
  } finally {
    closeSync(fd);
  }
}

/** Every `assets/…` path the course's blocks and settings (the player's logo) refer to (one walker with verify and export). */
export function referencedAssetNames(course: Course): Set<string> {
  return mediaNames(course);
}

/** One stored row's JSON; a row that is not JSON, or nests absurdly deep, means a damaged document. */
function parseRow(json: unknown, path: string, where: string): unknown {
  if (typeof json !== 'string')
    throw new TailorError('document-damaged', `"${path}" is damaged: ${where} is not text.`);
  try {
    return parseLimitedJson(json, where);
  } catch (error) {
    throw new TailorError('document-damaged', `"${path}" is damaged: ${(error as Error).message}`);
  }
}

function loadCourseRows(db: Db, path: string): Course {
  const raw: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  for (const row of db.prepare('SELECT key, json FROM course_root').all() as { key: string; json: unknown }[])
    raw[String(row.key)] = parseRow(row.json, path, `the course's ${String(row.key)}`);
  for (const row of db.prepare('SELECT collection, json FROM course_items ORDER BY collection, position').all() as {
    collection: string;
    json: unknown;
  }[]) {
    const list = (raw[String(row.collection)] ??= []);
    if (!Array.isArray(list))
      throw new TailorError('document-damaged', `"${path}" is damaged: ${String(row.collection)} is stored twice.`);
    list.push(parseRow(row.json, path, `an item of ${String(row.collection)}`));
  }
  // A document saved by an older Tailor holds an older course format: bring it up to date (decision 0007).
  const migrated = migrateCourseJson(raw);
  if (!migrated.ok)
    throw new TailorError(
      /newer Tailor/.test(migrated.message) ? 'document-too-new' : 'document-damaged',
      `"${path}": ${migrated.message}`,
    );
  const parsed = courseSchema.safeParse(migrated.course);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new TailorError(
      'document-damaged',
      `"${path}" holds a course Tailor cannot read: ${jsonPath(issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p)))}: ${issue.message}.`,
    );
  }
  return parsed.data;
}

/** Stored position of every item, per collection: lets an edit write only the rows that moved. */
export type ItemPositions = Map<string, Map<string, number>>;

export function readItemPositions(db: Db): ItemPositions {
  const positions: ItemPositions = new Map();
  for (const row of db.prepare('SELECT collection, id, position FROM course_items').all() as {
    collection: string;
    id: string;
    position: number;
  }[]) {
    const list = positions.get(row.collection) ?? new Map<string, number>();
    list.set(row.id, row.position);
    positions.set(row.collection, list);
  }
  return positions;
}

/**
 * The collections an edit changed only inside elements (no element added, removed, moved, replaced
 * or given another id), with the indices of those elements: their rows are rewritten in place and
 * the rest of the list is not looked at, so the edit costs the same in a list of any length.
 */
function changedInPlace(patches: readonly Patch[]): Map<string, Set<number>> {
  const inPlace = new Map<string, Set<number>>();
  const structural = new Set<string>();
  for (const { path } of patches) {
    const [top, index] = path;
    if (typeof top !== 'string' || !isCollection(top)) continue;
    if (typeof index === 'number' && path.length > 2 && path[2] !== 'id') {
      const set = inPlace.get(top) ?? new Set<number>();
      inPlace.set(top, set.add(index));
    } else structural.add(top);
  }
  for (const top of structural) inPlace.delete(top);
  return inPlace;
}

/**
 * Writes what changed between two versions of the course. Immer shares every untouched object,
 * so a changed entity is one whose reference changed; positions are sparse, so an insert or a move
 * writes the rows it touched, not every row after it. With the edit's patches, a change inside
 * elements writes those elements without walking their list. Returns the new positions of the
 * collections it reordered, for the caller to keep once the transaction has committed.
 */
export function persistDiff(
  db: Db,
  before: Course,
  after: Course,
  positions: ItemPositions,
  patches?: readonly Patch[],
): ItemPositions {
  const written: ItemPositions = new Map();
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  const upsertRoot = prepared(
    db,
    'INSERT INTO course_root (key, json) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET json = excluded.json',
  );
  const deleteRoot = prepared(db, 'DELETE FROM course_root WHERE key = ?');
  const upsertItem = prepared(
    db,
    'INSERT INTO course_items (collection, id, position, json) VALUES (?, ?, ?, ?) ON CONFLICT(collection, id) DO UPDATE SET position = excluded.position, json = excluded.json',
  );
  const moveItem = prepared(db, 'UPDATE course_items SET position = ? WHERE collection = ? AND id = ?');
  const deleteItem = prepared(db, 'DELETE FROM course_items WHERE collection = ? AND id = ?');
  const inPlace = patches ? changedInPlace(patches) : new Map<string, Set<number>>();
  /** Rewrites the changed elements at their stored positions; false if the list is not as the patches say. */
  const writeInPlace = (key: string, a: unknown, b: unknown, indices: Set<number>): boolean => {
    const stored = positions.get(key);
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length || !stored) return false;
    const rows: [string, number, { id: string }][] = [];
    for (const i of indices) {
      const was = a[i] as { id: string } | undefined;
      const item = b[i] as { id: string } | undefined;
      const position = item && stored.get(item.id);
      if (!was || !item || was.id !== item.id || position === undefined) return false;
      if (was !== item) rows.push([item.id, position, item]);
    }
    for (const [id, position, item] of rows) upsertItem.run(key, id, position, JSON.stringify(item));
    return true;
  };
  for (const key of keys) {
    const a = (before as Record<string, unknown>)[key];
    const b = (after as Record<string, unknown>)[key];
    if (a === b) continue;
    if (isCollection(key)) {
      const indices = inPlace.get(key);
      if (indices && writeInPlace(key, a, b, indices)) continue;
      const old = new Map(((a as { id: string }[] | undefined) ?? []).map((item) => [item.id, item] as const));
      const items = (b as { id: string }[] | undefined) ?? [];
      const stored = positions.get(key) ?? new Map<string, number>();
      const planned = planPositions(
        items.map((item) => item.id),
        stored,
      );
      const next = new Map<string, number>();
      items.forEach((item, i) => {
        const position = planned[i]!;
        const was = old.get(item.id);
        if (was !== item) upsertItem.run(key, item.id, position, JSON.stringify(item));
        else if (stored.get(item.id) !== position) moveItem.run(position, key, item.id);
        next.set(item.id, position);
        old.delete(item.id);
      });
      for (const id of old.keys()) deleteItem.run(key, id);
      written.set(key, next);
    } else if (b === undefined) deleteRoot.run(key);
    else upsertRoot.run(key, JSON.stringify(b));
  }
  return written;
}
