import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { personaAnswer, playAsPersona } from '../../shared/engine/persona-play';
import { exampleIndex } from '../fixtures/examples';
import { axe } from './axe';
import { expect, test } from './fixtures';
import { answer, driver } from './player-driver';
import { saved } from './studio-outline';
import { callHost, type RunningHost } from './web-host-process';

const EXAMPLE = fileURLToPath(new URL('../../resources/examples/purchase-approvals', import.meta.url));
const CLI = fileURLToPath(new URL('../../out/cli/tailor.mjs', import.meta.url));
const STATUS = {
  required: 'Takes',
  optional: 'May take',
  skipped: 'Tested out',
  excluded: 'Not for them',
  choice: 'Chooses',
};

// Generous: these tests walk the player in nested frames on a shared, loaded machine.
test.describe.configure({ timeout: 240_000 });

/** Imports the procurement example into the host and opens it on the preview. */
async function openPreview(page: Page, host: RunningHost): Promise<void> {
  const { path } = await callHost<{ path: string }>(host, 'document.importPortable', { folder: EXAMPLE });
  await page.goto(`${host.url}#course=${encodeURIComponent(path)}&sel=preview`);
  // The page draws nothing until the course has opened: the header's save state, then the preview, come first.
  await saved(page);
  await expect(page.getByRole('progressbar', { name: 'Opening the course' })).toHaveCount(0, { timeout: 30_000 });
  // The preview's code loads on first use; a busy machine takes its time.
  await expect(page.locator('.preview')).toBeVisible({ timeout: 30_000 });
  await expect(page.locator('.lazy-loading')).toHaveCount(0, { timeout: 30_000 });
}

/** The course in the preview: the package's frame inside the LMS page's frame. */
const playerIn = (page: Page) => page.frameLocator('iframe.preview-frame').frameLocator('iframe');

/** Chooses who the preview plays: the player starts afresh as that persona. */
async function chooseLearner(page: Page, personaName: string): Promise<void> {
  await page.getByRole('combobox', { name: 'Learner' }).selectOption({ label: personaName });
}

/** The LMS tab's simulation: closes the course's tab, as a learner would. */
async function closeTheTab(page: Page): Promise<void> {
  await page.getByRole('group', { name: 'Simulate the LMS' }).getByRole('button', { name: 'Close the tab' }).click();
  await expect(page.getByRole('status').filter({ hasText: /^Tab closed/ })).toBeVisible();
}

/** The LMS tab's simulation: launches the course again, resuming; `session` is the new session's number. */
async function relaunch(page: Page, session: number): Promise<void> {
  await page
    .getByRole('group', { name: 'Simulate the LMS' })
    .getByRole('button', { name: 'Relaunch (resume)' })
    .click();
  await expect(page.getByRole('status').filter({ hasText: new RegExp(`^Session ${session} launched`) })).toBeVisible();
}

/** Chooses the persona (if not chosen yet), starts the course and answers the placement test as they would, up to their path. */
async function startAsPersona(page: Page, personaName: string): Promise<void> {
  await chooseLearner(page, personaName);
  const { course } = exampleIndex('purchase-approvals');
  const persona = course.personas.find((p) => p.name === personaName)!;
  const frame = playerIn(page);
  const d = { ...driver(page, 'mouse'), frame };
  await frame.getByRole('button', { name: /^Start/ }).click({ timeout: 30_000 });
  await frame.getByRole('heading', { level: 1 }).first().waitFor();
  while (await frame.getByRole('button', { name: 'Submit answer' }).isVisible()) {
    const prompt = (await frame.locator('legend').first().textContent())!.trim();
    const q = course.questions.find((x) => x.prompt === prompt)!;
    await answer(d, q, personaAnswer(course, persona, q, 'placement'));
    await frame.getByRole('button', { name: 'Submit answer' }).click();
    await frame.getByRole('status').filter({ hasText: /\S/ }).waitFor();
    await frame.getByRole('button', { name: 'Next' }).click();
  }
  if (await frame.getByRole('button', { name: 'See my path' }).isVisible())
    await frame.getByRole('button', { name: 'See my path' }).click();
  await frame.locator('.map').waitFor();
}

