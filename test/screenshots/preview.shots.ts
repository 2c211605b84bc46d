import { fileURLToPath } from 'node:url';
import { expect, test } from '../e2e/fixtures';
import { callHost } from '../e2e/web-host-process';

const EXAMPLE = fileURLToPath(new URL('../../resources/examples/purchase-approvals', import.meta.url));
const OUT = (name: string) => fileURLToPath(new URL(`../../docs/screenshots/${name}.png`, import.meta.url));

test.use({ viewport: { width: 1440, height: 900 } });

for (const theme of ['light', 'dark'] as const) {
  test(`preview screens, ${theme}`, async ({ page, host }) => {
    const { path } = await callHost<{ path: string }>(host, 'document.importPortable', { folder: EXAMPLE });
    await page.addInitScript((t) => window.localStorage.setItem('tailor.theme', t), theme);
    await page.goto(`${host.url}#course=${encodeURIComponent(path)}&sel=preview`);
    await expect(page.getByRole('progressbar', { name: 'Opening the course' })).toHaveCount(0, { timeout: 60_000 });
    await page.getByRole('combobox', { name: 'Learner' }).selectOption({ label: 'Victor, veteran approver' });
    const player = page.frameLocator('iframe.preview-frame').frameLocator('iframe');
    await expect(player.locator('#player')).toContainText(/\S/, { timeout: 30_000 });
    await page.waitForTimeout(500);
    await page.screenshot({ path: OUT(`preview-path-${theme}`) });
    await page.getByRole('tab', { name: 'Side by side' }).click();
    await page.locator('.preview').screenshot({ path: OUT(`preview-side-by-side-${theme}`) });
    await page.getByRole('tab', { name: /^LMS calls/ }).click();
    await page.locator('.preview').screenshot({ path: OUT(`preview-lms-${theme}`) });
  });
}
