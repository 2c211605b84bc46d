import { fileURLToPath } from 'node:url';
import type { Locator, Page } from '@playwright/test';
import { axe } from './axe';
import { expect, test } from './fixtures';
import { saved } from './studio-outline';
import { callHost, type RunningHost } from './web-host-process';

const EXAMPLE = fileURLToPath(new URL('../../resources/examples/purchase-approvals', import.meta.url));

/** Imports the procurement example through the contract, as the studio's Open dialog would. */
async function importExample(host: RunningHost): Promise<string> {
  return (await callHost<{ path: string }>(host, 'document.importPortable', { folder: EXAMPLE })).path;
}

/**
 * Serves the studio page with style-src stripped of 'unsafe-inline' (the studio's target CSP) and
 * records every CSP violation the page reports.
 */
async function strictStyles(page: Page): Promise<void> {
  await page.route(
    (url) => url.pathname === '/' || url.pathname.endsWith('/index.html'),
    async (route) => {
      const response = await route.fetch();
      const headers = { ...response.headers() };
      const csp = headers['content-security-policy'];
      if (csp) headers['content-security-policy'] = csp.replace(/\s*'unsafe-inline'/g, '');
      await route.fulfill({ response, headers });
    },
  );
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (e) =>
      seen.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}:${e.columnNumber} ${e.sample}`),
    );
  });
}

/**
 * Blocked style sheets: what CodeMirror's <style> tag would cause outside a shadow root. (Chromium's own
 * contenteditable editing may try a style="" attribute when typing over a selection; CodeMirror redraws
 * the line anyway, so style-src-attr reports are not counted.)
 */
const blockedStyleSheets = async (page: Page) =>
  (await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)).filter((v) =>
    v.startsWith('style-src-elem'),
  );

// Opening a document and typing on a shared two-core machine can take a while; nothing here is timed.
test.describe.configure({ timeout: 120_000 });

async function reload(page: Page): Promise<void> {
  await saved(page);
  await page.reload();
  await opened(page);
}

async function open(page: Page, hostUrl: string, path: string, sel: string): Promise<void> {
  await page.goto(`${hostUrl}#course=${encodeURIComponent(path)}&sel=${sel}`);
  await opened(page);
}

/**
 * Waits for the course and the personalization view to be drawn. The page draws nothing until the course has
 * opened, so a spinner's absence proves nothing by itself: the header's save state and the view come first.
 */
async function opened(page: Page): Promise<void> {
  await saved(page);
  await expect(page.getByRole('progressbar', { name: 'Opening the course' })).toHaveCount(0, { timeout: 30_000 });
  // The personalization editors' code loads on first use; a busy machine takes its time.
  await expect(page.locator('.personalization')).toBeVisible({ timeout: 30_000 });
  await expect(page.locator('.lazy-loading')).toHaveCount(0, { timeout: 30_000 });
}

test('a misspelt competency in a rule is underlined at the name and fixed by the completion', async ({
  page,
  host,
}) => {
  await strictStyles(page);
  const path = await importExample(host);
  await open(page, host.url, path, 'rule:skip-why-policy');
  const rule = page.getByRole('group', { name: 'Rule skip-why-policy' });
  const condition = rule.getByRole('textbox', { name: 'Condition of rule skip-why-policy' });
  // The rules view mounts after the course and its analysis load; a busy machine takes its time.
  await expect(condition).toHaveText('mastery(policy) >= proficient', { timeout: 30_000 });
  await expect(rule.getByText(/^Skips 1 module for \d of 4 personas\.$/)).toBeVisible();

  await condition.click();
  await page.keyboard.press('Control+a');
  await page.keyboard.type('mastery(polcy) >= proficient', { delay: 10 });
  const underline = rule.locator('.cm-lintRange-error');
  await expect(underline).toHaveText('polcy');
  await expect(rule.getByText('Draft: not used until fixed')).toBeVisible();
  await expect(
    rule.getByRole('listitem').filter({ hasText: 'There is no competency "polcy". Did you mean "policy"?' }),
  ).toBeVisible();

  expect(await blockedStyleSheets(page)).toEqual([]);
  // CodeMirror's own theme reached the page: the squiggle is its base theme's background image.
  expect(await underline.evaluate((el) => getComputedStyle(el).backgroundImage)).toContain('url(');

  // The document kept the last condition that checked: the engine never sees the broken one.
  await reload(page);
  await expect(condition).toHaveText('mastery(policy) >= proficient', { timeout: 30_000 });
});

