import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { prng } from '../../bench/generate-course';
import { portableToDocument } from '../../electron/backend/portable-convert';
import { runCli } from '../../electron/cli/tailor';
import { EXAMPLES_DIR } from '../fixtures/examples';
import { useTempDirs } from '../fixtures/temp-dir';

/** Fixed seed and count: the same cases every run, so a failure names a case that reproduces. */
const SEED = 20261206;
const CASES = Number(process.env.TAILOR_FUZZ_CASES ?? 520);
const tempDir = useTempDirs();

type Random = ReturnType<typeof prng>;

const NASTY: readonly unknown[] = [
  null,
  -1,
  0,
  1e308,
  '',
  'x'.repeat(70_000),
  [],
  {},
  true,
  '<img src=x onerror=alert(1)>',
  '../../../../etc/passwd',
  'assets/../../outside.txt',
  '\u0000\uFFFF\uD800',
  { __proto__: { polluted: true } },
  JSON.parse(`${'['.repeat(30)}${']'.repeat(30)}`) as unknown,
  'role in [',
  'mastery(x) >= ',
  [{ id: 'dup' }, { id: 'dup' }],
];

/** A random container inside the value and a key in it (for replacing or deleting). */
function pickSpot(
  root: unknown,
  r: Random,
): { parent: Record<string, unknown> | unknown[]; key: string | number } | null {
  let current = root;
  let spot: { parent: Record<string, unknown> | unknown[]; key: string | number } | null = null;
  for (let depth = 0; depth < 8 && current && typeof current === 'object'; depth++) {
    const keys = Array.isArray(current) ? current.map((_, i) => i) : Object.keys(current);
    if (keys.length === 0) break;
    const key = r.pick(keys as (string | number)[]);
    spot = { parent: current as Record<string, unknown>, key };
    current = (current as Record<string | number, unknown>)[key];
    if (r.chance(0.25)) break;
  }
  return spot;
}

function mutateText(text: string, r: Random): string {
  switch (r.int(0, 6)) {
    case 0: {
      const chars = [...text];
      for (let n = r.int(1, 8); n > 0; n--)
        chars[r.int(0, chars.length - 1)] = r.pick(['{', '}', '"', '\\', ',', ':', '0', 'é', '\u0000', ' ']);
      return chars.join('');
    }
    case 1:
      return text.slice(0, r.int(0, text.length - 1));
    case 2:
      return `${'['.repeat(r.int(60, 5000))}${text}`;
    case 3:
      return r.pick(['', 'null', '[]', '"course"', '{}', '1', '\uFEFF{}', '{"format": 99}', '{"format": -1}']);
    default: {
      const json = JSON.parse(text) as unknown;
      for (let n = r.int(1, 3); n > 0; n--) {
        const spot = pickSpot(json, r);
        if (!spot) continue;
        if (r.chance(0.3) && !Array.isArray(spot.parent)) delete spot.parent[spot.key as string];
        else if (r.chance(0.2) && Array.isArray(spot.parent)) spot.parent.push(spot.parent[spot.key as number]);
        else (spot.parent as Record<string | number, unknown>)[spot.key] = structuredClone(r.pick(NASTY));
      }
      return JSON.stringify(json, null, r.chance(0.5) ? 2 : 0);
    }
  }
}

function mutateDocument(base: Buffer, path: string, r: Random): void {
  if (r.chance(0.4)) {
    const bytes = Buffer.from(base);
    for (let n = r.int(1, 12); n > 0; n--) bytes[r.int(r.chance(0.2) ? 0 : 100, bytes.length - 1)] = r.int(0, 255);
    writeFileSync(path, r.chance(0.1) ? bytes.subarray(0, r.int(0, bytes.length)) : bytes);
    return;
  }
  writeFileSync(path, base);
  const db = new Database(path);
  const table = r.pick(['course_root', 'course_items', 'meta', 'asset_names'] as const);
  const rows = db.prepare(`SELECT rowid, * FROM ${table}`).all() as Record<string, unknown>[];
  const row = rows.length ? r.pick(rows) : undefined;
  if (row) {
    const column = r.pick(Object.keys(row).filter((k) => k !== 'rowid'));
    const value = row[column];
    const next =
      typeof value === 'string' && r.chance(0.7)
        ? (() => {
            try {
              return mutateText(value, r);
            } catch {
              return value.slice(0, 3);
            }
          })()
        : r.pick([null, 0, -1, 'x', Buffer.from([0, 1, 2])]);
    try {
      db.prepare(`UPDATE ${table} SET "${column}" = ? WHERE rowid = ?`).run(next, row.rowid);
    } catch {
      // A constraint refused this mutation; the unmutated document is a fine case too.
    }
  }
  if (r.chance(0.2)) db.pragma(`user_version = ${r.pick([0, 1, 99, -5])}`);
  db.close();
}

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

