import { mkdirSync, readFileSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { calls } from '../../shared/contract';
import { createBackend } from '../../electron/backend/backend';
import { headlessPlatform } from '../../electron/backend/platform';
import { startWebHost, type WebHost } from '../../electron/web/host';
import { useTempDirs } from '../fixtures/temp-dir';

const tempDir = useTempDirs();
const hosts: WebHost[] = [];
afterEach(async () => {
  for (const host of hosts.splice(0)) await host.close();
});

async function start(dataDir = tempDir(), staticDir?: string, tokenFile?: string) {
  const backend = createBackend({ dataDir, platform: headlessPlatform('web'), log: () => {} });
  const host = await startWebHost({ backend, staticDir, port: 0, tokenFile });
  hosts.push(host);
  return host;
}

async function post(host: WebHost, name: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(`${host.url}api/call/${name}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${host.token}`, ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

interface RawReply {
  status: number;
  text: string;
}

/** node:http, to send exactly the bytes fetch would normalise or refuse (paths, headers, lengths). */
function raw(
  host: WebHost,
  options: { method?: string; path: string; headers?: Record<string, string | number>; body?: Buffer | string },
): Promise<RawReply> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: host.port,
        method: options.method ?? 'POST',
        path: options.path,
        headers: { Host: `127.0.0.1:${host.port}`, ...options.headers },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

const auth = (host: WebHost) => ({ Authorization: `Bearer ${host.token}`, 'Content-Type': 'application/json' });

async function stillServes(host: WebHost): Promise<void> {
  expect(await post(host, 'app.info', {})).toMatchObject({
    status: 200,
    body: { ok: true, value: { name: 'Tailor' } },
  });
}

/** node:http, because fetch refuses to send a forged Host header. */
function getWithHost(host: WebHost, hostHeader: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: host.port, path: '/', headers: { Host: hostHeader } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

describe('web host: the contract over HTTP', () => {
  it('creates a course in a real SQLite file and lists it after the host restarts', async () => {
    const dataDir = tempDir();
    const first = await start(dataDir);
    const created = await post(first, 'course.create', { title: 'Purchase approvals' });
    expect(created).toMatchObject({ status: 200, body: { ok: true, value: { title: 'Purchase approvals' } } });
    const path = (created.body.value as { path: string }).path;
    await first.close();
    hosts.splice(hosts.indexOf(first), 1);

    const db = new Database(path, { readonly: true });
    expect(db.prepare(`SELECT json FROM course_root WHERE key = 'title'`).get()).toEqual({
      json: '"Purchase approvals"',
    });
    db.close();

    const second = await start(dataDir);
    const listed = await post(second, 'library.list', {});
    expect(listed.body).toMatchObject({ ok: true, value: { entries: [{ path, title: 'Purchase approvals' }] } });
  });

  it.each(Object.keys(calls))(
    'answers a wrong payload to %s with a validation error naming the field',
    async (name) => {
      const host = await start();
      const result = await post(host, name, { surprise: 1 });
      expect(result.status).toBe(200);
      expect(result.body).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
      const error = result.body.error as { message: string; issues: { field: string; message: string }[] };
      expect(error.message).toMatch(/surprise/);
    },
  );

  it('names the nested field that is wrong', async () => {
    const host = await start();
    const result = await post(host, 'course.create', { title: 7 });
    expect(result.body).toMatchObject({
      ok: false,
      error: { code: 'invalid-request', issues: [{ field: 'title', message: 'must be text' }] },
    });
  });

  it('answers malformed JSON with a readable error and status 400', async () => {
    const host = await start();
    const result = await post(host, 'course.create', '{"title": ');
    expect(result).toMatchObject({ status: 400, body: { ok: false, error: { code: 'invalid-request' } } });
  });

  it('answers an unknown call with 404 and unknown-call', async () => {
    const host = await start();
    expect(await post(host, 'course.explode', {})).toMatchObject({
      status: 404,
      body: { ok: false, error: { code: 'unknown-call' } },
    });
  });

  it('refuses calls posted from another origin (another site in the same browser)', async () => {
    const host = await start();
    const result = await post(host, 'library.list', {}, { Origin: 'https://evil.example' });
    expect(result).toMatchObject({ status: 403, body: { ok: false, error: { code: 'transport' } } });
  });

  it('refuses calls that are not JSON, so plain HTML forms cannot post them', async () => {
    const host = await start();
    const response = await fetch(`${host.url}api/call/library.list`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Authorization: `Bearer ${host.token}` },
      body: 'a=1',
    });
    expect(response.status).toBe(415);
  });

  it('answers a call name with malformed percent-encoding with 400 and keeps serving', async () => {
    const host = await start();
    const reply = await raw(host, { path: '/api/call/%E0%A4%A', headers: auth(host), body: '{}' });
    expect(reply.status).toBe(400);
    expect(JSON.parse(reply.text)).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    // The same request without a token, as a page on another port could send it, is refused before decoding.
    expect((await raw(host, { path: '/api/call/%E0%A4%A', body: '{}' })).status).toBe(401);
    await stillServes(host);
  });

  it('answers a body over 1 MiB with 413 before closing, whether its length is declared or not', async () => {
    const host = await start();
    const big = Buffer.alloc(1024 * 1024 + 10, 0x20);
    const declared = await raw(host, { path: '/api/call/course.create', headers: auth(host), body: big });
    expect(declared.status).toBe(413);
    expect(JSON.parse(declared.text)).toMatchObject({ ok: false, error: { message: /larger than 1048576 bytes/ } });
    const chunked = await raw(host, {
      path: '/api/call/course.create',
      headers: { ...auth(host), 'Transfer-Encoding': 'chunked' },
      body: big,
    });
    expect(chunked.status).toBe(413);
    expect((await post(host, 'course.create', { title: 'x'.repeat(100) })).status).toBe(200);
    await stillServes(host);
  });

  it.each([
    ['application/json-seq', 415],
    ['application/jsonp', 415],
    ['application/json; boundary=x', 415],
    ['application/json; charset=latin1', 415],
    ['text/plain', 415],
    ['application/json;charset=utf-8;x=1', 415],
    ['application/json', 200],
    ['Application/JSON; Charset="UTF-8"', 200],
    ['application/json; charset=utf-8', 200],
  ])('answers content type %s with %i', async (type, status) => {
    const host = await start();
    const reply = await raw(host, {
      path: '/api/call/app.info',
      headers: { Authorization: `Bearer ${host.token}`, 'Content-Type': type },
      body: '{}',
    });
    expect(reply.status).toBe(status);
  });

  it('answers calls and the event stream without the token, or with a wrong one, with 401', async () => {
    const host = await start();
    const wrong = `${host.token.slice(0, -1)}${host.token.endsWith('A') ? 'B' : 'A'}`;
    const attempts: Record<string, string>[] = [
      {},
      { Authorization: `Bearer ${wrong}` },
      { Authorization: host.token },
    ];
    for (const headers of attempts) {
      const reply = await raw(host, {
        path: '/api/call/library.list',
        headers: { 'Content-Type': 'application/json', ...headers },
        body: '{}',
      });
      expect(reply.status).toBe(401);
      expect(JSON.parse(reply.text)).toMatchObject({ ok: false, error: { code: 'transport' } });
    }
    for (const path of ['/api/events', `/api/events?token=${wrong}`, '/api/events?token=']) {
      expect((await raw(host, { method: 'GET', path })).status).toBe(401);
    }
    const events = await fetch(`${host.url}api/events?token=${host.token}`);
    expect(events.status).toBe(200);
    await events.body?.cancel();
  });

  it('prints a studio address with the token and writes a token file only its user can read', async () => {
    const tokenFile = join(tempDir(), 'web-host.json');
    const host = await start(tempDir(), undefined, tokenFile);
    expect(host.studioUrl).toBe(`${host.url}?token=${host.token}`);
    expect(host.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(statSync(tokenFile).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(tokenFile, 'utf8'))).toMatchObject({ url: host.url, token: host.token });
    await host.close();
    hosts.splice(hosts.indexOf(host), 1);
    expect(existsSync(tokenFile)).toBe(false);
  });

  it('gives each launch its own token', async () => {
    const [a, b] = [await start(), await start()];
    expect(a.token).not.toBe(b.token);
    expect((await raw(b, { path: '/api/call/app.info', headers: auth(a), body: '{}' })).status).toBe(401);
  });

  it('refuses requests addressed to another host name (DNS rebinding)', async () => {
    const host = await start();
    expect(await getWithHost(host, 'evil.example')).toBe(421);
    expect(await getWithHost(host, `localhost:${host.port}`)).not.toBe(421);
  });

  it('pushes events to a Server-Sent Events stream', async () => {
    const host = await start();
    const controller = new AbortController();
    const response = await fetch(`${host.url}api/events?token=${host.token}`, { signal: controller.signal });
    const reader = response.body!.getReader();
    await reader.read(); // the ": connected" comment
    await post(host, 'course.create', { title: 'Events' });
    let text = '';
    while (!text.includes('library.changed')) {
      const { value, done } = await reader.read();
      if (done) break;
      text += new TextDecoder().decode(value);
    }
    controller.abort();
    expect(text).toContain('"event":"library.changed"');
    expect(text).toContain('"reason":"created"');
  });

  it('serves the studio with a CSP and never a file outside its folder', async () => {
    const staticDir = tempDir();
    mkdirSync(join(staticDir, 'assets'));
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Tailor</title>');
    writeFileSync(join(staticDir, 'assets', 'app.js'), 'console.log(1)');
    const host = await start(tempDir(), staticDir);
    const index = await fetch(host.url);
    expect(index.status).toBe(200);
    expect(index.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
    expect(index.headers.get('content-security-policy')).not.toMatch(/unsafe-eval/);
    expect((await fetch(`${host.url}assets/app.js`)).headers.get('content-type')).toMatch(/javascript/);
    expect((await fetch(`${host.url}..%2f..%2fetc%2fpasswd`)).status).toBe(404);
    expect((await fetch(`${host.url}assets/%2e%2e/%2e%2e/package.json`)).status).toBe(404);
  });

  it('tells the designer to build the studio when it is missing', async () => {
    const host = await start(tempDir(), join(tempDir(), 'nothing-here'));
    const response = await fetch(host.url);
    expect(response.status).toBe(503);
    expect(await response.text()).toMatch(/npm run build/);
  });
});