test('the preview plays the exported package against scorm-again, as a persona', async ({ page, host }) => {
  await openPreview(page, host);
  await chooseLearner(page, 'Victor, veteran approver');
  await page.getByRole('combobox', { name: 'LMS' }).selectOption({ label: 'SCORM 1.2' });
  const player = page.frameLocator('iframe.preview-frame').frameLocator('iframe');
  await expect(player.locator('#player')).toContainText(/\S/, { timeout: 30_000 });
  await page.getByRole('tab', { name: /^LMS calls/ }).click();
  // The package is rebuilt for SCORM 1.2 after a short pause, then launched again.
  await expect(page.getByRole('table', { name: 'API calls' })).toContainText('LMSInitialize', { timeout: 30_000 });
  // The package runs on its own origin, never the studio's.
  const frameUrl = await page.locator('iframe.preview-frame').getAttribute('src');
  expect(new URL(frameUrl ?? '').origin).not.toBe(new URL(host.url).origin);
  await expect(page.locator('iframe.preview-frame')).toHaveAttribute(
    'sandbox',
    'allow-scripts allow-same-origin allow-forms',
  );

  await page.getByRole('tab', { name: 'Path' }).click();
  const xray = page.getByRole('region', { name: 'Path of Victor, veteran approver' });
  await expect(xray.getByText('Your placement answers show you already know why the policy exists.')).toBeVisible();
});

test('side by side shows what `tailor paths` shows for every persona', async ({ page, host }) => {
  await openPreview(page, host);
  await page.getByRole('tab', { name: 'Side by side' }).click();
  const table = page.locator('table.preview-compare-table');
  const expected = JSON.parse(
    execFileSync(process.execPath, [CLI, 'paths', EXAMPLE, '--json'], { encoding: 'utf8' }),
  ) as {
    persona: { name: string };
    path: { minutesLeft: number; modules: { title: string; status: keyof typeof STATUS }[] };
  }[];
  await expect(table.locator('thead th')).toHaveText(expected.map((e) => e.persona.name));
  for (const [column, entry] of expected.entries()) {
    await expect(
      table
        .getByRole('row', { name: /^Estimated time/ })
        .locator('td')
        .nth(column),
    ).toHaveText(`${entry.path.minutesLeft} min`);
    for (const m of entry.path.modules)
      await expect(
        table
          .getByRole('row')
          .filter({ has: page.getByRole('rowheader', { name: m.title, exact: false }) })
          .locator('td')
          .nth(column),
      ).toHaveText(new RegExp(`^${STATUS[m.status]}`));
  }
  // Nadia takes the policy module, Victor tests out of it: the row is marked as a difference.
  await expect(table.getByRole('row', { name: /Why the approvals policy exists \(differs\)/ })).toBeVisible();
});

test('a simulated close and relaunch resumes on the bookmark; a failing commit is shown with its error code', async ({
  page,
  host,
}) => {
  await openPreview(page, host);
  await startAsPersona(page, 'Victor, veteran approver');
  const frame = playerIn(page);
  await frame.getByRole('button', { name: 'Continue' }).click();
  // The lesson has replaced the map (it stays in the page, put away) before its title is read.
  await expect(frame.locator('.map')).toHaveClass(/\bis-away\b/);
  const lesson = (await frame.getByRole('heading', { level: 1 }).textContent())!.trim();
  expect(lesson).not.toBe('');

  await page.getByRole('tab', { name: /^LMS calls/ }).click();
  const simulate = page.getByRole('group', { name: 'Simulate the LMS' });
  await closeTheTab(page);
  await expect(page.getByRole('table', { name: 'API calls' })).toContainText('Terminate');
  await expect(simulate.getByRole('button', { name: 'Close the tab' })).toBeDisabled();

  await relaunch(page, 2);
  await expect(frame.getByRole('heading', { level: 1 })).toHaveText(lesson);
  const model = page.getByRole('table', { name: 'Data model' });
  await expect(model.getByRole('row', { name: /cmi\.entry/ })).toContainText('resume');

  // Commits now fail: the course is told (391) and says so to the learner; the LMS keeps its last save.
  // Blueprint's switch draws its own control over the input: the label is what a designer clicks.
  await simulate.getByText('Commits fail').click();
  await expect(simulate.getByRole('checkbox', { name: 'Commits fail' })).toBeChecked();
  await frame.getByRole('button', { name: 'Save and exit' }).click();
  const calls = page.getByRole('table', { name: 'API calls' });
  await expect(calls.getByRole('row').filter({ hasText: 'Commit refused (simulated)' }).first()).toContainText('391');
  await expect(frame.getByRole('heading', { name: 'Progress not saved to your LMS' })).toBeVisible();
});

