import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { addModule } from './studio-outline';

async function createCourse(page: Page, title: string) {
  await page.getByRole('button', { name: 'New course' }).first().click();
  await page.getByRole('dialog', { name: 'New course' }).getByLabel('Title').fill(title);
  await page.getByRole('button', { name: 'Create course' }).click();
  await expect(page.getByLabel('Course title')).toHaveValue(title);
}

test('the studio takes the token out of the address bar and still works after a reload', async ({ page, host }) => {
  await page.goto(host.url);
  await createCourse(page, 'Token course');
  expect(new URL(page.url()).searchParams.has('token')).toBe(false);
  expect(new URL(page.url()).hash).toContain('course=');
  await page.reload();
  await expect(page.getByLabel('Course title')).toHaveValue('Token course');
});

test('a second tab on the same host gets the read-only offer for a course another tab edits', async ({
  page,
  host,
  dataDir,
}) => {
  await page.goto(host.url);
  await createCourse(page, 'Two tabs');
  const second = await page.context().newPage();
  await second.goto(host.url);
  await second.getByRole('button', { name: 'Open…' }).click();
  await second.getByLabel('Path of the .tailor file').fill(`${dataDir}/Courses/Two tabs.tailor`);
  await second.getByRole('dialog').getByRole('button', { name: 'Open' }).click();
  await expect(second.getByRole('alert')).toContainText('open for editing in another tab');
  await second.getByRole('button', { name: 'Open read-only' }).click();
  await expect(second.getByLabel('Course title')).toBeDisabled();
  await expect(second.getByRole('button', { name: 'Add module' })).toHaveCount(0);
  // The first tab still edits.
  await addModule(page, 'Still editable');
});
