import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Page } from '@playwright/test';
import { startHostProcess } from './web-host-process';
import { expect, test } from './fixtures';
import { axe } from './axe';

async function createCourse(page: Page, title: string) {
  await page.getByRole('button', { name: 'New course' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'New course' });
  await dialog.getByLabel('Title').fill(title);
  await dialog.getByRole('button', { name: 'Create course' }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
}

function titleInFile(path: string): string {
  const db = new Database(path, { readonly: true });
  try {
    return JSON.parse(
      (db.prepare(`SELECT json FROM course_root WHERE key = 'title'`).get() as { json: string }).json,
    ) as string;
  } finally {
    db.close();
  }
}

test('a new course is saved as a SQLite document, listed after a reload and opens with its title', async ({
  page,
  host,
  dataDir,
}) => {
  await page.goto(host.url);
  await expect(page.getByRole('heading', { name: 'Your courses' })).toBeVisible();
  await expect(page.getByText('No courses yet')).toBeVisible();

  await createCourse(page, 'Purchase approvals for buyers');

  const coursesDir = join(dataDir, 'Courses');
  const files = readdirSync(coursesDir).filter((f) => f.endsWith('.tailor'));
  expect(files).toEqual(['Purchase approvals for buyers.tailor']);
  expect(titleInFile(join(coursesDir, files[0]!))).toBe('Purchase approvals for buyers');

  await page.getByRole('button', { name: 'All courses' }).click();
  await page.reload();
  const tile = page
    .getByRole('list', { name: 'Courses' })
    .getByRole('button', { name: /Purchase approvals for buyers/ });
  await expect(tile).toBeVisible();
  await tile.click();
  await expect(page.getByRole('heading', { level: 1, name: 'Purchase approvals for buyers' })).toBeVisible();
  await expect(page).toHaveTitle('Purchase approvals for buyers — Tailor');
});

test('a reload while a course is open comes back to that course', async ({ page, host }) => {
  await page.goto(host.url);
  await createCourse(page, 'Shop-floor safety');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Shop-floor safety' })).toBeVisible();
});

test('courses are still listed after the host restarts', async ({ page, dataDir, browser }) => {
  const first = await startHostProcess(dataDir);
  await page.goto(first.url);
  await createCourse(page, 'Forklift basics');
  await first.stop();

  const second = await startHostProcess(dataDir);
  try {
    const fresh = await browser.newPage();
    await fresh.goto(second.url);
    await expect(fresh.getByRole('button', { name: /Forklift basics/ })).toBeVisible();
  } finally {
    await second.stop();
  }
});

test('an empty title is refused with a message on the Title field, and nothing is written', async ({
  page,
  host,
  dataDir,
}) => {
  await page.goto(host.url);
  await page.getByRole('button', { name: 'New course' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'New course' });
  await dialog.getByLabel('Title').fill('   ');
  await dialog.getByRole('button', { name: 'Create course' }).click();
  await expect(dialog.getByText('Title must not be empty.')).toBeVisible();
  await expect(dialog).toBeVisible();
  expect(readdirSync(dataDir)).not.toContain('Courses');
});

test('a course that cannot be opened explains why, naming the path', async ({ page, host }) => {
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Open…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Open a course' });
  await dialog.getByLabel('Path of the .tailor file').fill('/no/such/course.tailor');
  await dialog.getByRole('button', { name: 'Open' }).click();
  await expect(dialog.getByRole('alert')).toContainText('/no/such/course.tailor');
});

test('the keyboard alone creates a course: Ctrl+N, type, Enter', async ({ page, host }) => {
  await page.goto(host.url);
  await expect(page.getByRole('heading', { name: 'Your courses' })).toBeVisible();
  await page.keyboard.press('Control+n');
  const dialog = page.getByRole('dialog', { name: 'New course' });
  await expect(dialog.getByLabel('Title')).toBeFocused();
  await page.keyboard.type('Keyboard course');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Keyboard course' })).toBeVisible();
});

test('the dark theme is remembered across reloads', async ({ page, host }) => {
  await page.goto(host.url);
  await page.getByRole('button', { name: 'Use the dark theme' }).click();
  await expect(page.locator('body')).toHaveClass(/bp6-dark/);
  await page.reload();
  await expect(page.locator('body')).toHaveClass(/bp6-dark/);
  await expect(page.getByRole('button', { name: 'Use the light theme' })).toBeVisible();
});

test('the browser transport answers a wrong payload with a validation error naming the field', async ({
  page,
  host,
}) => {
  await page.goto(host.url);
  const reply = await page.evaluate(async (token) => {
    const response = await fetch('/api/call/course.create', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify({ title: { nested: true } }),
    });
    return response.json();
  }, host.token);
  expect(reply).toMatchObject({ ok: false, error: { code: 'invalid-request', issues: [{ field: 'title' }] } });
});

for (const theme of ['light', 'dark'] as const) {
  test(`the welcome screen and the new-course dialog have no accessibility violations (${theme})`, async ({
    page,
    host,
  }) => {
    await page.emulateMedia({ colorScheme: theme });
    await page.goto(host.url);
    await createCourse(page, 'Accessible course');
    await page.getByRole('button', { name: 'All courses' }).click();
    await expect(page.getByRole('button', { name: /Accessible course/ })).toBeVisible();
    expect((await (await axe(page)).analyze()).violations).toEqual([]);
    await page.getByRole('button', { name: 'New course' }).first().click();
    await expect(page.getByRole('dialog', { name: 'New course' })).toBeVisible();
    expect((await (await axe(page)).analyze()).violations).toEqual([]);
  });
}

test('the studio runs under its CSP without violations', async ({ page, host }) => {
  const violations: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  await page.addInitScript(() =>
    document.addEventListener('securitypolicyviolation', (e) =>
      console.error(`Content Security Policy: ${e.violatedDirective} ${e.blockedURI}`),
    ),
  );
  await page.goto(host.url);
  expect(
    await page.evaluate(() => document.querySelector('meta[http-equiv]')?.getAttribute('content') ?? ''),
  ).not.toContain('unsafe-inline');
  await createCourse(page, 'CSP check');
  // The workspace: panels, the outline with inline rename, drag, the palette, menus and dialogs.
  for (const title of ['First', 'Second']) {
    await page.getByRole('button', { name: 'Add module' }).click();
    await page.getByLabel(/^New title for/).fill(title);
    await page.keyboard.press('Enter');
  }
  const outline = page.getByRole('tree', { name: 'Course outline' });
  await outline
    .getByRole('treeitem', { name: 'Second', exact: true })
    .dragTo(outline.getByRole('treeitem', { name: 'First', exact: true }), { targetPosition: { x: 40, y: 2 } });
  await outline.getByRole('treeitem', { name: 'First', exact: true }).click({ button: 'right' });
  await expect(page.getByRole('menu', { name: 'Outline actions' })).toBeVisible();
  await page.keyboard.press('Escape');
  const separator = page.getByRole('separator', { name: 'Resize the outline' });
  const box = (await separator.boundingBox())!;
  await page.mouse.move(box.x + 2, box.y + 200);
  await page.mouse.down();
  await page.mouse.move(box.x + 60, box.y + 200, { steps: 4 });
  await page.mouse.up();
  await page.keyboard.press('Control+k');
  await expect(page.getByLabel('Find a command or an item')).toBeFocused();
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Publish…' }).click();
  await expect(page.getByRole('dialog', { name: 'Publish for an LMS' })).toBeVisible();
  expect(violations).toEqual([]);
});
