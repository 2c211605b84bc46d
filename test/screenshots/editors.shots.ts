import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from '../e2e/fixtures';
import { callHost } from '../e2e/web-host-process';

const EXAMPLE = resolve('resources/examples/purchase-approvals');

/** Opens the example course (imported from its portable folder) at one editor, in a theme. */
async function open(page: Page, url: string, path: string, sel: string, theme: 'light' | 'dark') {
  await page.goto(url);
  await page.evaluate((t) => window.localStorage.setItem('tailor.theme', t), theme);
  await page.goto(`${url}#course=${encodeURIComponent(path)}&sel=${sel}`);
  await page.reload();
  await expect(page.locator('.editor-panel .editor')).toBeVisible();
  await page.locator('.editor-panel').scrollIntoViewIfNeeded();
}

test('editors: lesson, question, media library and course settings, light and dark', async ({ page, host }) => {
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 1280, height: 900 });
  const { path } = await callHost<{ path: string }>(host, 'document.importPortable', { folder: EXAMPLE });
  const screens = [
    ['lesson-editor', 'lesson:why-policy:why-risks'],
    ['question-editor', 'question:p-vendor-2'],
    ['media-library', 'media'],
    ['course-settings', 'course'],
  ] as const;
  for (const theme of ['light', 'dark'] as const) {
    for (const [name, sel] of screens) {
      await open(page, host.url, path, sel, theme);
      await page.locator('.editor-panel').screenshot({ path: `docs/screenshots/editors-${name}-${theme}.png` });
    }
  }
});
