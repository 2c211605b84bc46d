import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Page } from '@playwright/test';
import { expect, test } from './diagnosed';
import { loadCourseOrThrow, personaState, resolvePath, type CourseIndex } from '../../shared/engine';
import { decodeLearnerRecord, encodeLearnerRecord, type LearnerRecord } from '../../shared/engine/state-codec';
import type { Persona } from '../../shared/model';
import { exampleJson } from '../fixtures/examples';
import { nadiaBeforeChecks } from './learner-records';
import { answer, driver } from './player-driver';
import { packageForLms } from './scorm-lms';
import { axe } from './axe';

const root = fileURLToPath(new URL('../..', import.meta.url));
type Example = 'shop-floor-safety' | 'purchase-approvals';

/** Exports an example (optionally edited) and returns the package's index.html, opened from disk. */
function exported(example: Example, edit?: (course: Record<string, unknown>) => void) {
  const dir = mkdtempSync(join(tmpdir(), 'tailor-designed-'));
  let folder = join(root, 'resources/examples', example);
  if (edit) {
    const copy = join(dir, 'course');
    cpSync(folder, copy, { recursive: true });
    const course = JSON.parse(readFileSync(join(copy, 'course.json'), 'utf8')) as Record<string, unknown>;
    edit(course);
    writeFileSync(join(copy, 'course.json'), JSON.stringify(course));
    folder = copy;
  }
  packageForLms(folder, 'scorm12', dir);
  return {
    url: pathToFileURL(join(dir, 'pkg', 'index.html')).href,
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Axe on the view at hand: light and dark, at 320, 768 and 1280 px. */
async function axeEverywhere(page: Page, view: string) {
  for (const scheme of ['light', 'dark'] as const)
    for (const width of [320, 768, 1280]) {
      await page.setViewportSize({ width, height: 800 });
      await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
      const { violations } = await (await axe(page)).analyze();
      expect(
        violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`),
        `${view}, ${scheme}, ${width} px`,
      ).toEqual([]);
    }
  await page.setViewportSize({ width: 1280, height: 800 });
}

/** The intake and the placement test, answered as the persona would; stops on the course map. */
async function toMap(page: Page, persona: Persona, example: Example, onQuestion?: () => Promise<void>) {
  const { course } = loadCourseOrThrow(exampleJson(example));
  await page.locator(`input[name="role"][value="${persona.role}"]`).check();
  if (persona.seniority) await page.locator(`input[name="seniority"][value="${persona.seniority}"]`).check();
  await page.getByRole('button', { name: 'Start the placement test' }).click();
  const d = driver(page, 'mouse', false);
  while (await page.getByRole('button', { name: 'Submit answer' }).isVisible()) {
    const prompt = (await page.locator('legend').first().textContent())!.trim();
    const q = course.questions.find((x) => x.prompt === prompt)!;
    await answer(d, q, persona.prior.answers[q.id]);
    await page.getByRole('button', { name: 'Submit answer' }).click();
    await onQuestion?.();
    await page.getByRole('button', { name: 'Next' }).click();
  }
  await page.getByRole('button', { name: 'See my path' }).click();
  await expect(page.locator('.map')).toBeVisible();
}

test('the path explains itself in the course’s words: own time, sections, other roles counted; every view passes axe light and dark at 320, 768 and 1280 px', async ({
  page,
}) => {
  test.setTimeout(300_000);
  const index = loadCourseOrThrow(exampleJson('shop-floor-safety'));
  const femi = index.course.personas.find((p) => p.id === 'femi')!;
  const { url, dispose } = exported('shop-floor-safety');
  try {
    await page.goto(url);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await axeEverywhere(page, 'cover');
    let first = true;
    await toMap(page, femi, 'shop-floor-safety', async () => {
      if (!first) return;
      first = false;
      // The test branches, so the count is an estimate, and it says so.
      await expect(page.getByText(/^Question 1 of about \d+$/)).toBeVisible();
      await axeEverywhere(page, 'placement question answered');
    });

    const path = resolvePath(index, personaState(index, femi).state);
    const minutes = path.modules
      .filter((m) => m.status === 'required' || m.status === 'choice')
      .reduce((n, m) => n + m.lessons.reduce((k, l) => k + (l.skipped ? 0 : l.minutes), 0), 0);
    await expect(page.getByText(`Your path: about ${minutes} minutes`)).toBeVisible();
    const main = page.locator('main');
    const text = (await main.textContent())!;
    expect(text).not.toMatch(/floor-operator|office-staff|forklift-driver|Part of the course|Optional in this course/);
    await expect(main.getByText('Required for your role (floor operator).').first()).toBeVisible();
    const excluded = path.modules.filter((m) => m.status === 'excluded');
    expect(excluded.length).toBeGreaterThan(0);
    await expect(main.getByRole('heading', { name: `Not for you (${excluded.length})` })).toBeVisible();
    await main.getByText(/left out$/).click();
    await expect(main.locator('.module-excluded .reason').first()).toHaveText(/^Meant for office staff\.$/);
    await expect(page.getByRole('navigation', { name: 'Course outline' })).toBeVisible();
    await axeEverywhere(page, 'course map');

    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page.locator('video')).toBeVisible();
    await axeEverywhere(page, 'lesson with video');
  } finally {
    dispose();
  }
});

test('a text version keeps the lesson’s figure; a completed lesson reopened offers one way back; checks show right and wrong by icon and words', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const index = loadCourseOrThrow(exampleJson('shop-floor-safety'));
  const femi = index.course.personas.find((p) => p.id === 'femi')!;
  const { url, dispose } = exported('shop-floor-safety');
  try {
    await page.goto(url);
    await toMap(page, femi, 'shop-floor-safety');
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'A walk around the floor' })).toBeVisible();
    await page.getByRole('radio', { name: 'Text' }).check();
    await expect(page.locator('video')).toHaveCount(0);
    await expect(page.getByRole('img', { name: /^Floor plan/ })).toBeVisible();
    await axeEverywhere(page, 'text version with its figure');
    await page.getByRole('button', { name: 'Mark complete and continue' }).click();

    // The next lesson's check: answered wrongly, it marks the learner's answer and reveals the right one.
    const card = page.locator('.check').first();
    const q = index.questions.get((await card.getAttribute('data-question'))!)!;
    expect(q.type).toBe('single');
    if (q.type !== 'single') return;
    const wrong = q.choices.find((c) => !c.correct)!;
    const right = q.choices.find((c) => c.correct)!;
    await page.getByRole('radio', { name: wrong.text, exact: true }).check();
    await page.getByRole('button', { name: 'Check answer' }).click();
    await expect(card.locator('.choice-incorrect')).toContainText(`${wrong.text}✕Your answer: not correct`);
    await expect(card.locator('.choice-correct')).toContainText(`${right.text}✓Correct answer`);
    await expect(card.getByRole('status')).toContainText('Not quite.');
    await axeEverywhere(page, 'knowledge check answered');

    await page
      .getByRole('navigation', { name: 'Course outline' })
      .getByRole('button', { name: /A walk around the floor/ })
      .click();
    await expect(page.getByRole('heading', { level: 1, name: 'A walk around the floor' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Back to my path', exact: true })).toHaveCount(1);
    await expect(page.getByRole('button', { name: /^Next lesson/ })).toBeVisible();
  } finally {
    dispose();
  }
});

test('a lesson a lesson rule skips shows as skipped with its reason on the map, in the outline and in the lesson; it counts as done and can still be taken; axe light and dark at every width', async ({
  page,
}) => {
  test.setTimeout(300_000);
  const index = loadCourseOrThrow(exampleJson('shop-floor-safety'));
  const sam = index.course.personas.find((p) => p.id === 'sam')!;
  const rule = index.course.rules.find((r) => r.then.kind === 'skip-lessons')!;
  const { url, dispose } = exported('shop-floor-safety');
  try {
    await page.goto(url);
    await toMap(page, sam, 'shop-floor-safety');
    const main = page.locator('main');
    const induction = main.locator('.module', {
      has: page.getByRole('heading', { level: 2, name: 'Walking the floor safely', exact: true }),
    });
    const skippedRow = induction.locator('.lesson-row', { hasText: 'A walk around the floor' });
    await expect(skippedRow.locator('.chip')).toHaveText('Skipped');
    await expect(skippedRow.locator('.skip-reason')).toHaveText(`You can skip this: ${rule.reason}`);
    // The reason describes the row; the row's name stays short, as screen readers list it.
    await expect(skippedRow).toHaveAccessibleDescription(`You can skip this: ${rule.reason}`);
    await expect(skippedRow).toHaveAccessibleName(/^A walk around the floor\s*Skipped\s*4 min$/);
    // The skipped lesson is neither to do nor done: one lesson left, its minutes only.
    await expect(induction.locator('.module-meta')).toContainText('1 lesson · 2 min · 1 skipped · 0 of 1 done');
    const outline = page.getByRole('navigation', { name: 'Course outline' });
    await expect(
      outline.getByRole('button', { name: `A walk around the floor (skipped: ${rule.reason})` }),
    ).toBeVisible();
    await axeEverywhere(page, 'course map with a skipped lesson');

    // "Continue" passes the skipped lesson by; done with the check, the module is done.
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Check: where do you walk?');
    const card = page.locator('.check').first();
    const q = index.questions.get((await card.getAttribute('data-question'))!)!;
    await answer(driver(page, 'mouse', false), q, undefined);
    await page.getByRole('button', { name: 'Check answer' }).click();
    await page.getByRole('button', { name: 'Mark complete and continue' }).click();
    await expect(page.locator('.map')).toBeVisible();
    await expect(induction.locator('.module-meta .chip')).toHaveText('Done');
    await expect(induction.locator('.module-meta')).toContainText('1 of 1 done');
    await expect(
      outline.locator('.outline-module', { hasText: 'Walking the floor safely' }).locator('.count'),
    ).toHaveText(' 1/1');

    // The learner may still open it: the lesson says why it may be skipped, and can be completed.
    await outline.getByRole('button', { name: /^A walk around the floor/ }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'A walk around the floor' })).toBeVisible();
    await expect(page.locator('.lesson-meta .chip-skipped')).toHaveText('Skipped');
    await expect(page.locator('.skip-note')).toHaveText(
      `You can skip this lesson: ${rule.reason} It counts as done on your path; read it if you like.`,
    );
    await axeEverywhere(page, 'a skipped lesson opened');
    await page.getByRole('button', { name: 'Mark complete and continue' }).click();
    await expect(page.locator('.map')).toBeVisible();
    await expect(skippedRow.locator('.tick')).toHaveText('✓');
  } finally {
    dispose();
  }
});

test('a picked case study can be changed until its first lesson is done', async ({ page }) => {
  test.setTimeout(180_000);
  const index = loadCourseOrThrow(exampleJson('purchase-approvals'));
  const rosa = index.course.personas.find((p) => p.id === 'rosa')!;
  const { url, dispose } = exported('purchase-approvals');
  try {
    await page.goto(url);
    await toMap(page, rosa, 'purchase-approvals');
    const main = page.locator('main');
    await main.getByRole('button', { name: 'Choose “Case study: hiring a contractor”' }).click();
    await expect(main.getByRole('button', { name: /^Choose “/ })).toHaveCount(0);
    await axeEverywhere(page, 'a case study chosen, still changeable');
    // On a phone the outline is a drawer: open, it passes axe in both themes too.
    await page.setViewportSize({ width: 320, height: 640 });
    await page.getByRole('button', { name: 'Course outline' }).click();
    await expect(page.getByRole('navigation', { name: 'Course outline' })).toBeVisible();
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
      const { violations } = await (await axe(page)).analyze();
      expect(
        violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`),
        `drawer, ${scheme}`,
      ).toEqual([]);
    }
    await page.keyboard.press('Escape');
    await page.setViewportSize({ width: 1280, height: 800 });
    await main.getByRole('button', { name: 'Change my choice' }).click();
    await main.getByRole('button', { name: 'Choose “Case study: buying a software subscription”' }).click();
    const picked = main.locator('.module', { hasText: 'Case study: buying a software subscription' });
    await picked.locator('.lesson-row').first().click();
    await page.getByRole('button', { name: 'Mark complete and continue' }).click();
    if (await page.getByRole('button', { name: 'Back to my path' }).isVisible())
      await page.getByRole('button', { name: 'Back to my path' }).click();
    await expect(page.locator('.map')).toBeVisible();
    await expect(main.getByRole('button', { name: 'Change my choice' })).toHaveCount(0);
  } finally {
    dispose();
  }
});

