import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { previewCsp } from '../../shared/security/csp';
import type { Previews } from '../backend/preview/previews';

export interface PreviewHost {
  /** `http://127.0.0.1:<port>`: the previews' own origin, never the studio's. */
  readonly origin: string;
  close(): Promise<void>;
}

const PREVIEW_PATH = /^\/([0-9a-f]{32})\/((?:lms|pkg)\/[^?#]+)$/;

/**
 * Serves previews on a port of their own, so a course's scripts run on an origin that is not the
 * studio's (no access to its token, storage or calls). Only GET of `/<id>/lms|pkg/<file>`, only
 * when addressed to this host (defeats DNS rebinding); the 128-bit id is the capability.
 */
export async function startPreviewHost(
  previews: Previews,
  studioOrigins: () => readonly string[],
  log: (message: string) => void,
): Promise<PreviewHost> {
  let port = 0;
  const refuse = (res: ServerResponse, status: number, text: string) => {
    res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' });
    res.end(text);
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const host = req.headers.host ?? '';
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) return refuse(res, 421, 'Wrong host.\n');
    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, 'Method not allowed\n');
    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? '/', `http://${host}`).pathname);
    } catch {
      return refuse(res, 400, 'Malformed address.\n');
    }
    const match = PREVIEW_PATH.exec(pathname);
    const file = match && !pathname.includes('..') ? await previews.read(match[1]!, match[2]!) : null;
    if (!file) return refuse(res, 404, 'This preview is no longer open; preview the course again.\n');
    res.writeHead(200, {
      'Content-Type': file.mime,
      'Content-Length': file.body.byteLength,
      'Content-Security-Policy': previewCsp(studioOrigins()),
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': 'no-store',
    });
    res.end(req.method === 'HEAD' ? undefined : file.body);
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      log(`[tailor web] preview request failed: ${String(error)}`);
      if (!res.headersSent) refuse(res, 500, 'The preview failed to answer.\n');
      else res.destroy();
    });
  });
  await new Promise<void>((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolvePromise());
  });
  port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;
  previews.serveAt((id, file) => `${origin}/${id}/${file}`);
  return {
    origin,
    close: () =>
      new Promise<void>((resolvePromise) => {
        server.close(() => resolvePromise());
        server.closeAllConnections();
      }),
  };
}
