import type { Page } from '@playwright/test';
import { expect, test } from '../e2e/fixtures';

const OUT = 'docs/screenshots';
const shot = (page: Page, name: string, theme: string) =>
  page.screenshot({ path: `${OUT}/workspace-${name}-${theme}.png`, animations: 'disabled' });

for (const theme of ['light', 'dark'] as const) {
  test(`workspace screens (${theme})`, async ({ page, host }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.emulateMedia({ colorScheme: theme });
    await page.goto(host.url);
    await expect(page.getByRole('heading', { name: 'Your courses' })).toBeVisible();
    await shot(page, 'welcome', theme);

    await page.getByRole('button', { name: 'Open example' }).click();
    await page.getByRole('menuitem', { name: 'Shop-floor safety' }).click();
    await expect(page.getByLabel('Course title')).toHaveValue('Shop-floor safety');
    const outline = page.getByRole('tree', { name: 'Course outline' });
    await outline.getByRole('treeitem', { name: 'Working around forklifts', exact: true }).click();
    await expect(page.getByRole('region', { name: 'Problems' })).not.toContainText('Checking');
    await page.mouse.move(0, 0);
    await shot(page, 'course', theme);

    await page.keyboard.press('Control+k');
    await page.getByLabel('Find a command or an item').fill('mo');
    await shot(page, 'palette', theme);
    await page.keyboard.press('Escape');
    await expect(page.getByLabel('Find a command or an item')).toHaveCount(0);

    // `?` is a letter in a text field: ask for the list from the outline, as a designer would.
    await outline.getByRole('treeitem', { name: 'Working around forklifts', exact: true }).focus();
    await page.keyboard.press('Shift+Slash');
    await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
    await shot(page, 'hotkeys', theme);
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeHidden();

    // A module without lessons gives Publish something to list.
    await page.getByRole('button', { name: 'Add module' }).click();
    await page.getByLabel(/^New title for/).fill('Night shift handover');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Publish…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Publish for an LMS' });
    await expect(dialog.getByText(/things? to check first/)).toBeVisible();
    await shot(page, 'publish', theme);
  });
}