test('accepting the completion fixes a misspelt name, and undo and redo cover the edit after a reload', async ({
  page,
  host,
}) => {
  const path = await importExample(host);
  await open(page, host.url, path, 'rule:skip-why-policy');
  const rule = page.getByRole('group', { name: 'Rule skip-why-policy' });
  const condition = rule.getByRole('textbox', { name: 'Condition of rule skip-why-policy' });
  const underline = rule.locator('.cm-lintRange-error');
  await condition.click();
  await page.keyboard.press('Control+a');
  await page.keyboard.type('mastery(polcy) >= expert', { delay: 10 });
  await expect(underline).toHaveText('polcy');
  await page.keyboard.press('Home');
  for (let i = 0; i < 'mastery(polcy'.length; i++) await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Control+Space');
  const completion = page.getByRole('listbox').getByRole('option', { name: /policy/ });
  await expect(completion.first()).toBeVisible();
  // CodeMirror ignores Enter for `interactionDelay` (75 ms) after the list opens, so a stray key
  // cannot pick an option the designer has not seen; under load the test would press it sooner.
  await page.waitForTimeout(150);
  await page.keyboard.press('Enter');
  await expect(condition).toHaveText('mastery(policy) >= expert');
  await expect(underline).toHaveCount(0);
  await expect(rule.getByText('Draft: not used until fixed')).toHaveCount(0);

  await reload(page);
  // The rules view is drawn again after the course's analysis; a busy machine takes its time.
  await expect(condition).toHaveText('mastery(policy) >= expert', { timeout: 30_000 });
  await page.keyboard.press('Control+z');
  await expect(condition).toHaveText('mastery(policy) >= proficient');
  await page.keyboard.press('Control+Shift+z');
  await expect(condition).toHaveText('mastery(policy) >= expert');
});

test('the rules list opens one rule at a time: Edit moves the focus into its condition, and a draft survives opening another rule', async ({
  page,
  host,
}) => {
  const path = await importExample(host);
  await open(page, host.url, path, 'rules');
  const list = page.getByRole('list', { name: 'Rules' });
  const summary = list.getByRole('listitem', { name: 'skip-why-policy' });
  await expect(summary).toContainText('mastery(policy) >= proficient', { timeout: 30_000 });
  // A closed rule has no editor: only the open one does.
  await expect(page.getByRole('textbox', { name: /^Condition of rule / })).toHaveCount(0);
  await expectNoSeriousAxeViolations(page);

  await summary.getByRole('button', { name: 'Edit rule skip-why-policy' }).focus();
  await page.keyboard.press('Enter');
  const rule = page.getByRole('group', { name: 'Rule skip-why-policy' });
  const condition = rule.getByRole('textbox', { name: 'Condition of rule skip-why-policy' });
  await expect(condition).toBeVisible();
  await expect(condition).toBeFocused();
  await page.keyboard.press('End');
  await page.keyboard.type(' and', { delay: 10 });
  await expect(rule.getByText('Draft: not used until fixed')).toBeVisible();

  // Open another rule by keyboard: the first closes to its summary, still a draft with the text typed.
  const other = list.getByRole('listitem').filter({ has: page.getByRole('button', { name: /^Edit rule / }) });
  const otherButton = other.first().getByRole('button', { name: /^Edit rule / });
  const otherId = ((await otherButton.getAttribute('aria-label')) ?? '').replace('Edit rule ', '');
  await otherButton.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('textbox', { name: `Condition of rule ${otherId}` })).toBeFocused();
  await expect(summary).toContainText('mastery(policy) >= proficient and');
  await expect(summary.getByText('Draft: not used until fixed')).toBeVisible();
  await expectNoSeriousAxeViolations(page);

  await summary.getByRole('button', { name: 'Edit rule skip-why-policy' }).click();
  await expect(condition).toHaveText('mastery(policy) >= proficient and');
});

/** Where an element is once the flow has stopped fitting itself into view. */
async function settledBox(
  page: Page,
  locator: Locator,
): Promise<{ x: number; y: number; width: number; height: number }> {
  let previous = '';
  for (;;) {
    const box = (await locator.boundingBox())!;
    const key = JSON.stringify(box);
    if (key === previous) return box;
    previous = key;
    await page.waitForTimeout(250);
  }
}

