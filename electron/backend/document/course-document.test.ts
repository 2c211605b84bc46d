import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { TailorError } from '../../../shared/contract';
import { course as courseSchema } from '../../../shared/model';
import { COURSE_FORMAT_VERSION } from '../../../shared/model/constants';
import { useTempDirs } from '../../../test/fixtures/temp-dir';
import type { Edit } from '../../../shared/ops';
import { createCourseFile } from './course-file';
import { CHUNK_BYTES, CourseDocument, HISTORY_CAP, MERGE_WINDOW_MS } from './course-document';

const tempDir = useTempDirs();
const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

function newDocument(title = 'Safety'): string {
  const path = join(tempDir(), `${title}.tailor`);
  createCourseFile(path, title);
  return path;
}

const addModule = (id: string, title = `Module ${id}`): Edit => ({
  op: { kind: 'insert', path: ['modules'], value: { id, title, lessons: [] } },
  label: `Add ${title}`,
});
const renameModule = (id: string, title: string, merge?: string): Edit => ({
  op: { kind: 'set', path: ['modules', { id }, 'title'], value: title },
  label: 'Rename module',
  ...(merge ? { merge } : {}),
});

async function withDocumentAsync<T>(path: string, work: (doc: CourseDocument) => Promise<T>): Promise<T> {
  const doc = CourseDocument.open(path);
  try {
    return await work(doc);
  } finally {
    doc.close();
  }
}

function withDocument<T>(path: string, work: (doc: CourseDocument) => T, options = {}): T {
  const doc = CourseDocument.open(path, options);
  try {
    return work(doc);
  } finally {
    doc.close();
  }
}

describe('course documents: edits', () => {
  it('makes an acknowledged edit durable: it is there after reopening', () => {
    const path = newDocument();
    withDocument(path, (doc) => {
      doc.apply(addModule('forklifts', 'Forklifts'));
      doc.apply(renameModule('forklifts', 'Working near forklifts'));
    });
    withDocument(path, (doc) => expect(doc.course.modules.map((m) => m.title)).toEqual(['Working near forklifts']));
  });

  it('refuses an invalid edit, says where and why, and changes nothing', () => {
    const path = newDocument();
    withDocument(path, (doc) => {
      doc.apply(addModule('a'));
      const before = doc.course;
      const attempt = () => doc.apply(renameModule('a', '   '));
      expect(attempt).toThrow(TailorError);
      expect(attempt).toThrow(/modules\[0\]\.title: must not be empty/);
      expect(() => doc.apply(addModule('a'))).toThrow(/"a" is already used in modules/);
      expect(() => doc.apply(renameModule('ghost', 'X'))).toThrow(/no item with id "ghost"/);
      expect(doc.course).toBe(before);
      expect(doc.history()).toMatchObject({ canUndo: true, undoLabel: 'Add Module a' });
    });
    withDocument(path, (doc) => expect(doc.course.modules.map((m) => m.title)).toEqual(['Module a']));
  });

  it('serializes edits fired together: none is lost and they land in order', async () => {
    const path = newDocument();
    await withDocumentAsync(path, async (doc) => {
      await Promise.all(
        Array.from({ length: 40 }, (_, i) => Promise.resolve().then(() => doc.apply(addModule(`m${i}`)))),
      );
      expect(doc.course.modules.map((m) => m.id)).toEqual(Array.from({ length: 40 }, (_, i) => `m${i}`));
    });
    withDocument(path, (doc) => expect(doc.course.modules).toHaveLength(40));
  });

  it('stores moves and removals so a reopened document has the same order', () => {
    const path = newDocument();
    withDocument(path, (doc) => {
      for (const id of ['a', 'b', 'c', 'd']) doc.apply(addModule(id));
      doc.apply({ op: { kind: 'move', path: ['modules', { id: 'd' }], to: 0 }, label: 'Move' });
      doc.apply({ op: { kind: 'remove', path: ['modules', { id: 'b' }] }, label: 'Remove' });
    });
    withDocument(path, (doc) => expect(doc.course.modules.map((m) => m.id)).toEqual(['d', 'a', 'c']));
  });
});

