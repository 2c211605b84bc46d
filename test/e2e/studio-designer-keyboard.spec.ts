import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { Course, Persona } from '../../shared/model';
import { expect, test } from './fixtures';
import { mediaFiles } from './editors-helpers';
import { playThrough } from './player-driver';
import { serve, unpack, writeLms } from './scorm-lms';
import { moduleOrder, outline, row, saved } from './studio-outline';

/** The accessible name of the focused element, roughly as a screen reader announces it. */
const focusedName = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el) return '';
    const labelled = el.getAttribute('aria-labelledby');
    return (
      el.getAttribute('aria-label') ??
      (labelled ? document.getElementById(labelled)?.textContent : null) ??
      (el as HTMLInputElement).labels?.[0]?.textContent ??
      el.textContent ??
      ''
    ).trim();
  });

/** Presses Tab (or Shift+Tab) until the control a keyboard user is looking for has focus. */
async function tabTo(page: Page, name: string | RegExp, back = false) {
  const seen: string[] = [];
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    const now = await focusedName(page);
    if (typeof name === 'string' ? now === name : name.test(now)) return;
    seen.push(now);
  }
  throw new Error(`Tab never reached "${String(name)}"; it went through: ${seen.join(' | ')}`);
}

/**
 * Moves down the outline to the row named `name`. The tree moves DOM focus a frame after the key, so each press waits
 * for focus to leave the row it was on before looking again (a busy machine must not make it overshoot).
 */
async function arrowTo(page: Page, name: string) {
  await expect(outline(page).getByRole('treeitem').and(page.locator(':focus'))).toHaveCount(1);
  const seen: string[] = [];
  let now = await focusedName(page);
  for (let i = 0; i < 20 && now !== name; i++) {
    const before = now;
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => focusedName(page)).not.toBe(before);
    now = await focusedName(page);
    seen.push(now);
  }
  if (now !== name) throw new Error(`The arrows never reached "${name}"; they went through: ${seen.join(' | ')}`);
}

/** Runs a command or jumps to an item from the palette (mod+K), as a keyboard user does. */
async function palette(page: Page, words: string) {
  await page.keyboard.press('Control+k');
  await expect(page.getByLabel('Find a command or an item')).toBeFocused();
  await page.keyboard.type(words);
  await page.keyboard.press('Enter');
}

/** A file picker opened with Enter on an "Import…" button; the test answers the system dialog. */
async function importWithEnter(page: Page, file: string) {
  const chooser = page.waitForEvent('filechooser');
  await page.keyboard.press('Enter');
  await (await chooser).setFiles(file);
}

const newHire: Persona = {
  id: 'new-hire',
  name: 'New hire',
  description: '',
  role: 'learner',
  seniority: 'new',
  prior: { mastery: {}, answers: {} },
  needs: { captions: true, audio: false, reducedMotion: false },
};

