import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { loadCourseOrThrow } from '../../shared/engine';
import { exampleJson } from '../fixtures/examples';
import { answer, driver } from '../e2e/player-driver';
import { packageForLms } from '../e2e/scorm-lms';

const OUT = 'docs/screenshots/player';

/** One view, three ways: light and dark at 1280 px, and a 375 px phone. */
async function shoot(page: Page, name: string, target?: () => Locator) {
  for (const [suffix, width, scheme] of [
    ['light', 1280, 'light'],
    ['dark', 1280, 'dark'],
    ['phone', 375, 'light'],
  ] as const) {
    await page.setViewportSize({ width, height: width === 375 ? 812 : 860 });
    await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
    const path = `${OUT}/${name}-${suffix}.png`;
    if (target) await target().screenshot({ path });
    else await page.screenshot({ path });
  }
  await page.setViewportSize({ width: 1280, height: 860 });
}

test('player: cover, placement, path and outline, lesson with video, question states, tested-out card, end screen', async ({
  page,
}) => {
  test.setTimeout(240_000);
  mkdirSync(OUT, { recursive: true });
  const index = loadCourseOrThrow(exampleJson('shop-floor-safety'));
  const dana = index.course.personas.find((p) => p.id === 'dana')!;
  const dir = mkdtempSync(join(tmpdir(), 'tailor-shots-'));
  try {
    packageForLms(resolve('resources/examples/shop-floor-safety'), 'scorm12', dir);
    await page.setViewportSize({ width: 1280, height: 860 });
    await page.goto(pathToFileURL(join(dir, 'pkg', 'index.html')).href);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await shoot(page, 'cover');

    await page.locator(`input[name="role"][value="${dana.role}"]`).check();
    await page.locator(`input[name="seniority"][value="${dana.seniority}"]`).check();
    await page.getByRole('button', { name: 'Start the placement test' }).click();
    const d = driver(page, 'mouse', false);
    let first = true;
    while (await page.getByRole('button', { name: 'Submit answer' }).isVisible()) {
      const prompt = (await page.locator('legend').first().textContent())!.trim();
      const q = index.course.questions.find((x) => x.prompt === prompt)!;
      await answer(d, q, dana.prior.answers[q.id]);
      if (first) await shoot(page, 'placement-question');
      await page.getByRole('button', { name: 'Submit answer' }).click();
      if (first) await shoot(page, 'placement-answered');
      first = false;
      await page.getByRole('button', { name: 'Next' }).click();
    }
    await page.getByRole('button', { name: 'See my path' }).click();
    await expect(page.locator('.map')).toBeVisible();
    await shoot(page, 'path-and-outline');
    await shoot(page, 'tested-out-card', () => page.locator('.module-skipped').first());

    await page.setViewportSize({ width: 375, height: 812 });
    await page.getByRole('button', { name: 'Course outline' }).click();
    await page.emulateMedia({ colorScheme: 'light' });
    await page.screenshot({ path: `${OUT}/outline-drawer-phone.png` });
    await page.keyboard.press('Escape');
    await page.setViewportSize({ width: 1280, height: 860 });

    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page.locator('video')).toBeVisible();
    await shoot(page, 'lesson-video');

    // Walk the path; answer the first knowledge check wrongly to show the states.
    let wrongShown = false;
    for (let guard = 0; guard < 60; guard++) {
      if (await page.getByText('You have completed the course.').isVisible()) break;
      const complete = page.getByRole('button', { name: 'Mark complete and continue' });
      if (await complete.isVisible()) {
        const check = page.getByRole('button', { name: 'Check answer' }).first();
        if (await check.isVisible()) {
          const card = page.locator('.check').first();
          const id = (await card.getAttribute('data-question'))!;
          const q = index.questions.get(id)!;
          const wrong = !wrongShown && q.type === 'single' ? q.choices.find((c) => !c.correct)?.id : undefined;
          if (wrong) await answer(d, q, wrong);
          else await card.locator('input').first().check();
          await check.click();
          if (wrong) {
            wrongShown = true;
            await shoot(page, 'check-answered', () => card);
          }
        }
        await complete.click();
        continue;
      }
      const choose = page.getByRole('button', { name: /^Choose “/ }).first();
      if (await choose.isVisible()) await choose.click();
      else await page.getByRole('button', { name: 'Continue' }).click();
    }
    await expect(page.getByText('You have completed the course.')).toBeVisible();
    await shoot(page, 'end-screen');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('player: a cover picture, and a knowledge check the course lets learners try again', async ({ page }) => {
  test.setTimeout(180_000);
  mkdirSync(OUT, { recursive: true });
  const dir = mkdtempSync(join(tmpdir(), 'tailor-shots-'));
  try {
    const folder = join(dir, 'course');
    cpSync(resolve('resources/examples/shop-floor-safety'), folder, { recursive: true });
    const json = JSON.parse(readFileSync(join(folder, 'course.json'), 'utf8')) as { settings: Record<string, unknown> };
    json.settings['branding'] = {
      hero: { src: 'assets/floor-zones.svg', alt: 'Floor plan of the plant with its walkways and forklift lanes' },
    };
    json.settings['checks'] = { tryAgain: true };
    writeFileSync(join(folder, 'course.json'), JSON.stringify(json));
    const index = loadCourseOrThrow(json);
    packageForLms(folder, 'scorm12', dir);
    await page.setViewportSize({ width: 1280, height: 860 });
    await page.goto(pathToFileURL(join(dir, 'pkg', 'index.html')).href);
    await expect(page.locator('.cover-picture')).toBeVisible();
    await shoot(page, 'cover-picture');

    // Straight to the first lesson with a check: the learner's own path does not matter here.
    const femi = index.course.personas.find((p) => p.id === 'femi')!;
    await page.locator(`input[name="role"][value="${femi.role}"]`).check();
    await page.getByRole('button', { name: 'Start the placement test' }).click();
    const d = driver(page, 'mouse', false);
    while (await page.getByRole('button', { name: 'Submit answer' }).isVisible()) {
      const prompt = (await page.locator('legend').first().textContent())!.trim();
      const q = index.course.questions.find((x) => x.prompt === prompt)!;
      await answer(d, q, femi.prior.answers[q.id]);
      await page.getByRole('button', { name: 'Submit answer' }).click();
      await page.getByRole('button', { name: 'Next' }).click();
    }
    await page.getByRole('button', { name: 'See my path' }).click();
    await page.getByRole('button', { name: 'Continue' }).click();
    for (let guard = 0; guard < 20 && !(await page.locator('.check').first().isVisible()); guard++)
      await page.getByRole('button', { name: 'Mark complete and continue' }).click();
    const card = page.locator('.check').first();
    const q = index.questions.get((await card.getAttribute('data-question'))!)!;
    if (q.type !== 'single') throw new Error('the first check is a single-choice question');
    await answer(d, q, q.choices.find((c) => !c.correct)!.id);
    await page.getByRole('button', { name: 'Check answer' }).click();
    await shoot(page, 'check-try-again', () => card);
    await card.getByRole('button', { name: 'Try again' }).click();
    await answer(d, q, q.choices.find((c) => c.correct)!.id);
    await page.locator('.check').first().getByRole('button', { name: 'Check answer' }).click();
    await shoot(page, 'check-practice-right', () => page.locator('.check').first());
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('player: a lesson a lesson rule skips, on the map and inside the lesson', async ({ page }) => {
  test.setTimeout(180_000);
  mkdirSync(OUT, { recursive: true });
  const index = loadCourseOrThrow(exampleJson('shop-floor-safety'));
  // Sam, a supervisor who spots the hazards, skips the walk-around film.
  const sam = index.course.personas.find((p) => p.id === 'sam')!;
  const dir = mkdtempSync(join(tmpdir(), 'tailor-shots-'));
  try {
    packageForLms(resolve('resources/examples/shop-floor-safety'), 'scorm12', dir);
    await page.setViewportSize({ width: 1280, height: 860 });
    await page.goto(pathToFileURL(join(dir, 'pkg', 'index.html')).href);
    await page.locator(`input[name="role"][value="${sam.role}"]`).check();
    await page.locator(`input[name="seniority"][value="${sam.seniority}"]`).check();
    await page.getByRole('button', { name: 'Start the placement test' }).click();
    const d = driver(page, 'mouse', false);
    while (await page.getByRole('button', { name: 'Submit answer' }).isVisible()) {
      const prompt = (await page.locator('legend').first().textContent())!.trim();
      const q = index.course.questions.find((x) => x.prompt === prompt)!;
      await answer(d, q, sam.prior.answers[q.id]);
      await page.getByRole('button', { name: 'Submit answer' }).click();
      await page.getByRole('button', { name: 'Next' }).click();
    }
    await page.getByRole('button', { name: 'See my path' }).click();
    const induction = page.locator('main .module', {
      has: page.getByRole('heading', { level: 2, name: 'Walking the floor safely', exact: true }),
    });
    await expect(induction.locator('.chip', { hasText: 'Skipped' })).toBeVisible();
    await shoot(page, 'skipped-lesson-card', () => induction);
    await induction.locator('.lesson-row', { hasText: 'A walk around the floor' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('A walk around the floor');
    await shoot(page, 'skipped-lesson-inside');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
