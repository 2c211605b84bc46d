import { randomUUID } from 'node:crypto';
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TailorError, type AssetInfo } from '../../shared/contract';

/** Largest media file a browser may send; the document stores it in chunks, this only bounds a runaway upload. */
export const MAX_UPLOAD_BYTES = 4 * 1024 * 1024 * 1024;

interface Upload {
  readonly document: string;
  readonly name: string;
  readonly size: number;
  readonly folder: string;
  readonly file: string;
  readonly fd: number;
  received: number;
}

/** Turns a file name from the designer's computer into a name under assets/ that the model accepts. */
export function assetNameFor(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  const cleaned = Array.from(base.normalize('NFC'))
    .map((ch) => (ch.charCodeAt(0) < 0x20 || '\\?#:*"<>|'.includes(ch) ? '-' : ch))
    .join('')
    .replace(/^\.+/, '')
    .trim();
  return `assets/${cleaned || 'media'}`;
}

/**
 * Media sent by a browser in chunks (the web host takes at most 1 MiB per request): each chunk is
 * appended to a temporary file, which the document then imports like any file on disk.
 */
export class Uploads {
  readonly #uploads = new Map<string, Upload>();

  constructor(
    private readonly importFile: (document: string, file: string, name: string) => AssetInfo | Promise<AssetInfo>,
  ) {}

  begin(document: string, fileName: string, size: number): { upload: string; name: string } {
    if (size > MAX_UPLOAD_BYTES)
      throw new TailorError(
        'invalid-request',
        `"${fileName}" is larger than 4 GB; Tailor cannot store media that large.`,
      );
    const folder = mkdtempSync(join(tmpdir(), 'tailor-upload-'));
    const file = join(folder, 'media');
    const id = randomUUID();
    const name = assetNameFor(fileName);
    this.#uploads.set(id, { document, name, size, folder, file, fd: openSync(file, 'wx'), received: 0 });
    return { upload: id, name };
  }

  chunk(id: string, base64: string): { received: number } {
    const upload = this.#get(id);
    const bytes = Buffer.from(base64, 'base64');
    if (upload.received + bytes.length > upload.size) {
      this.cancel(id);
      throw new TailorError(
        'invalid-request',
        `More of "${upload.name}" arrived than announced; the upload was stopped.`,
      );
    }
    writeSync(upload.fd, bytes);
    upload.received += bytes.length;
    return { received: upload.received };
  }

  async finish(id: string): Promise<AssetInfo> {
    const upload = this.#get(id);
    this.#uploads.delete(id);
    closeSync(upload.fd);
    try {
      if (upload.received !== upload.size)
        throw new TailorError(
          'invalid-request',
          `Only ${upload.received} of ${upload.size} bytes of "${upload.name}" arrived; import it again.`,
        );
      return await this.importFile(upload.document, upload.file, upload.name);
    } finally {
      rmSync(upload.folder, { recursive: true, force: true });
    }
  }

  cancel(id: string): void {
    const upload = this.#uploads.get(id);
    if (!upload) return;
    this.#uploads.delete(id);
    closeSync(upload.fd);
    rmSync(upload.folder, { recursive: true, force: true });
  }

  /** Drops every unfinished upload (the backend is closing). */
  cancelAll(): void {
    for (const id of [...this.#uploads.keys()]) this.cancel(id);
  }

  #get(id: string): Upload {
    const upload = this.#uploads.get(id);
    if (!upload) throw new TailorError('not-found', 'That upload was cancelled or has already finished.');
    return upload;
  }
}
