import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { expect, test } from '../e2e/fixtures';
import { callHost, type RunningHost } from '../e2e/web-host-process';

const EXAMPLE = fileURLToPath(new URL('../../resources/examples/purchase-approvals', import.meta.url));
const OUT = (name: string) => fileURLToPath(new URL(`../../docs/screenshots/${name}.png`, import.meta.url));

async function importExample(host: RunningHost): Promise<string> {
  return (await callHost<{ path: string }>(host, 'document.importPortable', { folder: EXAMPLE })).path;
}

async function show(page: Page, hostUrl: string, path: string, sel: string, theme: 'light' | 'dark') {
  await page.addInitScript((t) => window.localStorage.setItem('tailor.theme', t), theme);
  await page.goto(`${hostUrl}#course=${encodeURIComponent(path)}&sel=${sel}`);
  await expect(page.getByRole('progressbar', { name: 'Opening the course' })).toHaveCount(0, { timeout: 60_000 });
  // The analysis has answered once the rule effects or the matrix are there.
  await expect(page.getByRole('table')).toBeVisible({ timeout: 60_000 });
}

test.use({ viewport: { width: 1280, height: 860 } });

for (const theme of ['light', 'dark'] as const) {
  test(`personalization screens, ${theme}`, async ({ page, host }) => {
    const path = await importExample(host);
    await show(page, host.url, path, 'placement', theme);
    const flow = page.getByRole('region', { name: 'Placement flow' });
    await expect(flow.locator('.react-flow__edge')).toHaveCount(13);
    await page.waitForTimeout(500);
    await flow.screenshot({ path: OUT(`personalization-flow-${theme}`) });

    await show(page, host.url, path, 'rule:skip-thresholds', theme);
    await page.waitForTimeout(300);
    await page
      .getByRole('group', { name: 'Rule skip-thresholds', exact: true })
      .screenshot({ path: OUT(`personalization-rule-${theme}`) });

    await page.getByRole('region', { name: 'Coverage: personas and modules' }).screenshot({
      path: OUT(`personalization-coverage-${theme}`),
    });
  });
}
