import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { TailorError } from '../../../shared/contract';
import type { Course } from '../../../shared/model';
import { planPackage, type PackagePlan, type Profile, type Standard } from '../../../shared/scorm';
import type { AssetSource } from '../export/export-package';
import { sanitizeCourseHtml } from '../export/sanitize';

export interface PreviewOptions {
  readonly course: Course;
  readonly assets: AssetSource;
  readonly standard: Standard;
  readonly profile?: Profile;
  readonly appRoot?: string;
}

/** A package held in memory: the same plan and player files that export zips, served file by file. */
export interface PreviewPackage {
  readonly plan: PackagePlan;
  /** Package-relative paths, as the manifest lists them. */
  paths(): string[];
  /** The bytes of one file, or null when the package has no such file. */
  read(path: string): Promise<Uint8Array | null>;
}

/** Plans the package exactly as export does, without the checks that only guard a written zip. */
export function buildPreviewPackage(options: PreviewOptions): PreviewPackage {
  const appRoot = options.appRoot ?? process.cwd();
  const playerRoot = join(appRoot, 'out', 'player');
  let playerFiles: string[];
  try {
    playerFiles = readdirSync(playerRoot).filter((f) => !f.endsWith('.map'));
  } catch {
    throw new TailorError('internal', `The player is not built (${playerRoot}); run npm run build.`);
  }
  const plan = planPackage({
    course: sanitizeCourseHtml(options.course),
    standard: options.standard,
    profile: options.profile ?? 'generic',
    playerFiles,
    assetNames: options.assets.names(),
  });
  // Schemas are only for the LMS's importer; the preview serves what the player loads.
  const files = new Map(plan.files.filter((f) => f.source.kind !== 'schema').map((f) => [f.path, f.source]));
  return {
    plan,
    paths: () => [...files.keys()],
    async read(path) {
      const source = files.get(path);
      if (!source) return null;
      if (source.kind === 'text') return new TextEncoder().encode(source.text);
      if (source.kind === 'player') return readFileSync(join(playerRoot, source.file));
      if (source.kind === 'schema') return null;
      const chunks: Buffer[] = [];
      await options.assets.copyTo(
        source.name,
        new Writable({
          write(chunk: Buffer, _enc, callback) {
            chunks.push(chunk);
            callback();
          },
        }),
      );
      return Buffer.concat(chunks);
    },
  };
}
