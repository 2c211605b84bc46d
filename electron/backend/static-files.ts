import { resolve } from 'node:path';
import { isInsideFolder } from './paths';

const MIME: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.eot': 'application/vnd.ms-fontobject',
  '.map': 'application/json; charset=utf-8',
  '.vtt': 'text/vtt; charset=utf-8',
  '.mp4': 'video/mp4',
  '.webm': 'video/webm',
  '.mp3': 'audio/mpeg',
};

export function mimeTypeOf(path: string): string {
  const dot = path.lastIndexOf('.');
  return (dot >= 0 && MIME[path.slice(dot).toLowerCase()]) || 'application/octet-stream';
}

/**
 * Maps a URL pathname onto a file under `root`, or null when it would leave `root`
 * (`..`, encoded separators, absolute paths, NUL). Shared by the web host and Electron's app:// handler.
 */
export function resolveUnderRoot(root: string, urlPathname: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const wanted = decoded === '/' || decoded === '' ? '/index.html' : decoded;
  const rootAbs = resolve(root);
  const target = resolve(rootAbs, `.${wanted.startsWith('/') ? wanted : `/${wanted}`}`);
  return target !== rootAbs && isInsideFolder(rootAbs, target) ? target : null;
}
