import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { callHost } from './web-host-process';

const EXAMPLE = fileURLToPath(new URL('../../resources/examples/purchase-approvals', import.meta.url));
const CLI = fileURLToPath(new URL('../../out/cli/tailor.mjs', import.meta.url));
const STATUS = {
  required: 'Takes',
  optional: 'May take',
  skipped: 'Tested out',
  excluded: 'Not for them',
  choice: 'Chooses',
};

test.describe.configure({ timeout: 120_000 });

async function openPreview(page: Page, hostUrl: string, path: string): Promise<void> {
  await page.goto(`${hostUrl}#course=${encodeURIComponent(path)}&sel=preview`);
  await expect(page.getByRole('progressbar', { name: 'Opening the course' })).toHaveCount(0, { timeout: 30_000 });
}

test('the preview plays the exported package against scorm-again, as a persona', async ({ page, host }) => {
  const { path } = await callHost<{ path: string }>(host, 'document.importPortable', { folder: EXAMPLE });
  await openPreview(page, host.url, path);
  await page.getByRole('combobox', { name: 'Learner' }).selectOption({ label: 'Victor, veteran approver' });
  await page.getByRole('combobox', { name: 'LMS' }).selectOption({ label: 'SCORM 1.2' });
  const player = page.frameLocator('iframe.preview-frame').frameLocator('iframe');
  await expect(player.locator('#player')).toContainText(/\S/, { timeout: 30_000 });
  await page.getByRole('tab', { name: /^LMS calls/ }).click();
  await expect(page.getByRole('table', { name: 'API calls' })).toContainText('LMSInitialize');
  // The package runs on its own origin, never the studio's.
  const frameUrl = await page.locator('iframe.preview-frame').getAttribute('src');
  expect(new URL(frameUrl ?? '').origin).not.toBe(new URL(host.url).origin);
  await expect(page.locator('iframe.preview-frame')).toHaveAttribute(
    'sandbox',
    'allow-scripts allow-same-origin allow-forms',
  );

  await page.getByRole('tab', { name: 'Path' }).click();
  const xray = page.getByRole('region', { name: 'Path of Victor, veteran approver' });
  await expect(xray.getByText('Your placement answers show you already know why the policy exists.')).toBeVisible();
});

test('side by side shows what `tailor paths` shows for every persona', async ({ page, host }) => {
  const { path } = await callHost<{ path: string }>(host, 'document.importPortable', { folder: EXAMPLE });
  await openPreview(page, host.url, path);
  await page.getByRole('tab', { name: 'Side by side' }).click();
  const table = page.locator('table.preview-compare-table');
  const expected = JSON.parse(
    execFileSync(process.execPath, [CLI, 'paths', EXAMPLE, '--json'], { encoding: 'utf8' }),
  ) as {
    persona: { name: string };
    path: { minutesLeft: number; modules: { title: string; status: keyof typeof STATUS }[] };
  }[];
  await expect(table.locator('thead th')).toHaveText(expected.map((e) => e.persona.name));
  for (const [column, entry] of expected.entries()) {
    await expect(
      table
        .getByRole('row', { name: /^Estimated time/ })
        .locator('td')
        .nth(column),
    ).toHaveText(`${entry.path.minutesLeft} min`);
    for (const m of entry.path.modules)
      await expect(
        table
          .getByRole('row')
          .filter({ has: page.getByRole('rowheader', { name: m.title, exact: false }) })
          .locator('td')
          .nth(column),
      ).toHaveText(new RegExp(`^${STATUS[m.status]}`));
  }
  // Nadia takes the policy module, Victor tests out of it: the row is marked as a difference.
  await expect(table.getByRole('row', { name: /Why the approvals policy exists \(differs\)/ })).toBeVisible();
});
