import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackend } from '../../electron/backend/backend';
import { PAGE_SIZE } from '../../electron/backend/document/sqlite';
import { headlessPlatform } from '../../electron/backend/platform';
import { documentToPortable, portableToDocument } from '../../electron/backend/portable-convert';
import { startWebHost, type WebHost } from '../../electron/web/host';
import { EXAMPLE_NAMES, EXAMPLES_DIR } from '../fixtures/examples';
import { useTempDirs } from '../fixtures/temp-dir';

const tempDir = useTempDirs();
const hosts: WebHost[] = [];
afterEach(async () => {
  for (const host of hosts.splice(0)) await host.close();
});

async function call(host: Pick<WebHost, 'url' | 'token'>, name: string, body: unknown) {
  const response = await fetch(`${host.url}api/call/${name}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${host.token}` },
    body: JSON.stringify(body),
  });
  return (await response.json()) as {
    ok: boolean;
    value?: never;
    error?: { code: string; message: string; issues?: unknown[] };
  };
}

function listFiles(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const full = join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else out[relative(dir, full)] = createHash('sha256').update(readFileSync(full)).digest('hex');
    }
  };
  walk(dir);
  return out;
}

describe('documents over the contract (HTTP)', () => {
  it('opens, edits, undoes and closes a document; a new host sees the result', async () => {
    const dataDir = tempDir();
    const backend = createBackend({ dataDir, platform: headlessPlatform('web'), log: () => {} });
    const host = await startWebHost({ backend, port: 0 });
    hosts.push(host);
    const created = await call(host, 'course.create', { title: 'Forklifts' });
    const path = (created.value as unknown as { path: string }).path;
    expect((await call(host, 'document.open', { path })).ok).toBe(true);
    const add = await call(host, 'document.apply', {
      path,
      edit: {
        op: { kind: 'insert', path: ['modules'], value: { id: 'crossing', title: 'Crossing aisles', lessons: [] } },
        label: 'Add module',
      },
    });
    expect(add).toMatchObject({ ok: true, value: { version: 1, history: { canUndo: true, undoLabel: 'Add module' } } });
    await call(host, 'document.apply', {
      path,
      edit: {
        op: { kind: 'set', path: ['modules', { id: 'crossing' }, 'title'], value: 'Crossing forklift aisles' },
        label: 'Rename',
      },
    });
    expect(await call(host, 'document.undo', { path })).toMatchObject({
      ok: true,
      value: { history: { canRedo: true, redoLabel: 'Rename' } },
    });
    await call(host, 'document.close', { path });
    await host.close();
    hosts.pop();
    backend.close();

    const again = await startWebHost({
      backend: createBackend({ dataDir, platform: headlessPlatform('web'), log: () => {} }),
      port: 0,
    });
    hosts.push(again);
    const reopened = await call(again, 'document.open', { path });
    expect(reopened).toMatchObject({
      ok: true,
      value: {
        course: { title: 'Forklifts', modules: [{ id: 'crossing', title: 'Crossing aisles' }] },
        history: { canRedo: true },
      },
    });
  });

  it('answers an invalid edit with the JSON path of the problem and changes nothing', async () => {
    const backend = createBackend({ dataDir: tempDir(), platform: headlessPlatform('web'), log: () => {} });
    const created = await backend.dispatch('course.create', { title: 'Safety' });
    const path = (created as { value: { path: string } }).value.path;
    await backend.dispatch('document.open', { path });
    const bad = await backend.dispatch('document.apply', {
      path,
      edit: {
        op: { kind: 'insert', path: ['modules'], value: { id: 'Not An Id', title: 'X', lessons: [] } },
        label: 'Add',
      },
    });
    expect(bad).toMatchObject({
      ok: false,
      error: { code: 'invalid-request', message: expect.stringMatching(/modules\[0\]\.id: must start with/) },
    });
    const malformed = await backend.dispatch('document.apply', { path, edit: { op: { kind: 'explode' } } });
    expect(malformed).toMatchObject({
      ok: false,
      error: { code: 'invalid-request', issues: [{ field: 'edit.op.kind' }] },
    });
    const snapshot = await backend.dispatch('document.open', { path });
    expect(snapshot).toMatchObject({ ok: true, value: { course: { modules: [] }, history: { canUndo: false } } });
    backend.close();
  });

  it('offers the documents that were open when the host was killed, intact, and opens them again', async () => {
    const dataDir = tempDir();
    const hostEntry = join(__dirname, '../../out/web/host.mjs');
    const child = spawn(process.execPath, [hostEntry, '--port', '0', '--data-dir', dataDir], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const url = await new Promise<{ url: string; token: string }>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        const match = /Tailor studio: (http:\/\/127\.0\.0\.1:\d+\/)\?token=([\w-]+)/.exec(out);
        if (match) resolve({ url: match[1]!, token: match[2]! });
      });
      child.once('exit', () => reject(new Error(`host exited: ${out}`)));
    });
    const created = await call(url, 'course.create', { title: 'Night shift' });
    const path = (created.value as unknown as { path: string }).path;
    await call(url, 'document.open', { path });
    await call(url, 'document.apply', {
      path,
      edit: {
        op: { kind: 'insert', path: ['modules'], value: { id: 'alarm', title: 'When the alarm sounds', lessons: [] } },
        label: 'Add',
      },
    });
    child.kill('SIGKILL');
    await new Promise((done) => child.once('close', done));

    const backend = createBackend({ dataDir, platform: headlessPlatform('web'), log: () => {} });
    expect(await backend.dispatch('recovery.list', {})).toMatchObject({
      ok: true,
      value: { entries: [{ readable: true, path, title: 'Night shift' }] },
    });
    expect(await backend.dispatch('document.open', { path })).toMatchObject({
      ok: true,
      value: { course: { modules: [{ id: 'alarm' }] } },
    });
    backend.close();
    const next = createBackend({ dataDir, platform: headlessPlatform('web'), log: () => {} });
    expect(await next.dispatch('recovery.list', {})).toMatchObject({ ok: true, value: { entries: [] } });
  });
});

