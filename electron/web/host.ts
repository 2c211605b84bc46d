import { createReadStream, existsSync, openSync, closeSync, rmSync, statSync, writeSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isAbsolute, join, resolve } from 'node:path';
import { fail, HTTP_CALL_PREFIX, HTTP_EVENTS_PATH, isCallName, type Result } from '../../shared/contract';
import { STUDIO_CSP, studioCsp } from '../../shared/security/csp';
import type { Backend } from '../backend/backend';
import { mimeTypeOf, resolveUnderRoot } from '../backend/static-files';
import { startPreviewHost } from './preview-host';
import { HANDOVER_WAIT_MS, TabWriters } from './tab-writers';
import { bearerToken, decodeOrNull, isJsonContentType, newToken, tokensMatch } from './request-checks';

export interface WebHostOptions {
  readonly backend: Backend;
  /** Folder holding the built studio (index.html + assets); calls work without it. */
  readonly staticDir?: string | undefined;
  /** 0 picks a free port. */
  readonly port?: number;
  readonly log?: (message: string) => void;
  /** The per-launch secret; a fresh random one when not given. */
  readonly token?: string;
  /** Where to write `{ url, token, pid }` for tools (readable only by this user); removed on close. */
  readonly tokenFile?: string | undefined;
}

export interface WebHost {
  /** Base address, `http://127.0.0.1:<port>/`: calls go to `${url}api/call/<name>`. */
  readonly url: string;
  /** What a designer opens: the base address with `?token=<secret>`. */
  readonly studioUrl: string;
  readonly port: number;
  /** Sent as `Authorization: Bearer <token>` on calls, and as `?token=` on the event stream. */
  readonly token: string;
  close(): Promise<void>;
}

/** Name of the token file the host writes in its data folder. */
export const WEB_HOST_TOKEN_FILE = 'web-host.json';

/** Header naming the browser tab a call comes from (a random id per page load). */
export const TAB_HEADER = 'x-tailor-tab';
const tabIdOf = (value: string | string[] | undefined): string | undefined =>
  typeof value === 'string' && /^[A-Za-z0-9-]{8,64}$/.test(value) ? value : undefined;

export const MAX_BODY_BYTES = 1024 * 1024;
/** A body over the limit is read (and dropped) up to here so the client sees the 413; then the socket goes. */
const MAX_DRAIN_BYTES = 16 * MAX_BODY_BYTES;
const HEARTBEAT_MS = 15_000;

const SECURITY_HEADERS = {
  'Content-Security-Policy': STUDIO_CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
} as const;

function sendJson(
  res: ServerResponse,
  status: number,
  body: Result<unknown>,
  extra: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    'Content-Length': Buffer.byteLength(text),
    ...extra,
  });
  res.end(text);
}

function sendText(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': 'text/plain; charset=utf-8',
    'Cache-Control': 'no-store',
  });
  res.end(text);
}

type Body = { ok: true; text: string } | { ok: false; tooLarge: true } | { ok: false; tooLarge: false };

/** Reads at most MAX_BODY_BYTES; past that it keeps draining (discarding) so the 413 reaches the client. */
function readBody(req: IncomingMessage): Promise<Body> {
  return new Promise((resolvePromise) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > MAX_BODY_BYTES) {
      drain(req);
      resolvePromise({ ok: false, tooLarge: true });
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) {
        chunks.push(chunk);
        return;
      }
      req.off('data', onData);
      drain(req, size);
      resolvePromise({ ok: false, tooLarge: true });
    };
    req.on('data', onData);
    req.on('end', () => resolvePromise({ ok: true, text: Buffer.concat(chunks).toString('utf8') }));
    req.on('error', () => resolvePromise({ ok: false, tooLarge: false }));
  });
}

function drain(req: IncomingMessage, already = 0): void {
  let drained = already;
  req.on('data', (chunk: Buffer) => {
    drained += chunk.length;
    if (drained > MAX_DRAIN_BYTES) req.socket.destroy();
  });
  req.on('error', () => {});
  req.resume();
}

