import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/**
 * Finds an Electron binary without triggering Electron's download-on-first-use
 * (requiring 'electron' from Node would try to fetch it).
 */
export function findElectronBinary(): { path: string } | { missing: string } {
  const packageDir = dirname(require.resolve('electron/package.json'));
  const pathFile = join(packageDir, 'path.txt');
  const relative = existsSync(pathFile)
    ? readFileSync(pathFile, 'utf8').trim()
    : process.platform === 'darwin'
      ? 'Electron.app/Contents/MacOS/Electron'
      : process.platform === 'win32'
        ? 'electron.exe'
        : 'electron';
  const dist = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? join(packageDir, 'dist');
  const binary = join(dist, relative);
  if (existsSync(binary)) return { path: binary };
  return {
    missing:
      `no Electron binary at ${binary}. Electron downloads it on first launch and this machine cannot reach ` +
      `its host; set ELECTRON_OVERRIDE_DIST_PATH to an unpacked Electron to run this test.`,
  };
}

export function electronVersion(): string {
  return (require('electron/package.json') as { version: string }).version;
}