test('a choice of two case studies out of three: each pick can be changed until its module is started', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const index = loadCourseOrThrow(exampleJson('purchase-approvals'));
  const rosa = index.course.personas.find((p) => p.id === 'rosa')!;
  const { url, dispose } = exported('purchase-approvals', (course) => {
    const modules = course['modules'] as { id: string; title: string; lessons: { id: string }[] }[];
    const services = modules.find((m) => m.id === 'case-services')!;
    const cleaning = structuredClone(services);
    cleaning.id = 'case-cleaning';
    cleaning.title = 'Case study: a cleaning contract';
    cleaning.lessons.forEach((l) => (l.id = `cleaning-${l.id}`));
    modules.splice(modules.indexOf(services) + 1, 0, cleaning);
    const rule = (course['rules'] as { id: string; then: Record<string, unknown> }[]).find(
      (r) => r.id === 'choose-case-study',
    )!;
    rule.then = { ...rule.then, modules: ['case-software', 'case-services', 'case-cleaning'], pick: 2 };
  });
  try {
    await page.goto(url);
    await toMap(page, rosa, 'purchase-approvals');
    const main = page.locator('main');
    const choose = main.getByRole('button', { name: /^Choose “Case study/ });
    await expect(choose).toHaveCount(3);
    await expect(main.locator('.chip', { hasText: 'Choose 2' })).toHaveCount(3);
    await main.getByRole('button', { name: 'Choose “Case study: hiring a contractor”' }).click();
    // One picked, one to go: the other two stay open, and say so.
    await expect(choose).toHaveCount(2);
    await expect(main.getByText('Pick 2 of 3 options. 1 picked so far.').first()).toBeVisible();
    await main.getByRole('button', { name: 'Choose “Case study: a cleaning contract”' }).click();
    await expect(choose).toHaveCount(0);
    await expect(main.getByRole('button', { name: 'Change my choice' })).toHaveCount(2);
    await axeEverywhere(page, 'two case studies chosen, still changeable');

    // Change one pick: the software case study takes the contractor's place.
    const contractor = main.locator('.module', { hasText: 'Case study: hiring a contractor' });
    await contractor.getByRole('button', { name: 'Change my choice' }).click();
    await main.getByRole('button', { name: 'Choose “Case study: buying a software subscription”' }).click();
    await expect(choose).toHaveCount(0);
    const software = main.locator('.module', { hasText: 'Case study: buying a software subscription' });
    await software.locator('.lesson-row').first().click();
    await page.getByRole('button', { name: 'Mark complete and continue' }).click();
    if (await page.getByRole('button', { name: 'Back to my path' }).isVisible())
      await page.getByRole('button', { name: 'Back to my path' }).click();
    await expect(page.locator('.map')).toBeVisible();
    // Started: that pick is kept; the other can still be changed.
    await expect(software.getByRole('button', { name: 'Change my choice' })).toHaveCount(0);
    await expect(main.getByRole('button', { name: 'Change my choice' })).toHaveCount(1);
  } finally {
    dispose();
  }
});

