import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { expect, test } from './diagnosed';
import { encodeLearnerRecord, loadCourseOrThrow, type LearnerRecord } from '../../shared/engine';
import { exampleJson } from '../fixtures/examples';
import { NADIA_CHECKS, nadiaBeforeChecks } from './learner-records';
import { nextLaunch, packageForLms, serve } from './scorm-lms';

const root = fileURLToPath(new URL('../..', import.meta.url));
const STANDARDS = ['scorm12', 'scorm2004-3rd', 'scorm2004-4th'] as const;
const index = loadCourseOrThrow(exampleJson('purchase-approvals'));
const { course } = index;
const CHECKS = NADIA_CHECKS;

type Cmi = Record<string, string>;

async function open(page: Page, url: string, launch: Cmi | null, query = '') {
  const resume = launch ? `resume=${encodeURIComponent(JSON.stringify(launch))}&` : '';
  await page.goto(`${url}lms.html?${resume}${query}`);
  const frame = page.frameLocator('iframe[title="Course"]');
  await frame.getByRole('heading', { level: 1 }).waitFor();
  return frame;
}

const held = (page: Page) => page.evaluate(() => (window as unknown as { held: () => Cmi }).held()) as Promise<Cmi>;

/** The launch data of a learner the LMS already knows, as the LMS would send it. */
function launchWith(record: LearnerRecord, v12: boolean, more: Cmi = {}): Cmi {
  return {
    'cmi.suspend_data': encodeLearnerRecord(index, record),
    ...more,
    [v12 ? 'cmi.core.entry' : 'cmi.entry']: 'resume',
  };
}

/** (g) every objective's status agrees with its own score, against the competency's threshold. */
function expectObjectivesAgree(cmi: Cmi, v12: boolean) {
  const threshold = course.settings.passingScore;
  for (const key of Object.keys(cmi).filter((k) => /^cmi\.objectives\.\d+\.id$/.test(k))) {
    const at = key.slice(0, -'.id'.length);
    if (v12) {
      const raw = cmi[`${at}.score.raw`];
      const status = cmi[`${at}.status`];
      if (status === 'passed') expect(Number(raw), cmi[key]).toBeGreaterThanOrEqual(threshold * 100);
      if (status === 'failed') expect(Number(raw), cmi[key]).toBeLessThan(threshold * 100);
    } else {
      const scaled = cmi[`${at}.score.scaled`];
      const success = cmi[`${at}.success_status`];
      if (success === 'passed') expect(Number(scaled), cmi[key]).toBeGreaterThanOrEqual(threshold);
      if (success === 'failed') expect(Number(scaled), cmi[key]).toBeLessThan(threshold);
    }
  }
}

const status = (cmi: Cmi, v12: boolean) =>
  v12
    ? { status: cmi['cmi.core.lesson_status'], score: cmi['cmi.core.score.raw'] ?? '' }
    : {
        status: `${cmi['cmi.completion_status']}/${cmi['cmi.success_status']}`,
        score: cmi['cmi.score.raw'] ?? '',
      };

const choiceText = (question: string, choice: string) => {
  const q = index.questions.get(question)!;
  return q.type === 'single' ? q.choices.find((c) => c.id === choice)!.text : choice;
};