describe('course documents: what an edit writes', () => {
  const rows = (path: string) => {
    const db = new Database(path, { readonly: true });
    try {
      return db.prepare('SELECT collection, id, position, json FROM course_items ORDER BY collection, id').all() as {
        id: string;
        position: number;
        json: string;
      }[];
    } finally {
      db.close();
    }
  };

  it('rewrites only the row of the module an edit changed inside, at the position it had', () => {
    const path = newDocument();
    withDocument(path, (doc) => {
      for (const id of ['a', 'b', 'c', 'd']) doc.apply(addModule(id));
      doc.apply({ op: { kind: 'move', path: ['modules', { id: 'd' }], to: 0 }, label: 'Move' });
      const before = rows(path);
      doc.apply(renameModule('b', 'Renamed'));
      const after = rows(path);
      expect(after.map((r) => [r.id, r.position])).toEqual(before.map((r) => [r.id, r.position]));
      expect(after.filter((r, i) => r.json !== before[i]!.json).map((r) => r.id)).toEqual(['b']);
    });
  });

  it('stores the same course as it holds, through renames, id changes, moves, batches, undo and redo', () => {
    const path = newDocument();
    const reopened = () => withDocument(path, (doc) => doc.course, { readOnly: true });
    withDocument(path, (doc) => {
      const steps: (() => unknown)[] = [
        () => ['a', 'b', 'c'].forEach((id) => doc.apply(addModule(id))),
        () => doc.apply(renameModule('b', 'Bee')),
        () => doc.apply({ op: { kind: 'set', path: ['modules', { id: 'c' }, 'id'], value: 'see' }, label: 'Id' }),
        () =>
          doc.apply({
            op: {
              kind: 'insert',
              path: ['modules', { id: 'a' }, 'lessons'],
              value: { id: 'l', title: 'L', blocks: [] },
            },
            label: 'Add lesson',
          }),
        () =>
          doc.applyBatch(
            [
              { op: { kind: 'move', path: ['modules', { id: 'see' }], to: 0 }, label: 'Move' },
              renameModule('a', 'Aye'),
            ],
            'Move and rename',
          ),
        () => doc.undo(),
        () => doc.undo(),
        () => doc.redo(),
        () => doc.apply(renameModule('see', 'Sea')),
        () => doc.undo(),
        () => doc.redo(),
      ];
      for (const step of steps) {
        step();
        // Loading fills in the schema's defaults; an edit keeps the value as it was sent.
        expect(reopened()).toEqual(courseSchema.parse(doc.course));
      }
      expect(doc.course.modules.map((m) => [m.id, m.title])).toEqual([
        ['a', 'Module a'],
        ['b', 'Bee'],
        ['see', 'Sea'],
      ]);
    });
  });
});

describe('course documents: undo and redo', () => {
  it('undoes and redoes, and the history survives closing the document', () => {
    const path = newDocument();
    withDocument(path, (doc) => {
      doc.apply(addModule('a'));
      doc.apply(renameModule('a', 'Renamed'));
    });
    withDocument(path, (doc) => {
      expect(doc.history()).toMatchObject({ canUndo: true, undoLabel: 'Rename module' });
      doc.undo();
      expect(doc.course.modules[0]!.title).toBe('Module a');
    });
    withDocument(path, (doc) => {
      expect(doc.course.modules[0]!.title).toBe('Module a');
      expect(doc.history()).toMatchObject({ canRedo: true, redoLabel: 'Rename module' });
      doc.redo();
      expect(doc.course.modules[0]!.title).toBe('Renamed');
      doc.undo();
      doc.undo();
      expect(doc.course.modules).toEqual([]);
      expect(doc.history().canUndo).toBe(false);
    });
  });

  it('merges a typing burst into one undo step, but not edits further apart than the window', () => {
    let now = 1_000_000;
    const path = newDocument();
    withDocument(
      path,
      (doc) => {
        doc.apply(addModule('a'));
        for (const title of ['W', 'Wo', 'Wor', 'Work']) {
          now += 200;
          doc.apply(renameModule('a', title, 'title:a'));
        }
        now += MERGE_WINDOW_MS + 1;
        doc.apply(renameModule('a', 'Working', 'title:a'));
        doc.undo();
        expect(doc.course.modules[0]!.title).toBe('Work');
        doc.undo();
        expect(doc.course.modules[0]!.title).toBe('Module a');
      },
      { now: () => now },
    );
  });

  it('keeps redo after an edit that changed nothing, and clears it after a real change', () => {
    const path = newDocument();
    withDocument(path, (doc) => {
      doc.apply(addModule('a'));
      doc.apply(renameModule('a', 'B'));
      doc.undo();
      doc.apply(renameModule('a', 'Module a'));
      expect(doc.history().canRedo).toBe(true);
      doc.apply(renameModule('a', 'C'));
      expect(doc.history().canRedo).toBe(false);
    });
  });

  it('never records loading or replacing the course in history', () => {
    const path = newDocument();
    withDocument(path, (doc) => {
      expect(doc.history()).toEqual({ canUndo: false, canRedo: false });
      doc.apply(addModule('a'));
      doc.replaceCourse({ ...doc.course, title: 'Imported' });
      expect(doc.history()).toEqual({ canUndo: false, canRedo: false });
    });
  });

  it(`caps history at ${HISTORY_CAP} steps`, () => {
    const path = newDocument();
    withDocument(path, (doc) => {
      doc.apply(addModule('a'));
      for (let i = 0; i < HISTORY_CAP + 20; i++) doc.apply(renameModule('a', `Title ${i}`));
    });
    const db = new Database(path, { readonly: true });
    expect((db.prepare('SELECT count(*) AS n FROM history').get() as { n: number }).n).toBe(HISTORY_CAP);
    db.close();
  });
});

