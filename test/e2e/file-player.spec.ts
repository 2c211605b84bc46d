import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL, fileURLToPath } from 'node:url';
import { expect, test } from './diagnosed';
import { loadCourseOrThrow, personaState, resolvePath } from '../../shared/engine';
import { exampleJson } from '../fixtures/examples';
import { answer, driver } from './player-driver';
import { packageForLms } from './scorm-lms';

const root = fileURLToPath(new URL('../..', import.meta.url));

test('index.html opened from disk renders the course and keeps progress across a reload', async ({ page }) => {
  test.setTimeout(120_000);
  const dir = mkdtempSync(join(tmpdir(), 'tailor-file-'));
  try {
    packageForLms(join(root, 'resources/examples/shop-floor-safety'), 'scorm12', dir);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(pathToFileURL(join(dir, 'pkg', 'index.html')).href);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Shop-floor safety');
    await page.getByRole('radio', { name: 'office staff', exact: true }).check();
    await page.getByRole('button', { name: 'Start the placement test' }).click();
    await page.locator('.question input').first().check();
    await page.getByRole('button', { name: 'Submit answer' }).click();
    await expect(page.getByRole('button', { name: 'Next' })).toBeVisible();

    await page.reload();
    // Back on the placement test with one answer kept: "Question 2", not the welcome page.
    await expect(page.getByText('Question 2')).toBeVisible();
    expect(errors).toEqual([]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a learner who gives the intake every attribute a rule reads gets the persona’s path', async ({ browser }) => {
  test.setTimeout(120_000);
  const index = loadCourseOrThrow(exampleJson('shop-floor-safety'));
  const dir = mkdtempSync(join(tmpdir(), 'tailor-intake-'));
  try {
    packageForLms(join(root, 'resources/examples/shop-floor-safety'), 'scorm2004-4th', dir);
    // Sam with Dana's forklift answers, at each site: the course's own attribute "site" decides whether he skips forklifts.
    const sam = index.course.personas.find((p) => p.id === 'sam')!;
    const dana = index.course.personas.find((p) => p.id === 'dana')!;
    const forkliftSam = (site: string) => ({
      ...sam,
      id: `sam-${site}`,
      attributes: { site },
      prior: { ...sam.prior, answers: { ...sam.prior.answers, ...dana.prior.answers } },
    });
    const atSites = [forkliftSam('plant'), forkliftSam('warehouse')];
    const skippedAt = atSites.map(
      (p) => resolvePath(index, personaState(index, p).state).modules.find((m) => m.id === 'forklift-traffic')!.status,
    );
    expect(skippedAt).toEqual(['skipped', 'required']);
    for (const persona of [...index.course.personas.filter((p) => p.seniority !== 'new'), ...atSites]) {
      // A fresh browser profile per learner: progress kept on the device must not carry over.
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(pathToFileURL(join(dir, 'pkg', 'index.html')).href);
      await page.locator(`input[name="role"][value="${persona.role}"]`).check();
      await page.locator(`input[name="seniority"][value="${persona.seniority}"]`).check();
      // The course's own question and answers, in its words.
      const site = page.getByRole('group', { name: 'Where do you work?' });
      await expect(site.getByRole('radio')).toHaveCount(2);
      const siteLabel = { plant: 'At the main plant', warehouse: 'In the warehouse' }[
        persona.attributes?.site ?? 'plant'
      ];
      await site.getByRole('radio', { name: siteLabel }).check();
      await page.getByRole('button', { name: 'Start the placement test' }).click();
      const d = driver(page, 'mouse', false);
      while (await page.getByRole('button', { name: 'Submit answer' }).isVisible()) {
        const prompt = (await page.locator('legend').first().textContent())!.trim();
        const q = index.course.questions.find((x) => x.prompt === prompt)!;
        await answer(d, q, persona.prior.answers[q.id]);
        await page.getByRole('button', { name: 'Submit answer' }).click();
        await page.getByRole('button', { name: 'Next' }).click();
      }
      await page.getByRole('button', { name: 'See my path' }).click();
      const expected = resolvePath(index, personaState(index, persona).state);
      const shown = async (status: string) => page.locator(`.module-${status} h2`).allTextContents();
      for (const status of ['required', 'skipped', 'optional'])
        expect(await shown(status), `${persona.id}: ${status}`).toEqual(
          expected.modules.filter((m) => m.status === status).map((m) => m.title),
        );
      await context.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
