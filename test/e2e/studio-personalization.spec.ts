import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

const EXAMPLE = fileURLToPath(new URL('../../resources/examples/purchase-approvals', import.meta.url));

/** Imports the procurement example through the contract, as the studio's Open dialog would. */
async function importExample(hostUrl: string): Promise<string> {
  const response = await fetch(new URL('api/call/document.importPortable', hostUrl), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ folder: EXAMPLE }),
  });
  const result = (await response.json()) as { ok: boolean; value?: { path: string }; error?: { message: string } };
  if (!result.ok || !result.value) throw new Error(`import failed: ${result.error?.message}`);
  return result.value.path;
}

/**
 * Serves the studio page with style-src stripped of 'unsafe-inline' (the studio's target CSP) and
 * records every CSP violation the page reports.
 */
async function strictStyles(page: Page): Promise<void> {
  await page.route(
    (url) => url.pathname === '/' || url.pathname.endsWith('/index.html'),
    async (route) => {
      const response = await route.fetch();
      const headers = { ...response.headers() };
      const csp = headers['content-security-policy'];
      if (csp) headers['content-security-policy'] = csp.replace(/\s*'unsafe-inline'/g, '');
      await route.fulfill({ response, headers });
    },
  );
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (e) =>
      seen.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}:${e.columnNumber} ${e.sample}`),
    );
  });
}

/**
 * Blocked style sheets: what CodeMirror's <style> tag would cause outside a shadow root. (Chromium's own
 * contenteditable editing may try a style="" attribute when typing over a selection; CodeMirror redraws
 * the line anyway, so style-src-attr reports are not counted.)
 */
const blockedStyleSheets = async (page: Page) =>
  (await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)).filter((v) =>
    v.startsWith('style-src-elem'),
  );

// Opening a document and typing on a shared two-core machine can take a while; nothing here is timed.
test.describe.configure({ timeout: 120_000 });

async function reload(page: Page): Promise<void> {
  await page.reload();
  await expect(page.getByRole('progressbar', { name: 'Opening the course' })).toHaveCount(0, { timeout: 30_000 });
}

async function open(page: Page, hostUrl: string, path: string, sel: string): Promise<void> {
  await page.goto(`${hostUrl}#course=${encodeURIComponent(path)}&sel=${sel}`);
  await expect(page.getByRole('progressbar', { name: 'Opening the course' })).toHaveCount(0, { timeout: 30_000 });
}

test('a misspelt competency in a rule is underlined at the name and fixed by the completion', async ({
  page,
  host,
}) => {
  await strictStyles(page);
  const path = await importExample(host.url);
  await open(page, host.url, path, 'rule:skip-why-policy');
  const rule = page.getByRole('group', { name: 'Rule skip-why-policy' });
  const condition = rule.getByRole('textbox', { name: 'Condition of rule skip-why-policy' });
  await expect(condition).toHaveText('mastery(policy) >= proficient');
  await expect(rule.getByText(/^Skips 1 module for \d of 4 personas\.$/)).toBeVisible();

  await condition.click();
  await page.keyboard.press('Control+a');
  await page.keyboard.type('mastery(polcy) >= proficient', { delay: 10 });
  const underline = rule.locator('.cm-lintRange-error');
  await expect(underline).toHaveText('polcy');
  await expect(rule.getByText('Draft: not used until fixed')).toBeVisible();
  await expect(
    rule.getByRole('listitem').filter({ hasText: 'There is no competency "polcy". Did you mean "policy"?' }),
  ).toBeVisible();

  expect(await blockedStyleSheets(page)).toEqual([]);
  // CodeMirror's own theme reached the page: the squiggle is its base theme's background image.
  expect(await underline.evaluate((el) => getComputedStyle(el).backgroundImage)).toContain('url(');

  // The document kept the last condition that checked: the engine never sees the broken one.
  await reload(page);
  await expect(condition).toHaveText('mastery(policy) >= proficient');
});

test('accepting the completion fixes a misspelt name, and undo and redo cover the edit after a reload', async ({
  page,
  host,
}) => {
  const path = await importExample(host.url);
  await open(page, host.url, path, 'rule:skip-why-policy');
  const rule = page.getByRole('group', { name: 'Rule skip-why-policy' });
  const condition = rule.getByRole('textbox', { name: 'Condition of rule skip-why-policy' });
  const underline = rule.locator('.cm-lintRange-error');
  await condition.click();
  await page.keyboard.press('Control+a');
  await page.keyboard.type('mastery(polcy) >= expert', { delay: 10 });
  await expect(underline).toHaveText('polcy');
  await page.keyboard.press('Home');
  for (let i = 0; i < 'mastery(polcy'.length; i++) await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Control+Space');
  const completion = page.getByRole('listbox').getByRole('option', { name: /policy/ });
  await expect(completion.first()).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(condition).toHaveText('mastery(policy) >= expert');
  await expect(underline).toHaveCount(0);
  await expect(rule.getByText('Draft: not used until fixed')).toHaveCount(0);

  await reload(page);
  await expect(condition).toHaveText('mastery(policy) >= expert');
  await page.keyboard.press('Control+z');
  await expect(condition).toHaveText('mastery(policy) >= proficient');
  await page.keyboard.press('Control+Shift+z');
  await expect(condition).toHaveText('mastery(policy) >= expert');
});