/** Every preview screen in both themes: no serious or critical axe violation (the player is checked in its own suites). */
async function expectNoSeriousAxeViolations(page: Page, scope = '.preview'): Promise<void> {
  for (const theme of ['light', 'dark'] as const) {
    const toggle = page.getByRole('button', { name: theme === 'dark' ? 'Use the dark theme' : 'Use the light theme' });
    // Behind a dialog the theme cannot change: the dialog is checked in the theme it opened in.
    if (scope === '.preview' && (await toggle.isVisible())) await toggle.click();
    const results = await (await axe(page)).include(scope).exclude('.preview-frame').analyze();
    const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(
      serious.map((v) => `${theme}: ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
      theme,
    ).toEqual([]);
  }
}

test('two personas previewed, compared, and sent as a review report that opens offline with no request', async ({
  page,
  host,
  browser,
}) => {
  await openPreview(page, host);
  const learner = page.getByRole('combobox', { name: 'Learner' });

  await learner.selectOption({ label: 'Nadia, new buyer' });
  const nadia = page.getByRole('region', { name: 'Path of Nadia, new buyer' });
  await expect(nadia.locator('li').filter({ hasText: 'Why the approvals policy exists' })).toContainText('Takes');
  await expect(playerIn(page).locator('#player')).toContainText(/\S/, { timeout: 30_000 });
  await expectNoSeriousAxeViolations(page);

  await learner.selectOption({ label: 'Victor, veteran approver' });
  const victor = page.getByRole('region', { name: 'Path of Victor, veteran approver' });
  const policy = victor.locator('li').filter({ hasText: 'Why the approvals policy exists' });
  await expect(policy).toContainText('Tested out');
  await expect(policy).toContainText('Your placement answers show you already know why the policy exists.');

  await page.getByRole('tab', { name: 'Side by side' }).click();
  await expect(page.getByRole('row', { name: /Why the approvals policy exists \(differs\)/ })).toBeVisible();
  await expectNoSeriousAxeViolations(page);
  await page.getByRole('tab', { name: /^LMS calls/ }).click();
  await expect(page.getByRole('table', { name: 'API calls' })).toBeVisible();
  await expectNoSeriousAxeViolations(page);

  await page.getByRole('button', { name: 'Review report…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Write the review report' });
  await expectNoSeriousAxeViolations(page, '[role="dialog"]');
  await dialog.getByRole('button', { name: 'Write report' }).click();
  const written = dialog.getByRole('status').filter({ hasText: 'Report written' });
  await expect(written).toBeVisible();
  const out = (await written.locator('code').textContent())!;
  const report = readFileSync(out, 'utf8');

  // Opened on its own, offline: the only request is the page itself, and its CSP lets its style in.
  const context = await browser.newContext();
  const standalone = await context.newPage();
  const address = 'http://report.invalid/review.html';
  const requests: string[] = [];
  const violations: string[] = [];
  standalone.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  await context.route('**/*', (route) => {
    requests.push(route.request().url());
    return route.request().url() === address
      ? route.fulfill({ body: report, contentType: 'text/html; charset=utf-8' })
      : route.abort('internetdisconnected');
  });
  await standalone.goto(address);
  await expect(standalone.getByRole('heading', { level: 1 })).toHaveText(/^Purchase approvals/);
  await expect(standalone.getByRole('heading', { name: 'Victor, veteran approver' })).toBeVisible();
  await expect(standalone.getByRole('row', { name: /Why the approvals policy exists \(differs\)/ })).toHaveCSS(
    'background-color',
    'rgba(0, 0, 0, 0)',
  );
  await expect(
    standalone
      .getByRole('row', { name: /Why the approvals policy exists \(differs\)/ })
      .locator('td')
      .first(),
  ).toHaveCSS('background-color', 'rgb(251, 243, 208)');
  expect(requests).toEqual([address]);
  expect(violations).toEqual([]);
  await context.close();
});

test('the device frame and display toggles reach the player: phone width, dark mode, captions ticked', async ({
  page,
  host,
}) => {
  await openPreview(page, host);
  // The device and display toggles sit behind the toolbar's Display button, which names the device.
  const button = page.getByRole('button', { name: 'Display: Desktop' });
  const panel = page.getByRole('dialog', { name: 'The learner’s display' });
  // By keyboard: Enter opens the panel, Escape closes it and gives the focus back to the button.
  // (Once the player has loaded: it focuses its own heading when it shows a view.)
  await expect(playerIn(page).locator('#player')).toContainText(/\S/, { timeout: 30_000 });
  await button.focus();
  await page.keyboard.press('Enter');
  await expect(panel).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(panel).toBeHidden();
  await expect(button).toBeFocused();

  await button.click();
  await panel.getByRole('combobox', { name: 'Device' }).selectOption({ label: 'Phone (375 px)' });
  const display = panel.getByRole('group', { name: 'Learner’s display' });
  await display.getByText('Dark mode').click();
  await display.getByText('Captions on').click();
  await expect(page.getByRole('button', { name: 'Display: Phone' })).toBeVisible();
  const player = playerIn(page);
  await expect(player.locator('html')).toHaveAttribute('data-theme', 'dark', { timeout: 30_000 });
  await expect(player.getByRole('checkbox', { name: 'Captions on videos' })).toBeChecked();
  await expect.poll(() => page.locator('iframe.preview-frame').evaluate((f) => f.clientWidth)).toBe(375);
});

test('the Path X-ray opens a module in the player, says why it cannot when the path does not allow it, and opens the editor with Ctrl', async ({
  page,
  host,
}) => {
  await openPreview(page, host);
  await chooseLearner(page, 'Victor, veteran approver');
  const frame = playerIn(page);
  await expect(frame.getByRole('button', { name: /^Start/ })).toBeVisible({ timeout: 30_000 });
  const xray = page.getByRole('region', { name: 'Path of Victor, veteran approver' });
  const note = xray.getByRole('status');
  // Each status has its colour even when the preview is the first view opened (the palette is the studio's).
  // A status is a coloured edge and a tinted label.
  await expect(xray.locator('.preview-xray-item.is-skipped').first()).toHaveCSS(
    'border-left-color',
    'rgb(35, 133, 81)',
  );
  await expect(xray.locator('.preview-xray-item.is-skipped .preview-xray-status').first()).toHaveCSS(
    'background-color',
    'rgb(201, 236, 216)',
  );
  await expect(xray.locator('.preview-xray-item.is-required').first()).toHaveCSS(
    'border-left-color',
    'rgb(45, 114, 210)',
  );
  await expect(xray.locator('.preview-xray-item.is-required .preview-xray-status').first()).toHaveCSS(
    'background-color',
    'rgb(211, 228, 250)',
  );

  // Before the intake the learner has no path: the X-ray says so and the player stays where it is.
  await xray.getByRole('button', { name: /^The approver's desk/ }).click();
  await expect(note).toContainText('has not started yet');
  await expect(frame.getByRole('button', { name: /^Start/ })).toBeVisible();

  await startAsPersona(page, 'Victor, veteran approver');
  await xray.getByRole('button', { name: /^The approver's desk/ }).click();
  await expect(frame.getByRole('heading', { level: 1 })).toHaveText('A one-minute review');
  await expect(note).toContainText('Opened “A one-minute review”');

  // Tested out: not opened, and the note gives the rule's reason.
  await xray.getByRole('button', { name: /^Why the approvals policy exists/ }).click();
  await expect(note).toContainText('tested out for this learner');
  await expect(note).toContainText('already know why the policy exists');
  await expect(frame.getByRole('heading', { level: 1 })).toHaveText('A one-minute review');
  await expectNoSeriousAxeViolations(page);

  // The keyboard's Ctrl+click: Ctrl+Enter on the item opens its editor in the studio.
  await xray.getByRole('button', { name: /^Approval thresholds/ }).focus();
  await page.keyboard.press('Control+Enter');
  await expect(page).toHaveURL(/sel=module(:|%3A)thresholds/);
  await page.getByRole('button', { name: 'Preview', exact: true }).click();
  // The preview starts afresh when it is opened again.
  await chooseLearner(page, 'Victor, veteran approver');
  await page
    .getByRole('region', { name: 'Path of Victor, veteran approver' })
    .getByRole('button', { name: /^The approver's desk/ })
    .click({ modifiers: ['ControlOrMeta'], timeout: 30_000 });
  await expect(page).toHaveURL(/sel=module(:|%3A)approver-desk/);
});

test('an edit rebuilds the preview and the learner stays on their lesson, under its new title', async ({
  page,
  host,
}) => {
  await openPreview(page, host);
  await startAsPersona(page, 'Victor, veteran approver');
  const frame = playerIn(page);
  // Lesson 2 of "Approval thresholds", with lesson 1 done.
  await frame.getByRole('button', { name: 'Continue' }).click();
  await expect(frame.getByRole('heading', { level: 1 })).toHaveText('The threshold table');
  await frame.getByRole('button', { name: 'Mark complete and continue' }).click();
  await expect(frame.getByRole('heading', { level: 1 })).toHaveText('Delegating while you are away');
  const before = await page.locator('iframe.preview-frame').getAttribute('src');

  // The designer opens the lesson's editor from the outline, retitles it, and comes back to the preview.
  const outline = page.getByRole('tree', { name: 'Course outline' });
  await outline.getByRole('treeitem', { name: 'Delegating while you are away', exact: true }).click();
  await page.getByLabel('Lesson title').fill('Approving while you are on leave');
  await saved(page);
  await page.getByRole('button', { name: 'Preview', exact: true }).click();

  // A new package and a new attempt, launched with the place the LMS held: the same lesson, progress kept.
  await expect(page.locator('iframe.preview-frame')).not.toHaveAttribute('src', before ?? '', { timeout: 30_000 });
  await expect(frame.getByRole('heading', { level: 1 })).toHaveText('Approving while you are on leave', {
    timeout: 30_000,
  });
  await expect(frame.locator('.eyebrow')).toContainText('Lesson 2 of 3');
  // Lesson 1 is still done: the course outline (a drawer on narrow screens) ticks it.
  await expect(frame.locator('.outline-lesson.is-done')).toHaveText(['✓The threshold table (done)']);
  await expect(page).toHaveURL(/sel=preview/);
});

test('the autopilot answers the placement test as the persona, and the player tests out of what `tailor paths` says', async ({
  page,
  host,
}) => {
  const expected = (
    JSON.parse(execFileSync(process.execPath, [CLI, 'paths', EXAMPLE, '--json'], { encoding: 'utf8' })) as {
      persona: { name: string };
      path: { modules: { title: string; status: string }[] };
    }[]
  ).find((e) => e.persona.name.startsWith('Ben'))!;
  const testedOut = expected.path.modules.filter((m) => m.status === 'skipped').map((m) => m.title);
  expect(testedOut.length).toBeGreaterThan(0);

  await openPreview(page, host);
  const autopilot = page.getByRole('group', { name: 'Autopilot: answer as the learner' });
  await expect(autopilot.getByRole('button', { name: 'All answers' })).toBeDisabled({ timeout: 30_000 });
  await page
    .getByRole('combobox', { name: 'Learner' })
    .selectOption({ label: 'Ben, experienced buyer who listens on the move' });
  const frame = playerIn(page);
  await expect(frame.getByRole('button', { name: /^Start/ })).toBeVisible({ timeout: 30_000 });

  // Step by step: the intake first, then one placement answer per click.
  await autopilot.getByRole('button', { name: 'Next answer' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Answered the intake as the persona.' })).toBeVisible();
  await expect(frame.getByRole('button', { name: 'Submit answer' })).toBeVisible();
  await autopilot.getByRole('button', { name: 'Next answer' }).click();
  await expect(frame.getByRole('button', { name: 'Next' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: /^Answered “/ })).toBeVisible();

  // All at once: the rest of the test, up to the learner's starting point.
  await autopilot.getByRole('button', { name: 'All answers' }).click();
  await expect(frame.getByRole('heading', { level: 1 })).toHaveText('Your starting point');
  await frame.getByRole('button', { name: 'See my path' }).click();
  const player = frame.locator('section[aria-labelledby="section-tested-out"] li.module h2');
  await expect(player).toHaveText(testedOut);
  const xray = page.getByRole('region', { name: 'Path of Ben, experienced buyer who listens on the move' });
  await expect(xray.locator('li.is-skipped .preview-xray-title')).toHaveText(testedOut);
  await expectNoSeriousAxeViolations(page);
});

test('the preview leaves the keyboard focus in the studio when the player loads and when the autopilot steers it', async ({
  page,
  host,
}) => {
  await openPreview(page, host);
  const learner = page.getByRole('combobox', { name: 'Learner' });
  await learner.focus();
  await learner.selectOption({ label: 'Ben, experienced buyer who listens on the move' });
  const frame = playerIn(page);
  await expect(frame.getByRole('button', { name: /^Start/ })).toBeVisible({ timeout: 30_000 });
  await expect(learner).toBeFocused();

  const next = page
    .getByRole('group', { name: 'Autopilot: answer as the learner' })
    .getByRole('button', { name: 'Next answer' });
  await next.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Answered the intake as the persona.' })).toBeVisible();
  await expect(frame.getByRole('button', { name: 'Submit answer' })).toBeVisible();
  await expect(next).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: /^Answered “/ })).toBeVisible();
  await expect(next).toBeFocused();

  // A learner working in the player still gets each new view's title focused, for screen readers.
  await frame.getByRole('button', { name: 'Next', exact: true }).click();
  await expect(frame.getByRole('heading', { level: 1 })).toBeFocused();
});

test('with an LMS that drops values equal to their launch value, map → lesson → map in one session still resumes on the map', async ({
  page,
  host,
}) => {
  await openPreview(page, host);
  await startAsPersona(page, 'Victor, veteran approver');
  const frame = playerIn(page);
  await page.getByRole('tab', { name: /^LMS calls/ }).click();
  const simulate = page.getByRole('group', { name: 'Simulate the LMS' });
  await simulate.getByText('LMS drops values equal to their launch value').click();
  await expect(simulate.getByRole('checkbox', { name: 'LMS drops values equal to their launch value' })).toBeChecked();

  // Session 2 launches on the map: "map" is now the value the LMS launched with.
  await closeTheTab(page);
  await relaunch(page, 2);
  await expect(frame.getByRole('button', { name: 'Continue' })).toBeVisible();
  await frame.getByRole('button', { name: 'Continue' }).click();
  // The lesson has replaced the map (it stays in the page, put away) before its title is read.
  await expect(frame.locator('.map')).toHaveClass(/\bis-away\b/);
  const title = (await frame.getByRole('heading', { level: 1 }).textContent())!.trim();
  const { course } = exampleIndex('purchase-approvals');
  const lessonId = course.modules.flatMap((m) => m.lessons).find((l) => l.title === title)!.id;
  // The player commits a few seconds after a change: the LMS now holds the lesson as the bookmark.
  const model = page.getByRole('table', { name: 'Data model' });
  // The last cell is what the LMS stores; the one before is only this session's value.
  const bookmark = model
    .getByRole('row', { name: /cmi\.(core\.lesson_)?location\b/ })
    .getByRole('cell')
    .last();
  await expect(bookmark).toContainText(lessonId, { timeout: 15_000 });
  await frame.getByRole('button', { name: 'Back to my path' }).first().click();
  await expect(frame.getByRole('button', { name: 'Continue' })).toBeVisible();

  // The LMS dropped the return to "map" and still holds the lesson as the bookmark (read before the
  // relaunch: once the player runs again it rightly records "map", which differs from the new launch value)...
  await closeTheTab(page);
  await expect(bookmark).toContainText(lessonId);
  await relaunch(page, 3);
  // ...yet the learner is back on their map, where they left.
  await expect(frame.getByRole('button', { name: 'Continue' })).toBeVisible();
  await expect(frame.getByRole('heading', { level: 1 })).not.toHaveText(title);
});

test('a persona can start at any module they take, with what comes before it done as they would', async ({
  page,
  host,
}) => {
  await openPreview(page, host);
  await chooseLearner(page, 'Victor, veteran approver');
  const startAt = page.getByRole('combobox', { name: 'Start at' });
  const { course } = exampleIndex('purchase-approvals');
  const victor = course.personas.find((p) => p.id === 'victor')!;
  const lessons = playAsPersona(exampleIndex('purchase-approvals'), victor).lessons;
  const taken = [...new Set(lessons.map((id) => course.modules.find((m) => m.lessons.some((l) => l.id === id))!))];
  const last = taken.at(-1)!;
  await startAt.selectOption({ label: `Module: ${last.title}` });
  const frame = playerIn(page);
  // Straight into the module's first lesson: no intake, no placement test.
  await expect(frame.getByRole('heading', { level: 1 })).toHaveText(last.lessons[0]!.title, { timeout: 30_000 });
  await expect(frame.getByText(`${last.title} · Lesson 1 of ${last.lessons.length}`)).toBeVisible();
  // What comes before it is done: the map counts those lessons, and the module is still to do.
  await frame.getByRole('button', { name: 'Back to my path' }).first().click();
  const before = taken.slice(0, taken.indexOf(last)).flatMap((m) => m.lessons).length;
  await expect(frame.getByText(new RegExp(`^${before} of \\d+ lessons done`))).toBeVisible();
  // The beginning again: the persona answers the intake.
  await startAt.selectOption({ label: 'The beginning' });
  await expect(frame.getByRole('button', { name: /^Start/ })).toBeVisible({ timeout: 30_000 });
});
