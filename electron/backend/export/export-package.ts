import {
  closeSync,
  createReadStream,
  fdatasync,
  fsyncSync,
  openSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Zip, ZipDeflate } from 'fflate';
import { TailorError } from '../../../shared/contract';
import { verifyCourse } from '../../../shared/analysis';
import type { Course } from '../../../shared/model';
import { fixedAttributes } from '../../../shared/engine/attributes';
import { checkPackage, planPackage, type PackagePlan, type Profile, type Standard } from '../../../shared/scorm';
import { sanitizeCourseHtml } from './sanitize';
import { schemaDir, validateManifest } from './schema-check';
import { StoredEntry } from './stored-entry';

/** Where media bytes come from: a .tailor document or a portable folder. */
export interface AssetSource {
  names(): string[];
  size(name: string): number;
  copyTo(name: string, target: Writable): Promise<void>;
}

export interface ExportOptions {
  readonly course: Course;
  readonly assets: AssetSource;
  readonly standard: Standard;
  readonly profile: Profile;
  /** Learner attributes fixed for this package, e.g. `{ role: 'approver' }`; checked against what the course reads. */
  readonly attributes?: Readonly<Record<string, string>>;
  readonly out: string;
  readonly appRoot?: string;
  readonly onProgress?: (done: number, total: number, file: string) => void;
  readonly signal?: AbortSignal;
}

export interface ExportReport {
  readonly out: string;
  readonly files: number;
  readonly bytes: number;
  readonly warnings: readonly string[];
}

/** A fixed timestamp: the same course always gives the same bytes. */
const FIXED_MTIME = new Date('2000-01-01T00:00:00Z');
const COMPRESSIBLE = /\.(html|js|css|json|xml|xsd|dtd|vtt|svg|txt)$/i;

/** Media files are read in pieces this large: fewer reads, CRC calls and writes per byte. */
const READ_CHUNK_BYTES = 1024 * 1024;
/** How much of the zip may wait in the page cache before it is pushed to disk in the background. */
const SYNC_EVERY_BYTES = 64 * 1024 * 1024;

function playerDir(appRoot: string): string {
  return join(appRoot, 'out', 'player');
}

/** Plans, checks (course, budget, package rules, official schemas) and only then puts the zip at `out`. */
export async function exportPackage(options: ExportOptions): Promise<ExportReport> {
  const appRoot = options.appRoot ?? process.cwd();
  const report = verifyCourse(options.course, { media: options.assets.names() });
  if (!report.usable)
    throw new TailorError(
      'invalid-request',
      `The course cannot be exported: ${report.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`,
    );
  const errors = report.findings.filter((f) => f.severity === 'error');
  if (errors.length)
    throw new TailorError(
      'invalid-request',
      `The course has ${errors.length} problem(s) to fix first: ${errors.map((f) => `${f.path}: ${f.message}`).join('; ')}`,
    );
  if (options.standard === 'scorm12' && !report.budget.scorm12.fits)
    throw new TailorError(
      'invalid-request',
      `A learner's progress can need ${report.budget.worstCaseChars} characters, more than SCORM 1.2 can store (4096). Export as SCORM 2004, or split the course.`,
    );
  if (options.standard === 'scorm2004-3rd' && !report.budget.scorm2004Third.fits)
    throw new TailorError(
      'invalid-request',
      `A learner's progress can need ${report.budget.worstCaseChars} characters, more than SCORM 2004 3rd Edition promises to store (${report.budget.scorm2004Third.limit}). Export as SCORM 2004 4th Edition, or split the course.`,
    );
  const fixed = fixedAttributes(report.index, Object.entries(options.attributes ?? {}));
  if (fixed.problems.length)
    throw new TailorError('invalid-request', `The package cannot fix these attributes: ${fixed.problems.join(' ')}`);
  let playerFiles: string[];
  try {
    playerFiles = readdirSync(playerDir(appRoot)).filter((f) => !f.endsWith('.map'));
  } catch {
    throw new TailorError('internal', `The player is not built (${playerDir(appRoot)}); run npm run build.`);
  }
  const plan = planPackage({
    course: sanitizeCourseHtml(options.course),
    standard: options.standard,
    profile: options.profile,
    playerFiles,
    assetNames: options.assets.names(),
    attributes: fixed.values,
  });
  const problems = checkPackage(
    plan.manifest,
    plan.files.map((f) => f.path),
  );
  const failed = (schemaErrors: readonly string[]) =>
    new TailorError(
      'internal',
      `The package failed its checks, so nothing was written: ${[...problems.map((p) => `${p.where}: ${p.message}`), ...schemaErrors].join('; ')}`,
    );
  // The official schemas take half a second to load, so they check the manifest while the zip is
  // written to a temporary file; the file is renamed into place only if they accept it.
  const schemaCheck = validateManifest(plan.manifest, options.standard, appRoot);
  if (problems.length) throw failed(await schemaCheck);
  schemaCheck.catch(() => {}); // awaited in writeZip; this only keeps an early failure from going unhandled
  const bytes = await writeZip(plan, options, appRoot, async () => {
    const schemaErrors = await schemaCheck;
    if (schemaErrors.length) throw failed(schemaErrors);
  });
  return {
    out: options.out,
    files: plan.files.length,
    bytes,
    warnings: report.findings.map((f) => `${f.path}: ${f.message}`),
  };
}

