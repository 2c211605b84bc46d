// Builds better-sqlite3 for Electron's ABI into out/native/electron-<version>/, separately from the
// Node build in node_modules that tests, the web host and the CLI use. Electron main passes this
// file to better-sqlite3 as `nativeBinding`, so neither build ever replaces the other.
//
// It needs Electron's C headers: node-gyp downloads them from electronjs.org, or set
// TAILOR_ELECTRON_HEADERS to a folder holding them (an offline machine).
import { execFileSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';

const require = createRequire(import.meta.url);
const electronVersion = require('electron/package.json').version;
const target = resolve('out', 'native', `electron-${electronVersion}`, 'better_sqlite3.node');

if (existsSync(target)) process.exit(0);

const source = dirname(require.resolve('better-sqlite3/package.json'));
const work = resolve('out', 'native', `build-electron-${electronVersion}`);
rmSync(work, { recursive: true, force: true });
cpSync(source, work, {
  recursive: true,
  filter: (path) => !/[\\/](build|node_modules)$/.test(path),
});

const env = { ...process.env };
// This machine's npm may carry a nodedir for Node's headers; Electron needs its own.
delete env.npm_config_nodedir;
delete env.NPM_CONFIG_NODEDIR;
const args = [
  require.resolve('node-gyp/bin/node-gyp.js'),
  'rebuild',
  '--release',
  `--target=${electronVersion}`,
  `--arch=${process.arch}`,
  '--dist-url=https://electronjs.org/headers',
];
if (process.env.TAILOR_ELECTRON_HEADERS) args.push(`--nodedir=${process.env.TAILOR_ELECTRON_HEADERS}`);

console.log(`Building better-sqlite3 for Electron ${electronVersion} (once; about a minute)…`);
try {
  execFileSync(process.execPath, args, { cwd: work, stdio: 'inherit', env });
} catch {
  console.error(
    `\nCould not build better-sqlite3 for Electron ${electronVersion}. node-gyp needs Electron's headers from ` +
      `electronjs.org; on an offline machine set TAILOR_ELECTRON_HEADERS to a folder holding them.\n` +
      `Browser mode (npm run web) needs none of this.`,
  );
  process.exit(1);
}
mkdirSync(dirname(target), { recursive: true });
copyFileSync(join(work, 'build', 'Release', 'better_sqlite3.node'), target);
rmSync(work, { recursive: true, force: true });
console.log(`Electron's better-sqlite3: ${target}`);
