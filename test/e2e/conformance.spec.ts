import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type FrameLocator, type Page } from '@playwright/test';
import { decodeLearnerRecord, loadCourseOrThrow, resolvePath, stateFromRecord } from '../../shared/engine';
import type { Answer, Persona, Question } from '../../shared/model';
import { EXAMPLE_NAMES, exampleJson } from '../fixtures/examples';
import { serve, unpack, writeLms } from './scorm-lms';

const root = fileURLToPath(new URL('../..', import.meta.url));
const STANDARDS = ['scorm12', 'scorm2004-3rd', 'scorm2004-4th'] as const;

interface Call {
  m: string;
  args: string[];
  result: string;
}

/** Answers the question on screen the way the persona would, with the player's own controls. */
async function answer(frame: FrameLocator, q: Question, given: Answer | undefined) {
  switch (q.type) {
    case 'single': {
      const id = typeof given === 'string' ? given : q.choices[0]!.id;
      await frame.getByRole('radio', { name: q.choices.find((c) => c.id === id)!.text, exact: true }).check();
      return;
    }
    case 'multiple':
      for (const id of Array.isArray(given) ? given : [q.choices[0]!.id])
        await frame.getByRole('checkbox', { name: q.choices.find((c) => c.id === id)!.text, exact: true }).check();
      return;
    case 'true-false':
      await frame.getByRole('radio', { name: given === false ? 'False' : 'True', exact: true }).check();
      return;
    case 'fill-in':
      await frame.getByLabel('Your answer').fill(typeof given === 'string' ? given : 'not sure');
      return;
    case 'likert':
      await frame.getByRole('radio', { name: new RegExp(`^${typeof given === 'number' ? given : 3}( |$)`) }).check();
      return;
    default:
      throw new Error(`no test answer for ${q.type}`);
  }
}

async function playThrough(page: Page, persona: Persona, questions: Question[], title: string) {
  const frame = page.frameLocator('iframe[title="Course"]');
  await expect(frame.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await frame.getByRole('radio', { name: persona.role.replace(/-/g, ' '), exact: true }).check();
  if (persona.needs.captions) await frame.getByRole('checkbox', { name: 'Captions on videos' }).check();
  if (persona.needs.audio) await frame.getByRole('checkbox', { name: 'Audio versions where there are any' }).check();
  await frame.getByRole('button', { name: 'Start the placement test' }).click();
  while (await frame.getByRole('button', { name: 'Submit answer' }).isVisible()) {
    const prompt = (await frame.locator('legend').first().textContent())!.trim();
    const q = questions.find((x) => x.prompt === prompt)!;
    await answer(frame, q, persona.prior.answers[q.id]);
    await frame.getByRole('button', { name: 'Submit answer' }).click();
    await expect(frame.getByRole('status')).not.toBeEmpty();
    await frame.getByRole('button', { name: 'Next' }).click();
  }
  await expect(frame.getByRole('heading', { name: 'Your starting point' })).toBeVisible();
  await frame.getByRole('button', { name: 'See my path' }).click();
  for (let guard = 0; guard < 80; guard++) {
    if (await frame.getByText('You have completed the course.').isVisible()) break;
    const complete = frame.getByRole('button', { name: 'Mark complete and continue' });
    if (await complete.isVisible()) {
      const check = frame.getByRole('button', { name: 'Check answer' }).first();
      if (await check.isVisible()) {
        const firstChoice = frame.locator('.check input').first();
        if ((await firstChoice.getAttribute('type')) === 'text') await firstChoice.fill('phone');
        else await firstChoice.check();
        await check.click();
      }
      await complete.click();
      continue;
    }
    const choose = frame.getByRole('button', { name: /^Choose “/ }).first();
    if (await choose.isVisible()) {
      await choose.click();
      continue;
    }
    await frame.getByRole('button', { name: 'Continue' }).click({ timeout: 10_000 });
  }
  await expect(frame.getByText('You have completed the course.')).toBeVisible();
}

for (const example of EXAMPLE_NAMES) {
  for (const standard of STANDARDS) {
    test(`${example} as ${standard}: every persona plays through; the LMS trace is valid and resume lands where they left off`, async ({
      page,
    }) => {
      test.setTimeout(240_000);
      const json = exampleJson(example);
      const index = loadCourseOrThrow(json);
      const { course } = index;
      const dir = mkdtempSync(join(tmpdir(), 'tailor-conformance-'));
      const server = await serve(dir);
      try {
        const zip = join(dir, 'package.zip');
        execFileSync(process.execPath, [
          join(root, 'out/cli/tailor.mjs'),
          'export',
          join(root, 'resources/examples', example),
          '--standard',
          standard,
          '--out',
          zip,
        ]);
        const entries = unpack(zip, dir);
        expect(entries[0]).toBe('imsmanifest.xml');
        const v12 = standard === 'scorm12';
        writeLms(dir, v12 ? 'scorm12' : 'scorm2004');

        for (const persona of course.personas) {
          await page.goto(`${server.url}lms.html`);
          await playThrough(page, persona, course.questions, course.title);
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
    const zip = join(dir, 'package.zip');
    execFileSync(process.execPath, [
      join(root, 'out/cli/tailor.mjs'),
      'export',
      join(root, 'resources/examples/shop-floor-safety'),
      '--standard',
      'scorm2004-4th',
      '--out',
      zip,
    ]);
    unpack(zip, dir);
    writeLms(dir, 'scorm2004');
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
      await answer(frame, q, persona.prior.answers[q.id]);
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
