import { createHash } from 'node:crypto';
import { existsSync, lstatSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import {
  TailorError,
  type CourseSummary,
  type DocumentChange,
  type DocumentSnapshot,
  type LibraryEntry,
} from '../../shared/contract';
import { verifyCourse } from '../../shared/analysis';
import type { Course } from '../../shared/model';
import { reviewReport } from '../../shared/report';
import type { Edit } from '../../shared/ops';
import type { Profile, Standard } from '../../shared/scorm';
import { writeFileAtomic } from './atomic-write';
import { exportPackage, type AssetSource } from './export/export-package';
import { readCourseSummary } from './document/course-file';
import { CourseDocument, type ChangeResult } from './document/course-document';
import type { SqliteOptions } from './document/sqlite';
import type { EventHub } from './event-hub';
import type { Library } from './library';
import { fileNameForTitle } from './library';
import { documentToPortable, portableToDocument } from './portable-convert';
import { readPortableCourse } from './portable-course';
import type { SettingsStore } from './settings';

/** A package never silently replaces a file: only a regular file, and only when the request says so. */
function refuseToReplace(target: string, replace: boolean): void {
  let stats;
  try {
    stats = lstatSync(target);
  } catch {
    return;
  }
  if (!stats.isFile())
    throw new TailorError(
      'invalid-request',
      `Tailor cannot write to "${target}": something that is not a file is already there.`,
    );
  if (!replace)
    throw new TailorError(
      'already-exists',
      `"${basename(target)}" already exists in "${dirname(target)}". Replace it, or choose another name.`,
    );
}

/** The documents this studio has open, and what the last session left open (crash recovery). */
export class OpenDocuments {
  readonly #open = new Map<string, CourseDocument>();
  /** Open when the previous session stopped without closing them. */
  readonly #recovered: readonly string[];

  constructor(
    private readonly library: Library,
    private readonly settings: SettingsStore,
    private readonly events: EventHub,
    private readonly sqlite: SqliteOptions,
    private readonly appRoot: string = process.cwd(),
  ) {
    this.#recovered = settings.open.filter((p) => existsSync(p));
    settings.setOpen([]);
  }

  #get(path: string): CourseDocument {
    const doc = this.#open.get(this.library.resolvePath(path));
    if (!doc) throw new TailorError('not-found', `"${basename(path)}" is not open; open it first.`);
    return doc;
  }

  #remember(): void {
    this.settings.setOpen([...this.#open.values()].filter((d) => !d.readOnly).map((d) => d.path));
  }

  open(path: string, readOnly: boolean): DocumentSnapshot {
    const absolute = this.library.resolvePath(path);
    if (!existsSync(absolute)) throw new TailorError('not-found', `There is no file at "${absolute}".`);
    let doc = this.#open.get(absolute);
    if (doc && doc.readOnly !== readOnly) {
      doc.close();
      this.#open.delete(absolute);
      doc = undefined;
    }
    if (!doc) {
      doc = CourseDocument.open(absolute, { readOnly, sqlite: this.sqlite });
      this.#open.set(absolute, doc);
      this.#remember();
      this.library.open(absolute);
    }
    return {
      path: absolute,
      readOnly: doc.readOnly,
      version: doc.version,
      course: doc.course,
      history: doc.history(),
      assets: doc.listAssets(),
    };
  }

  close(path: string): void {
    const absolute = this.library.resolvePath(path);
    this.#open.get(absolute)?.close();
    this.#open.delete(absolute);
    this.#remember();
  }

  closeAll(): void {
    for (const doc of this.#open.values()) doc.close();
    this.#open.clear();
    this.#remember();
  }

  #changed(doc: CourseDocument, result: ChangeResult): DocumentChange {
    const change = { path: doc.path, version: result.version, patches: result.patches, history: result.history };
    if (result.patches.length) this.events.emit('document.changed', change);
    return change;
  }

  apply(path: string, edit: Edit): DocumentChange {
    const doc = this.#get(path);
    return this.#changed(doc, doc.apply(edit));
  }

  applyBatch(path: string, edits: readonly Edit[], label: string): DocumentChange {
    const doc = this.#get(path);
    return this.#changed(doc, doc.applyBatch(edits, label));
  }

  undo(path: string): DocumentChange {
    const doc = this.#get(path);
    return this.#changed(doc, doc.undo());
  }

  redo(path: string): DocumentChange {
    const doc = this.#get(path);
    return this.#changed(doc, doc.redo());
  }

  importAsset(path: string, file: string, name: string | undefined) {
    return this.#get(path).importAsset(file, name);
  }

  compact(path: string) {
    return this.#get(path).compact();
  }

  readImage(path: string, name: string) {
    return this.#get(path).readImage(name);
  }

  async exportPortable(path: string, folder: string): Promise<{ folder: string }> {
    const target = this.library.resolvePath(folder);
    await documentToPortable(this.#get(path), target, { sqlite: this.sqlite });
    return { folder: target };
  }

  async importPortable(folder: string, target: string | undefined): Promise<CourseSummary> {
    const source = this.library.resolvePath(folder);
    let destination = target ? this.library.resolvePath(target) : undefined;
    if (!destination) {
      const { json } = readPortableCourse(source);
      const title =
        typeof (json as { title?: unknown }).title === 'string' ? (json as { title: string }).title : 'Imported course';
      const base = join(this.library.options.documentsDir, fileNameForTitle(title));
      destination = `${base}.tailor`;
      for (let n = 2; existsSync(destination); n++) destination = `${base} ${n}.tailor`;
    }
    await portableToDocument(source, destination, { sqlite: this.sqlite });
    this.settings.rememberRecent(destination);
    this.events.emit('library.changed', { reason: 'created' });
    return readCourseSummary(destination, this.sqlite);
  }

  readonly #exports = new Map<string, AbortController>();

  /** Exports an open document as a SCORM package, with progress events and cancel by job id. */
  async exportScorm(path: string, job: string, standard: Standard, profile: Profile, out: string, replace = false) {
    const doc = this.#get(path);
    const target = this.library.resolvePath(out);
    refuseToReplace(target, replace);
    if (this.#exports.has(job)) throw new TailorError('already-exists', `An export named "${job}" is already running.`);
    const controller = new AbortController();
    this.#exports.set(job, controller);
    try {
      const assets = doc.listAssets();
      return await exportPackage({
        course: doc.course,
        assets: {
          names: () => assets.map((a) => a.name),
          size: (name) => assets.find((a) => a.name === name)?.size ?? 0,
          copyTo: (name, target) => doc.exportAsset(name, target),
        },
        standard,
        profile,
        out: target,
        appRoot: this.appRoot,
        signal: controller.signal,
        onProgress: (done, total, file) => this.events.emit('export.progress', { job, done, total, file }),
      });
    } finally {
      this.#exports.delete(job);
    }
  }

  /** An open document's course and media as they are now, for a preview built in memory. */
  source(path: string): { course: Course; assets: AssetSource } {
    const doc = this.#get(path);
    const assets = doc.listAssets();
    return {
      course: doc.course,
      assets: {
        names: () => assets.map((a) => a.name),
        size: (name) => assets.find((a) => a.name === name)?.size ?? 0,
        copyTo: (name, target) => doc.exportAsset(name, target),
      },
    };
  }

  /** Writes the review report of an open document as one self-contained HTML file. */
  writeReviewReport(path: string, out: string, replace = false): { out: string; bytes: number } {
    const doc = this.#get(path);
    const target = this.library.resolvePath(out);
    refuseToReplace(target, replace);
    const verified = verifyCourse(doc.course, { media: doc.listAssets().map((a) => a.name) });
    if (!verified.usable)
      throw new TailorError('invalid-request', 'The course has problems that stop Tailor reading it; fix them first.');
    const html = reviewReport({
      index: verified.index,
      findings: verified.findings,
      stats: verified.stats,
      generatedAt: new Date().toISOString(),
      hashStyle: (css) => `sha256-${createHash('sha256').update(css, 'utf8').digest('base64')}`,
    });
    writeFileAtomic(target, html);
    return { out: target, bytes: Buffer.byteLength(html, 'utf8') };
  }

  cancelExport(job: string): void {
    this.#exports.get(job)?.abort();
  }

  recovered(): LibraryEntry[] {
    return this.#recovered.map((path) => {
      try {
        return { readable: true as const, ...readCourseSummary(path, this.sqlite) };
      } catch (error) {
        return { readable: false as const, path, problem: (error as Error).message };
      }
    });
  }
}
