import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { CourseDocument } from '../../backend/document/course-document';
import { portableToDocument } from '../../backend/portable-convert';
import { EXAMPLES_DIR } from '../../../test/fixtures/examples';
import { useTempDirs } from '../../../test/fixtures/temp-dir';
import { runCli } from '../tailor';

const tempDir = useTempDirs();

async function tailor(...args: string[]) {
  const lines: string[] = [];
  const code = await runCli(
    args,
    (l) => void lines.push(l),
    (l) => void lines.push(l),
  );
  return { code, text: lines.join('\n') };
}

/** Every file under a folder with its bytes' hash: "unchanged" means this is equal before and after. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const full = join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else out[relative(dir, full)] = createHash('sha256').update(readFileSync(full)).digest('hex');
    }
  };
  walk(dir);
  return out;
}

const deep = (levels: number) => `${'['.repeat(levels)}${']'.repeat(levels)}`;

describe('the CLI over hostile course JSON', () => {
  it.each(['verify', 'paths', 'export', 'convert'])(
    '%s: a course.json nested 100,000 deep exits 2 naming the file, without a stack trace',
    async (command) => {
      const dir = join(tempDir(), 'course');
      mkdirSync(dir);
      writeFileSync(join(dir, 'course.json'), `{"title": ${deep(100_000)}}`);
      const args =
        command === 'export'
          ? [dir, '--standard', 'scorm12', '--out', join(tempDir(), 'p.zip')]
          : command === 'convert'
            ? [dir, join(tempDir(), 'c.tailor')]
            : [dir];
      const result = await tailor(command, ...args);
      expect(result.code).toBe(2);
      expect(result.text).toContain(join(dir, 'course.json'));
      expect(result.text).toMatch(/nests deeper than 64 levels at line 1, column 74/);
      expect(result.text).not.toMatch(/RangeError|\n\s+at /);
    },
  );

  it('a .tailor whose stored course nests absurdly deep exits 2, calling the document damaged', async () => {
    const path = join(tempDir(), 'deep.tailor');
    await portableToDocument(join(EXAMPLES_DIR, 'shop-floor-safety'), path);
    const db = new Database(path);
    db.prepare(`UPDATE course_root SET json = ? WHERE key = 'title'`).run(deep(50_000));
    db.close();
    for (const command of ['verify', 'paths']) {
      const result = await tailor(command, path);
      expect(result.code).toBe(2);
      expect(result.text).toMatch(/deep\.tailor" is damaged: the course's title nests deeper than 64 levels/);
    }
  });

  it('refuses a course.json that is a folder with a sentence, not a crash', async () => {
    const dir = join(tempDir(), 'course');
    mkdirSync(join(dir, 'course.json'), { recursive: true });
    const result = await tailor('verify', dir, '--no-smoke');
    expect(result.code).toBe(2);
    expect(result.text).toMatch(/course\.json is not a regular file/);
  });
});

describe('read-only use really is read-only', () => {
  it('verify, paths and export leave a .tailor byte-identical, with no -wal, -shm or lock beside it', async () => {
    const dir = tempDir();
    const path = join(dir, 'Safety.tailor');
    await portableToDocument(join(EXAMPLES_DIR, 'shop-floor-safety'), path);
    const doc = CourseDocument.open(path);
    doc.apply({ op: { kind: 'set', path: ['title'], value: 'Safety, edited' }, label: 'Rename' });
    doc.close();
    const before = snapshot(dir);
    const mtime = statSync(path).mtimeMs;
    const out = tempDir();
    expect((await tailor('verify', path, '--no-smoke')).code).toBe(0);
    expect((await tailor('paths', path)).code).toBe(0);
    expect((await tailor('export', path, '--standard', 'scorm12', '--out', join(out, 'p.zip'))).code).toBe(0);
    expect(snapshot(dir)).toEqual(before);
    expect(Object.keys(before)).toEqual(['Safety.tailor']);
    expect(statSync(path).mtimeMs).toBe(mtime);
  });

  it('a document open for writing runs in WAL mode, and is one self-contained file once closed', async () => {
    const dir = tempDir();
    const path = join(dir, 'Open.tailor');
    await portableToDocument(join(EXAMPLES_DIR, 'purchase-approvals'), path);
    const doc = CourseDocument.open(path);
    const probe = new Database(path, { readonly: true });
    expect(probe.pragma('journal_mode', { simple: true })).toBe('wal');
    probe.close();
    doc.close();
    expect(readdirSync(dir)).toEqual(['Open.tailor']);
  });
});