test('the branding accent colours the player at AA in both themes; the theme toggle overrides the OS and is remembered; a favicon ships', async ({
  page,
}) => {
  const { url, dispose } = exported('shop-floor-safety', (course) => {
    (course['settings'] as Record<string, unknown>)['branding'] = { accent: '#ffcc00' };
  });
  try {
    // No transitions: the colours read are the settled ones.
    await page.emulateMedia({ colorScheme: 'light', reducedMotion: 'reduce' });
    await page.goto(url);
    const start = page.getByRole('button', { name: 'Start the placement test' });
    const colours = () =>
      start.evaluate((el) => {
        const s = getComputedStyle(el);
        return [s.backgroundColor, s.color, getComputedStyle(document.documentElement).backgroundColor];
      });
    const [lightFill, lightText] = await colours();
    // Yellow on white cannot be read: the player darkens it until it can.
    expect(lightFill).not.toBe('rgb(255, 204, 0)');
    expect(contrastOf(lightFill!, lightText!)).toBeGreaterThanOrEqual(4.5);
    expect(contrastOf(lightFill!, 'rgb(255, 255, 255)')).toBeGreaterThanOrEqual(4.5);

    const toggle = page.getByRole('button', { name: 'Dark theme' });
    await expect(toggle).toHaveAttribute('aria-pressed', 'false');
    await toggle.click();
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');
    const [darkFill, darkText, darkPage] = await colours();
    expect(darkPage).toBe('rgb(21, 25, 30)');
    expect(contrastOf(darkFill!, darkText!)).toBeGreaterThanOrEqual(4.5);
    expect(contrastOf(darkFill!, darkPage!)).toBeGreaterThanOrEqual(4.5);
    await page.reload();
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor)).toBe(
      'rgb(21, 25, 30)',
    );

    const icon = await page.locator('link[rel="icon"]').evaluate((l) => (l as HTMLLinkElement).href);
    expect(readFileSync(fileURLToPath(icon), 'utf8')).toContain('<svg');
  } finally {
    dispose();
  }
});