test('driven by the keyboard alone, a designer builds, edits, reorders, publishes and plays a small course', async ({
  page,
  host,
  dataDir,
}) => {
  // About a minute on an idle machine; the margin is for machines shared with other work.
  test.setTimeout(300_000);
  const files = mediaFiles(dataDir);
  const editor = page.locator('.editor-panel');
  await page.goto(host.url);
  await expect(page.getByRole('heading', { name: 'Your courses' })).toBeVisible();
  await page.keyboard.press('Control+n');
  // Typed as the designer would: once the dialog's title field has the focus.
  await expect(page.getByRole('dialog', { name: 'New course' }).getByLabel('Title')).toBeFocused();
  await page.keyboard.type('Keyboard approvals');
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Course title')).toHaveValue('Keyboard approvals');

  await palette(page, 'Competencies');
  await tabTo(page, 'Add competency');
  await page.keyboard.press('Enter');
  await expect(editor.getByLabel('Name', { exact: true })).toBeFocused();
  await page.keyboard.type('Approving purchases');
  await tabTo(page, 'Level 2 name');
  await page.keyboard.press('Control+a');
  await page.keyboard.type('Confident approver');

  for (const title of ['Approvals basics', 'Thresholds']) {
    // Outline hotkeys do not fire inside a text field; mod+shift+E goes to the outline first.
    await page.keyboard.press('Control+Shift+e');
    await page.keyboard.press('Control+Shift+m');
    await expect(page.getByLabel(/^New title for/)).toBeFocused();
    await page.keyboard.type(title);
    await page.keyboard.press('Enter');
    await expect(row(page, title)).toBeFocused();
  }
  // The outline has "Thresholds" in focus; Enter opens it, and the lesson goes in from its editor.
  await page.keyboard.press('Control+Shift+e');
  await expect(row(page, 'Thresholds')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(editor.getByLabel('Title', { exact: true })).toHaveValue('Thresholds');
  await tabTo(page, 'Add lesson');
  await page.keyboard.press('Enter');
  await expect(editor.getByLabel('Lesson title')).toBeFocused();
  await page.keyboard.press('Control+a');
  await page.keyboard.type('The approval ladder');

  await tabTo(page, 'Text');
  await page.keyboard.press('Enter');
  await expect(editor.getByRole('textbox', { name: 'Text', exact: true })).toBeFocused();
  await page.keyboard.type('Above 5,000 euros ');
  await page.keyboard.press('Control+b');
  await page.keyboard.type('two people approve');
  await page.keyboard.press('Control+b');

  await tabTo(page, 'Image');
  await page.keyboard.press('Enter');
  await tabTo(page, 'Import…');
  await importWithEnter(page, files.image);
  await expect(editor.getByRole('button', { name: 'Image: approval-flow.png' })).toBeVisible();
  await tabTo(page, 'Alt text');
  await page.keyboard.type('A ladder of amounts and who approves each');

  await tabTo(page, 'Knowledge check');
  await page.keyboard.press('Enter');
  await tabTo(page, 'Edit question');
  await page.keyboard.press('Enter');
  await expect(editor.getByRole('heading', { name: 'New question' })).toBeVisible();
  await tabTo(page, 'Type');
  // Single choice is first; the next type is multiple choice.
  await page.keyboard.press('ArrowDown');
  await expect(editor.getByLabel('Type')).toHaveValue('multiple');
  await tabTo(page, 'Question');
  await page.keyboard.press('Control+a');
  await page.keyboard.type('Which amounts need two approvers?');

  // Delete a module, undo, redo, undo; then move one up with Alt+↑.
  await page.keyboard.press('Control+Shift+e');
  await page.keyboard.press('Home');
  await arrowTo(page, 'Approvals basics');
  await expect(row(page, 'Approvals basics')).toBeFocused();
  await page.keyboard.press('Delete');
  await expect(row(page, 'Approvals basics')).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect(row(page, 'Approvals basics')).toBeVisible();
  await page.keyboard.press('Control+y');
  await expect(row(page, 'Approvals basics')).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect.poll(() => moduleOrder(page)).toEqual(['Approvals basics', 'Thresholds']);
  await page.keyboard.press('Control+Shift+e');
  await arrowTo(page, 'Thresholds');
  await page.keyboard.press('Alt+ArrowUp');
  await expect.poll(() => moduleOrder(page)).toEqual(['Thresholds', 'Approvals basics']);
  await expect(row(page, 'Thresholds')).toBeFocused();

  await saved(page);
  await page.reload();
  // The course opens again before anything is drawn: its save state shows first.
  await saved(page);
  await expect.poll(() => moduleOrder(page)).toEqual(['Thresholds', 'Approvals basics']);

  // "Approvals basics" has no lesson yet: Publish says so, and a learner would meet an empty module.
  await page.keyboard.press('Control+Shift+e');
  await page.keyboard.press('Home');
  await arrowTo(page, 'Approvals basics');
  await page.keyboard.press('Delete');
  await expect(row(page, 'Approvals basics')).toHaveCount(0);

  await page.keyboard.press('Control+Shift+p');
  const dialog = page.getByRole('dialog', { name: 'Publish for an LMS' });
  await expect(dialog).toBeVisible();
  const zip = join(dataDir, 'keyboard.zip');
  // The default standard, SCORM 2004 4th Edition, is kept.
  await tabTo(page, /^Save as/);
  await page.keyboard.press('Control+a');
  await page.keyboard.type(zip);
  await tabTo(page, 'Publish');
  await page.keyboard.press('Enter');
  await expect(dialog.getByRole('status')).toContainText(zip, { timeout: 30_000 });

  const lmsDir = join(dataDir, 'lms');
  unpack(zip, lmsDir);
  writeLms(lmsDir, 'scorm2004');
  const script = readFileSync(join(lmsDir, 'pkg', 'course.js'), 'utf8');
  const line = script.split('\n').find((l) => l.startsWith('window.TAILOR_COURSE='))!;
  const course = JSON.parse(line.slice('window.TAILOR_COURSE='.length, -1)) as Course;
  expect(course.modules[0]!.lessons[0]!.title).toBe('The approval ladder');
  const server = await serve(lmsDir);
  try {
    const learner = await page.context().newPage();
    await learner.goto(`${server.url}lms.html`);
    await playThrough(learner, newHire, course, 'keyboard');
    const held = await learner.evaluate(() => (window as unknown as { held: () => Record<string, string> }).held());
    expect(held['cmi.completion_status']).toBe('completed');
  } finally {
    await server.close();
  }
});
