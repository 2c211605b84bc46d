import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, CDPSession, Page } from '@playwright/test';
import { verifyCourse } from '../shared/analysis/verify';
import { generateCourse } from './generate-course';
import type { Benchmark, Measured } from './harness';

/**
 * The learner's clicks in the exported player, in headless Chromium: the main thread's busy time for
 * one click, up to its next frame (Chrome's own counter, so the driver's round trips outside the page
 * are not counted; the small evaluate that clicks is, on both sides alike), on the generated
 * 3,000-module course with 120 competencies against the 30-module course, in the same run.
 */

type Course = ReturnType<typeof generateCourse>;
type Lesson = NonNullable<Course['modules']>[number]['lessons'][number];

/** Every lesson gets a one-question knowledge check and loses its video, so the package needs no media. */
export function withChecks(course: Course): Course {
  const questions = [...(course.questions ?? [])];
  const competencies = (course.competencies ?? []).map((c) => c.id);
  const modules = (course.modules ?? []).map((m, mi) => ({
    ...m,
    lessons: m.lessons.map((l): Lesson => {
      const question = `k-${l.id}`;
      questions.push({
        type: 'single',
        id: question,
        prompt: `Check of ${l.title}`,
        competency: m.competencies?.[0] ?? competencies[mi % competencies.length]!,
        choices: [
          { id: 'right', text: 'Right', correct: true },
          { id: 'wrong', text: 'Wrong', correct: false },
        ],
      });
      return {
        ...l,
        blocks: [
          { type: 'text', id: `${l.id}-text`, html: `<p>Content of ${l.title}.</p>` },
          { type: 'check', id: `${l.id}-check`, question },
        ],
        renditions: [],
      };
    }),
  }));
  return exportable({ ...course, modules, questions });
}

/**
 * The generator's random rules leave a few modules no learner gets and rules that never fire, which
 * export rightly refuses: those modules and rules are dropped until the course verifies without errors.
 */
function exportable(course: Course): Course {
  for (let round = 0; round < 20; round++) {
    const report = verifyCourse(course);
    if (!report.usable) throw new Error(`the generated course does not load: ${JSON.stringify(report.problems)}`);
    const errors = report.findings.filter((f) => f.severity === 'error');
    if (!errors.length) return course;
    const at = (kind: string) =>
      new Set(errors.flatMap((f) => (new RegExp(`^${kind}\\[(\\d+)\\]`).exec(f.path) ?? []).slice(1).map(Number)));
    const badModules = at('modules');
    const badRules = at('rules');
    if (!badModules.size && !badRules.size)
      throw new Error(`cannot make the generated course exportable: ${errors.map((f) => f.message).join('; ')}`);
    const gone = new Set((course.modules ?? []).filter((_, i) => badModules.has(i)).map((m) => m.id));
    course = {
      ...course,
      modules: (course.modules ?? []).filter((m) => !gone.has(m.id)),
      rules: (course.rules ?? [])
        .filter((_, i) => !badRules.has(i))
        .filter((r) => !('modules' in r.then) || !r.then.modules.some((m) => gone.has(m))),
    };
  }
  throw new Error('the generated course still has errors after 20 rounds of dropping');
}

const COURSES = {
  small: () => generateCourse({ seed: 5, modules: 30, competencies: 4, rules: 20, personas: 4 }),
  large: () => generateCourse({ seed: 5, modules: 3000, competencies: 120, rules: 2000, personas: 4 }),
};
type Size = keyof typeof COURSES;

let dir = '';
let browser: Browser | undefined;
const pages = new Map<Size, { page: Page; cdp: CDPSession }>();

/** Exports the course with the real CLI (SCORM 2004 4th) and opens its index.html from disk, without an LMS. */
async function openPlayer(size: Size): Promise<{ page: Page; cdp: CDPSession }> {
  const open = pages.get(size);
  if (open) return open;
  const folder = join(dir, size);
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, 'course.json'), JSON.stringify(withChecks(COURSES[size]())));
  const zip = join(dir, `${size}.zip`);
  execFileSync(process.execPath, ['out/cli/tailor.mjs', 'export', folder, '--standard', 'scorm2004-4th', '--out', zip]);
  execFileSync('unzip', ['-q', zip, '-d', join(dir, `${size}-pkg`)]);
  if (!browser) {
    // Loaded only here, so the other benchmarks run without Playwright in the process.
    const { chromium } = await import('@playwright/test');
    browser = await chromium.launch({
      executablePath: process.env.TAILOR_CHROMIUM ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update'],
    });
  }
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.addInitScript(() => {
    (window as unknown as BenchPage).benchFind = (name) =>
      [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === name);
  });
  await page.goto(pathToFileURL(join(dir, `${size}-pkg`, 'index.html')).href);
  // The cover, the intake (its first options) and the placement test (120 questions on the large
  // course, each answered wrongly) are gone through in the page.
  const onMap = await page.evaluate(() => {
    const find = (window as unknown as BenchPage).benchFind;
    for (let i = 0; i < 2000 && !find('Continue'); i++) {
      const next =
        find('See my path') ?? find('Next') ?? find('Start the placement test') ?? find('Start') ?? find('Begin');
      if (next) {
        next.click();
        continue;
      }
      const wrong = [...document.querySelectorAll<HTMLInputElement>('input[type=radio]')].at(-1);
      if (wrong) {
        wrong.checked = true;
        wrong.dispatchEvent(new Event('change', { bubbles: true }));
      }
      find('Submit answer')?.click();
    }
    return Boolean(find('Continue'));
  });
  // (Playwright's role queries are not used here: on a map of 9,800 buttons each one takes seconds.)
  if (!onMap) throw new Error(`the ${size} course's player never showed its map with a Continue button`);
  // A large course's map and outline fill in over later tasks: the clicks are timed once they are whole.
  await page.waitForFunction(
    () =>
      new Promise<boolean>((done) => {
        const count = () => document.querySelectorAll('li').length;
        const before = count();
        setTimeout(() => done(count() === before), 500);
      }),
  );
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const opened = { page, cdp };
  pages.set(size, opened);
  return opened;
}

