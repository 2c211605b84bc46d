import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TailorError } from '../../../shared/contract';
import type { Course } from '../../../shared/model';
import type { Standard } from '../../../shared/scorm';
import type { AssetSource } from '../export/export-package';
import { mimeTypeOf } from '../static-files';
import { buildPreviewPackage, type PreviewPackage } from './preview-package';

/** Where a host serves previews: the address of one file of one preview. */
export type PreviewAddress = (id: string, file: string) => string;

export interface PreviewFile {
  readonly body: Uint8Array;
  readonly mime: string;
}

/** Previews kept at once; an older one stops answering once newer ones replace it. */
const KEPT = 8;
/** The LMS page's own files, built by vite.preview-lms.config.ts. */
const LMS_FILES = new Set(['lms.html', 'lms.js', 'lms.css']);

/**
 * The packages the studio is previewing, each under an unguessable id. A host (web or Electron)
 * serves `<id>/lms/…` (the LMS page with scorm-again) and `<id>/pkg/…` (the package, exactly as
 * export plans it) on an origin of their own, so authored content never shares the studio's.
 */
export class Previews {
  readonly #packages = new Map<string, PreviewPackage>();
  #address: PreviewAddress | null = null;

  constructor(private readonly appRoot: string = process.cwd()) {}

  /** Set by the host once it knows where it serves previews. */
  serveAt(address: PreviewAddress): void {
    this.#address = address;
  }

  /** Builds the package in memory and answers the address of its LMS page. */
  open(course: Course, assets: AssetSource, standard: Standard): { id: string; url: string } {
    if (!this.#address)
      throw new TailorError('unsupported', 'Preview needs the studio window; use tailor export to try a package here.');
    const id = randomBytes(16).toString('hex');
    this.#packages.set(id, buildPreviewPackage({ course, assets, standard, appRoot: this.appRoot }));
    for (const old of [...this.#packages.keys()].slice(0, -KEPT)) this.#packages.delete(old);
    return { id, url: this.#address(id, 'lms/lms.html') };
  }

  /** One file of a preview, or null for an unknown preview or file. `path` is `lms/…` or `pkg/…`. */
  async read(id: string, path: string): Promise<PreviewFile | null> {
    const preview = this.#packages.get(id);
    if (!preview) return null;
    const slash = path.indexOf('/');
    const [area, file] = [path.slice(0, slash), path.slice(slash + 1)];
    if (area === 'lms' && LMS_FILES.has(file)) {
      try {
        return { body: readFileSync(join(this.appRoot, 'out', 'preview-lms', file)), mime: mimeTypeOf(file) };
      } catch {
        return null;
      }
    }
    if (area !== 'pkg') return null;
    const body = await preview.read(file);
    return body ? { body, mime: mimeTypeOf(file) } : null;
  }
}
