import { isAbsolute, resolve } from 'node:path';

/**
 * The `.tailor` documents a launch names: a double-clicked file, "Open with", or a second launch
 * forwarded by the single-instance lock. Flags (Chromium's and ours) and the app itself are ignored.
 */
export function documentsFromArgv(argv: readonly string[], cwd: string): string[] {
  const found: string[] = [];
  for (const arg of argv) {
    if (arg.startsWith('-') || !arg.toLowerCase().endsWith('.tailor')) continue;
    const path = isAbsolute(arg) ? resolve(arg) : resolve(cwd, arg);
    if (!found.includes(path)) found.push(path);
  }
  return found;
}