describe('the portable twin', () => {
  it.each(EXAMPLE_NAMES)('%s: folder → document → folder is byte-identical, media included', async (name) => {
    const dir = tempDir();
    const doc = join(dir, `${name}.tailor`);
    await portableToDocument(join(EXAMPLES_DIR, name), doc);
    await documentToPortable(doc, join(dir, 'out'));
    expect(listFiles(join(dir, 'out'))).toEqual(listFiles(join(EXAMPLES_DIR, name)));
  });

  it('refuses to overwrite, and names media the course refers to but does not have', async () => {
    const dir = tempDir();
    const doc = join(dir, 'a.tailor');
    await portableToDocument(join(EXAMPLES_DIR, 'shop-floor-safety'), doc);
    await expect(portableToDocument(join(EXAMPLES_DIR, 'shop-floor-safety'), doc)).rejects.toThrow(
      /will not overwrite/,
    );
    await documentToPortable(doc, join(dir, 'out'));
    await expect(documentToPortable(doc, join(dir, 'out'))).rejects.toThrow(/will not overwrite/);
  });

  it('leaves one self-contained document at rest: rollback journal, nothing beside it, intact', async () => {
    const dir = tempDir();
    await portableToDocument(join(EXAMPLES_DIR, 'shop-floor-safety'), join(dir, 'a.tailor'));
    expect(readdirSync(dir)).toEqual(['a.tailor']);
    const db = new Database(join(dir, 'a.tailor'), { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('delete');
    expect(db.pragma('page_size', { simple: true })).toBe(PAGE_SIZE);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.prepare('SELECT count(*) AS n FROM blobs WHERE complete = 0').get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT count(*) AS n FROM history').get()).toEqual({ n: 0 });
    db.close();
  });

  it('is all or nothing: a convert that fails part way leaves no document and no temporary file', async () => {
    const dir = tempDir();
    const target = join(dir, 'a.tailor');
    const progress = (done: number) => {
      if (done === 2) throw new Error('disk unplugged');
    };
    await expect(portableToDocument(join(EXAMPLES_DIR, 'shop-floor-safety'), target, { progress })).rejects.toThrow(
      /disk unplugged/,
    );
    expect(readdirSync(dir)).toEqual([]);
    await portableToDocument(join(EXAMPLES_DIR, 'shop-floor-safety'), target);
    expect(readdirSync(dir)).toEqual(['a.tailor']);
  });
});
