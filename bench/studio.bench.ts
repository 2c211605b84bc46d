import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { callHost as call, startHostProcess, type RunningHost } from '../test/e2e/web-host-process';
import { generateCourse } from './generate-course';
import type { Benchmark, Measured } from './harness';

/** One web host and one Chromium for the studio rows: the 5,000-lesson course beside an empty one. */
interface StudioBench {
  readonly dir: string;
  readonly host: RunningHost;
  readonly browser: Browser;
  readonly big: string;
  readonly empty: string;
  /** Three modules: the baseline for typing, where a module must exist. */
  readonly small: string;
  readonly bigModule: string;
  readonly smallModule: string;
}

let shared: Promise<StudioBench> | null = null;

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
    const smallCourse = generateCourse({
      seed: 9,
      modules: 3,
      competencies: 2,
      rules: 2,
      personas: 2,
      lessonsPerModule: [5, 5],
    });
    const host = await startHostProcess(join(dir, 'data'));
    const big = (await call<{ path: string }>(host, 'document.importPortable', { folder: folder('big', bigCourse) }))
      .path;
    const empty = (
      await call<{ path: string }>(host, 'document.importPortable', { folder: folder('empty', emptyCourse) })
    ).path;
    const small = (
      await call<{ path: string }>(host, 'document.importPortable', { folder: folder('small', smallCourse) })
    ).path;
    const { chromium } = await import('@playwright/test');
    const browser = await chromium.launch({
      executablePath: process.env.TAILOR_CHROMIUM ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update'],
    });
    // The middle module of the big course: typing there re-renders as much of the outline as anywhere.
    const bigModule = bigCourse.modules![500]!.id;
    const smallModule = smallCourse.modules![1]!.id;
    return { dir, host, browser, big, empty, small, bigModule, smallModule };
  })();
  return shared;
}

async function closeStudio(): Promise<void> {
  if (!shared) return;
  const { dir, host, browser } = await shared;
  shared = null;
  pages.clear();
  typingPages.clear();
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

/** A page per course with one module's editor open, for the typing row. */
const typingPages = new Map<string, Page>();
async function openModule(which: 'big' | 'small'): Promise<Page> {
  const env = await studio();
  const existing = typingPages.get(which);
  if (existing) return existing;
  const page = await env.browser.newPage({ viewport: { width: 1440, height: 900 } });
  const [path, module] = which === 'big' ? [env.big, env.bigModule] : [env.small, env.smallModule];
  await page.goto(`${env.host.url}#course=${encodeURIComponent(path)}&sel=module:${module}`);
  await page.locator('.editor-panel').getByLabel('Title', { exact: true }).waitFor();
  typingPages.set(which, page);
  return page;
}

let typed = 0;
/** Types 10 characters into the module's title; done when the editor's heading shows the new title. */
async function typeTitle(page: Page): Promise<void> {
  const field = page.locator('.editor-panel').getByLabel('Title', { exact: true });
  const title = `Module ${String(typed++).padStart(3, '0')}`;
  await field.fill('');
  await field.pressSequentially(title);
  // The outline is virtualized (module 500 may be off screen); the heading re-renders from the same snapshot.
  await page.locator('.editor-panel').getByRole('heading', { name: title, exact: true }).waitFor();
}

/**
 * Clicks "Add module" and measures, in the page, from the click event's time stamp to the first frame
 * after the new module's rename field exists (a rendering frame, then a task: that frame has painted).
 * Playwright's own round trips (actionability checks, waits) are not the studio's and stay outside.
 */
async function addModuleVisible(page: Page): Promise<Measured> {
  await page.evaluate(() => {
    const w = window as unknown as { __addModule?: Promise<number> };
    w.__addModule = new Promise<number>((done) => {
      let clickedAt = 0;
      const observer = new MutationObserver(() => {
        if (!clickedAt || !document.querySelector('input[aria-label^="New title for"]')) return;
        observer.disconnect();
        requestAnimationFrame(() => setTimeout(() => done(performance.now() - clickedAt), 0));
      });
      window.addEventListener(
        'click',
        (event) => {
          clickedAt = event.timeStamp;
          observer.observe(document.body, { childList: true, subtree: true });
        },
        { capture: true, once: true },
      );
    });
  });
  await page.getByRole('navigation', { name: 'Outline' }).getByRole('button', { name: 'Add module' }).click();
  const measuredMs = await page.evaluate(() => (window as unknown as { __addModule: Promise<number> }).__addModule);
  const rename = page.locator('input[aria-label^="New title for"]');
  await rename.press('Escape');
  await rename.waitFor({ state: 'detached' });
  return { measuredMs };
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
    baseline: { label: 'empty course', selfTimed: true, run: async () => addModuleVisible(await openPage('empty')) },
    subject: {
      label: '1,000 modules × 5 lessons',
      selfTimed: true,
      run: async () => addModuleVisible(await openPage('big')),
    },
  },
  {
    name: 'studio: type 10 characters into a module title on the 5,000-lesson course',
    goal: 'what was typed is on screen within 2× the same typing on a 3-module course',
    maxRatio: 2,
    samples: 10,
    setup: async () => {
      await openModule('small');
      await openModule('big');
    },
    teardown: closeStudio,
    baseline: { label: '3 modules', run: async () => typeTitle(await openModule('small')) },
    subject: { label: '1,000 modules × 5 lessons', run: async () => typeTitle(await openModule('big')) },
  },
];