test('reduced motion stops every transition', async ({ page }) => {
  const { url, dispose } = exported('shop-floor-safety');
  try {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.goto(url);
    const moving = await page.evaluate(
      () =>
        [...document.querySelectorAll('*')].filter((el) => {
          const s = getComputedStyle(el);
          return s.transitionDuration.split(',').some((d) => parseFloat(d) > 0) || s.animationName !== 'none';
        }).length,
    );
    expect(moving).toBe(0);
  } finally {
    dispose();
  }
});

/** Opens the package with this progress kept on the device (no LMS: the browser keeps it). */
async function resume(page: Page, url: string, ix: CourseIndex, record: LearnerRecord) {
  const key = `tailor:${ix.course.id}:local`;
  const value = JSON.stringify({ suspendData: encodeLearnerRecord(ix, record), location: 'map', confirmed: true });
  // The seed is stored from a blank page beside the player (file:// pages share their storage), before the player
  // ever loads: a reload later in the test is a new session that reads what the player kept, and no script runs on
  // it. The seed used to be written by an init script on every load, guarded by a mark in storage; in full runs a
  // reloaded player twice showed the seed instead of the learner's answers (with the mark in sessionStorage, then in
  // localStorage), which is what that script applied again would do.
  const blank = new URL('seed.html', url);
  writeFileSync(fileURLToPath(blank), '<!doctype html><title>Seed</title>');
  await page.goto(blank.href);
  await page.evaluate(([k, v]) => localStorage.setItem(k!, v!), [key, value]);
  await page.goto(url);
}

