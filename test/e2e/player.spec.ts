import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { expect, test } from './diagnosed';
import { loadCourseOrThrow } from '../../shared/engine';
import type { Course } from '../../shared/model';
import { exampleJson } from '../fixtures/examples';
import { playThrough } from './player-driver';
import { packageForLms, serve } from './scorm-lms';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** Exports a course folder and opens it in the test LMS; returns the course as exported. */
async function launch(
  page: Page,
  course: unknown,
  standard: 'scorm12' | 'scorm2004-3rd' | 'scorm2004-4th' = 'scorm2004-4th',
) {
  const dir = mkdtempSync(join(tmpdir(), 'tailor-player-'));
  const folder = join(dir, 'course');
  cpSync(join(root, 'resources/examples/shop-floor-safety'), folder, { recursive: true });
  writeFileSync(join(folder, 'course.json'), JSON.stringify(course));
  mkdirSync(join(dir, 'www'));
  packageForLms(folder, standard, join(dir, 'www'));
  const server = await serve(join(dir, 'www'));
  await page.goto(`${server.url}lms.html`);
  return async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  };
}

const BASE_PAYLOADS = [
  '<script>top.__xss=(top.__xss||0)+1</script>',
  '<img src=x onerror="top.__xss=(top.__xss||0)+1">',
  '<svg onload="top.__xss=(top.__xss||0)+1"></svg>',
  '<svg><script>top.__xss=(top.__xss||0)+1</script></svg>',
  '<a href="javascript:top.__xss=(top.__xss||0)+1" id="xss-link">link</a>',
  '<iframe srcdoc="<script>parent.top.__xss=1</script>"></iframe>',
  '<iframe src="javascript:top.__xss=1"></iframe>',
  '<details open ontoggle="top.__xss=(top.__xss||0)+1"><summary>x</summary></details>',
  '<body onload="top.__xss=1">',
  '<input autofocus onfocus="top.__xss=(top.__xss||0)+1">',
  '<video><source onerror="top.__xss=(top.__xss||0)+1"></video>',
  '<audio src=x onerror="top.__xss=(top.__xss||0)+1"></audio>',
  '<object data="javascript:top.__xss=1"></object>',
  '<embed src="javascript:top.__xss=1">',
  '<form><button formaction="javascript:top.__xss=1">go</button></form>',
  '<math><mtext><table><mglyph><style><img src=x onerror="top.__xss=1">',
  '<noscript><p title="</noscript><img src=x onerror=top.__xss=1>">',
  '<style>@import "javascript:top.__xss=1";</style>',
  '<meta http-equiv="refresh" content="0;url=javascript:top.__xss=1">',
  '<base href="javascript:top.__xss=1//">',
  '<scr<script>ipt>top.__xss=1</scr</script>ipt>',
  '<img src="x" onerror="&#116;op.__xss=1">',
  '<a href="data:text/html,<script>top.__xss=1</script>">data</a>',
  '<template><script>top.__xss=1</script></template>',
  '"><img src=x onerror=top.__xss=1>',
];
/** 50 payloads: each base, and each again behind an attribute-breaking prefix. */
const PAYLOADS = [...BASE_PAYLOADS, ...BASE_PAYLOADS.map((p) => `'"></title></script>${p}`)];
const AUTHORED = new Set([
  'title',
  'description',
  'summary',
  'html',
  'alt',
  'caption',
  'transcript',
  'prompt',
  'text',
  'feedback',
  'correct',
  'incorrect',
  'reason',
  'name',
  'intro',
  'label',
  'left',
  'right',
]);

/** The shortest limit the course format sets on a field of that name (a caption's or rendition's label: 100). */
const MAX_LENGTH: Readonly<Record<string, number>> = { title: 200, name: 200, label: 100 };

/** Puts a payload into every authored text field of the course, round robin. */
function poison(course: Course): Course {
  let n = 0;
  const walk = (value: unknown, key?: string): unknown => {
    if (typeof value === 'string' && key && AUTHORED.has(key))
      return `${value} ${PAYLOADS[n++ % PAYLOADS.length]}`.slice(0, MAX_LENGTH[key] ?? 1900);
    if (Array.isArray(value)) return value.map((v) => walk(v));
    if (value && typeof value === 'object')
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v, k)]));
    return value;
  };
  const poisoned = walk(course) as Course;
  expect(n).toBeGreaterThanOrEqual(PAYLOADS.length);
  return poisoned;
}