for (const standard of STANDARDS) {
  test.describe(`${standard}, across sessions`, () => {
    const v12 = standard === 'scorm12';
    let dir = '';
    let server: Awaited<ReturnType<typeof serve>>;
    test.beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'tailor-sessions-'));
      packageForLms(join(root, 'resources/examples/purchase-approvals'), standard, dir);
      server = await serve(dir);
    });
    test.afterAll(async () => {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    });

    test('(a)(b)(g) one check wrong, the next right in a later session: score 50 and not passed; reopening changes nothing', async ({
      page,
    }) => {
      test.setTimeout(120_000);
      const start = nadiaBeforeChecks(index, { location: 'why-check' });
      let frame = await open(page, server.url, launchWith(start, v12));
      await expect(frame.getByRole('heading', { level: 1 })).toHaveText('Check: the three questions');
      await frame.getByRole('radio', { name: choiceText('k-three-questions', 'a'), exact: true }).check();
      await frame.getByRole('button', { name: 'Check answer' }).click();
      await frame.getByRole('button', { name: 'Mark complete and continue' }).click();
      await frame.getByRole('button', { name: 'Save and exit' }).click();
      await expect(frame.getByRole('heading', { name: 'Progress saved' })).toBeVisible();
      const first = await held(page);
      // No grade before the course is decided.
      expect(status(first, v12)).toEqual({ status: v12 ? 'incomplete' : 'incomplete/unknown', score: '' });
      expectObjectivesAgree(first, v12);

      frame = await open(page, server.url, nextLaunch(first, v12));
      await frame.getByRole('button', { name: 'Continue' }).click();
      await expect(frame.getByRole('heading', { level: 1 })).toHaveText('Check: spot the split order');
      await frame.getByRole('radio', { name: choiceText('k-split-order', 'a'), exact: true }).check();
      await frame.getByRole('button', { name: 'Check answer' }).click();
      await frame.getByRole('button', { name: 'Mark complete and continue' }).click();
      await expect(frame.getByText('You have completed the course.')).toBeVisible();
      await expect(frame.locator('.score-figure')).toHaveText('50%');
      await frame.getByRole('button', { name: 'Save and exit' }).click();
      await expect(frame.getByRole('heading', { name: 'Progress saved' })).toBeVisible();
      const second = await held(page);
      expect(status(second, v12)).toEqual({ status: v12 ? 'failed' : 'completed/failed', score: '50' });
      expectObjectivesAgree(second, v12);

      // (b) The failed attempt reopened, nothing done, the tab closed: what the LMS holds stays.
      await open(page, server.url, nextLaunch(second, v12));
      await page.evaluate(() => document.querySelector('iframe')!.remove());
      const reopened = await held(page);
      expect(status(reopened, v12)).toEqual(status(second, v12));
      expectObjectivesAgree(reopened, v12);
    });

    test('(b) a passed attempt reopened with nothing done keeps its status and score', async ({ page }) => {
      const record = nadiaBeforeChecks(index);
      const done = {
        ...record,
        completed: [...record.completed, ...CHECKS],
        checks: { 'k-three-questions': 'correct', 'k-split-order': 'correct' } as const,
      };
      const launch = launchWith(
        done,
        v12,
        v12
          ? { 'cmi.core.lesson_status': 'passed', 'cmi.core.score.raw': '100' }
          : {
              'cmi.completion_status': 'completed',
              'cmi.success_status': 'passed',
              'cmi.score.raw': '100',
              'cmi.score.scaled': '1',
            },
      );
      const frame = await open(page, server.url, launch);
      await expect(frame.getByText('You have completed the course.')).toBeVisible();
      await page.evaluate(() => document.querySelector('iframe')!.remove());
      const cmi = await held(page);
      expect(status(cmi, v12)).toEqual({ status: v12 ? 'passed' : 'completed/passed', score: '100' });
      expectObjectivesAgree(cmi, v12);
    });

    for (const fail of ['commit', 'suspend'] as const) {
      test(`(${fail === 'commit' ? 'c' : 'd'}) when ${fail === 'commit' ? 'Commit returns false' : 'SetValue(cmi.suspend_data) fails'} the learner is told, and the next launch restores the progress from this device`, async ({
        page,
      }) => {
        const start = nadiaBeforeChecks(index, { location: 'why-check' });
        const launch = launchWith(start, v12);
        let frame = await open(page, server.url, launch, `fail=${fail}`);
        await frame.getByRole('radio', { name: choiceText('k-three-questions', 'c'), exact: true }).check();
        await frame.getByRole('button', { name: 'Check answer' }).click();
        await frame.getByRole('button', { name: 'Mark complete and continue' }).click();
        await expect(frame.getByText(/could not be saved to your LMS/).first()).toBeVisible();
        await frame.getByRole('button', { name: 'Save and exit' }).click();
        await expect(frame.getByRole('heading', { name: 'Progress not saved to your LMS' })).toBeVisible();
        await expect(frame.getByText('Progress saved')).toHaveCount(0);
        expect((await held(page))['cmi.suspend_data']).toBe(launch['cmi.suspend_data']);

        frame = await open(page, server.url, nextLaunch(await held(page), v12));
        await expect(frame.getByText(/restored your progress from this device/)).toBeVisible();
        await expect(
          frame
            .getByRole('navigation', { name: 'Course outline' })
            .getByRole('button', { name: /^Check: the three questions\s*\(done\)$/ }),
        ).toBeVisible();
        await frame.getByRole('button', { name: 'Save and exit' }).click();
        await expect(frame.getByRole('heading', { name: 'Progress saved' })).toBeVisible();
      });
    }

    test('(e) an LMS that drops values equal to their launch value still resumes on the right place', async ({
      page,
    }) => {
      const start = nadiaBeforeChecks(index);
      let frame = await open(
        page,
        server.url,
        launchWith(start, v12, { [v12 ? 'cmi.core.lesson_location' : 'cmi.location']: 'map' }),
        'drop=launch',
      );
      await frame.getByRole('button', { name: 'Continue' }).click();
      await expect(frame.getByRole('heading', { level: 1 })).toHaveText('Check: the three questions');
      // A throttled save on the lesson: the LMS now holds the lesson as bookmark.
      await expect
        .poll(async () => (await held(page))[v12 ? 'cmi.core.lesson_location' : 'cmi.location'], { timeout: 15_000 })
        .toBe('why-check');
      await frame.getByRole('button', { name: 'Back to my path' }).first().click();
      await frame.getByRole('button', { name: 'Save and exit' }).click();
      await expect(frame.getByRole('heading', { name: 'Progress saved' })).toBeVisible();
      const cmi = await held(page);
      // The bookmark went back to its launch value, so the LMS dropped it; suspend_data still changed.
      expect(cmi[v12 ? 'cmi.core.lesson_location' : 'cmi.location']).toBe('why-check');
      frame = await open(page, server.url, nextLaunch(cmi, v12));
      await expect(frame.getByRole('heading', { level: 1 })).toHaveText(course.title);
      await expect(frame.locator('.map')).toBeVisible();
    });

    test('(f) a pending choice keeps the map and the status incomplete', async ({ page }) => {
      const record = nadiaBeforeChecks(index);
      const frame = await open(
        page,
        server.url,
        launchWith(
          {
            ...record,
            picks: {},
            completed: [...record.completed, ...CHECKS],
            checks: { 'k-three-questions': 'correct', 'k-split-order': 'correct' },
          },
          v12,
        ),
      );
      await expect(frame.getByText(/a choice is still open below/)).toBeVisible();
      await expect(frame.getByText('You have completed the course.')).toHaveCount(0);
      await frame.getByRole('button', { name: 'Save and exit' }).click();
      await expect(frame.getByRole('heading', { name: 'Progress saved' })).toBeVisible();
      const cmi = await held(page);
      expect(status(cmi, v12)).toEqual({ status: v12 ? 'incomplete' : 'incomplete/unknown', score: '' });
      if (!v12) expect(Number(cmi['cmi.progress_measure'])).toBeLessThan(1);
      expectObjectivesAgree(cmi, v12);
    });
  });
}