/** The token file: created fresh with mode 0600, so no other user can read the secret. */
function writeTokenFile(path: string, content: string): void {
  rmSync(path, { force: true });
  const fd = openSync(path, 'wx', 0o600);
  try {
    writeSync(fd, content);
  } finally {
    closeSync(fd);
  }
}

/**
 * The browser-mode host: serves the built studio and the contract on 127.0.0.1 only.
 * Every call and the event stream need the per-launch token (defeats other local processes and
 * users); requests must name this host (defeats DNS rebinding) and, when a browser sends an
 * Origin, come from this origin (defeats other sites posting to it). No request can throw past
 * the request handler: every malformed one gets a 4xx and the host keeps serving.
 */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const { backend } = options;
  const log = options.log ?? (() => {});
  const token = options.token ?? newToken();
  const streams = new Set<ServerResponse>();
  /** Open event streams per tab: a tab's claims end when its last stream closes. */
  const tabStreams = new Map<string, number>();
  const tabs = new TabWriters(
    backend.dispatch,
    (path) => (isAbsolute(path) ? resolve(path) : resolve(backend.info.documentsDir, path)),
    HANDOVER_WAIT_MS,
    (tab) => tabStreams.has(tab),
  );
  let port = 0;

  const allowedHosts = () => new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
  const allowedOrigins = () => new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`]);

  async function handleCall(encodedName: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
    const name = decodeOrNull(encodedName);
    if (name === null) {
      sendJson(res, 400, fail('invalid-request', 'The call name in the address is not valid percent-encoding.'));
      return;
    }
    if (!isCallName(name)) {
      sendJson(res, 404, fail('unknown-call', `Tailor has no call named "${name.slice(0, 100)}".`));
      return;
    }
    if (!isJsonContentType(req.headers['content-type'])) {
      sendJson(res, 415, fail('transport', 'Calls must be sent as application/json (optionally with charset=utf-8).'));
      return;
    }
    const body = await readBody(req);
    if (!body.ok) {
      if (body.tooLarge)
        sendJson(res, 413, fail('invalid-request', `The request to ${name} is larger than ${MAX_BODY_BYTES} bytes.`), {
          Connection: 'close',
        });
      else if (!res.headersSent && !res.destroyed)
        sendJson(res, 400, fail('invalid-request', 'The request was cut off.'));
      return;
    }
    let payload: unknown;
    try {
      payload = body.text.trim() === '' ? {} : JSON.parse(body.text);
    } catch {
      sendJson(res, 400, fail('invalid-request', `The request to ${name} is not valid JSON.`));
      return;
    }
    sendJson(res, 200, await tabs.call(name, payload, tabIdOf(req.headers[TAB_HEADER])));
  }

  function handleEvents(req: IncomingMessage, res: ServerResponse, tab: string | undefined): void {
    if (tab !== undefined) tabStreams.set(tab, (tabStreams.get(tab) ?? 0) + 1);
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
    });
    res.write(': connected\n\n');
    streams.add(res);
    const detach = backend.events.attach((event, payload) => {
      res.write(`data: ${JSON.stringify({ event, payload })}\n\n`);
    });
    const heartbeat = setInterval(() => res.write(': heartbeat\n\n'), HEARTBEAT_MS);
    req.on('close', () => {
      clearInterval(heartbeat);
      detach();
      streams.delete(res);
      if (tab === undefined) return;
      const left = (tabStreams.get(tab) ?? 1) - 1;
      if (left > 0) tabStreams.set(tab, left);
      else {
        tabStreams.delete(tab);
        tabs.release(tab);
      }
    });
  }

  function handleStatic(pathname: string, res: ServerResponse): void {
    const root = options.staticDir;
    if (!root || !existsSync(join(root, 'index.html'))) {
      sendText(res, 503, 'The studio is not built yet: run `npm run build` (or `npm run web`, which builds first).\n');
      return;
    }
    const file = resolveUnderRoot(root, pathname);
    const target = file && existsSync(file) && statSync(file).isFile() ? file : null;
    if (!target) {
      sendText(res, 404, 'Not found\n');
      return;
    }
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Security-Policy': studioCsp([previewHost.origin]),
      'Content-Type': mimeTypeOf(target),
      'Cache-Control': target.endsWith('index.html') ? 'no-cache' : 'public, max-age=3600',
    });
    createReadStream(target)
      .on('error', () => res.destroy())
      .pipe(res);
  }

  function handle(req: IncomingMessage, res: ServerResponse): void {
    if (!allowedHosts().has(req.headers.host ?? '')) {
      sendText(res, 421, 'This host only answers requests addressed to 127.0.0.1 or localhost.\n');
      return;
    }
    let url: URL;
    try {
      url = new URL(req.url ?? '/', `http://${req.headers.host}`);
    } catch {
      sendText(res, 400, 'The address of this request is malformed.\n');
      return;
    }
    const isCall = url.pathname.startsWith(HTTP_CALL_PREFIX);
    const isEvents = url.pathname === HTTP_EVENTS_PATH;
    if (isCall || isEvents) {
      const origin = req.headers.origin;
      if (origin !== undefined && !allowedOrigins().has(origin)) {
        sendJson(res, 403, fail('transport', `Requests from ${origin.slice(0, 100)} are not accepted.`));
        return;
      }
      const presented = isCall ? bearerToken(req.headers.authorization) : url.searchParams.get('token');
      if (!tokensMatch(token, presented)) {
        sendJson(
          res,
          401,
          fail('transport', 'This request lacks the studio’s access token: open the address the host printed.'),
          { 'WWW-Authenticate': 'Bearer realm="tailor"' },
        );
        return;
      }
    }
    if (isCall) {
      if (req.method !== 'POST') {
        sendJson(res, 405, fail('transport', 'Calls must use POST.'), { Allow: 'POST' });
        return;
      }
      handleCall(url.pathname.slice(HTTP_CALL_PREFIX.length), req, res).catch((error: unknown) => {
        log(`[tailor web] call failed: ${String(error)}`);
        if (!res.headersSent) sendJson(res, 500, fail('internal', 'The web host failed to answer.'));
      });
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendText(res, 405, 'Method not allowed\n');
      return;
    }
    if (isEvents) handleEvents(req, res, tabIdOf(url.searchParams.get('tab') ?? undefined));
    else handleStatic(url.pathname, res);
  }

  // Started first, so the studio's pages can name its origin in their policy from the first request.
  const previewHost = await startPreviewHost(backend.previews, () => [...allowedOrigins()], log);
  const server: Server = createServer((req, res) => {
    try {
      handle(req, res);
    } catch (error) {
      // Last line of defence: a bug in one request must never stop the host.
      log(`[tailor web] request failed: ${String(error)}`);
      if (!res.headersSent) sendText(res, 500, 'The web host failed to answer.\n');
      else res.destroy();
    }
  });
  server.on('clientError', (_error, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    else socket.destroy();
  });

  await new Promise<void>((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolvePromise());
  });
  port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}/`;
  const studioUrl = `${url}?token=${token}`;
  if (options.tokenFile)
    writeTokenFile(options.tokenFile, `${JSON.stringify({ url, token, pid: process.pid }, null, 2)}\n`);
  log(`[tailor web] studio at ${url}`);

  return {
    url,
    studioUrl,
    port,
    token,
    close: () =>
      new Promise<void>((resolvePromise) => {
        if (options.tokenFile) rmSync(options.tokenFile, { force: true });
        for (const stream of streams) stream.end();
        void previewHost.close();
        server.close(() => resolvePromise());
        server.closeAllConnections();
      }),
  };
}
