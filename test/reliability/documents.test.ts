import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { prng } from '../../bench/generate-course';
import { createCourseFile } from '../../electron/backend/document/course-file';
import { CourseDocument } from '../../electron/backend/document/course-document';
import type { Course } from '../../shared/model';
import { applyOp } from '../../shared/ops';
import { useTempDirs } from '../fixtures/temp-dir';
import { nextEdit } from './random-edits';

const CHILD = resolve(__dirname, '../../out/test/doc-child.mjs');
/** `npm test` runs a shorter crash test; `npm run test:crash` runs the full 200 kills. */
const KILLS = Number(process.env.TAILOR_CRASH_KILLS ?? 30);
const tempDir = useTempDirs();

beforeAll(async () => {
  await build({
    entryPoints: [resolve(__dirname, 'doc-child.ts')],
    outfile: CHILD,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: ['better-sqlite3'],
    logLevel: 'error',
  });
});

/** Course after applying the run's edits up to and including `last`, from `start`. */
function replayRun(start: Course, seed: number, firstCounter: number, last: number): Course[] {
  const random = prng(seed);
  const states = [start];
  let course = start;
  for (let counter = firstCounter; counter <= last + 1; counter++) {
    course = applyOp(course, nextEdit(course, random, counter).op).course;
    states.push(course);
  }
  return states;
}

const shape = (course: Course) => course.modules.map((m) => [m.id, m.title, m.lessons.map((l) => l.id)]);

describe('crash safety', () => {
  it(`keeps the document intact and every acknowledged edit across ${KILLS} kills with SIGKILL`, async () => {
    const path = join(tempDir(), 'crash.tailor');
    createCourseFile(path, 'Crash test');
    let counter = 0;
    const master = prng(20261122);
    let acknowledgedTotal = 0;
    for (let round = 0; round < KILLS; round++) {
      const before = (() => {
        const doc = CourseDocument.open(path);
        const course = doc.course;
        doc.close();
        return course;
      })();
      const seed = master.int(1, 2 ** 30);
      const child = spawn(process.execPath, [CHILD, 'crash', path, String(seed), String(counter)], {
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let lastAck = counter - 1;
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      child.stdout.on('data', (d: Buffer) => {
        for (const match of d.toString().matchAll(/ack (\d+)/g)) lastAck = Number(match[1]);
      });
      // Wait for the child to start writing, then kill it at a random moment.
      await new Promise<void>((done) => {
        const started = () => {
          child.stdout.off('data', started);
          setTimeout(done, master.int(0, 40));
        };
        child.stdout.on('data', started);
        child.once('exit', () => done());
      });
      child.kill('SIGKILL');
      await new Promise((done) => child.once('close', done));
      expect(stderr).toBe('');

      const doc = CourseDocument.open(path);
      try {
        expect(doc.integrityCheck()).toEqual(['ok']);
        const states = replayRun(before, seed, counter, lastAck);
        const acked = states[lastAck - counter + 1]!;
        const oneMore = states[lastAck - counter + 2]!;
        // Everything acknowledged is there; at most the one edit in flight at the kill also landed.
        expect([shape(acked), shape(oneMore)]).toContainEqual(shape(doc.course));
        acknowledgedTotal += lastAck - counter + 1;
        // The next run starts past the edit that may have landed unacknowledged: ids never collide.
        counter = lastAck + 2;
      } finally {
        doc.close();
      }
    }
    expect(acknowledgedTotal).toBeGreaterThan(KILLS);
  }, 600_000);
});

describe('a read-only location', () => {
  it('gives a clear message instead of a crash, and leaves the document as it was', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tailor-ro-'));
    try {
      const path = join(dir, 'Locked.tailor');
      createCourseFile(path, 'Locked');
      chmodSync(dir, 0o555);
      chmodSync(path, 0o444);
      // root ignores permission bits, so run the attempt as an unprivileged user when we are root.
      const asNobody = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
      if (process.getuid?.() === 0) chmodSync(dir, 0o755);
      const result = spawnSync(process.execPath, [CHILD, 'open', path], { encoding: 'utf8', ...asNobody });
      const outcome = JSON.parse(result.stdout.trim()) as { ok: boolean; code: string; message: string };
      expect(outcome.ok).toBe(false);
      expect(['read-only', 'io']).toContain(outcome.code);
      expect(outcome.message).toContain(path);
      chmodSync(dir, 0o755);
      const doc = CourseDocument.open(path, { readOnly: true });
      expect(doc.course.title).toBe('Locked');
      doc.close();
    } finally {
      chmodSync(dir, 0o755);
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
