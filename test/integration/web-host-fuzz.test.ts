import { writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { prng } from '../../bench/generate-course';
import { createBackend } from '../../electron/backend/backend';
import { headlessPlatform } from '../../electron/backend/platform';
import { startWebHost, type WebHost } from '../../electron/web/host';
import { useTempDirs } from '../fixtures/temp-dir';

/** Fixed seed and count: the same requests every run. */
const SEED = 13_2026;
const CASES = Number(process.env.TAILOR_HOST_FUZZ_CASES ?? 400);
const tempDir = useTempDirs();

type Random = ReturnType<typeof prng>;

const METHODS = ['GET', 'POST', 'POST', 'POST', 'PUT', 'HEAD', 'OPTIONS', 'DELETE', 'G\u0000T', 'POST /x'];
const NAMES = ['app.info', 'library.list', 'course.create', 'document.open', 'explode', '', 'constructor', '__proto__'];
const PATH_PARTS = [
  '%E0%A4%A',
  '%',
  '%zz',
  '%00',
  '..%2f..%2f',
  '%2e%2e/',
  '//',
  '\\',
  '?token=',
  '#',
  ';',
  'é',
  '%F0%9F%98',
  '\u00ff',
];
const TYPES = [
  'application/json',
  'application/json; charset=utf-8',
  'application/json-seq',
  'application/jsonp',
  'application/json; charset=utf-16',
  'APPLICATION/JSON',
  'text/plain',
  'multipart/form-data; boundary=x',
  '',
  'application/json;;;',
  'application/json; charset="utf-8"; a=b',
];
const BODIES = [
  '{}',
  '',
  '{',
  'null',
  '[]',
  '{"title": "Fuzzed"}',
  '{"title": 7}',
  '{"path": "nowhere.tailor"}',
  `{"a": ${'['.repeat(5000)}}`,
  '\u0000\u0001\u0002',
  '{"__proto__": {"polluted": true}}',
  'x'.repeat(70_000),
];

function request(host: WebHost, r: Random): string {
  if (r.chance(0.04)) {
    // A well-formed call whose body is over the limit, declared or chunked.
    const big = 'y'.repeat(1024 * 1024 + r.int(1, 5000));
    const chunked = r.chance(0.5);
    return `POST /api/call/${r.pick(NAMES.slice(0, 4))} HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\nAuthorization: Bearer ${host.token}\r\nContent-Type: application/json\r\n${chunked ? 'Transfer-Encoding: chunked' : `Content-Length: ${big.length}`}\r\n\r\n${chunked ? `${big.length.toString(16)}\r\n${big}\r\n0\r\n\r\n` : big}`;
  }
  const method = r.pick(METHODS);
  let path = r.chance(0.7)
    ? `/api/call/${r.pick(NAMES)}`
    : r.pick(['/', '/api/events', '/assets/', '/index.html', '/api/']);
  for (let n = r.int(0, 3); n > 0; n--) path += r.pick(PATH_PARTS);
  if (r.chance(0.05)) path += 'a'.repeat(r.int(1000, 20_000));
  if (path.includes('events') && r.chance(0.5)) path += `?token=${r.chance(0.5) ? host.token : 'wrong'}`;
  const headers: string[] = [];
  headers.push(
    `Host: ${r.chance(0.9) ? `127.0.0.1:${host.port}` : r.pick(['evil.example', '', `localhost:${host.port}`, '127.0.0.1'])}`,
  );
  if (r.chance(0.7))
    headers.push(
      `Authorization: ${r.pick([`Bearer ${host.token}`, `Bearer ${host.token}`, 'Bearer', 'Basic abc', `Bearer ${host.token}x`, host.token])}`,
    );
  if (r.chance(0.8)) headers.push(`Content-Type: ${r.pick(TYPES)}`);
  if (r.chance(0.2))
    headers.push(`Origin: ${r.pick(['https://evil.example', `http://127.0.0.1:${host.port}`, 'null', ''])}`);
  if (r.chance(0.05)) headers.push(`X-Long: ${'h'.repeat(r.int(100, 20_000))}`);
  if (r.chance(0.05)) headers.push(r.pick(['Broken header', ': no name', 'A:\u0000b']));
  let body = r.pick(BODIES);
  if (r.chance(0.03)) body = 'y'.repeat(1024 * 1024 + r.int(1, 5000));
  const framing = r.int(0, 9);
  if (framing === 0) headers.push('Transfer-Encoding: chunked');
  else if (framing === 1)
    headers.push(`Content-Length: ${r.pick(['-1', 'abc', '99999999999', '0', String(Buffer.byteLength(body) + 5)])}`);
  else headers.push(`Content-Length: ${Buffer.byteLength(body)}`);
  const payload =
    framing === 0
      ? r.chance(0.5)
        ? `${Buffer.byteLength(body).toString(16)}\r\n${body}\r\n0\r\n\r\n`
        : `zz\r\n${body}\r\n`
      : body;
  return `${method} ${path} HTTP/1.1\r\n${headers.join('\r\n')}\r\nConnection: close\r\n\r\n${payload}`;
}

/** Sends raw bytes and returns the status of the first response, or 0 when the host only closed the socket. */
function send(port: number, raw: string): Promise<number> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    let text = '';
    const done = () => {
      clearTimeout(timer);
      socket.destroy();
      resolve(Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0));
    };
    const timer = setTimeout(done, 1500);
    socket.on('data', (chunk) => {
      text += chunk.toString('latin1');
      if (/^HTTP\/1\.1 \d{3}/.test(text) && !text.startsWith('HTTP/1.1 200') && text.includes('\r\n\r\n')) done();
    });
    socket.on('error', done);
    socket.on('close', done);
    // No half-close: a browser keeps its side open until the answer arrives.
    socket.write(raw);
  });
}

describe('web host fuzz', () => {
  it(`answers ${CASES} malformed requests (paths, headers, bodies, content types) without a 5xx, then still answers a valid call`, async () => {
    const backend = createBackend({ dataDir: tempDir(), platform: headlessPlatform('web'), log: () => {} });
    const staticDir = tempDir();
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Tailor</title>');
    const host = await startWebHost({ backend, port: 0, staticDir });
    try {
      const r = prng(SEED);
      const statuses = new Map<number, number>();
      const requests = Array.from({ length: CASES }, () => request(host, r));
      for (let i = 0; i < requests.length; i += 8) {
        const batch = await Promise.all(requests.slice(i, i + 8).map((raw) => send(host.port, raw)));
        batch.forEach((status, j) => {
          statuses.set(status, (statuses.get(status) ?? 0) + 1);
          if (status >= 500) throw new Error(`request ${i + j} got ${status}:\n${requests[i + j]!.slice(0, 400)}`);
        });
      }
      // The fuzz reaches the refusals it is about, and some requests get through.
      for (const status of [400, 401, 404, 413, 415, 421])
        expect(statuses.get(status) ?? 0, `status ${status}`).toBeGreaterThan(0);
      expect(statuses.get(200) ?? 0).toBeGreaterThan(0);

      const response = await fetch(`${host.url}api/call/app.info`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${host.token}` },
        body: '{}',
      });
      expect(await response.json()).toMatchObject({ ok: true, value: { name: 'Tailor' } });
    } finally {
      await host.close();
      backend.close();
    }
  }, 120_000);
});
