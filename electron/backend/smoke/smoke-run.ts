import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { unzipSync } from 'fflate';
import {
  decodeLearnerRecord,
  playAsPersona,
  resolvePath,
  resultOfRecord,
  stateFromRecord,
  type CourseIndex,
} from '../../../shared/engine';
import { exportPackage, type AssetSource } from '../export/export-package';
import { mimeTypeOf, resolveUnderRoot } from '../static-files';
import { describePlayerError, playThrough } from './player-driver';

export interface SmokeResult {
  readonly persona: string;
  readonly ok: boolean;
  readonly problem?: string;
}

/** A Chromium to run the smoke test with: $TAILOR_CHROMIUM or Debian's; null when there is none. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | null {
  for (const candidate of [
    env.TAILOR_CHROMIUM,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
  ])
    if (candidate && existsSync(candidate)) return candidate;
  return null;
}

/**
 * Exports the course, opens the package in headless Chromium without an LMS and plays it through
 * once per persona with the player's visible controls: the package must load, every persona must
 * reach "completed", and the modules the player shows as skipped must be those the engine skips.
 */
export async function smokeRun(
  index: CourseIndex,
  assets: AssetSource,
  options: { chromium: string; appRoot: string },
): Promise<SmokeResult[]> {
  const dir = mkdtempSync(join(tmpdir(), 'tailor-smoke-'));
  const { chromium } = await import('playwright-core');
  const server = createServer((req, res) => {
    const path = resolveUnderRoot(join(dir, 'pkg'), new URL(req.url ?? '/', 'http://x').pathname);
    let body: Buffer;
    try {
      body = readFileSync(path ?? '');
    } catch {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': mimeTypeOf(path ?? '') }).end(body);
  });
  try {
    const zip = join(dir, 'package.zip');
    await exportPackage({
      course: index.course,
      assets,
      standard: 'scorm2004-4th',
      profile: 'generic',
      out: zip,
      appRoot: options.appRoot,
    });
    for (const [name, data] of Object.entries(unzipSync(readFileSync(zip)))) {
      const target = resolveUnderRoot(join(dir, 'pkg'), `/${name}`);
      if (!target) throw new Error(`package entry escapes its folder: ${name}`);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, data);
    }
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/index.html`;
    const browser = await chromium.launch({
      executablePath: options.chromium,
      args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-gpu'],
    });
    try {
      const results: SmokeResult[] = [];
      for (const persona of index.course.personas) {
        const context = await browser.newContext();
        const page = await context.newPage();
        const errors: string[] = [];
        page.on('pageerror', (e) => errors.push(e.message));
        try {
          await page.goto(url);
          await playThrough(page, persona, index.course, { framed: false });
          const shownSkipped = await page.locator('.module-skipped h2').allTextContents();
          await page.getByRole('button', { name: 'Save and exit' }).click();
          await page.getByRole('heading', { name: 'Progress saved' }).waitFor();
          const saved = await page.evaluate((key) => localStorage.getItem(key), `tailor:${index.course.id}:local`);
          const record = decodeLearnerRecord(
            index,
            (JSON.parse(saved ?? '{}') as { suspendData?: string }).suspendData ?? '',
          );
          const path = resolvePath(index, stateFromRecord(index, record).state);
          const expected = path.modules.filter((m) => m.status === 'skipped').map((m) => m.title);
          if (errors.length) throw new Error(`the page reported: ${errors.join('; ')}`);
          if (!path.finished)
            throw new Error('the player showed "completed" but the engine says the path is not finished');
          if (JSON.stringify(shownSkipped) !== JSON.stringify(expected))
            throw new Error(
              `the player skipped [${shownSkipped.join(', ')}] but the engine skips [${expected.join(', ')}]`,
            );
          // The result the player saved is the one `tailor paths` predicts for this persona.
          const got = resultOfRecord(index, record).result;
          const predicted = playAsPersona(index, persona).result;
          const said = (r: typeof got) =>
            `${r.completed ? 'completed' : 'incomplete'}, ${r.passed === null ? 'undecided' : r.passed ? 'passed' : 'failed'}, score ${r.score === null ? 'none' : Math.round(r.score * 100)}`;
          if (said(got) !== said(predicted))
            throw new Error(`the player ended ${said(got)} but tailor paths predicts ${said(predicted)}`);
          results.push({ persona: persona.id, ok: true });
        } catch (error) {
          results.push({
            persona: persona.id,
            ok: false,
            problem: `persona "${persona.name}": ${describePlayerError(error)}`,
          });
        } finally {
          await context.close();
        }
      }
      return results;
    } finally {
      await browser.close();
    }
  } finally {
    server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
