import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import type { Browser } from '@playwright/test';
import { expect, test } from './diagnosed';
import { lmsPageAddress } from '../../renderer/studio/preview/learner-preview';
import {
  decodeLearnerRecord,
  loadCourseOrThrow,
  resolvePath,
  stateFromRecord,
  type CourseIndex,
} from '../../shared/engine';
import type { Persona } from '../../shared/model';
import { EXAMPLE_NAMES, exampleJson } from '../fixtures/examples';
import { answer, driver, playThrough } from './player-driver';
import { LMS_METHODS, packageForLms, previewForLms, serve } from './scorm-lms';

const root = fileURLToPath(new URL('../..', import.meta.url));
const STANDARDS = ['scorm12', 'scorm2004-3rd', 'scorm2004-4th'] as const;
type Standard = (typeof STANDARDS)[number];

interface Call {
  m: string;
  args: string[];
  result: string;
}

/** What `tailor paths --json` predicts the LMS holds once each persona has played the package through. */
interface Prediction {
  persona: { id: string };
  lms: {
    completed: boolean;
    passed: boolean | null;
    score: number | null;
    objectives: { id: string; completed: boolean; success: 'passed' | 'failed' | 'unknown'; score: number | null }[];
  };
}
type Held = Pick<Prediction['lms'], 'completed' | 'passed' | 'score' | 'objectives'>;

/** The real CLI's prediction, read as a pipeline would read it. */
function predictions(example: string): Map<string, Prediction['lms']> {
  const out = execFileSync(process.execPath, [
    join(root, 'out/cli/tailor.mjs'),
    'paths',
    join(root, 'resources/examples', example),
    '--json',
  ]);
  return new Map((JSON.parse(out.toString()) as Prediction[]).map((p) => [p.persona.id, p.lms]));
}

const toNumber = (v: string | undefined) => (v === undefined || v === '' ? null : Number(v));

/** What the LMS holds, read back in the result model's terms (and its precision: whole percent on 1.2). */
function heldResult(cmi: Record<string, string>, v12: boolean): Held {
  const objectives: Held['objectives'] = [];
  for (let i = 0; cmi[`cmi.objectives.${i}.id`] !== undefined; i++) {
    const at = `cmi.objectives.${i}`;
    if (v12) {
      const status = cmi[`${at}.status`] ?? '';
      const raw = toNumber(cmi[`${at}.score.raw`]);
      objectives.push({
        id: cmi[`${at}.id`]!,
        completed: ['passed', 'failed', 'completed'].includes(status),
        success: status === 'passed' || status === 'failed' ? status : 'unknown',
        score: raw === null ? null : raw / 100,
      });
    } else {
      const success = cmi[`${at}.success_status`];
      objectives.push({
        id: cmi[`${at}.id`]!,
        completed: cmi[`${at}.completion_status`] === 'completed',
        success: success === 'passed' || success === 'failed' ? success : 'unknown',
        score: toNumber(cmi[`${at}.score.scaled`]),
      });
    }
  }
  const status = cmi[v12 ? 'cmi.core.lesson_status' : 'cmi.success_status'];
  const raw = toNumber(cmi[v12 ? 'cmi.core.score.raw' : 'cmi.score.scaled']);
  return {
    completed: v12
      ? ['passed', 'failed', 'completed'].includes(cmi['cmi.core.lesson_status'] ?? '')
      : cmi['cmi.completion_status'] === 'completed',
    passed: status === 'passed' ? true : status === 'failed' ? false : null,
    score: raw === null ? null : v12 ? raw / 100 : raw,
    objectives: objectives.sort((a, b) => a.id.localeCompare(b.id)),
  };
}

/** The prediction at the precision the standard stores. */
function asStored(p: Prediction['lms'], v12: boolean): Held {
  const round = (n: number | null) =>
    n === null ? null : v12 ? Math.round(n * 100) / 100 : Math.round(n * 10000) / 10000;
  return {
    completed: p.completed,
    passed: p.passed,
    score: round(p.score),
    objectives: p.objectives
      .map((o) => ({ id: o.id, completed: o.completed, success: o.success, score: round(o.score) }))
      .sort((a, b) => a.id.localeCompare(b.id)),
  };
}

/**
 * The persona played through in the studio's preview: the package the preview builds, in the
 * preview's LMS page, launched as the studio launches it (the persona's attributes as launch
 * parameters). Returns every API call the package made on that page's API.
 */