const keptRecord = async (page: Page, ix: CourseIndex) =>
  decodeLearnerRecord(
    ix,
    await page.evaluate(
      (k) => (JSON.parse(localStorage.getItem(k) ?? '{}') as { suspendData: string }).suspendData,
      `tailor:${ix.course.id}:local`,
    ),
  );

test('the end screen says the time really spent, summed over sessions, not an estimate', async ({ page }) => {
  test.setTimeout(180_000);
  const index = loadCourseOrThrow(exampleJson('purchase-approvals'));
  const { url, dispose } = exported('purchase-approvals');
  try {
    // A fake clock, paused: the times below do not depend on how fast this machine loads the page.
    const t0 = new Date('2026-12-01T09:00:00Z').getTime();
    await page.clock.install({ time: t0 });
    // Ten minutes from earlier sessions; this one is in the last lesson.
    await resume(page, url, index, {
      ...nadiaBeforeChecks(index),
      completed: [...nadiaBeforeChecks(index).completed, 'why-check'],
      checks: { 'k-three-questions': 'correct' },
      location: 'req-check',
      seconds: 600,
    });
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Check: spot the split order');
    // The session began a few seconds after t0; two minutes after t0 it is just under two minutes old.
    await page.clock.pauseAt(t0 + 2 * 60_000);
    await page.clock.fastForward('05:00');
    await page.getByRole('radio', { name: 'Raise one requisition for €9,000 for her department head' }).check();
    await page.getByRole('button', { name: 'Check answer' }).click();
    await page.getByRole('button', { name: 'Mark complete and continue' }).click();
    await expect(page.getByText('You have completed the course.')).toBeVisible();
    await expect(page.locator('.result')).toContainText('Time spent: 16 minutes');

    // A new session starts from what was kept, and adds its own time.
    await page.reload();
    await expect(page.locator('.result')).toContainText('Time spent: 16 minutes');
    await page.clock.fastForward('03:00');
    await page.getByRole('button', { name: 'Course overview' }).click();
    await expect(page.locator('.result')).toContainText('Time spent: 19 minutes');
    expect((await keptRecord(page, index)).seconds).toBeGreaterThanOrEqual(19 * 60);
    // Axe waits on timers: the clock runs again for it.
    await page.clock.resume();
    await axeEverywhere(page, 'end screen');
  } finally {
    dispose();
  }
});

