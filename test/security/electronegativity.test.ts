import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../fixtures/temp-dir';

const ELECTRON_VERSION = (JSON.parse(readFileSync('node_modules/electron/package.json', 'utf8')) as { version: string })
  .version;
const BUILT_STUDIO_HTML = 'out/studio/index.html';

/**
 * Electronegativity over what Electron loads: the main, preload and backend sources and the built
 * studio page (whose meta CSP mirrors the header). Every finding must be fixed or waived on its line.
 */
describe('electronegativity', () => {
  const tempDir = useTempDirs();
  it('finds nothing in the Electron sources and the studio page', () => {
    if (!existsSync(BUILT_STUDIO_HTML)) throw new Error(`${BUILT_STUDIO_HTML} is missing: run npm run build first.`);
    const dir = tempDir();
    const input = join(dir, 'input');
    cpSync('electron', join(input, 'electron'), { recursive: true });
    cpSync(BUILT_STUDIO_HTML, join(input, 'index.html'));
    const report = join(dir, 'report.csv');
    execFileSync(
      process.execPath,
      [
        'node_modules/@doyensec/electronegativity/dist/index.js',
        '-i',
        input,
        '-e',
        ELECTRON_VERSION,
        '-o',
        report,
        '-r',
      ],
      { stdio: 'pipe', timeout: 120_000 },
    );
    const findings = readFileSync(report, 'utf8').trim().split('\n').slice(1);
    expect(findings).toEqual([]);
  }, 150_000);
});
