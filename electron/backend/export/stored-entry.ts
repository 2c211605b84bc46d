import { crc32 } from 'node:zlib';
import type { FlateError, ZipInputFile } from 'fflate';

/**
 * A stored (uncompressed) zip entry, byte-for-byte what fflate's ZipPassThrough writes, but with
 * the CRC-32 from zlib (native) instead of fflate's JavaScript loop, which was most of the time
 * spent exporting large media.
 */
export class StoredEntry implements ZipInputFile {
  readonly compression = 0;
  size = 0;
  crc = 0;
  mtime: Date | undefined;
  /** Set by `Zip.add`; the zip only copies bytes out, so any Uint8Array will do. */
  ondata?: (error: FlateError | null, data: Uint8Array, final: boolean) => void;

  constructor(readonly filename: string) {}

  push(chunk: Uint8Array, final = false): void {
    if (!this.ondata) throw new Error(`"${this.filename}" was pushed before it was added to a zip.`);
    this.crc = crc32(chunk, this.crc);
    this.size += chunk.length;
    this.ondata(null, chunk, final);
  }
}