test('50 XSS payloads in every authored text field never execute in the exported player', async ({ page }) => {
  test.setTimeout(180_000);
  const course = poison(loadCourseOrThrow(exampleJson('shop-floor-safety')).course);
  const index = loadCourseOrThrow(course);
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  const close = await launch(page, course);
  try {
    const frame = page.frameLocator('iframe[title="Course"]');
    const executed = () =>
      page.evaluate(() => {
        const top = window as unknown as { __xss?: number };
        const inner = (document.querySelector('iframe')?.contentWindow ?? {}) as { __xss?: number };
        return (top.__xss ?? 0) + (inner.__xss ?? 0);
      });
    await playThrough(page, index.course.personas[0]!, index.course, 'mouse', async () => {
      // Open every transcript and follow nothing: payloads must be inert text or stripped markup.
      for (const details of await frame.locator('details').all())
        await details.evaluate((d) => ((d as HTMLDetailsElement).open = true));
      expect(await executed()).toBe(0);
    });
    // Only the package's own two scripts exist; nothing authored became markup that runs.
    await expect(frame.locator('script')).toHaveCount(2);
    await expect(frame.locator('#player script')).toHaveCount(0);
    await expect(
      frame.locator('#player').locator('[onerror], [onload], [onfocus], [ontoggle], iframe, object, embed, base, meta'),
    ).toHaveCount(0);
    expect(
      await frame
        .locator('#player a')
        .evaluateAll((links) => links.filter((a) => /^(javascript|data):/i.test(a.getAttribute('href') ?? '')).length),
    ).toBe(0);
    expect(await executed()).toBe(0);
    expect(dialogs).toEqual([]);
  } finally {
    await close();
  }
});

test('a keyboard-only learner completes a course', async ({ page }) => {
  test.setTimeout(180_000);
  const { course } = loadCourseOrThrow(exampleJson('purchase-approvals'));
  const dir = mkdtempSync(join(tmpdir(), 'tailor-kbd-'));
  packageForLms(join(root, 'resources/examples/purchase-approvals'), 'scorm12', dir);
  const server = await serve(dir);
  try {
    await page.goto(`${server.url}lms.html`);
    await page.frameLocator('iframe[title="Course"]').getByRole('heading', { level: 1 }).waitFor();
    await page.locator('iframe').focus();
    await playThrough(
      page,
      course.personas.find((p) => p.id === 'victor')!,
      course,
      'keyboard',
    );
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a learner on a 320 px wide phone completes a course without sideways scrolling', async ({ page }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 320, height: 640 });
  const course = exampleJson('shop-floor-safety') as Course;
  const { course: parsed } = loadCourseOrThrow(course);
  const close = await launch(page, course);
  try {
    const frame = page.frameLocator('iframe[title="Course"]');
    await playThrough(
      page,
      parsed.personas.find((p) => p.id === 'femi')!,
      parsed,
      'mouse',
      async () => {
        const overflow = await frame.locator('html').evaluate((html) => html.scrollWidth - html.clientWidth);
        expect(overflow).toBeLessThanOrEqual(0);
      },
    );
  } finally {
    await close();
  }
});

test('the player is titled after its course, follows a dark OS, and paints no focus ring on load', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  const { course } = loadCourseOrThrow(exampleJson('purchase-approvals'));
  const dir = mkdtempSync(join(tmpdir(), 'tailor-theme-'));
  packageForLms(join(root, 'resources/examples/purchase-approvals'), 'scorm12', dir);
  const server = await serve(dir);
  try {
    await page.goto(`${server.url}lms.html`);
    const player = page.frameLocator('iframe[title="Course"]');
    const heading = player.getByRole('heading', { level: 1 });
    await heading.waitFor();
    const frame = page.frames().find((f) => f !== page.mainFrame())!;
    expect(await frame.title()).toBe(course.title);
    await expect(heading).toBeFocused();
    expect(await heading.evaluate((el) => getComputedStyle(el).outlineStyle)).toBe('none');
    const background = await heading.evaluate(
      (el) => getComputedStyle(el.ownerDocument.documentElement).backgroundColor,
    );
    expect(background).toBe('rgb(21, 25, 30)');
  } finally {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