/** Writes the zip to a temporary file and renames it to `options.out` once `beforeRename` accepts it. */
async function writeZip(
  plan: PackagePlan,
  options: ExportOptions,
  appRoot: string,
  beforeRename: () => Promise<void>,
): Promise<number> {
  const temp = join(dirname(options.out), `.${basename(options.out)}.${randomBytes(6).toString('hex')}.part`);
  const fd = openSync(temp, 'wx');
  let written = 0;
  let failure: Error | null = null;
  // Pushes what is written so far to disk in the background, so the final fsync has little left to wait for.
  let unsynced = 0;
  let syncing: Promise<void> | null = null;
  const syncInBackground = () => {
    unsynced = 0;
    syncing = new Promise((resolve) =>
      fdatasync(fd, (error) => {
        // Linux reports a write-back error to one fsync only, so this one must not be lost.
        if (error) failure ??= error;
        syncing = null;
        resolve();
      }),
    );
  };
  const zip = new Zip((error, chunk) => {
    if (error) failure = error;
    else {
      for (let at = 0; at < chunk.length;) at += writeSync(fd, chunk, at);
      written += chunk.length;
      unsynced += chunk.length;
      if (unsynced >= SYNC_EVERY_BYTES && !syncing) syncInBackground();
    }
  });
  const sizeOf = (f: PackagePlan['files'][number]) =>
    f.source.kind === 'asset' ? options.assets.size(f.source.name) : 1;
  const total = plan.files.reduce((n, f) => n + sizeOf(f), 0);
  let done = 0;
  try {
    for (const file of plan.files) {
      if (options.signal?.aborted)
        throw new TailorError('invalid-request', 'The export was cancelled; nothing was written.');
      options.onProgress?.(done, total, file.path);
      const entry = COMPRESSIBLE.test(file.path) ? new ZipDeflate(file.path, { level: 6 }) : new StoredEntry(file.path);
      entry.mtime = FIXED_MTIME;
      zip.add(entry);
      const { source } = file;
      if (source.kind === 'text') entry.push(new TextEncoder().encode(source.text), true);
      else if (source.kind === 'player' || source.kind === 'schema') {
        const path =
          source.kind === 'player'
            ? join(appRoot, 'out', 'player', source.file)
            : join(schemaDir(plan.standard, appRoot), source.file);
        entry.push(readFileSync(path), true);
      } else {
        await options.assets.copyTo(
          source.name,
          new Writable({
            write(chunk: Buffer, _enc, callback) {
              entry.push(chunk);
              callback(failure);
            },
            final(callback) {
              entry.push(new Uint8Array(0), true);
              callback(failure);
            },
          }),
        );
      }
      done += sizeOf(file);
      if (failure) throw failure;
    }
    zip.end();
    await beforeRename();
    await syncing;
    if (failure) throw failure;
    fsyncSync(fd);
    closeSync(fd);
    renameSync(temp, options.out);
    options.onProgress?.(total, total, 'done');
    return written;
  } catch (error) {
    await syncing;
    try {
      closeSync(fd);
    } catch {
      // already closed
    }
    rmSync(temp, { force: true });
    if (error instanceof TailorError) throw error;
    throw new TailorError('io', `The package could not be written to "${options.out}": ${(error as Error).message}`);
  }
}

/** Media from a portable folder (course.json + assets/). */
export function folderAssets(folder: string, names: readonly string[]): AssetSource {
  return {
    names: () => [...names],
    size: (name) => {
      try {
        return statSync(join(folder, name)).size;
      } catch {
        return 0;
      }
    },
    copyTo: (name, target) =>
      pipeline(createReadStream(join(folder, name), { highWaterMark: READ_CHUNK_BYTES }), target),
  };
}