async function expectNoSeriousAxeViolations(page: Page): Promise<void> {
  for (const theme of ['light', 'dark'] as const) {
    const toggle = page.getByRole('button', { name: theme === 'dark' ? 'Use the dark theme' : 'Use the light theme' });
    if (await toggle.isVisible()) await toggle.click();
    const results = await (await axe(page)).include('.personalization').analyze();
    const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(
      serious.map((v) => `${theme}: ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
      theme,
    ).toEqual([]);
  }
}

test('the coverage matrix shows who tests out of what and why, and a new persona adds a column', async ({
  page,
  host,
}) => {
  const path = await importExample(host);
  await open(page, host.url, path, 'personas');
  const matrix = page.getByRole('table');
  // The matrix fills in when the analysis worker has played every persona.
  await expect(matrix.getByRole('columnheader')).toHaveCount(5, { timeout: 30_000 });
  const policyRow = matrix
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: 'Why the approvals policy exists' }) });
  // Columns after the module name: Nadia, Victor, Ben, Rosa.
  const victor = policyRow.getByRole('cell').nth(1);
  await expect(victor).toContainText('Tested out');
  const reason = 'Your placement answers show you already know why the policy exists.';
  const chip = victor.locator('.coverage-chip');
  await chip.focus();
  // The reason is the chip's shown tooltip (on focus and hover) and part of what a screen reader reads.
  await expect(chip).toHaveAttribute('data-reason', reason);
  await expect(chip).toContainText(reason);
  await expect(chip).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await expect(policyRow.getByRole('cell').nth(0).locator('.coverage-chip')).toBeFocused();
  await page.keyboard.press('End');
  await expect(policyRow.getByRole('cell').nth(3).locator('.coverage-chip')).toBeFocused();
  await expectNoSeriousAxeViolations(page);

  await page.getByRole('button', { name: 'Add persona' }).first().click();
  await expect(matrix.getByRole('columnheader', { name: /New requester/ })).toBeVisible();
  await expect(page.getByRole('group', { name: 'Persona New requester' })).toBeVisible();
  await reload(page);
  // The matrix fills in again when the analysis worker has played every persona.
  await expect(matrix.getByRole('columnheader', { name: /New requester/ })).toBeVisible({ timeout: 30_000 });
  await page.keyboard.press('Control+z');
  await expect(matrix.getByRole('columnheader', { name: /New requester/ })).toHaveCount(0);
  await page.keyboard.press('Control+Shift+z');
  await expect(matrix.getByRole('columnheader', { name: /New requester/ })).toBeVisible();
});

test('the flow shows every question and the end; a dragged connection adds a branch; a planted question is flagged', async ({
  page,
  host,
}) => {
  const path = await importExample(host);
  await open(page, host.url, path, 'placement');
  const flow = page.getByRole('region', { name: 'Placement flow' });
  const nodes = flow.locator('.react-flow__node');
  // The flow is laid out once its chunk has loaded and it has measured itself; a busy machine takes its time.
  await expect(nodes).toHaveCount(10, { timeout: 30_000 });
  for (const id of ['policy-1', 'policy-easy', 'policy-hard', 'thresholds-1', 'self-negotiation'])
    await expect(flow.locator(`.react-flow__node[data-id="${id}"]`)).toHaveAttribute(
      'aria-label',
      new RegExp(`^Question ${id} `),
    );
  await expect(flow.locator('.react-flow__node[data-id="end"]')).toContainText('End of the test');
  await expect(flow.locator('.react-flow__edge')).toHaveCount(13);
  await expect(flow.getByText('misses(policy) >= 2')).toBeVisible();

  // Connect policy-hard to vendors-1 by dragging between their handles, then keep the suggested condition.
  await flow.evaluate((el) => el.scrollIntoView({ block: 'center' }));
  const from = await settledBox(
    page,
    flow.locator('.react-flow__node[data-id="policy-hard"] .react-flow__handle.source'),
  );
  const to = await settledBox(page, flow.locator('.react-flow__node[data-id="vendors-1"] .react-flow__handle.target'));
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 12 });
  await page.mouse.up();
  const dialog = page.getByRole('dialog', { name: 'Branch from policy-hard' });
  await expect(dialog.getByRole('combobox', { name: 'Go to' })).toHaveValue('vendors-1');
  await dialog.getByRole('button', { name: 'Add branch' }).click();
  await expect(flow.locator('.react-flow__edge')).toHaveCount(14);
  await expect(page.getByRole('combobox', { name: 'Where branch 1 after policy-hard goes' })).toHaveValue('vendors-1');

  // A question added with nothing leading to it is flagged in the flow and listed in the findings.
  await page.getByRole('combobox', { name: 'Question to add to the test' }).selectOption('p-thr-3');
  await page.getByRole('button', { name: 'Add to the test' }).click();
  const planted = flow.locator('.react-flow__node[data-id="p-thr-3"]');
  await expect(planted).toContainText('never reached');
  const finding = page
    .getByRole('list', { name: 'Findings' })
    .getByRole('button', { name: 'Question p-thr-3 in the placement test' });
  await expect(finding).toBeVisible();
  await finding.click();
  await expect(page.getByRole('heading', { name: /p-thr-3/, level: 4 })).toBeFocused();

  await expectNoSeriousAxeViolations(page);

  await reload(page);
  // The flow is laid out again once it has measured itself; a busy machine takes its time.
  await expect(nodes).toHaveCount(11, { timeout: 30_000 });
  await expect(flow.locator('.react-flow__edge')).toHaveCount(15, { timeout: 30_000 });
  await page.keyboard.press('Control+z');
  await expect(nodes).toHaveCount(10);
  await page.keyboard.press('Control+z');
  await expect(flow.locator('.react-flow__edge')).toHaveCount(13);
  await page.keyboard.press('Control+Shift+z');
  await expect(flow.locator('.react-flow__edge')).toHaveCount(14);
});

/** Presses Tab until `target` has the focus; fails after `limit` presses. */
async function tabTo(page: Page, target: Locator, limit = 30): Promise<void> {
  for (let i = 0; i < limit; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  await expect(target).toBeFocused();
}

test('by keyboard alone, a question in the flow opens its editor and a branch is added and routed', async ({
  page,
  host,
}) => {
  const path = await importExample(host);
  await open(page, host.url, path, 'placement');
  const flow = page.getByRole('region', { name: 'Placement flow' });
  await expect(flow.locator('.react-flow__node')).toHaveCount(10, { timeout: 30_000 });

  // Tab from the editor's heading into the flow: every question is a tab stop with a name and a hint.
  await page.getByRole('heading', { name: /^Placement test/ }).evaluate((el) => {
    el.setAttribute('tabindex', '-1');
    el.focus();
  });
  const hard = flow.locator('.react-flow__node[data-id="policy-hard"]');
  await tabTo(page, hard);
  await expect(hard).toHaveAccessibleDescription(/Press Enter to edit this question/);
  await page.keyboard.press('Enter');
  const heading = page.getByRole('heading', { name: /policy-hard/, level: 4 });
  await expect(heading).toBeFocused();
  expect(new URL(page.url()).hash).toContain('node=policy-hard');

  // From its editor: Add branch, pick where it goes with the arrow keys, keep "correct", add it.
  const item = page.locator('.placement-node', { has: heading });
  await tabTo(page, item.getByRole('button', { name: 'Add branch' }));
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Branch from policy-hard' });
  const goTo = dialog.getByRole('combobox', { name: 'Go to' });
  await tabTo(page, goTo);
  const before = await goTo.inputValue();
  await page.keyboard.press('ArrowDown');
  await expect(goTo).not.toHaveValue(before);
  const chosen = await goTo.inputValue();
  await tabTo(page, dialog.getByRole('button', { name: 'Add branch' }));
  await page.keyboard.press('Enter');
  await expect(dialog).toHaveCount(0);
  await expect(flow.locator('.react-flow__edge')).toHaveCount(14);
  const branches = item.getByRole('combobox', { name: /^Where branch \d+ after policy-hard goes$/ });
  await expect(branches.last()).toHaveValue(chosen);

  // The focus follows the action to the new branch's target: route it elsewhere by keyboard; undo takes it back.
  await expect(branches.last()).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(branches.last()).not.toHaveValue(chosen);
  await page.keyboard.press('Control+z');
  await expect(branches.last()).toHaveValue(chosen);
});

test('a persona answers the course’s own question (where they work), kept after a reload and undone with undo', async ({
  page,
  host,
}) => {
  const safety = fileURLToPath(new URL('../../resources/examples/shop-floor-safety', import.meta.url));
  const path = (await callHost<{ path: string }>(host, 'document.importPortable', { folder: safety })).path;
  await open(page, host.url, path, 'personas');
  const sam = page.getByRole('group', { name: /^Persona Sam/ });
  const site = sam.getByRole('combobox', { name: 'Where do you work?' });
  // The personas view is drawn after the course and its analysis; a busy machine takes its time.
  await expect(site).toHaveValue('', { timeout: 30_000 });
  await expect(site.getByRole('option')).toHaveText(['Not given', 'At the main plant', 'In the warehouse']);
  await site.selectOption({ label: 'In the warehouse' });
  await expect(site).toHaveValue('warehouse');
  await reload(page);
  await expect(site).toHaveValue('warehouse', { timeout: 30_000 });
  await page.keyboard.press('Control+z');
  await expect(site).toHaveValue('');
  await expectNoSeriousAxeViolations(page);
});

test('a placement branch reads who the learner is: its edge is labelled from the parsed condition, and a new one completes an attribute’s values', async ({
  page,
  host,
}) => {
  const safety = fileURLToPath(new URL('../../resources/examples/shop-floor-safety', import.meta.url));
  const path = (await callHost<{ path: string }>(host, 'document.importPortable', { folder: safety })).path;
  await open(page, host.url, path, 'placement');
  const flow = page.getByRole('region', { name: 'Placement flow' });
  await expect(flow.locator('.react-flow__node')).toHaveCount(9, { timeout: 30_000 });
  await expect(flow.getByText('role == office-staff and site == plant')).toBeVisible();

  await flow.locator('.react-flow__node[data-id="ppe-2"]').click();
  const heading = page.getByRole('heading', { name: /ppe-2/, level: 4 });
  await expect(heading).toBeFocused();
  await page.locator('.placement-node', { has: heading }).getByRole('button', { name: 'Add branch' }).click();
  const dialog = page.getByRole('dialog', { name: 'Branch from ppe-2' });
  // The presets offer who the learner is too.
  await expect(dialog.getByRole('button', { name: 'role == floor-operator' })).toBeVisible();
  const condition = dialog.getByRole('textbox', { name: 'Condition of the new branch' });
  await condition.click();
  await page.keyboard.press('Control+a');
  await page.keyboard.type('site == ', { delay: 10 });
  await page.keyboard.press('Control+Space');
  const warehouse = page.getByRole('listbox').getByRole('option', { name: /warehouse/ });
  await expect(warehouse).toBeVisible();
  await expect(page.getByRole('listbox').getByRole('option')).toHaveCount(2);
  await page.waitForTimeout(150);
  await warehouse.click();
  await expect(condition).toHaveText('site == warehouse');
  await dialog.getByRole('button', { name: 'Add branch' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(flow.getByText('site == warehouse', { exact: true })).toBeVisible();
  await expectNoSeriousAxeViolations(page);
});

test('a choice rule says how many modules the learner picks: 2 of 3 after a third is added, kept after a reload and undone', async ({
  page,
  host,
}) => {
  const path = await importExample(host);
  await open(page, host.url, path, 'rule:choose-case-study');
  const rule = page.getByRole('group', { name: 'Rule choose-case-study' });
  const pick = rule.getByRole('combobox', { name: 'How many modules rule choose-case-study lets the learner pick' });
  await expect(pick).toHaveValue('1', { timeout: 30_000 });
  await expect(pick.getByRole('option')).toHaveText(['One of 2']);
  await rule.getByRole('combobox', { name: 'Add a module to rule choose-case-study' }).selectOption({ index: 1 });
  await expect(pick.getByRole('option')).toHaveText(['One of 3', '2 of 3']);
  await pick.selectOption({ label: '2 of 3' });
  await expect(pick).toHaveValue('2');
  await reload(page);
  await expect(pick).toHaveValue('2');
  await page.keyboard.press('Control+z');
  await expect(pick).toHaveValue('1');
  await expectNoSeriousAxeViolations(page);
});

test('a lesson rule: Skip lessons names lessons by module, reads as their titles, and the preview shows whom it skips and why', async ({
  page,
  host,
}) => {
  await strictStyles(page);
  const path = await importExample(host);
  await open(page, host.url, path, 'rules');
  await expect(page.getByRole('list', { name: 'Rules' }).getByRole('listitem')).toHaveCount(9, { timeout: 30_000 });
  await page.getByRole('button', { name: 'Add rule' }).first().click();
  const rule = page.getByRole('group', { name: 'Rule rule-10' });
  const then = rule.getByRole('combobox', { name: 'Then' });
  await expect(then).toHaveValue('recommend');

  // By keyboard: End picks the last kind, "Skip lessons"; the first lesson of the module the rule named comes with it.
  await then.focus();
  await page.keyboard.press('End');
  await expect(then).toHaveValue('skip-lessons');
  const lessons = rule.locator('.rule-target');
  await expect(lessons).toHaveText(['Why the approvals policy exists › What can go wrong with company money']);
  // The rule needs one lesson: the only one has no remove button.
  await expect(rule.getByRole('button', { name: /^Remove / })).toHaveCount(0);

  // The add control lists the lessons not named yet, grouped by module as in the outline.
  const add = rule.getByRole('combobox', { name: 'Add a lesson to rule rule-10' });
  await expect(add.locator('optgroup').first()).toHaveAttribute('label', 'Why the approvals policy exists');
  await expect(add.locator('option', { hasText: 'What can go wrong with company money' })).toHaveCount(0);
  await add.selectOption({ label: 'What a good requisition says' });
  await expect(lessons).toHaveText([
    'Why the approvals policy exists › What can go wrong with company money',
    'Raising a purchase requisition › What a good requisition says',
  ]);
  await rule
    .getByRole('button', {
      name: 'Remove Why the approvals policy exists › What can go wrong with company money from rule rule-10',
    })
    .click();
  await expect(lessons).toHaveText(['Raising a purchase requisition › What a good requisition says']);

  // Only experienced learners skip it, and they read why.
  const condition = rule.getByRole('textbox', { name: 'Condition of rule rule-10' });
  await condition.click();
  await page.keyboard.press('Control+a');
  await page.keyboard.type('seniority == experienced', { delay: 10 });
  await expect(condition).toHaveText('seniority == experienced');
  await rule.getByRole('textbox', { name: 'Reason shown to the learner' }).fill('You raise requisitions every week.');
  // Ben (a buyer) and Rosa (a requester) are the experienced ones; both take the requisitions module.
  await expect(rule.getByText('Skips 1 lesson for 2 of 4 personas.')).toBeVisible({ timeout: 30_000 });
  await expectNoSeriousAxeViolations(page);
  expect(await blockedStyleSheets(page)).toEqual([]);

  // Closed, the rule reads as the lesson's title.
  const list = page.getByRole('list', { name: 'Rules' });
  await list.getByRole('button', { name: 'Edit rule skip-why-policy' }).click();
  const summary = list.getByRole('listitem', { name: 'rule-10' });
  await expect(summary).toContainText('Skip lessons (already known): What a good requisition says');
  await expect(summary).toContainText('“You raise requisitions every week.”');

  // The module's lessons say which rule skips one, and lead to it.
  await page
    .getByRole('tree', { name: 'Course outline' })
    .getByRole('treeitem', { name: 'Raising a purchase requisition', exact: true })
    .click();
  const skippedBy = page
    .getByRole('list', { name: 'Lessons' })
    .getByRole('listitem', { name: 'What a good requisition says' })
    .getByRole('button', { name: 'Skipped by rule-10: open the rule' });
  await expect(skippedBy).toBeVisible();

  // The preview: Rosa skips the lesson with the rule's reason.
  await saved(page);
  await page.getByRole('button', { name: 'Preview', exact: true }).click();
  await expect(page.locator('.preview')).toBeVisible({ timeout: 30_000 });
  await page.getByRole('combobox', { name: 'Learner' }).selectOption({ label: 'Rosa, requester in operations' });
  const xray = page.getByRole('region', { name: 'Path of Rosa, requester in operations' });
  const touched = xray.getByRole('list', { name: 'Lessons of Raising a purchase requisition that rules touch' });
  const skipped = touched.getByRole('listitem');
  await expect(skipped).toHaveCount(1);
  await expect(skipped.locator('.preview-xray-lesson-title')).toHaveText('What a good requisition says');
  await expect(skipped.locator('.preview-xray-status')).toHaveText('Skipped:');
  await expect(skipped.locator('.preview-xray-reason')).toHaveText('You raise requisitions every week.');
  // Nadia, new, takes it: nothing under the module says otherwise.
  await page.getByRole('combobox', { name: 'Learner' }).selectOption({ label: 'Nadia, new buyer' });
  await expect(
    page
      .getByRole('region', { name: 'Path of Nadia, new buyer' })
      .getByRole('list', { name: 'Lessons of Raising a purchase requisition that rules touch' }),
  ).toHaveCount(0);
  await page.getByRole('tab', { name: 'Side by side' }).click();
  const row = page.getByRole('row', { name: /^Raising a purchase requisition › What a good requisition says/ });
  // Columns: Nadia, Victor, Ben, Rosa.
  await expect(row.getByRole('cell')).toHaveText([
    'Takes',
    'Not for them',
    'Skipped: You raise requisitions every week.',
    'Skipped: You raise requisitions every week.',
  ]);
});
