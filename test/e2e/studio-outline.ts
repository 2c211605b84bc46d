import type { Locator, Page } from '@playwright/test';
import { expect } from './fixtures';

/** The workspace's outline tree and its rows, as a designer sees them. */
export const outline = (page: Page) => page.getByRole('tree', { name: 'Course outline' });
export const row = (page: Page, name: string) => outline(page).getByRole('treeitem', { name, exact: true });

/** Adds a module from the outline's + button and names it in the inline rename field. */
export async function addModule(page: Page, title: string) {
  await page.getByRole('button', { name: 'Add module' }).click();
  const input = page.getByLabel(/^New title for/);
  await expect(input).toBeFocused();
  await input.fill(title);
  await input.press('Enter');
  await expect(row(page, title)).toBeVisible();
}

/** Module titles in outline order. */
export async function moduleOrder(page: Page): Promise<string[]> {
  return outline(page)
    .locator('[role="treeitem"][aria-level="2"]')
    .evaluateAll((rows) =>
      rows.filter((r) => r.querySelector('.bp6-icon-folder-close')).map((r) => r.getAttribute('aria-label') ?? ''),
    );
}

/** Renames an outline item with F2. */
export async function renameRow(page: Page, from: string, to: string) {
  await row(page, from).click();
  await page.keyboard.press('F2');
  const input = page.getByLabel(`New title for “${from}”`);
  await input.fill(to);
  await input.press('Enter');
}

/** Waits until every edit reached the backend (the header says "Saved"), as a designer would before closing. */
export async function saved(page: Page) {
  // An import in progress is not an edit yet: the header says "Saved" until its file has arrived.
  await expect(page.locator('.upload-progress')).toHaveCount(0, { timeout: 30_000 });
  await expect(
    page
      .getByRole('status')
      .filter({ hasText: /^(Saved|Read-only)$/ })
      .first(),
  ).toBeVisible({
    timeout: 30_000,
  });
}

/**
 * Waits until the keyboard focus is inside a dialog's overlay: Blueprint moves it there a frame after the dialog
 * shows, and Escape closes the dialog only from then on (pressed sooner, it goes to the page behind).
 */
export async function focusIn(dialog: Locator) {
  await expect
    .poll(() => dialog.evaluate((d) => d.closest('.bp6-overlay')?.contains(document.activeElement) ?? false))
    .toBe(true);
}