describe('course documents: media', () => {
  it('streams a file in chunks, stores the same bytes once, and streams them back identical', async () => {
    const dir = tempDir();
    const media = join(dir, 'walkaround.mp4');
    writeFileSync(media, randomBytes(3 * CHUNK_BYTES + 12345));
    const copy = join(dir, 'copy-of-walkaround.mp4');
    writeFileSync(copy, readFileSync(media));
    const path = newDocument();
    await withDocumentAsync(path, async (doc) => {
      const first = await doc.importAsset(media);
      const second = await doc.importAsset(copy, 'assets/again.mp4');
      expect(second.sha256).toBe(first.sha256);
      expect(doc.listAssets().map((a) => a.name)).toEqual(['assets/again.mp4', 'assets/walkaround.mp4']);
      const out = join(dir, 'out.mp4');
      await doc.exportAsset('assets/walkaround.mp4', out);
      expect(sha(out)).toBe(sha(media));
    });
    const db = new Database(path, { readonly: true });
    expect(db.prepare('SELECT count(*) AS n FROM assets').get()).toEqual({ n: 1 });
    expect(db.prepare('SELECT count(*) AS n, max(length(data)) AS biggest FROM asset_chunks').get()).toEqual({
      n: 4,
      biggest: CHUNK_BYTES,
    });
    db.close();
  });

  it('gives a different file with a taken name a new name instead of replacing it', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.png'), 'one');
    writeFileSync(join(dir, 'b.png'), 'two');
    await withDocumentAsync(newDocument(), async (doc) => {
      await doc.importAsset(join(dir, 'a.png'), 'assets/logo.png');
      const second = await doc.importAsset(join(dir, 'b.png'), 'assets/logo.png');
      expect(second.name).toBe('assets/logo-2.png');
    });
  });

  it('hands an image to the editor for its thumbnail, and refuses media that is not an image', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'flow.png'), 'png bytes');
    writeFileSync(join(dir, 'talk.mp4'), 'mp4 bytes');
    await withDocumentAsync(newDocument(), async (doc) => {
      await doc.importAsset(join(dir, 'flow.png'));
      await doc.importAsset(join(dir, 'talk.mp4'));
      const image = doc.readImage('assets/flow.png');
      expect(image.mime).toBe('image/png');
      expect(Buffer.from(image.base64, 'base64').toString()).toBe('png bytes');
      expect(() => doc.readImage('assets/talk.mp4')).toThrow('is not an image');
      expect(() => doc.readImage('assets/none.png')).toThrow('has no media named');
    });
  });

  it('compacts away media no lesson uses', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'used.png'), 'used');
    writeFileSync(join(dir, 'unused.png'), 'unused bytes');
    await withDocumentAsync(newDocument(), async (doc) => {
      await doc.importAsset(join(dir, 'used.png'));
      await doc.importAsset(join(dir, 'unused.png'));
      doc.apply({
        op: {
          kind: 'insert',
          path: ['modules'],
          value: {
            id: 'm',
            title: 'M',
            lessons: [
              { id: 'l', title: 'L', blocks: [{ type: 'image', id: 'i', src: 'assets/used.png', alt: 'A logo' }] },
            ],
          },
        },
        label: 'Add',
      });
      expect(doc.compact()).toEqual({ removedNames: ['assets/unused.png'], bytesFreed: 12 });
      expect(doc.listAssets().map((a) => a.name)).toEqual(['assets/used.png']);
    });
  });

  it('says which file it could not read', async () => {
    await withDocumentAsync(newDocument(), async (doc) => {
      await expect(doc.importAsset('/nowhere/video.mp4')).rejects.toThrow(
        /cannot import "\/nowhere\/video\.mp4": there is no file there/,
      );
      expect(doc.listAssets()).toEqual([]);
    });
  });

  it('imports many files at once, in order, naming each as asked and storing duplicates once', async () => {
    const dir = tempDir();
    const files = Array.from({ length: 300 }, (_, i) => {
      const file = join(dir, `clip-${i}.vtt`);
      writeFileSync(file, i === 299 ? 'WEBVTT 0' : `WEBVTT ${i}`); // the last one repeats the first
      return { file, name: `assets/clip-${i}.vtt` };
    });
    const path = newDocument();
    const seen: number[] = [];
    await withDocumentAsync(path, async (doc) => {
      const infos = await doc.importAssets(files, (done) => seen.push(done));
      expect(infos.map((info) => info.name)).toEqual(files.map((f) => f.name));
      expect(infos[299]!.sha256).toBe(infos[0]!.sha256);
      const out = join(dir, 'out.vtt');
      await doc.exportAsset('assets/clip-123.vtt', out);
      expect(readFileSync(out, 'utf8')).toBe('WEBVTT 123');
    });
    expect(seen).toEqual([...Array.from({ length: 300 }, (_, i) => i), 300]);
    const db = new Database(path, { readonly: true });
    expect(db.prepare('SELECT count(*) AS n FROM asset_names').get()).toEqual({ n: 300 });
    expect(db.prepare('SELECT count(*) AS n FROM assets').get()).toEqual({ n: 299 });
    expect(db.prepare('SELECT count(*) AS n FROM blobs').get()).toEqual({ n: 299 });
    db.close();
  });

  it('stores every small file byte for byte when a folder of them takes several commits', async () => {
    const dir = tempDir();
    // 24 files of just under a chunk: more than one commit's worth, with sizes that never tile evenly.
    const files = Array.from({ length: 24 }, (_, i) => {
      const file = join(dir, `photo-${i}.jpg`);
      writeFileSync(file, randomBytes(CHUNK_BYTES - 1000 * i));
      return { file, name: `assets/photo-${i}.jpg` };
    });
    await withDocumentAsync(newDocument(), async (doc) => {
      const infos = await doc.importAssets(files);
      expect(infos.map((info) => info.sha256)).toEqual(files.map((f) => sha(f.file)));
      for (const [i, { file, name }] of files.entries()) {
        const out = join(dir, `out-${i}.jpg`);
        await doc.exportAsset(name, out);
        expect(sha(out), name).toBe(sha(file));
      }
    });
  });

  it('keeps the files before one it cannot read, and nothing of that one', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.png'), 'one');
    writeFileSync(join(dir, 'b.png'), 'two');
    const path = newDocument();
    await withDocumentAsync(path, async (doc) => {
      await expect(
        doc.importAssets([
          { file: join(dir, 'a.png'), name: 'assets/a.png' },
          { file: join(dir, 'b.png'), name: 'assets/b.png' },
          { file: dir, name: 'assets/folder.png' },
          { file: join(dir, 'a.png'), name: 'assets/after.png' },
        ]),
      ).rejects.toThrow(/it is a folder/);
      expect(doc.listAssets().map((a) => a.name)).toEqual(['assets/a.png', 'assets/b.png']);
      expect(doc.integrityCheck()).toEqual(['ok']);
    });
    const db = new Database(path, { readonly: true });
    expect(db.prepare('SELECT count(*) AS n FROM blobs WHERE complete = 0').get()).toEqual({ n: 0 });
    db.close();
  });

  it('imports regular files only: a folder, a named pipe or a device is refused, naming the path and why', async () => {
    const dir = tempDir();
    const fifo = join(dir, 'pipe.mp4');
    execFileSync('mkfifo', [fifo]);
    await withDocumentAsync(newDocument(), async (doc) => {
      await expect(doc.importAsset(dir)).rejects.toThrow(new RegExp(`"${dir}": it is a folder`));
      await expect(doc.importAsset(fifo)).rejects.toThrow(/"[^"]*pipe\.mp4": it is a pipe; only regular files/);
      await expect(doc.importAsset('/dev/zero', 'assets/zero.bin')).rejects.toThrow(/"\/dev\/zero": it is a device/);
      expect(doc.listAssets()).toEqual([]);
      expect(doc.integrityCheck()).toEqual(['ok']);
    });
  });
});

