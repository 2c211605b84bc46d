import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test';
import { electronVersion, findElectronBinary } from './electron-binary';

const root = resolve(import.meta.dirname, '../..');
const binary = findElectronBinary();
const nativeBinding = join(root, 'out', 'native', `electron-${electronVersion()}`, 'better_sqlite3.node');

function whyNotRunnable(): string | null {
  if ('missing' in binary) return binary.missing;
  if (!existsSync(nativeBinding))
    return `better-sqlite3 is not built for Electron at ${nativeBinding}; run node resources/build/electron-native.mjs (needs Electron's headers).`;
  if (process.platform === 'linux' && !process.env.DISPLAY && !existsSync('/usr/bin/Xvfb'))
    return 'no display and no Xvfb to provide one.';
  return null;
}

/** Starts Xvfb on `:display` and waits (up to 10 s) for its socket: the display takes connections from then on. */
async function startXvfb(display: number): Promise<ChildProcess> {
  const xvfb = spawn('/usr/bin/Xvfb', [`:${display}`, '-screen', '0', '1280x900x24'], { stdio: 'ignore' });
  const socket = `/tmp/.X11-unix/X${display}`;
  try {
    await expect
      .poll(
        () => {
          if (xvfb.exitCode !== null) throw new Error(`Xvfb :${display} exited with ${xvfb.exitCode}`);
          return existsSync(socket);
        },
        { message: `Xvfb's socket ${socket}`, timeout: 10_000 },
      )
      .toBe(true);
  } catch (error) {
    xvfb.kill();
    throw error;
  }
  return xvfb;
}

const reason = whyNotRunnable();
if (reason) console.warn(`[electron e2e] skipped: ${reason}`);

test.describe('Electron studio', () => {
  test.skip(reason !== null, `Electron e2e skipped: ${reason}`);

  let app: ElectronApplication;
  let dataDir: string;
  let xvfb: ChildProcess | undefined;

  test.beforeEach(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'tailor-electron-'));
    const env: Record<string, string> = { ...(process.env as Record<string, string>), TAILOR_DATA_DIR: dataDir };
    env.TAILOR_DOCUMENTS_DIR = join(dataDir, 'Courses');
    if (process.platform === 'linux' && !process.env.DISPLAY) {
      // A display of this worker's own: the tests run in parallel.
      const display = 97 + test.info().parallelIndex;
      xvfb = await startXvfb(display);
      env.DISPLAY = `:${display}`;
    }
    app = await electron.launch({
      executablePath: 'path' in binary ? binary.path : '',
      args: [root, '--no-sandbox'],
      env,
    });
  });

  test.afterEach(async () => {
    await app?.close();
    // The next test on this worker takes the same display: Xvfb lets it go (socket and lock) when it has exited.
    if (xvfb && xvfb.exitCode === null && xvfb.signalCode === null) {
      const exited = once(xvfb, 'exit');
      xvfb.kill();
      await exited;
    }
    xvfb = undefined;
    rmSync(dataDir, { recursive: true, force: true });
  });

  test('the window is isolated, sandboxed and has no Node in the page', async () => {
    const page = await app.firstWindow();
    // Electron exposes no getter for a window's preferences; the options main passes are unit-tested
    // (electron/main/security.test.ts), and here the page proves their effect.
    await page.waitForLoadState('domcontentloaded');
    expect(page.url()).toMatch(/^app:\/\/studio\//);
    expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
    expect(await page.evaluate(() => typeof (globalThis as { process?: unknown }).process)).toBe('undefined');
    expect(
      await page.evaluate(() => Object.keys((window as unknown as { tailorBridge: object }).tailorBridge).sort()),
    ).toEqual(['invoke', 'subscribe']);
  });

  test('navigation away from the studio and new windows are refused', async () => {
    const page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
    await page.evaluate(() => {
      window.location.href = 'https://example.com/';
    });
    await page.waitForTimeout(500);
    expect(page.url()).toMatch(/^app:\/\/studio\//);
    expect(await page.evaluate(() => window.open('https://example.com/') === null)).toBe(true);
    expect(app.windows()).toHaveLength(1);
  });

  test('a wrong payload over IPC comes back as a validation error naming the field', async () => {
    const page = await app.firstWindow();
    // The bridge is there once the studio's page has loaded.
    await page.waitForLoadState('domcontentloaded');
    expect(page.url()).toMatch(/^app:\/\/studio\//);
    const reply = await page.evaluate(() =>
      (window as unknown as { tailorBridge: { invoke(n: string, p: unknown): Promise<unknown> } }).tailorBridge.invoke(
        'course.create',
        { title: 5 },
      ),
    );
    expect(reply).toMatchObject({ ok: false, error: { code: 'invalid-request', issues: [{ field: 'title' }] } });
  });

  test('a course created in the window is saved as a .tailor file and listed again', async () => {
    const page = await app.firstWindow();
    await page.getByRole('button', { name: 'New course' }).first().click();
    await page.getByRole('dialog', { name: 'New course' }).getByLabel('Title').fill('Electron course');
    await page.getByRole('button', { name: 'Create course' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Electron course' })).toBeVisible();
    expect(readdirSync(join(dataDir, 'Courses'))).toContain('Electron course.tailor');
    await page.getByRole('button', { name: 'All courses' }).click();
    await expect(page.getByRole('button', { name: /Electron course/ })).toBeVisible();
  });

  test('an example opens from the welcome screen and is published from the native menu', async () => {
    const page = await app.firstWindow();
    await page.getByRole('button', { name: 'Open example' }).click();
    await page.getByRole('menuitem', { name: /Purchase approvals/ }).click();
    await expect(page.getByLabel('Course title')).toHaveValue(/Purchase approvals/);
    // The menu is the studio's registry: its items carry the command ids.
    await expect
      .poll(() => app.evaluate(({ Menu }) => Menu.getApplicationMenu()?.getMenuItemById('course.publish')?.enabled))
      .toBe(true);
    await app.evaluate(({ Menu, BrowserWindow }) =>
      Menu.getApplicationMenu()!.getMenuItemById('course.publish')!.click(undefined, BrowserWindow.getAllWindows()[0]),
    );
    const dialog = page.getByRole('dialog', { name: 'Publish for an LMS' });
    await expect(dialog).toBeVisible();
    await dialog.getByLabel('Save as').fill(join(dataDir, 'menu.zip'));
    await dialog.getByRole('button', { name: 'Publish' }).click();
    await expect(dialog.getByText('Published')).toBeVisible({ timeout: 60_000 });
    expect(existsSync(join(dataDir, 'menu.zip'))).toBe(true);
  });
});
