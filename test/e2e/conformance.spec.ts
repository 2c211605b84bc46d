import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { decodeLearnerRecord, loadCourseOrThrow, resolvePath, stateFromRecord } from '../../shared/engine';
import { EXAMPLE_NAMES, exampleJson } from '../fixtures/examples';
import { answer, driver, playThrough } from './player-driver';
import { packageForLms, serve } from './scorm-lms';

const root = fileURLToPath(new URL('../..', import.meta.url));
const STANDARDS = ['scorm12', 'scorm2004-3rd', 'scorm2004-4th'] as const;

interface Call {
  m: string;
  args: string[];
  result: string;
}

for (const example of EXAMPLE_NAMES) {
  for (const standard of STANDARDS) {
    test(`${example} as ${standard}: every persona plays through; the LMS trace is valid and resume lands where they left off`, async ({
      page,
    }) => {
      // Axe on every view of four personas: minutes on a loaded 2-core runner.
      test.setTimeout(600_000);
      const json = exampleJson(example);
      const index = loadCourseOrThrow(json);
      const { course } = index;
      const dir = mkdtempSync(join(tmpdir(), 'tailor-conformance-'));
      const server = await serve(dir);
      try {
        const entries = packageForLms(join(root, 'resources/examples', example), standard, dir);
        expect(entries[0]).toBe('imsmanifest.xml');
        const v12 = standard === 'scorm12';

        for (const persona of course.personas) {
          await page.goto(`${server.url}lms.html`);
          await playThrough(page, persona, course.questions, 'mouse', async () => {
            const { violations } = await new AxeBuilder({ page }).analyze();
            expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`)).toEqual([]);
          });
          await page.frameLocator('iframe[title="Course"]').getByRole('button', { name: 'Save and exit' }).click();
          await expect(
            page.frameLocator('iframe[title="Course"]').getByRole('heading', { name: 'Progress saved' }),
          ).toBeVisible();

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
        }
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
