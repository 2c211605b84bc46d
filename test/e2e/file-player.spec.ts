import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL, fileURLToPath } from 'node:url';
import { expect, test } from '@playwright/test';
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
