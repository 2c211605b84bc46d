import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackend } from '../../electron/backend/backend';
import { headlessPlatform } from '../../electron/backend/platform';
import { startWebHost, type WebHost } from '../../electron/web/host';
import { useTempDirs } from '../fixtures/temp-dir';

const tempDir = useTempDirs();
const EXAMPLE = join(process.cwd(), 'resources', 'examples', 'shop-floor-safety');
const hosts: WebHost[] = [];
afterEach(async () => {
  for (const host of hosts.splice(0)) await host.close();
});

async function start() {
  const backend = createBackend({ dataDir: tempDir(), platform: headlessPlatform('web'), log: () => {} });
  const staticDir = tempDir();
  mkdirSync(staticDir, { recursive: true });
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>studio</title>');
  const host = await startWebHost({ backend, staticDir, port: 0 });
  hosts.push(host);
  const call = async (name: string, body: unknown) =>
    (await (
      await fetch(`${host.url}api/call/${name}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${host.token}` },
        body: JSON.stringify(body),
      })
    ).json()) as { ok: boolean; value?: { url: string; path: string }; error?: { code: string; message: string } };
  return { host, call };
}

describe('preview through the web host', () => {
  it('previews an open course on another origin than the studio page, and only it, may frame', async () => {
    const { host, call } = await start();
    const imported = await call('document.importPortable', { folder: EXAMPLE });
    await call('document.open', { path: imported.value!.path });
    const preview = await call('preview.open', { path: imported.value!.path, standard: 'scorm12' });
    expect(preview.ok).toBe(true);
    const url = new URL(preview.value!.url);
    expect(url.origin).not.toBe(new URL(host.url).origin);
    const studioCsp = (await fetch(host.url)).headers.get('content-security-policy') ?? '';
    expect(studioCsp).toContain(`frame-src ${url.origin}`);
    const lms = await fetch(url);
    expect(lms.status).toBe(200);
    expect(lms.headers.get('content-security-policy')).toContain(
      `frame-ancestors 'self' http://127.0.0.1:${host.port}`,
    );
    const course = await (await fetch(new URL('../pkg/course.js', url))).text();
    expect(course).toContain('scorm12');
  });

  it('says the course must be open first, in a sentence', async () => {
    const { call } = await start();
    const reply = await call('preview.open', { path: join(tempDir(), 'nothing.tailor'), standard: 'scorm2004-4th' });
    expect(reply.ok).toBe(false);
    expect(reply.error?.code).toBe('not-found');
    expect(reply.error?.message).toMatch(/is not open; open it first\./);
  });
});
