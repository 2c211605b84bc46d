import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fail, HTTP_CALL_PREFIX, HTTP_EVENTS_PATH, type Result } from '../../shared/contract';
import { STUDIO_CSP } from '../../shared/security/csp';
import type { Backend } from '../backend/backend';
import { mimeTypeOf, resolveUnderRoot } from '../backend/static-files';

export interface WebHostOptions {
  readonly backend: Backend;
  /** Folder holding the built studio (index.html + assets); calls work without it. */
  readonly staticDir?: string | undefined;
  /** 0 picks a free port. */
  readonly port?: number;
  readonly log?: (message: string) => void;
}

export interface WebHost {
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 1024 * 1024;
const HEARTBEAT_MS = 15_000;

const SECURITY_HEADERS = {
  'Content-Security-Policy': STUDIO_CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
} as const;

function sendJson(res: ServerResponse, status: number, body: Result<unknown>): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    'Content-Length': Buffer.byteLength(text),
  });
  res.end(text);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error('too-large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolvePromise(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/**
 * The browser-mode host: serves the built studio and the contract on 127.0.0.1 only.
 * Requests must name this host (defeats DNS rebinding) and, when a browser sends an Origin,
 * come from this origin (defeats other sites posting to it).
 */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const { backend } = options;
  const log = options.log ?? (() => {});
  const streams = new Set<ServerResponse>();
  let port = 0;

  const allowedHosts = () => new Set([`127.0.0.1:${port}`, `localhost:${port}`]);

  async function handleCall(name: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
    const origin = req.headers.origin;
    if (origin !== undefined && !allowedHosts().has(origin.replace(/^http:\/\//, ''))) {
      sendJson(res, 403, fail('transport', `Calls from ${origin} are not accepted.`));
      return;
    }
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
      sendJson(res, 415, fail('transport', 'Calls must be sent as application/json.'));
      return;
    }
    let payload: unknown;
    try {
      const text = await readBody(req);
      payload = text.trim() === '' ? {} : JSON.parse(text);
    } catch (error) {
      const tooLarge = (error as Error).message === 'too-large';
      sendJson(
        res,
        tooLarge ? 413 : 400,
        tooLarge
          ? fail('invalid-request', `The request to ${name} is larger than ${MAX_BODY_BYTES} bytes.`)
          : fail('invalid-request', `The request to ${name} is not valid JSON.`),
      );
      return;
    }
    sendJson(res, 200, await backend.dispatch(name, payload));
  }

  function handleEvents(req: IncomingMessage, res: ServerResponse): void {
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
    });
  }

  function handleStatic(pathname: string, res: ServerResponse): void {
    const root = options.staticDir;
    if (!root || !existsSync(join(root, 'index.html'))) {
      res.writeHead(503, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('The studio is not built yet: run `npm run build` (or `npm run web`, which builds first).\n');
      return;
    }
    const file = resolveUnderRoot(root, pathname);
    const target = file && existsSync(file) && statSync(file).isFile() ? file : null;
    if (!target) {
      res.writeHead(404, { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('Not found\n');
      return;
    }
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': mimeTypeOf(target),
      'Cache-Control': target.endsWith('index.html') ? 'no-cache' : 'public, max-age=3600',
    });
    createReadStream(target).pipe(res);
  }

  const server: Server = createServer((req, res) => {
    if (!allowedHosts().has(req.headers.host ?? '')) {
      res.writeHead(421, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('This host only answers requests addressed to 127.0.0.1 or localhost.\n');
      return;
    }
    const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
    if (url.pathname.startsWith(HTTP_CALL_PREFIX)) {
      if (req.method !== 'POST') {
        sendJson(res, 405, fail('transport', 'Calls must use POST.'));
        return;
      }
      handleCall(decodeURIComponent(url.pathname.slice(HTTP_CALL_PREFIX.length)), req, res).catch((error: unknown) => {
        log(`[tailor web] call failed: ${String(error)}`);
        if (!res.headersSent) sendJson(res, 500, fail('internal', 'The web host failed to answer.'));
      });
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('Method not allowed\n');
      return;
    }
    if (url.pathname === HTTP_EVENTS_PATH) handleEvents(req, res);
    else handleStatic(url.pathname, res);
  });

  await new Promise<void>((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolvePromise());
  });
  port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}/`;
  log(`[tailor web] studio at ${url}`);

  return {
    url,
    port,
    close: () =>
      new Promise<void>((resolvePromise) => {
        for (const stream of streams) stream.end();
        server.close(() => resolvePromise());
        server.closeAllConnections();
      }),
  };
}
