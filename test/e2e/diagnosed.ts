import { test as base, type Page } from '@playwright/test';

/** What a failed test's page showed: the focused element, console errors and the accessibility tree. */
async function describePage(page: Page, messages: readonly string[]): Promise<string> {
  const focused = await page
    .evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body) return '(nothing)';
      const label = el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 60) ?? '';
      return `<${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}> ${label}`;
    })
    .catch((error: unknown) => `(unknown: ${String(error)})`);
  const snapshot = await page
    .locator('body')
    .ariaSnapshot({ timeout: 2_000 })
    .catch((error: unknown) => `(no snapshot: ${String(error)})`);
  const cut = (text: string, max: number) => (text.length > max ? `${text.slice(0, max)}\n…` : text);
  return [
    `focus: ${focused}`,
    `url: ${page.url()}`,
    ...(messages.length ? ['console errors:', ...messages.slice(-10).map((m) => `  ${cut(m, 300)}`)] : []),
    'accessibility tree:',
    cut(snapshot, 4_000),
  ].join('\n');
}

/**
 * Playwright's test with one addition: a failed test prints what its page showed, as CI keeps only the printed
 * output, not the trace.
 */
export const test = base.extend({
  page: async ({ page }, use, testInfo) => {
    const messages: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') messages.push(m.text());
    });
    page.on('pageerror', (error) => messages.push(`page error: ${error.message}`));
    await use(page);
    if (testInfo.status === testInfo.expectedStatus || page.isClosed()) return;
    const description = await describePage(page, messages);
    // The summary shows the first 300 characters of an attachment (the focus, the console); the whole is printed as
    // the test's output, above its result line.
    await testInfo.attach('the page when the test failed', { body: description, contentType: 'text/plain' });
    console.log(`--- the page when "${testInfo.title}" failed\n${description}\n---`);
  },
});

export { expect } from '@playwright/test';
