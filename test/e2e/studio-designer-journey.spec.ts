import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { Course, Persona } from '../../shared/model';
import { expect, test } from './fixtures';
import { createCourse, mediaFiles } from './editors-helpers';
import { playThrough } from './player-driver';
import { serve, unpack, writeLms } from './scorm-lms';
import { addModule, moduleOrder, row, saved } from './studio-outline';
import { axe } from './axe';

/** Serious and critical axe violations on the whole page, in the theme it shows now. */
async function expectNoSeriousAxeViolations(page: Page, where: string) {
  const { violations } = await (await axe(page)).analyze();
  const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(
    bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    `axe on ${where}`,
  ).toEqual([]);
}

/** The course the package carries, as the player reads it (course.js sets window.TAILOR_COURSE). */
function packagedCourse(dir: string): Course {
  const script = readFileSync(join(dir, 'pkg', 'course.js'), 'utf8');
  const line = script.split('\n').find((l) => l.startsWith('window.TAILOR_COURSE='))!;
  return JSON.parse(line.slice('window.TAILOR_COURSE='.length, -1)) as Course;
}

/** A new buyer with no prior knowledge and captions on. */
const newHire: Persona = {
  id: 'new-hire',
  name: 'New hire',
  description: '',
  role: 'purchase-buyer',
  seniority: 'new',
  prior: { mastery: {}, answers: {} },
  needs: { captions: true, audio: false, reducedMotion: false },
};

interface ModulePlan {
  readonly title: string;
  readonly competency: string;
  readonly lesson: string;
  readonly text: [plain: string, bold: string];
  readonly alt: string;
  readonly transcript: string;
  readonly check: { readonly type: 'Single choice' | 'True or false' | 'Multiple choice'; readonly prompt: string };
}

const MODULES: readonly ModulePlan[] = [
  {
    title: 'Approvals basics',
    competency: 'Approving purchases',
    lesson: 'Who approves what',
    text: ['Always ', 'approve first'],
    alt: 'Flow chart: request, approval, order',
    transcript: 'The buyer raises a request; the manager approves it.',
    check: { type: 'Single choice', prompt: 'Who approves an order over 5,000 euros?' },
  },
  {
    title: 'Raising orders',
    competency: 'Raising orders',
    lesson: 'A complete request',
    text: ['Name the ', 'cost centre'],
    alt: 'A request form with the cost centre filled in',
    transcript: 'Every request names a cost centre and a supplier.',
    check: { type: 'True or false', prompt: 'A request without a cost centre is accepted.' },
  },
  {
    title: 'Thresholds',
    competency: 'Approving purchases',
    lesson: 'The approval ladder',
    text: ['Above 5,000 euros ', 'two people approve'],
    alt: 'A ladder of amounts and who approves each',
    transcript: 'Up to 5,000 euros one manager approves; above it, two.',
    check: { type: 'Multiple choice', prompt: 'Which amounts need two approvers?' },
  },
];

