import { join } from 'node:path';

/**
 * Where `npm start` puts better-sqlite3 built for Electron's ABI (resources/build/electron-native.mjs).
 * Node keeps using node_modules' own build, so tests and the web host never break because of Electron.
 */
export function electronNativeBindingPath(appRoot: string, electronVersion: string): string {
  return join(appRoot, 'out', 'native', `electron-${electronVersion}`, 'better_sqlite3.node');
}
