// Bundles the benchmarks like the real builds (esbuild, no name-keeping helpers), so what is
// measured is what ships. Run with `npm run bench`.
import { build } from 'esbuild';

await build({
  entryPoints: ['bench/run.ts'],
  outfile: 'out/bench/run.mjs',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  external: ['better-sqlite3', 'xmllint-wasm', 'jsdom', '@playwright/test', 'playwright-core'],
  logLevel: 'warning',
});
