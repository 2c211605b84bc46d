import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { expect, test } from '../e2e/fixtures';
import { callHost, type RunningHost } from '../e2e/web-host-process';

const EXAMPLE = fileURLToPath(new URL('../../resources/examples/purchase-approvals', import.meta.url));
const OUT = (name: string) => fileURLToPath(new URL(`../../docs/screenshots/${name}.png`, import.meta.url));

async function importExample(host: RunningHost, folder = EXAMPLE): Promise<string> {
  return (await callHost<{ path: string }>(host, 'document.importPortable', { folder })).path;
}

/** The example with a lesson rule: experienced learners skip the basics of two modules they take. */
function exampleWithLessonRule(): string {
  const folder = join(mkdtempSync(join(tmpdir(), 'tailor-shots-')), 'purchase-approvals');
  cpSync(EXAMPLE, folder, { recursive: true });
  const file = join(folder, 'course.json');
  const course = JSON.parse(readFileSync(file, 'utf8')) as { rules: unknown[] };
  course.rules.push({
    id: 'experienced-skip-basics',
    when: 'seniority == experienced',
    then: { kind: 'skip-lessons', lessons: ['req-good', 'exc-emergency'] },
    reason: 'You have done this for years: these lessons count as done, and you can still open them.',
  });
  writeFileSync(file, JSON.stringify(course, null, 2));
  return folder;
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

    // The whole matrix in view: a region taller than the window would be cut, with the studio's header in it.
    await page.setViewportSize({ width: 1440, height: 1400 });
    const coverage = page.getByRole('region', { name: 'Coverage: personas and modules' });
    await coverage.scrollIntoViewIfNeeded();
    await coverage.screenshot({
      path: OUT(`personalization-coverage-${theme}`),
    });

    await page.setViewportSize({ width: 1280, height: 860 });

    // A lesson rule: its card, then the preview of a persona it holds for, the lessons skipped with the reason.
    const withRule = await importExample(host, exampleWithLessonRule());
    await show(page, host.url, withRule, 'rule:experienced-skip-basics', theme);
    const card = page.getByRole('group', { name: 'Rule experienced-skip-basics', exact: true });
    await expect(card.getByText('Skips 2 lessons in 2 modules for 2 of 4 personas.')).toBeVisible();
    await page.waitForTimeout(300);
    await card.screenshot({ path: OUT(`personalization-lesson-rule-${theme}`) });

    // Tall enough for the whole path: both skipped lessons, the second near the end.
    await page.setViewportSize({ width: 1440, height: 1200 });
    await page.goto(`${host.url}#course=${encodeURIComponent(withRule)}&sel=preview`);
    await page.getByRole('combobox', { name: 'Learner' }).selectOption({ label: 'Rosa, requester in operations' });
    const xray = page.getByRole('region', { name: 'Path of Rosa, requester in operations' });
    await expect(xray.locator('.preview-xray-lesson.is-skipped')).toHaveCount(3, { timeout: 60_000 });
    const player = page.frameLocator('iframe.preview-frame').frameLocator('iframe');
    await expect(player.locator('#player')).toContainText(/\S/, { timeout: 30_000 });
    await page.waitForTimeout(500);
    await page.locator('.preview-side').screenshot({ path: OUT(`personalization-lesson-skip-preview-${theme}`) });
  });
}
