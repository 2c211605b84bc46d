import { randomBytes } from 'node:crypto';
import { Zip, ZipDeflate, ZipPassThrough, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { StoredEntry } from './stored-entry';

const MTIME = new Date('2000-01-01T00:00:00Z');

/** A zip of a compressed text file and a media file sent in `pieces`, with the given stored-entry kind. */
function zipWith(makeStored: (name: string) => StoredEntry | ZipPassThrough, pieces: Uint8Array[]): Uint8Array {
  const out: Uint8Array[] = [];
  const zip = new Zip((error, chunk) => {
    if (error) throw error;
    out.push(chunk.slice());
  });
  const text = new ZipDeflate('index.html', { level: 6 });
  text.mtime = MTIME;
  zip.add(text);
  text.push(new TextEncoder().encode('<h1>Safety</h1>'), true);
  const media = makeStored('assets/video.mp4');
  media.mtime = MTIME;
  zip.add(media);
  pieces.forEach((piece, i) => media.push(piece, i === pieces.length - 1));
  zip.end();
  return Buffer.concat(out);
}

describe('stored zip entries', () => {
  it('write the same bytes as fflate’s own pass-through entry, piece by piece', () => {
    const pieces = [randomBytes(3), randomBytes(70_000), randomBytes(1), new Uint8Array(0)];
    expect(Buffer.from(zipWith((name) => new StoredEntry(name), pieces))).toEqual(
      Buffer.from(zipWith((name) => new ZipPassThrough(name), pieces)),
    );
  });

  it('record the CRC-32 and size of everything pushed, so the media unzip unchanged', () => {
    const media = randomBytes(200_000);
    const entry = new StoredEntry('assets/a.bin');
    const zip = new Zip(() => {});
    zip.add(entry);
    entry.push(media.subarray(0, 5), false);
    entry.push(media.subarray(5), true);
    expect(entry.size).toBe(media.length);
    const seen = new ZipPassThrough('assets/a.bin');
    new Zip(() => {}).add(seen);
    seen.push(media, true);
    expect(entry.crc >>> 0).toBe(seen.crc >>> 0);
    const files = unzipSync(zipWith((name) => new StoredEntry(name), [media]));
    expect(Buffer.from(files['assets/video.mp4']!)).toEqual(media);
  });

  it('refuse bytes before the entry is added to a zip', () => {
    expect(() => new StoredEntry('assets/a.bin').push(new Uint8Array(1))).toThrow(/before it was added/);
  });
});