/**
 * Chrome's counter of the main thread's busy time (seconds, as milliseconds): every task, so script,
 * style and layout, and also what follows them in the frame (visibility checks, pre-paint, paint).
 */
async function mainThreadMs(cdp: CDPSession): Promise<number> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return (metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0) * 1000;
}

type Click = 'answer' | 'continue' | 'mark complete' | 'open the map';

/** What the bench adds to the page: a button by its text, and the button the next timed click presses. */
interface BenchPage {
  benchFind: (name: string) => HTMLButtonElement | undefined;
  benchTarget?: HTMLButtonElement;
}

/**
 * Brings the page to where the click can be made (not timed), then times the click itself until
 * the next frame: a click's handler, what it schedules at once, and the style and layout it causes.
 */
async function clickOnce(size: Size, click: Click): Promise<Measured> {
  const { page, cdp } = await openPlayer(size);
  const target = {
    answer: 'Check answer',
    continue: 'Continue',
    'mark complete': 'Mark complete and continue',
    'open the map': 'Back to my path',
  }[click];
  await page.evaluate(
    ([click, target]) => {
      const find = (window as unknown as BenchPage).benchFind;
      const inLesson = () => Boolean(find('Mark complete and continue'));
      const pick = (radio: HTMLInputElement) => {
        radio.checked = true;
        radio.dispatchEvent(new Event('change', { bubbles: true }));
      };
      const open = () => document.querySelector<HTMLInputElement>('.check input[type=radio]:not(:disabled)');
      if (click === 'continue') {
        if (inLesson()) find('Back to my path')!.click();
      } else {
        if (!inLesson()) find('Continue')!.click();
        let radio = open();
        if (!radio && click !== 'open the map') {
          // This lesson's check is answered: on to the next lesson on the path.
          find('Mark complete and continue')!.click();
          if (!inLesson()) find('Continue')!.click();
          radio = open();
        }
        if (click === 'answer' && radio) pick(radio);
        if (click === 'mark complete' && radio) {
          pick(radio);
          find('Check answer')!.click();
        }
      }
      // Found before the timing starts, so the time is the click's alone.
      const button = find(target);
      if (!button) throw new Error(`no "${target}" button to click`);
      (window as unknown as BenchPage).benchTarget = button;
    },
    [click, target] as const,
  );
  const before = await mainThreadMs(cdp);
  await page.evaluate(
    () =>
      new Promise<void>((done) => {
        (window as unknown as BenchPage).benchTarget!.click();
        requestAnimationFrame(() => setTimeout(done));
      }),
  );
  return { measuredMs: (await mainThreadMs(cdp)) - before };
}

const row = (click: Click): Benchmark => ({
  name: `player in Chromium, "${click}" click: 3,000 modules × 120 competencies vs 30 modules`,
  goal: 'under 50 ms of main-thread work per click, up to its next frame (Chrome’s TaskDuration: script, style, layout, paint)',
  maxSubjectMs: 50,
  maxSubjectP99Ms: 50,
  samples: 15,
  baseline: {
    label: 'the same click on the 30-module course',

    selfTimed: true,
    run: () => clickOnce('small', click),
  },
  subject: { label: 'the click on the 3,000-module course', selfTimed: true, run: () => clickOnce('large', click) },
});

/** Each row exports and opens its own players, so any one of them can be run alone (`npm run bench -- click`). */
async function closeAll(): Promise<void> {
  await browser?.close();
  browser = undefined;
  pages.clear();
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = '';
}

export const playerClickBenchmarks: Benchmark[] = (
  ['answer', 'continue', 'mark complete', 'open the map'] as const
).map((click) => ({
  ...row(click),
  setup: () => void (dir = mkdtempSync(join(tmpdir(), 'tailor-bench-clicks-'))),
  teardown: closeAll,
}));
