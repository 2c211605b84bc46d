import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { axe } from './axe';
import { expect } from './fixtures';
import { saved } from './studio-outline';

/** A 1×1 PNG, a few bytes standing in for a video and a WebVTT file: what a designer imports. */
export function mediaFiles(dir: string) {
  const folder = join(dir, 'media');
  mkdirSync(folder, { recursive: true });
  const png = Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
    'base64',
  );
  const files = {
    image: join(folder, 'approval-flow.png'),
    video: join(folder, 'walkthrough.mp4'),
    captions: join(folder, 'walkthrough.en.vtt'),
  };
  writeFileSync(files.image, png);
  writeFileSync(files.video, Buffer.alloc(700 * 1024, 7));
  writeFileSync(files.captions, 'WEBVTT\n\n00:00.000 --> 00:02.000\nApprove before you order.\n');
  return files;
}

export async function createCourse(page: Page, title: string) {
  await page.getByRole('button', { name: 'New course' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'New course' });
  await dialog.getByLabel('Title').fill(title);
  await dialog.getByRole('button', { name: 'Create course' }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
}

/** Shows an item the way the navigator does: the selection lives in the URL hash. */
export async function show(page: Page, sel: string) {
  await page.evaluate((param) => {
    const params = new URLSearchParams(window.location.hash.slice(1));
    params.set('sel', param);
    window.location.hash = params.toString();
  }, sel);
  await shown(page, sel);
}

/**
 * Waits for the editor of `sel` to be drawn: the hash change arrives in an event after this, and the editor
 * follows a frame later, so until the panel names `sel` the editor in it may be the one before.
 */
async function shown(page: Page, sel: string) {
  await expect(page.locator('.editor-panel')).toHaveAttribute('data-selection', sel, { timeout: 30_000 });
  // An editor's code loads on first use (a spinner says so); a busy machine takes its time.
  await expect(page.locator('.lazy-loading')).toHaveCount(0, { timeout: 30_000 });
  await expect(page.locator('.editor-panel .editor').first()).toBeVisible();
}

/** Reloads the page once every edit has reached the backend, and waits for the course and its editor to be drawn again. */
export async function reload(page: Page) {
  // A reload drops edits still on their way (an import, a field's last keystrokes): let them reach the backend.
  await saved(page);
  // What the reload shows again: the selection in the URL.
  const sel = await page.evaluate(() => new URLSearchParams(window.location.hash.slice(1)).get('sel'));
  expect(sel, 'a selection in the URL').not.toBeNull();
  await page.reload();
  // Nothing is drawn until the course has opened: the header's save state is the first sign of it.
  await saved(page);
  await shown(page, sel!);
}

/** Serious and critical axe violations on the editor, in light and dark. */
export async function expectAccessible(page: Page) {
  for (const theme of ['light', 'dark'] as const) {
    await page.evaluate((t) => window.localStorage.setItem('tailor.theme', t), theme);
    await reload(page);
    const results = await (await axe(page)).include('.editor-panel').analyze();
    const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(
      bad.map((v) => `${theme}: ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
      `axe on ${theme}`,
    ).toEqual([]);
  }
  await page.evaluate(() => window.localStorage.setItem('tailor.theme', 'light'));
}