async function previewTrace(
  browser: Browser,
  url: string,
  standard: Standard,
  persona: Persona,
  course: Parameters<typeof playThrough>[2],
): Promise<Call[]> {
  const context = await browser.newContext();
  try {
    await context.addInitScript(
      (methods) => {
        if (!location.pathname.endsWith('/lms.html')) return;
        const page = window as unknown as { trace: Call[] } & Record<string, unknown>;
        page.trace = [];
        for (const name of ['API', 'API_1484_11']) {
          let api: Record<string, unknown> | undefined;
          Object.defineProperty(window, name, {
            configurable: true,
            get: () => api,
            set(value: Record<string, unknown>) {
              api = value;
              for (const m of methods) {
                const method = value[m];
                if (typeof method !== 'function') continue;
                const bound = (method as (...args: unknown[]) => unknown).bind(value);
                value[m] = (...args: unknown[]) => {
                  const result = bound(...args);
                  page.trace.push({ m, args: args.map(String), result: String(result) });
                  return result;
                };
              }
            },
          });
        }
      },
      [...LMS_METHODS.scorm12, ...LMS_METHODS.scorm2004],
    );
    const page = await context.newPage();
    await page.goto(
      lmsPageAddress(`${url}preview/lms/lms.html`, {
        standard,
        studioOrigin: new URL(url).origin,
        persona,
        title: 'Course',
      }),
    );
    await playThrough(page, persona, course, 'mouse');
    await page.frameLocator('iframe[title="Course"]').getByRole('button', { name: 'Save and exit' }).click();
    await expect(
      page.frameLocator('iframe[title="Course"]').getByRole('heading', { name: 'Progress saved' }),
    ).toBeVisible();
    return (await page.evaluate(() => (window as unknown as { trace: Call[] }).trace)) as Call[];
  } finally {
    await context.close();
  }
}

/**
 * A trace as calls and values, timing aside: times and durations are blanked, the time spent is
 * taken out of the suspend data, a value set again unchanged once that is done is left out, and
 * commits are left out (the player commits a few seconds after a change, so where a commit falls
 * depends on the learner's pace, not on what is sent).
 */
function comparable(trace: readonly Call[], index: CourseIndex): string[] {
  const last = new Map<string, string>();
  const calls: string[] = [];
  for (const { m, args, result } of trace) {
    if (m.endsWith('Commit')) continue;
    const [key, raw] = args.map(String);
    let value = raw;
    if (key !== undefined && value !== undefined) {
      if (/(session_time|\.time|\.timestamp|\.latency)$/.test(key)) value = '<time>';
      else if (key === 'cmi.suspend_data' && value)
        value = JSON.stringify({ ...decodeLearnerRecord(index, value), seconds: 0 });
      if (m.endsWith('SetValue')) {
        if (last.get(key) === value) continue;
        last.set(key, value);
      }
    }
    calls.push(`${m}(${[key, value].filter((a) => a !== undefined).join(', ')}) → ${result}`);
  }
  return calls;
}

