import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  cpSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from '@playwright/test';
import { exportPackage, folderAssets } from '../electron/backend/export/export-package';
import { parseCourseForStorage } from '../electron/backend/portable-convert';
import { mimeTypeOf, resolveUnderRoot } from '../electron/backend/static-files';
import type { Benchmark } from './harness';

const MEDIA_MIB = Number(process.env.TAILOR_BENCH_EXPORT_MIB ?? 1024);
const PLAYER_BUDGET_BYTES = 60 * 1024;

let dir = '';
let courseDir = '';
let counter = 0;

function setupMediaCourse() {
  dir = mkdtempSync(join(tmpdir(), 'tailor-bench-export-'));
  courseDir = join(dir, 'course');
  cpSync('resources/examples/shop-floor-safety', courseDir, { recursive: true });
  const files = 4;
  for (let f = 0; f < files; f++) {
    const fd = openSync(join(courseDir, 'assets', `long-video-${f + 1}.mp4`), 'w');
    for (let i = 0; i < MEDIA_MIB / files; i++) writeSync(fd, randomBytes(1024 * 1024));
    closeSync(fd);
  }
}

function serveFolder(folder: string): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    const path = resolveUnderRoot(folder, new URL(req.url ?? '/', 'http://x').pathname);
    try {
      const body = readFileSync(path ?? '');
      res.writeHead(200, { 'Content-Type': mimeTypeOf(path!) }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/` }),
    ),
  );
}

/** Tailor's export against `zip` with the given flags, on the same folder, in the same run. */
function exportAgainst(label: string, zipFlags: readonly string[], goal: string, suffix: string): Benchmark {
  return {
    name: `SCORM export with ${MEDIA_MIB} MiB of media${suffix}`,
    goal,
    maxRatio: 1.25,
    samples: 3,
    setup: setupMediaCourse,
    teardown: () => rmSync(dir, { recursive: true, force: true }),
    baseline: {
      label,
      run: () => {
        const out = join(dir, `baseline-${counter++}.zip`);
        execFileSync('zip', [...zipFlags, out, '.'], { cwd: courseDir });
        rmSync(out);
      },
    },
    subject: {
      label: 'tailor export (checks + zip)',
      run: async () => {
        const json = JSON.parse(readFileSync(join(courseDir, 'course.json'), 'utf8')) as unknown;
        const out = join(dir, `export-${counter++}.zip`);
        await exportPackage({
          course: parseCourseForStorage(json, 'course.json'),
          assets: folderAssets(
            courseDir,
            readdirSync(join(courseDir, 'assets')).map((f) => `assets/${f}`),
          ),
          standard: 'scorm2004-4th',
          profile: 'generic',
          out,
        });
        rmSync(out);
      },
    },
  };
}

let browser: Browser | undefined;
let served: { server: Server; url: string } | undefined;

export const exportBenchmarks: Benchmark[] = [
  exportAgainst(
    'zip -r of the course folder',
    ['-r', '-q'],
    'throughput at least 0.8 of `zip -r` of the same files (ratio ≤ 1.25)',
    '',
  ),
  exportAgainst(
    'zip -r -0 of the course folder',
    ['-r', '-0', '-q'],
    'throughput at least 0.8 of `zip -r -0` (no compression, as Tailor stores media) (ratio ≤ 1.25)',
    ', against storing only',
  ),
  {
    name: 'player first content (shop-floor safety package, headless Chromium)',
    goal: 'first heading within 1.5× a static page with one heading; bundle under 60 KB gzipped (see below)',
    maxRatio: 1.5,
    samples: 15,
    async setup() {
      dir = mkdtempSync(join(tmpdir(), 'tailor-bench-player-'));
      const zip = join(dir, 'p.zip');
      execFileSync(process.execPath, [
        'out/cli/tailor.mjs',
        'export',
        'resources/examples/shop-floor-safety',
        '--standard',
        'scorm2004-4th',
        '--out',
        zip,
      ]);
      execFileSync('unzip', ['-q', zip, '-d', join(dir, 'pkg')]);
      writeFileSync(
        join(dir, 'pkg', 'static.html'),
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>x</title><link rel="stylesheet" href="player.css"></head><body><main><h1>Shop-floor safety</h1></main></body></html>',
      );
      served = await serveFolder(join(dir, 'pkg'));
      // Loaded only here, so the other benchmarks run without Playwright in the process.
      const { chromium } = await import('@playwright/test');
      browser = await chromium.launch({
        executablePath: process.env.TAILOR_CHROMIUM ?? '/usr/bin/chromium',
        args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update'],
      });
    },
    async teardown() {
      await browser?.close();
      served?.server.close();
      rmSync(dir, { recursive: true, force: true });
    },
    baseline: {
      label: 'static page with one heading',
      run: async () => {
        const page = await browser!.newPage();
        await page.goto(`${served!.url}static.html`);
        await page.locator('h1').waitFor();
        await page.close();
      },
    },
    subject: {
      label: 'player index.html (no LMS)',
      run: async () => {
        const page = await browser!.newPage();
        await page.goto(`${served!.url}index.html`);
        await page.locator('h1').waitFor();
        await page.close();
      },
    },
  },
];

/** Bundle size against the 60 KB budget, reported beside the timed rows. */
export function playerBundleReport(): string {
  const files = ['player.js', 'player.css'].map((f) => ({
    f,
    gz: gzipSync(readFileSync(join('out/player', f))).length,
  }));
  const total = files.reduce((n, x) => n + x.gz, 0);
  return `Player bundle: ${files.map((x) => `${x.f} ${(x.gz / 1024).toFixed(1)} KB`).join(' + ')} = **${(total / 1024).toFixed(1)} KB gzipped** of the 60 KB budget (${((100 * total) / PLAYER_BUDGET_BYTES).toFixed(0)}%).`;
}
