import {
  closeSync,
  createReadStream,
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
import { Zip, ZipDeflate, ZipPassThrough } from 'fflate';
import { TailorError } from '../../../shared/contract';
import { verifyCourse } from '../../../shared/analysis';
import type { Course } from '../../../shared/model';
import { fixedAttributes } from '../../../shared/engine/attributes';
import { checkPackage, planPackage, type PackagePlan, type Profile, type Standard } from '../../../shared/scorm';
import { sanitizeCourseHtml } from './sanitize';
import { schemaDir, validateManifest } from './schema-check';

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

function playerDir(appRoot: string): string {
  return join(appRoot, 'out', 'player');
}

/** Plans, checks (course, budget, package rules, official schemas) and only then writes the zip. */
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
  const schemaErrors = await validateManifest(plan.manifest, options.standard, appRoot);
  if (problems.length || schemaErrors.length)
    throw new TailorError(
      'internal',
      `The package failed its checks, so nothing was written: ${[...problems.map((p) => `${p.where}: ${p.message}`), ...schemaErrors].join('; ')}`,
    );
  const bytes = await writeZip(plan, options, appRoot);
  return {
    out: options.out,
    files: plan.files.length,
    bytes,
    warnings: report.findings.map((f) => `${f.path}: ${f.message}`),
  };
}

async function writeZip(plan: PackagePlan, options: ExportOptions, appRoot: string): Promise<number> {
  const temp = join(dirname(options.out), `.${basename(options.out)}.${randomBytes(6).toString('hex')}.part`);
  const fd = openSync(temp, 'wx');
  let written = 0;
  let failure: Error | null = null;
  const zip = new Zip((error, chunk) => {
    if (error) failure = error;
    else {
      writeSync(fd, chunk);
      written += chunk.length;
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
      const entry = COMPRESSIBLE.test(file.path)
        ? new ZipDeflate(file.path, { level: 6 })
        : new ZipPassThrough(file.path);
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
    if (failure) throw failure;
    fsyncSync(fd);
    closeSync(fd);
    renameSync(temp, options.out);
    options.onProgress?.(total, total, 'done');
    return written;
  } catch (error) {
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
    copyTo: (name, target) => pipeline(createReadStream(join(folder, name)), target),
  };
}