for (const example of EXAMPLE_NAMES) {
  for (const standard of STANDARDS) {
    test(`${example} as ${standard}: every persona plays through; the LMS holds what tailor paths predicts, the trace is valid and resume lands where they left off`, async ({
      browser,
    }) => {
      // Four personas, each in a fresh browser context and again in the preview; axe on every view in one standard
      // only (views do not depend on it). 2.7 min, and 5.7 min with axe, on a machine at a load average of 17.
      test.setTimeout(720_000);
      const withAxe = standard === 'scorm2004-4th';
      const checked = new Set<string>();
      const json = exampleJson(example);
      const index = loadCourseOrThrow(json);
      const { course } = index;
      const predicted = predictions(example);
      /** The personas for whom a lesson rule skips a lesson: each example has one, so this test covers lesson skips. */
      const skippingSome: string[] = [];
      const dir = mkdtempSync(join(tmpdir(), 'tailor-conformance-'));
      const server = await serve(dir);
      try {
        const entries = packageForLms(join(root, 'resources/examples', example), standard, dir);
        await previewForLms(join(root, 'resources/examples', example), standard, dir);
        expect(entries[0]).toBe('imsmanifest.xml');
        const v12 = standard === 'scorm12';

        for (const persona of course.personas) {
          const context = await browser.newContext();
          const page = await context.newPage();
          try {
            await page.goto(`${server.url}lms.html`);
            await playThrough(
              page,
              persona,
              course,
              'mouse',
              withAxe
                ? async () => {
                    // A view built like one already checked (same heading and components) is not checked again.
                    const shape = await page
                      .frameLocator('iframe[title="Course"]')
                      .locator('#player')
                      .evaluate((root) =>
                        [
                          root.querySelector('h1')?.textContent ?? '',
                          ...new Set([...root.querySelectorAll('*')].map((e) => `${e.tagName}.${e.className}`)),
                        ]
                          .sort()
                          .join('|'),
                      );
                    if (checked.has(shape)) return;
                    checked.add(shape);
                    const { violations } = await new AxeBuilder({ page }).analyze();
                    expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`)).toEqual([]);
                  }
                : undefined,
            );
            await page.frameLocator('iframe[title="Course"]').getByRole('button', { name: 'Save and exit' }).click();
            await expect(
              page.frameLocator('iframe[title="Course"]').getByRole('heading', { name: 'Progress saved' }),
            ).toBeVisible();

            // One source of truth: what the LMS stored equals what `tailor paths --json` predicted.
            const held = (await page.evaluate(() =>
              (window as unknown as { held: () => Record<string, string> }).held(),
            )) as Record<string, string>;
            const prediction = predicted.get(persona.id);
            expect(prediction, `tailor paths has no prediction for ${persona.id}`).toBeDefined();
            expect(heldResult(held, v12), `${persona.id}: the LMS holds what tailor paths predicts`).toEqual(
              asStored(prediction!, v12),
            );

            const trace = (await page.evaluate(() => (window as unknown as { trace: Call[] }).trace)) as Call[];
            const [init, finish, set] = v12
              ? ['LMSInitialize', 'LMSFinish', 'LMSSetValue']
              : ['Initialize', 'Terminate', 'SetValue'];
            expect(trace[0]!.m, persona.id).toBe(init);
            expect(trace.filter((c) => c.m === init)).toHaveLength(1);
            expect(trace.filter((c) => c.m === finish)).toHaveLength(1);
            expect(trace.at(-1)!.m).toBe(finish);
            const failed = trace.filter((c) => c.m === set && c.result !== 'true');
            expect(failed, `SetValue calls the LMS refused for ${persona.id}`).toEqual([]);

            const cmi = (await page.evaluate(() =>
              (window as unknown as { flattened: () => Record<string, string> }).flattened(),
            )) as Record<string, string>;
            const suspend = cmi['cmi.suspend_data']!;
            if (v12) expect(suspend.length).toBeLessThanOrEqual(4096);
            const record = decodeLearnerRecord(index, suspend);
            expect(record.role).toBe(persona.role);
            const path = resolvePath(index, stateFromRecord(index, record).state);
            expect(path.finished).toBe(true);
            // A lesson a lesson rule skips counts as done: the persona finished without ever opening it.
            const skipped = path.modules.flatMap((m) => m.lessons.filter((l) => l.skipped).map((l) => l.id));
            const opened = new Set(
              trace
                .filter((c) => c.m === set && c.args[0] === (v12 ? 'cmi.core.lesson_location' : 'cmi.location'))
                .map((c) => c.args[1]),
            );
            expect(opened.size, `${persona.id} opened lessons`).toBeGreaterThan(0);
            for (const id of skipped) {
              expect(opened.has(id), `${persona.id} opened the skipped lesson ${id}`).toBe(false);
              expect(record.completed).not.toContain(id);
            }
            if (skipped.length) skippingSome.push(persona.id);
            if (v12) expect(['passed', 'failed', 'completed']).toContain(cmi['cmi.core.lesson_status']);
            else {
              expect(cmi['cmi.completion_status']).toBe('completed');
              expect(['passed', 'failed']).toContain(cmi['cmi.success_status']);
            }
            const objectives = Object.keys(cmi).filter((k) => /^cmi\.objectives\.\d+\.id$/.test(k));
            expect(objectives.map((k) => cmi[k]).sort()).toEqual(course.competencies.map((c) => c.id).sort());
            const interactions = Object.keys(cmi).filter((k) => /^cmi\.interactions\.\d+\.id$/.test(k));
            expect(interactions.length).toBeGreaterThanOrEqual(record.answers.length);
            for (const key of interactions) {
              const at = key.slice(0, -'.id'.length);
              const type = cmi[`${at}.type`];
              const response = cmi[`${at}.${v12 ? 'student_response' : 'learner_response'}`] ?? '';
              expect(v12 ? ['correct', 'wrong', 'neutral'] : ['correct', 'incorrect', 'neutral']).toContain(
                cmi[`${at}.result`],
              );
              if (v12 && type === 'choice') expect(response).toMatch(/^[0-9a-z](,[0-9a-z])*$/);
              if (v12 && type === 'true-false') expect(response).toMatch(/^[tf]$/);
              if (!v12 && type === 'true-false') expect(response).toMatch(/^(true|false)$/);
            }

            // Relaunch with what the LMS stored: no placement test again, straight back to the path.
            const resume = Object.fromEntries(
              Object.entries(cmi).filter(([k]) =>
                ['cmi.suspend_data', 'cmi.core.lesson_location', 'cmi.location'].includes(k),
              ),
            );
            resume[v12 ? 'cmi.core.entry' : 'cmi.entry'] = 'resume';
            await page.goto(`${server.url}lms.html?resume=${encodeURIComponent(JSON.stringify(resume))}`);
            const frame = page.frameLocator('iframe[title="Course"]');
            await expect(frame.getByText('You have completed the course.')).toBeVisible();
            await expect(frame.getByRole('button', { name: 'Submit answer' })).toHaveCount(0);

            // The studio's preview of the same persona sends the LMS the very same calls and values:
            // what the designer previews is what the LMS receives.
            const previewed = await previewTrace(browser, server.url, standard, persona, course);
            expect(comparable(previewed, index), `${persona.id}: the preview's LMS trace`).toEqual(
              comparable(trace, index),
            );
          } finally {
            await context.close();
          }
        }
        expect(skippingSome, 'personas for whom a lesson rule skips a lesson').not.toEqual([]);
      } finally {
        await server.close();
        rmSync(dir, { recursive: true, force: true });
      }
    });
  }
}

test('closing the course mid-lesson still terminates once and keeps progress; pages pass axe', async ({ page }) => {
  const json = exampleJson('shop-floor-safety');
  const index = loadCourseOrThrow(json);
  const persona = index.course.personas.find((p) => p.id === 'femi')!;
  const dir = mkdtempSync(join(tmpdir(), 'tailor-close-'));
  const server = await serve(dir);
  try {
    packageForLms(join(root, 'resources/examples/shop-floor-safety'), 'scorm2004-4th', dir);
    await page.goto(`${server.url}lms.html`);
    const frame = page.frameLocator('iframe[title="Course"]');
    await expect(frame.getByRole('heading', { level: 1 })).toBeVisible();
    expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
    await frame.getByRole('radio', { name: persona.role.replace(/-/g, ' '), exact: true }).check();
    await frame.getByRole('button', { name: 'Start the placement test' }).click();
    expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
    while (await frame.getByRole('button', { name: 'Submit answer' }).isVisible()) {
      const prompt = (await frame.locator('legend').first().textContent())!.trim();
      const q = index.course.questions.find((x) => x.prompt === prompt)!;
      await answer(driver(page, 'mouse'), q, persona.prior.answers[q.id]);
      await frame.getByRole('button', { name: 'Submit answer' }).click();
      await frame.getByRole('button', { name: 'Next' }).click();
    }
    await frame.getByRole('button', { name: 'See my path' }).click();
    expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
    await frame.getByRole('button', { name: 'Continue' }).click();
    await expect(frame.locator('video')).toBeVisible();
    expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);

    // The LMS removes the frame (the learner closed the tab of the course) without "Save and exit".
    await page.evaluate(() => document.querySelector('iframe')!.remove());
    const trace = (await page.evaluate(() => (window as unknown as { trace: Call[] }).trace)) as Call[];
    expect(trace.filter((c) => c.m === 'Terminate')).toHaveLength(1);
    expect(trace.at(-1)!.m).toBe('Terminate');
    const cmi = (await page.evaluate(() =>
      (window as unknown as { flattened: () => Record<string, string> }).flattened(),
    )) as Record<string, string>;
    expect(cmi['cmi.location']).toBe('walkaround');
    expect(decodeLearnerRecord(index, cmi['cmi.suspend_data']!).role).toBe('floor-operator');
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('cmi.launch_data fixes learner attributes like launch parameters: the intake does not ask them', async ({
  page,
}) => {
  const index = loadCourseOrThrow(exampleJson('purchase-approvals'));
  for (const standard of ['scorm12', 'scorm2004-4th'] as const) {
    const dir = mkdtempSync(join(tmpdir(), 'tailor-launch-data-'));
    const server = await serve(dir);
    try {
      packageForLms(join(root, 'resources/examples/purchase-approvals'), standard, dir);
      const launch = { 'cmi.launch_data': 'role=approver&seniority=veteran&colour=blue' };
      await page.goto(`${server.url}lms.html?resume=${encodeURIComponent(JSON.stringify(launch))}`);
      const frame = page.frameLocator('iframe[title="Course"]');
      await expect(frame.getByRole('button', { name: /^Start/ })).toBeVisible();
      await expect(frame.locator('input[name="role"]'), standard).toHaveCount(0);
      await expect(frame.locator('input[name="seniority"]')).toHaveCount(0);
      await frame.getByRole('button', { name: /^Start/ }).click();
      await expect(frame.getByRole('button', { name: 'Submit answer' })).toBeVisible();
      const cmi = (await page.evaluate(() =>
        (window as unknown as { flattened: () => Record<string, string> }).flattened(),
      )) as Record<string, string>;
      const record = decodeLearnerRecord(index, cmi['cmi.suspend_data']!);
      expect({ role: record.role, seniority: record.seniority }).toEqual({ role: 'approver', seniority: 'veteran' });
    } finally {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }
});