test('a new designer builds a course from the welcome screen, undoes a deletion, reorders, reloads, publishes, and the package plays in an LMS', async ({
  page,
  host,
  dataDir,
}) => {
  // About a minute on an idle two-core machine; the margin is for machines shared with other work.
  test.setTimeout(300_000);
  const files = mediaFiles(dataDir);
  const editor = page.locator('.editor-panel');
  await page.goto(host.url);
  await expect(page.getByRole('heading', { name: 'Your courses' })).toBeVisible();
  await expectNoSeriousAxeViolations(page, 'the welcome screen');
  await createCourse(page, 'Purchase approvals');

  // Two competencies, each with a named level above the first.
  await row(page, 'Competencies').click();
  for (const [name, level] of [
    ['Approving purchases', 'Confident approver'],
    ['Raising orders', 'Complete requests'],
  ] as const) {
    await editor.getByRole('button', { name: 'Add competency' }).first().click();
    await expect(editor.getByLabel('Name', { exact: true })).toBeFocused();
    await page.keyboard.type(name);
    await editor.getByLabel('Level 2 name').fill(level);
    await row(page, 'Competencies').click();
  }
  await expect(editor.getByText('Raising orders')).toBeVisible();

  // Three modules, each with one lesson: formatted text, an image, a captioned video with a transcript, a check.
  for (const [i, plan] of MODULES.entries()) {
    await addModule(page, plan.title);
    await row(page, plan.title).click();
    await expect(editor.getByLabel('Title', { exact: true })).toHaveValue(plan.title);
    await editor.getByLabel('Competencies taught').click();
    await page.getByRole('option', { name: plan.competency }).click();
    await page.keyboard.press('Escape');
    if (i === 1) {
      // A role typed in by name is shown by that name (settings.labels), not by the id made from it.
      await editor.getByLabel('Audience').click();
      await page.keyboard.type('Purchase buyer');
      await page.getByRole('option', { name: 'Add "Purchase buyer"' }).click();
      await page.keyboard.press('Escape');
      await expect(editor.locator('.bp6-tag', { hasText: /^Purchase buyer$/ })).toBeVisible();
    }
    await editor.getByRole('button', { name: 'Add lesson' }).click();
    await expect(editor.getByLabel('Lesson title')).toBeFocused();
    await page.keyboard.type(plan.lesson);

    await editor.getByRole('button', { name: 'Text', exact: true }).click();
    await expect(editor.getByRole('textbox', { name: 'Text', exact: true })).toBeFocused();
    await page.keyboard.type(plan.text[0]);
    await page.keyboard.press('Control+b');
    await page.keyboard.type(plan.text[1]);
    await page.keyboard.press('Control+b');

    await editor.getByRole('button', { name: 'Image', exact: true }).click();
    // The first lesson imports the files; later ones start on the course's image and video.
    if (i === 0) await editor.locator('.block-image').getByLabel('Import…').setInputFiles(files.image);
    await expect(editor.getByRole('button', { name: 'Image: approval-flow.png' })).toBeVisible();
    await expect(editor.getByText('Describe what the image shows')).toBeVisible();
    await editor.getByLabel('Alt text').fill(plan.alt);
    // The designer sees which image it is.
    await expect
      .poll(() => editor.locator('img.image-thumbnail').evaluate((img: HTMLImageElement) => img.naturalWidth))
      .toBeGreaterThan(0);

    await editor.getByRole('button', { name: 'Video', exact: true }).click();
    if (i === 0) await editor.locator('.block-video').getByLabel('Import…').setInputFiles(files.video);
    await expect(editor.getByRole('button', { name: 'Video: walkthrough.mp4' })).toBeVisible();
    await editor.getByRole('button', { name: 'Add captions' }).click();
    if (i === 0) await editor.locator('.caption-row').getByLabel('Import…').setInputFiles(files.captions);
    await expect(
      editor.locator('.caption-row').getByRole('button', { name: 'Captions file: walkthrough.en.vtt' }),
    ).toBeVisible();
    await editor.locator('.caption-row').getByLabel('Label').fill('English');
    await editor.locator('.block-video').getByRole('textbox', { name: 'Transcript' }).click();
    await page.keyboard.type(plan.transcript);

    await editor.getByRole('button', { name: 'Knowledge check', exact: true }).click();
    if (i === 0) await expectNoSeriousAxeViolations(page, 'the lesson editor');
    await editor.getByRole('button', { name: 'Edit question' }).click();
    await expect(editor.getByRole('heading', { name: 'New question' })).toBeVisible();
    await editor.getByLabel('Type').selectOption({ label: plan.check.type });
    await editor.getByLabel('Question', { exact: true }).fill(plan.check.prompt);
    if (plan.check.type === 'Single choice') {
      await editor.getByLabel('Choice 1', { exact: true }).fill('The department head');
      await editor.getByLabel('Choice 2', { exact: true }).fill('The buyer');
      await editor.getByLabel('Feedback for choice 2').fill('Buyers never approve their own requests.');
    } else if (plan.check.type === 'True or false') {
      await editor.getByText('False', { exact: true }).click();
      await expect(editor.getByLabel('False')).toBeChecked();
    } else {
      await editor.getByLabel('Choice 1', { exact: true }).fill('6,000 euros');
      await editor.getByLabel('Choice 2', { exact: true }).fill('800 euros');
    }
    if (i === 0) await expectNoSeriousAxeViolations(page, 'the question editor');
  }
  expect(await moduleOrder(page)).toEqual(MODULES.map((m) => m.title));

  // A deletion undone from its toast, redone with the keyboard, undone again.
  await row(page, 'Thresholds').click();
  await page.keyboard.press('Delete');
  await expect(row(page, 'Thresholds')).toHaveCount(0);
  await page.getByRole('button', { name: 'Undo', exact: true }).first().click();
  await expect(row(page, 'Thresholds')).toBeVisible();
  await page.keyboard.press('Control+Shift+z');
  await expect(row(page, 'Thresholds')).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect.poll(() => moduleOrder(page)).toEqual(['Approvals basics', 'Raising orders', 'Thresholds']);

  // Reorder by keyboard, then by drag.
  await row(page, 'Approvals basics').click();
  await page.keyboard.press('Alt+ArrowDown');
  await expect.poll(() => moduleOrder(page)).toEqual(['Raising orders', 'Approvals basics', 'Thresholds']);
  await expect(row(page, 'Approvals basics')).toBeFocused();
  await row(page, 'Thresholds').dragTo(row(page, 'Raising orders'), { targetPosition: { x: 40, y: 2 } });
  await expect.poll(() => moduleOrder(page)).toEqual(['Thresholds', 'Raising orders', 'Approvals basics']);

  await saved(page);
  await page.reload();
  // The course opens again before anything is drawn: its save state shows first.
  await saved(page);
  await expect.poll(() => moduleOrder(page)).toEqual(['Thresholds', 'Raising orders', 'Approvals basics']);
  await row(page, 'Competencies').click();
  await expect(editor.getByText('Approving purchases')).toBeVisible();
  await expect(editor.getByText('Raising orders')).toBeVisible();
  await row(page, 'Raising orders').click();
  await expect(editor.locator('.bp6-tag', { hasText: /^Purchase buyer$/ })).toBeVisible();
  for (const plan of MODULES) {
    // A click opens a module's row or closes it: if it closed it, ArrowRight opens it again.
    const moduleRow = row(page, plan.title);
    const wasOpen = (await moduleRow.getAttribute('aria-expanded')) === 'true';
    await moduleRow.click();
    await expect(moduleRow).toHaveAttribute('aria-expanded', String(!wasOpen));
    if (wasOpen) await page.keyboard.press('ArrowRight');
    await expect(moduleRow).toHaveAttribute('aria-expanded', 'true');
    await row(page, plan.lesson).click();
    await expect(editor.getByLabel('Lesson title')).toHaveValue(plan.lesson);
    await expect(editor.getByRole('textbox', { name: 'Text', exact: true }).locator('strong')).toHaveText(plan.text[1]);
    await expect(editor.getByLabel('Alt text')).toHaveValue(plan.alt);
    await expect(editor.locator('img.image-thumbnail')).toBeVisible();
    await expect(editor.locator('.caption-row').getByLabel('Label')).toHaveValue('English');
    await expect(editor.locator('.block-video').getByRole('textbox', { name: 'Transcript' })).toContainText(
      plan.transcript,
    );
    await expect(
      editor.locator('.block-check').getByRole('button', { name: `Question: ${plan.check.prompt}` }),
    ).toBeVisible();
  }

  // Publish, then play the package as a learner in an LMS.
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.getByRole('button', { name: 'Publish…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Publish for an LMS' });
  await dialog.getByLabel('Standard').selectOption('scorm12');
  const zip = join(dataDir, 'purchase-approvals.zip');
  await dialog.getByLabel('Save as').fill(zip);
  await expectNoSeriousAxeViolations(page, 'the publish dialog (dark)');
  await dialog.getByRole('button', { name: 'Publish' }).click();
  await expect(dialog.getByRole('status')).toContainText(zip, { timeout: 30_000 });

  const lmsDir = join(dataDir, 'lms');
  unpack(zip, lmsDir);
  writeLms(lmsDir, 'scorm12');
  const course = packagedCourse(lmsDir);
  expect(course.modules.map((m) => m.title)).toEqual(['Thresholds', 'Raising orders', 'Approvals basics']);
  const server = await serve(lmsDir);
  try {
    const learner = await page.context().newPage();
    await learner.goto(`${server.url}lms.html`);
    await playThrough(learner, newHire, course);
    const held = await learner.evaluate(() => (window as unknown as { held: () => Record<string, string> }).held());
    expect(['passed', 'failed', 'completed']).toContain(held['cmi.core.lesson_status']);
    expect(course.settings.labels).toEqual({ 'purchase-buyer': 'Purchase buyer' });
  } finally {
    await server.close();
  }
});
