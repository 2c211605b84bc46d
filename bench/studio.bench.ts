import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { startHostProcess, type RunningHost } from '../test/e2e/web-host-process';
import { generateCourse } from './generate-course';
import type { Benchmark } from './harness';

/** One web host and one Chromium for the studio rows: the 5,000-lesson course beside an empty one. */
interface StudioBench {
  readonly dir: string;
  readonly host: RunningHost;
  readonly browser: Browser;
  readonly big: string;
  readonly empty: string;
}

let shared: Promise<StudioBench> | null = null;

async function call<T>(host: RunningHost, name: string, payload: unknown): Promise<T> {
  const response = await fetch(`${host.url}api/call/${name}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(payload),
  });
  const reply = (await response.json()) as { ok: boolean; value: T; error?: { message: string } };
  if (!reply.ok) throw new Error(`${name}: ${reply.error?.message}`);
  return reply.value;
}

function studio(): Promise<StudioBench> {
  shared ??= (async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tailor-bench-studio-'));
    const folder = (name: string, course: unknown) => {
      mkdirSync(join(dir, name, 'assets'), { recursive: true });
      const json = JSON.stringify(course);
      // The generator names media; a few bytes each stand in for them (their size is not measured here).
      for (const asset of new Set(json.match(/assets\/[\w.-]+/g) ?? []))
        writeFileSync(join(dir, name, asset), asset.endsWith('.vtt') ? 'WEBVTT\n' : asset);
      writeFileSync(join(dir, name, 'course.json'), json);
      return join(dir, name);
    };
    const bigCourse = generateCourse({
      seed: 9,
      modules: 1000,
      competencies: 12,
      rules: 200,
      personas: 8,
      lessonsPerModule: [5, 5],
    });
    const emptyCourse = { format: bigCourse.format, id: 'empty', title: 'Empty course' };
    const host = await startHostProcess(join(dir, 'data'));
    const big = (await call<{ path: string }>(host, 'document.importPortable', { folder: folder('big', bigCourse) }))
      .path;
    const empty = (
      await call<{ path: string }>(host, 'document.importPortable', { folder: folder('empty', emptyCourse) })
    ).path;
    const { chromium } = await import('@playwright/test');
    const browser = await chromium.launch({
      executablePath: process.env.TAILOR_CHROMIUM ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update'],
    });
    return { dir, host, browser, big, empty };
  })();
  return shared;
}

async function closeStudio(): Promise<void> {
  if (!shared) return;
  const { dir, host, browser } = await shared;
  shared = null;
  await browser.close();
  await host.stop();
  rmSync(dir, { recursive: true, force: true });
}

/** Opens a course in the studio and waits until its outline answers and its title can be edited. */
async function openToEditable(page: Page, url: string, path: string): Promise<void> {
  await page.goto(`${url}#course=${encodeURIComponent(path)}&sel=modules`);
  await page.getByRole('treeitem', { name: 'Modules' }).waitFor();
  await page.locator('input[aria-label="Course title"]:not([disabled])').waitFor();
}

/** The one page per course the add/typing rows drive. */
const pages = new Map<string, Page>();
async function openPage(which: 'big' | 'empty'): Promise<Page> {
  const env = await studio();
  const existing = pages.get(which);
  if (existing) return existing;
  const page = await env.browser.newPage({ viewport: { width: 1440, height: 900 } });
  await openToEditable(page, env.host.url, which === 'big' ? env.big : env.empty);
  pages.set(which, page);
  return page;
}

async function addModuleVisible(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Add module' }).click();
  const rename = page.locator('input[aria-label^="New title for"]');
  await rename.waitFor();
  await rename.press('Escape');
  await rename.waitFor({ state: 'detached' });
}

export const studioBenchmarks: Benchmark[] = [
  {
    name: 'studio: open the 5,000-lesson course to editable',
    goal: 'outline and title ready in under 1 s',
    maxSubjectMs: 1000,
    samples: 8,
    setup: async () => void (await studio()),
    baseline: {
      label: 'empty course',
      run: async () => {
        const env = await studio();
        const page = await env.browser.newPage({ viewport: { width: 1440, height: 900 } });
        await openToEditable(page, env.host.url, env.empty);
        await page.close();
      },
    },
    subject: {
      label: '1,000 modules × 5 lessons',
      run: async () => {
        const env = await studio();
        const page = await env.browser.newPage({ viewport: { width: 1440, height: 900 } });
        await openToEditable(page, env.host.url, env.big);
        await page.close();
      },
    },
  },
  {
    name: 'studio: add module visible on the 5,000-lesson course',
    goal: 'new module named in place under 100 ms',
    maxSubjectMs: 100,
    samples: 15,
    setup: async () => {
      await openPage('empty');
      await openPage('big');
    },
    teardown: closeStudio,
    baseline: { label: 'empty course', run: async () => addModuleVisible(await openPage('empty')) },
    subject: { label: '1,000 modules × 5 lessons', run: async () => addModuleVisible(await openPage('big')) },
  },
];