describe('course documents: one writer at a time', () => {
  it('refuses a second writer with a clear message, and offers read-only', () => {
    const path = newDocument();
    withDocument(path, (writer) => {
      expect(() => CourseDocument.open(path)).toThrow(/is open in this Tailor.*open it read-only/);
      withDocument(
        path,
        (reader) => {
          expect(reader.readOnly).toBe(true);
          expect(reader.course.title).toBe('Safety');
          expect(() => reader.apply(addModule('x'))).toThrow(/open read-only; nothing was changed/);
        },
        { readOnly: true },
      );
      writer.apply(addModule('a'));
    });
    expect(existsSync(`${path}.lock`)).toBe(false);
  });

  it('takes over a lock left by a process that no longer runs', () => {
    const path = newDocument();
    writeFileSync(`${path}.lock`, JSON.stringify({ pid: 2 ** 22 + 12345, host: hostname(), since: 'yesterday' }));
    withDocument(path, (doc) => doc.apply(addModule('a')));
  });
});

describe('course documents: bad files', () => {
  it('opens a document saved with course format 1 as the current format, its modules without prerequisites', () => {
    const path = newDocument();
    withDocument(path, (doc) => doc.apply(addModule('a', 'A')));
    const db = new Database(path);
    db.prepare(`UPDATE course_root SET json = '1' WHERE key = 'format'`).run();
    db.close();
    withDocument(path, (doc) => {
      expect(doc.course.format).toBe(COURSE_FORMAT_VERSION);
      expect(doc.course.modules).toMatchObject([{ id: 'a', title: 'A', prerequisites: [] }]);
    });
  });

  it('opens a document saved with course format 2 as the current format, declaring no learner attributes', () => {
    const path = newDocument();
    withDocument(path, (doc) => doc.apply(addModule('a', 'A')));
    const db = new Database(path);
    db.prepare(`UPDATE course_root SET json = '2' WHERE key = 'format'`).run();
    db.close();
    withDocument(path, (doc) => {
      expect(doc.course.format).toBe(COURSE_FORMAT_VERSION);
      expect(doc.course.settings.attributes).toBeUndefined();
      expect(doc.course.modules).toMatchObject([{ id: 'a', title: 'A', audience: [], mandatoryFor: [] }]);
    });
  });

  it('refuses a document whose course format is newer than this Tailor, saying so', () => {
    const path = newDocument();
    const db = new Database(path);
    db.prepare(`UPDATE course_root SET json = '99' WHERE key = 'format'`).run();
    db.close();
    expect(() => CourseDocument.open(path)).toThrow(/newer Tailor \(format 99/);
  });

  it('refuses a truncated document with a clear message and leaves it untouched', () => {
    const path = newDocument();
    withDocument(path, (doc) => doc.apply(addModule('a')));
    const bytes = readFileSync(path);
    writeFileSync(path, bytes.subarray(0, 1500));
    const before = sha(path);
    expect(() => CourseDocument.open(path)).toThrow(TailorError);
    try {
      CourseDocument.open(path);
    } catch (error) {
      expect((error as TailorError).message).toMatch(/Safety\.tailor/);
      expect(['document-damaged', 'not-a-document']).toContain((error as TailorError).code);
    }
    expect(sha(path)).toBe(before);
    expect(existsSync(`${path}.lock`)).toBe(false);
  });

  it('refuses a zero-byte file and a file that is not SQLite', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'empty.tailor'), '');
    writeFileSync(join(dir, 'text.tailor'), 'hello '.repeat(500));
    expect(() => CourseDocument.open(join(dir, 'empty.tailor'))).toThrow(/not a Tailor course/);
    expect(() => CourseDocument.open(join(dir, 'text.tailor'))).toThrow(/not a Tailor course/);
  });

  it('says the disk is full, keeps the last good state, and loses nothing acknowledged', () => {
    const path = newDocument();
    const pages = (() => {
      const db = new Database(path, { readonly: true });
      const n = db.pragma('page_count', { simple: true }) as number;
      db.close();
      return n;
    })();
    let acknowledged = 0;
    withDocument(
      path,
      (doc) => {
        const big = 'x'.repeat(3000);
        expect(() => {
          for (let i = 0; i < 200; i++) {
            doc.apply(addModule(`m${i}`, `Module ${i} ${big}`.slice(0, 200)));
            doc.apply({
              op: { kind: 'set', path: ['modules', { id: `m${i}` }, 'summary'], value: big.slice(0, 1900) },
              label: 'Summary',
            });
            acknowledged = i + 1;
          }
        }).toThrow(/disk holding .* is full; nothing was saved/);
        expect(doc.course.modules).toHaveLength(acknowledged + (doc.course.modules.length > acknowledged ? 1 : 0));
      },
      { pragmas: { max_page_count: pages + 8 } },
    );
    withDocument(path, (doc) => {
      expect(doc.integrityCheck()).toEqual(['ok']);
      expect(doc.course.modules.length).toBeGreaterThanOrEqual(acknowledged);
      for (let i = 0; i < acknowledged; i++) expect(doc.course.modules[i]!.summary).toHaveLength(1900);
    });
  });
});