test('where the course allows it, a wrong check can be tried again as practice: the first answer keeps counting', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const allowing = (course: Record<string, unknown>) => {
    (course['settings'] as Record<string, unknown>)['checks'] = { tryAgain: true };
  };
  const json = exampleJson('purchase-approvals') as Record<string, unknown>;
  allowing(json);
  const index = loadCourseOrThrow(json);
  const { url, dispose } = exported('purchase-approvals', allowing);
  try {
    await resume(page, url, index, { ...nadiaBeforeChecks(index), location: 'why-check' });
    const card = page.locator('.check').first();
    await expect(card).toHaveAttribute('data-question', 'k-three-questions');
    const q = index.questions.get('k-three-questions')!;
    if (q.type !== 'single') throw new Error('k-three-questions is a single-choice question');
    const wrong = q.choices.find((c) => !c.correct)!;
    const right = q.choices.find((c) => c.correct)!;
    await page.getByRole('radio', { name: wrong.text, exact: true }).check();
    await page.getByRole('button', { name: 'Check answer' }).click();
    await expect(card.getByRole('status')).toContainText('Not quite.');
    // The key waits: trying again would mean nothing if it were already shown.
    await expect(card.locator('.choice-correct')).toHaveCount(0);
    await expect(card.getByRole('button', { name: 'Try again' })).toBeVisible();
    await expect(card.getByRole('button', { name: 'Show the answer' })).toBeVisible();
    await axeEverywhere(page, 'knowledge check, wrong, may try again');

    await card.getByRole('button', { name: 'Try again' }).click();
    const practice = page.locator('.check').first();
    await expect(practice.getByText('Knowledge check · practice')).toBeVisible();
    await expect(practice.getByRole('radio').first()).toBeFocused();
    await page.getByRole('radio', { name: right.text, exact: true }).check();
    await practice.getByRole('button', { name: 'Check answer' }).click();
    await expect(practice.getByRole('status')).toContainText('Correct.');
    await expect(practice.getByRole('status')).toContainText('Practice: your first answer is the one that counts.');
    await axeEverywhere(page, 'knowledge check, practice try');
    expect((await keptRecord(page, index)).checks).toEqual({ 'k-three-questions': 'wrong' });

    // Reopened, the check says how it went and still offers practice.
    await page.reload();
    const reopened = page.locator('.check').first();
    await expect(reopened.getByRole('status')).toContainText('You answered this check earlier: not quite right.');
    await reopened.getByRole('button', { name: 'Try again' }).click();
    await page.getByRole('radio', { name: wrong.text, exact: true }).check();
    await page.locator('.check').first().getByRole('button', { name: 'Check answer' }).click();
    await page.locator('.check').first().getByRole('button', { name: 'Show the answer' }).click();
    await expect(page.locator('.check .choice-correct')).toContainText(`${right.text}✓Correct answer`);
  } finally {
    dispose();
  }
});

test('without the course’s leave, a check answered wrongly offers no second try', async ({ page }) => {
  const index = loadCourseOrThrow(exampleJson('purchase-approvals'));
  const { url, dispose } = exported('purchase-approvals');
  try {
    await resume(page, url, index, { ...nadiaBeforeChecks(index), location: 'why-check' });
    const q = index.questions.get('k-three-questions')!;
    if (q.type !== 'single') throw new Error('k-three-questions is a single-choice question');
    await page.getByRole('radio', { name: q.choices.find((c) => !c.correct)!.text, exact: true }).check();
    await page.getByRole('button', { name: 'Check answer' }).click();
    await expect(page.locator('.check .choice-correct')).toHaveCount(1);
    await expect(page.getByRole('button', { name: 'Try again' })).toHaveCount(0);
  } finally {
    dispose();
  }
});

test('a cover picture ships in the package and spans the cover band at every width, described for screen readers', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const alt = 'Floor plan of the plant with walkways, forklift lanes and the first-aid point';
  const { url, dispose } = exported('shop-floor-safety', (course) => {
    (course['settings'] as Record<string, unknown>)['branding'] = { hero: { src: 'assets/floor-zones.svg', alt } };
  });
  try {
    await page.goto(url);
    const picture = page.locator('.view-head.cover img.cover-picture');
    await expect(picture).toHaveAttribute('alt', alt);
    await expect(page.getByRole('img', { name: alt })).toBeVisible();
    // Exported with the package: the file loads from the package folder.
    await expect.poll(() => picture.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
    for (const width of [320, 768, 1280]) {
      await page.setViewportSize({ width, height: 800 });
      const band = (await page.locator('.view-head.cover').boundingBox())!;
      const box = (await picture.boundingBox())!;
      expect(Math.abs(box.width - band.width), `${width} px`).toBeLessThanOrEqual(1);
      expect(box.height, `${width} px`).toBeLessThan(box.width);
    }
    await axeEverywhere(page, 'cover with a picture');
  } finally {
    dispose();
  }
});

/** WCAG contrast of two computed `rgb()` colours. */
function contrastOf(a: string, b: string): number {
  const lum = (c: string) => {
    const [r, g, bl] = c
      .match(/\d+/g)!
      .slice(0, 3)
      .map((v) => {
        const s = Number(v) / 255;
        return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      }) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}