let baseJson = '';
let baseDocument: Buffer;

beforeAll(async () => {
  baseJson = readFileSync(join(EXAMPLES_DIR, 'purchase-approvals', 'course.json'), 'utf8');
  const dir = tempDir();
  await portableToDocument(join(EXAMPLES_DIR, 'purchase-approvals'), join(dir, 'base.tailor'));
  baseDocument = readFileSync(join(dir, 'base.tailor'));
});

describe('CLI fuzz', () => {
  it(`answers ${CASES} mutated course.json files and .tailor documents with exit 0, 1 or 2, no stack trace, inputs unchanged and nothing written outside the output`, async () => {
    const r = prng(SEED);
    const work = tempDir();
    const inputs = join(work, 'inputs');
    const out = join(work, 'out');
    const failures: string[] = [];
    const codes = [0, 0, 0];
    for (let n = 0; n < CASES; n++) {
      rmSync(inputs, { recursive: true, force: true });
      rmSync(out, { recursive: true, force: true });
      mkdirSync(out, { recursive: true });
      const folder = join(inputs, 'course');
      const document = join(inputs, 'course.tailor');
      mkdirSync(folder, { recursive: true });
      const useDocument = r.chance(0.35);
      let input: string;
      if (useDocument) {
        mutateDocument(baseDocument, document, r);
        input = document;
      } else {
        cpSync(join(EXAMPLES_DIR, 'purchase-approvals', 'assets'), join(folder, 'assets'), { recursive: true });
        writeFileSync(join(folder, 'course.json'), mutateText(baseJson, r));
        input = folder;
      }
      const command = r.pick(['verify', 'verify', 'paths', 'paths', 'convert', 'export'] as const);
      const args =
        command === 'verify'
          ? [input, '--no-smoke', ...(r.chance(0.3) ? ['--json'] : [])]
          : command === 'paths'
            ? [input, ...(r.chance(0.3) ? ['--json'] : [])]
            : command === 'convert'
              ? [input, useDocument ? join(out, 'folder') : join(out, 'converted.tailor')]
              : [input, '--standard', r.pick(['scorm12', 'scorm2004-4th']), '--out', join(out, 'package.zip')];
      const before = snapshot(inputs);
      const lines: string[] = [];
      let code: number;
      try {
        code = await runCli(
          [command, ...args],
          (l) => void lines.push(l),
          (l) => void lines.push(l),
        );
      } catch (error) {
        code = -1;
        lines.push(`threw: ${error instanceof Error ? error.stack : String(error)}`);
      }
      const text = lines.join('\n');
      const problems = [
        ...(code === 0 || code === 1 || code === 2 ? [] : [`exit ${code}`]),
        ...(/\n\s+at |RangeError|TypeError|failed unexpectedly/.test(text) ? ['a stack trace or crash'] : []),
        ...(JSON.stringify(snapshot(inputs)) === JSON.stringify(before) ? [] : ['changed its input']),
        ...(readdirSync(work).sort().join() === 'inputs,out' ? [] : ['wrote outside its output']),
      ];
      if (problems.length)
        failures.push(
          `case ${n} (${command}, ${useDocument ? 'document' : 'folder'}): ${problems.join(', ')}\n${text.slice(0, 600)}`,
        );
      else codes[code]!++;
    }
    expect(failures.slice(0, 5)).toEqual([]);
    // The mutations must reach every outcome, or the fuzz is not exercising the commands.
    expect(codes[2]).toBeGreaterThan(CASES / 10);
    expect(codes[0]! + codes[1]!).toBeGreaterThan(CASES / 20);
  }, 240_000);
});
