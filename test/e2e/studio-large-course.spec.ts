import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateCourse } from '../../bench/generate-course';
import { expect, test } from './fixtures';
import { callHost } from './web-host-process';

test('the modules list of a 1,000-module course renders what is in view, and a card moved by keyboard keeps focus', async ({
  page,
  host,
}) => {
  const dir = mkdtempSync(join(tmpdir(), 'tailor-large-'));
  try {
    const course = generateCourse({ seed: 3, modules: 1000, competencies: 4, rules: 4, personas: 2 });
    mkdirSync(join(dir, 'assets'));
    const json = JSON.stringify(course);
    for (const asset of new Set(json.match(/assets\/[\w.-]+/g) ?? [])) writeFileSync(join(dir, asset), asset);
    writeFileSync(join(dir, 'course.json'), json);
    const { path } = await callHost<{ path: string }>(host, 'document.importPortable', { folder: dir });
    await page.goto(`${host.url}#course=${encodeURIComponent(path)}&sel=modules`);
    const list = page.getByRole('list', { name: 'Modules' });
    const cards = list.locator(':scope > li');
    await expect(page.getByRole('progressbar', { name: 'Opening the course' })).toHaveCount(0, { timeout: 60_000 });
    // The list is drawn once the 1,000 modules are read and analysed; a busy machine takes its time.
    await expect(cards.first()).toHaveAttribute('aria-setsize', '1000', { timeout: 60_000 });
    // A screenful and a few beyond it, not 1,000 cards.
    expect(await cards.count()).toBeLessThan(40);

    const titles = course.modules!.map((m) => m.title);
    await page.locator('[data-path="modules[0]"]').focus();
    await page.keyboard.press('Alt+ArrowDown');
    const moved = page.locator('[data-path="modules[1]"]');
    await expect(moved).toBeFocused();
    await expect(moved).toHaveAttribute('aria-label', titles[0]!);

    // Scrolling to the end brings the last module's card in, numbered 1,000.
    await page.locator('.editor-panel').evaluate((panel) => panel.scrollTo(0, panel.scrollHeight));
    const last = page.locator('[data-path="modules[999]"]');
    await expect(last).toBeVisible();
    await expect(last).toHaveAttribute('aria-label', titles[999]!);
    await expect(last.locator('.item-card-number')).toHaveText('1000');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
