import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { startHostProcess } from './web-host-process';
import { expect, test } from './fixtures';
import { addModule, moduleOrder, renameRow, row, saved } from './studio-outline';
import { axe } from './axe';

async function createCourse(page: Page, title: string) {
  await page.getByRole('button', { name: 'New course' }).first().click();
  await page.getByRole('dialog', { name: 'New course' }).getByLabel('Title').fill(title);
  await page.getByRole('button', { name: 'Create course' }).click();
  await expect(page.getByLabel('Course title')).toHaveValue(title);
}

test('an edited outline survives a reload, and undo survives one too', async ({ page, host }) => {
  await page.goto(host.url);
  await createCourse(page, 'Forklift safety');
  await addModule(page, 'Crossing aisles');
  await addModule(page, 'Untitled module');
  await renameRow(page, 'Untitled module', 'Raised loads');
  await row(page, 'Raised loads').click();
  await page.keyboard.press('Alt+ArrowUp');
  await expect.poll(() => moduleOrder(page)).toEqual(['Raised loads', 'Crossing aisles']);

  await saved(page);

  await page.reload();
  // The course opens again before anything is drawn: its save state shows first.
  await saved(page);
  await expect.poll(() => moduleOrder(page)).toEqual(['Raised loads', 'Crossing aisles']);

  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  await expect.poll(() => moduleOrder(page)).toEqual(['Crossing aisles', 'Raised loads']);
  await saved(page);
  await page.reload();
  // The course opens again before anything is drawn: its save state shows first.
  await saved(page);
  await expect.poll(() => moduleOrder(page)).toEqual(['Crossing aisles', 'Raised loads']);
  await page.keyboard.press('Control+Shift+z');
  await expect.poll(() => moduleOrder(page)).toEqual(['Raised loads', 'Crossing aisles']);
  await page.keyboard.press('Control+z');
  await page.keyboard.press('Control+z');
  await expect.poll(() => moduleOrder(page)).toEqual(['Crossing aisles', 'Untitled module']);
});

test('a change the course cannot take is refused with the reason, and rolled back', async ({ page, host }) => {
  await page.goto(host.url);
  await createCourse(page, 'Validation');
  await addModule(page, 'Short');
  await renameRow(page, 'Short', 'x'.repeat(201));
  await expect(page.getByRole('alert')).toContainText('must be at most 200 characters');
  await expect(row(page, 'Short')).toBeVisible();
});

test('a course open in another Tailor process can be opened read-only', async ({ page, host, dataDir }) => {
  await page.goto(host.url);
  await createCourse(page, 'Shared course');
  const other = await startHostProcess(`${dataDir}-other`);
  try {
    const second = await page.context().newPage();
    await second.goto(other.url);
    await second.getByRole('button', { name: 'Open…' }).click();
    await second.getByLabel('Path of the .tailor file').fill(`${dataDir}/Courses/Shared course.tailor`);
    await second.getByRole('dialog').getByRole('button', { name: 'Open' }).click();
    await expect(second.getByRole('alert')).toContainText('is open in another Tailor');
    await second.getByRole('button', { name: 'Open read-only' }).click();
    await expect(second.getByText('Another Tailor is editing this course.')).toBeVisible();
    await expect(second.getByLabel('Course title')).toBeDisabled();
    await expect(second.getByRole('button', { name: 'Add module' })).toHaveCount(0);
  } finally {
    await other.stop();
  }
});

test('after the host is killed, the next start offers the open course back, intact', async ({ page, dataDir }) => {
  const hostEntry = fileURLToPath(new URL('../../out/web/host.mjs', import.meta.url));
  const child = spawn(process.execPath, [hostEntry, '--port', '0', '--data-dir', dataDir], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await new Promise<string>((resolve) => {
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const match = /Tailor studio: (http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+)/.exec(out);
      if (match) resolve(match[1]!);
    });
  });
  await page.goto(url);
  await createCourse(page, 'Night shift');
  await addModule(page, 'Untitled module');
  await expect(page.getByRole('button', { name: 'Undo', exact: true })).toBeEnabled();
  child.kill('SIGKILL');
  await new Promise((done) => child.once('close', done));

  const next = await startHostProcess(dataDir);
  try {
    await page.goto(next.url);
    await expect(page.getByText('Tailor stopped while these courses were open')).toBeVisible();
    await page.getByRole('button', { name: 'Reopen “Night shift”' }).click();
    await expect(row(page, 'Untitled module')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Undo', exact: true })).toBeEnabled();
  } finally {
    await next.stop();
  }
});

test('the course editor has no accessibility violations', async ({ page, host }) => {
  await page.goto(host.url);
  await createCourse(page, 'Accessible editor');
  await addModule(page, 'Welcome');
  expect((await (await axe(page)).analyze()).violations).toEqual([]);
});

test('a course is published as a SCORM package from the studio, with a progress bar', async ({
  page,
  host,
  dataDir,
}) => {
  await page.goto(host.url);
  await createCourse(page, 'Publishable');
  await page.getByRole('button', { name: 'Publish…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Publish for an LMS' });
  await dialog.getByLabel('Standard').selectOption('scorm12');
  await dialog.getByLabel('Save as').fill(`${dataDir}/publishable.zip`);
  expect((await (await axe(page)).analyze()).violations).toEqual([]);
  await dialog.getByRole('button', { name: 'Publish' }).click();
  await expect(dialog.getByRole('status')).toContainText(`${dataDir}/publishable.zip`);
  const { readFileSync } = await import('node:fs');
  expect(readFileSync(`${dataDir}/publishable.zip`).subarray(0, 2).toString()).toBe('PK');
});

test('publishing a course with problems explains them and writes nothing', async ({ page, host, dataDir }) => {
  await page.goto(host.url);
  await createCourse(page, 'Empty module');
  await page.getByRole('button', { name: 'Add module' }).click();
  await page.getByRole('button', { name: 'Publish…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Publish for an LMS' });
  await dialog.getByLabel('Save as').fill(`${dataDir}/nothing.txt`);
  await dialog.getByRole('button', { name: 'Publish' }).click();
  await expect(dialog.getByRole('alert')).toContainText('must end in .zip');
  await dialog.getByLabel('Save as').fill(`${dataDir}/empty.zip`);
  await dialog.getByRole('button', { name: 'Publish' }).click();
  await expect(dialog.getByRole('alert')).toContainText('is required for some learners but has no lessons');
  const { existsSync } = await import('node:fs');
  expect(existsSync(`${dataDir}/empty.zip`)).toBe(false);
});
