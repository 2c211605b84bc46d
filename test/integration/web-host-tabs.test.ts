import { afterEach, describe, expect, it } from 'vitest';
import { createBackend } from '../../electron/backend/backend';
import { headlessPlatform } from '../../electron/backend/platform';
import { startWebHost, type WebHost } from '../../electron/web/host';
import { useTempDirs } from '../fixtures/temp-dir';

const tempDir = useTempDirs();
const hosts: WebHost[] = [];
afterEach(async () => {
  for (const host of hosts.splice(0)) await host.close();
});

async function start() {
  const backend = createBackend({ dataDir: tempDir(), platform: headlessPlatform('web'), log: () => {} });
  const host = await startWebHost({ backend, port: 0 });
  hosts.push(host);
  return host;
}

/** A browser tab as the studio's transport is one: the token and a random tab id on every call. */
function tab(host: WebHost) {
  const id = crypto.randomUUID();
  return {
    id,
    async call(name: string, body: unknown) {
      const response = await fetch(`${host.url}api/call/${name}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${host.token}`, 'X-Tailor-Tab': id },
        body: JSON.stringify(body),
      });
      return (await response.json()) as { ok: boolean; value?: Record<string, unknown>; error?: { code: string } };
    },
    /** The tab's event stream, as EventSource opens it; closing it is what closing the tab does. */
    async stream() {
      const controller = new AbortController();
      const response = await fetch(`${host.url}api/events?token=${host.token}&tab=${id}`, {
        signal: controller.signal,
      });
      await response.body!.getReader().read();
      return () => controller.abort();
    },
  };
}

const addModule = (path: string, id: string) => ({
  path,
  edit: { op: { kind: 'insert', path: ['modules'], value: { id, title: id, lessons: [] } }, label: 'Add' },
});

describe('one writer per document across browser tabs', () => {
  it('gives a second tab the read-only refusal, lets it view the live document, and refuses its edits', async () => {
    const host = await start();
    const [first, second] = [tab(host), tab(host)];
    const created = await first.call('course.create', { title: 'Shared' });
    const path = created.value!.path as string;
    expect(await first.call('document.open', { path })).toMatchObject({ ok: true, value: { readOnly: false } });
    // The studio's page listens for changes as soon as it shows a course.
    const closeFirst = await first.stream();
    expect(await first.call('document.apply', addModule(path, 'one'))).toMatchObject({ ok: true });

    expect(await second.call('document.open', { path })).toMatchObject({
      ok: false,
      error: { code: 'read-only', message: expect.stringMatching(/open for editing in another tab.*read-only/) },
    });
    expect(await second.call('document.open', { path, readOnly: true })).toMatchObject({
      ok: true,
      value: { readOnly: true, course: { modules: [{ id: 'one' }] }, history: { canUndo: false } },
    });
    expect(await second.call('document.apply', addModule(path, 'two'))).toMatchObject({
      ok: false,
      error: { code: 'read-only' },
    });
    expect(await second.call('document.undo', { path })).toMatchObject({ ok: false, error: { code: 'read-only' } });

    // The viewer opening read-only did not take the document away from its writer.
    expect(await first.call('document.apply', addModule(path, 'three'))).toMatchObject({ ok: true });
    expect(await second.call('document.close', { path })).toMatchObject({ ok: true });
    expect(await first.call('document.apply', addModule(path, 'four'))).toMatchObject({ ok: true });
    closeFirst();
  });

  it('lets another tab edit once the writer closes the document, or its tab goes away', async () => {
    const host = await start();
    const [first, second, third] = [tab(host), tab(host), tab(host)];
    const path = (await first.call('course.create', { title: 'Handover' })).value!.path as string;
    await first.call('document.open', { path });
    await first.call('document.close', { path });
    expect(await second.call('document.open', { path })).toMatchObject({ ok: true, value: { readOnly: false } });

    const closeTab = await second.stream();
    expect(await third.call('document.open', { path })).toMatchObject({ ok: false, error: { code: 'read-only' } });
    closeTab();
    await expect.poll(async () => (await third.call('document.open', { path })).ok).toBe(true);
    expect(await third.call('document.apply', addModule(path, 'mine'))).toMatchObject({ ok: true });
  });

  it('gives a reloaded tab its document back for editing, though it asks before its old page is seen to close', async () => {
    const host = await start();
    const [before, after] = [tab(host), tab(host)];
    const path = (await before.call('course.create', { title: 'Reloaded' })).value!.path as string;
    await before.call('document.open', { path });
    const closeOldPage = await before.stream();

    // The new page's open reaches the host first; the old page's stream closes a moment later.
    const reopened = after.call('document.open', { path });
    setTimeout(closeOldPage, 150);
    expect(await reopened).toMatchObject({ ok: true, value: { readOnly: false } });
    expect(await after.call('document.apply', addModule(path, 'mine'))).toMatchObject({ ok: true });
  });

  it('gives a reloaded tab its document back when the old page went before it ever listened for changes', async () => {
    const host = await start();
    const [before, after] = [tab(host), tab(host)];
    const path = (await before.call('course.create', { title: 'Reloaded at once' })).value!.path as string;
    // Reloaded right after its first call: the old page never opened its event stream, so none closes.
    expect(await before.call('document.open', { path })).toMatchObject({ ok: true, value: { readOnly: false } });
    const closeNewPage = await after.stream();
    expect(await after.call('document.open', { path })).toMatchObject({ ok: true, value: { readOnly: false } });
    expect(await after.call('document.apply', addModule(path, 'mine'))).toMatchObject({ ok: true });
    // The old page's late edits are refused: the document has one writer.
    expect(await before.call('document.apply', addModule(path, 'late'))).toMatchObject({
      ok: false,
      error: { code: 'read-only' },
    });
    closeNewPage();
  });

  it('keeps one tab free to reopen its own document', async () => {
    const host = await start();
    const only = tab(host);
    const path = (await only.call('course.create', { title: 'Mine' })).value!.path as string;
    expect(await only.call('document.open', { path })).toMatchObject({ ok: true });
    expect(await only.call('document.open', { path })).toMatchObject({ ok: true, value: { readOnly: false } });
    expect(await only.call('document.apply', addModule(path, 'again'))).toMatchObject({ ok: true });
  });
});
