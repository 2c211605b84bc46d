import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

interface BuilderConfig {
  readonly files: readonly string[];
  readonly electronFuses: Readonly<Record<string, boolean>>;
  readonly linux: { readonly target: readonly string[] };
  readonly mac: { readonly target: readonly string[] };
  readonly win: { readonly target: readonly string[] };
  readonly fileAssociations: readonly { readonly ext: string }[];
}
const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as {
  build: BuilderConfig;
  scripts: Record<string, string>;
};

describe('the installers electron-builder makes', () => {
  it('flip the fuses that close Node back doors in every release build', () => {
    expect(pkg.build.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('re-enable inspect arguments only in the build Playwright drives', () => {
    expect(pkg.scripts['dist']).not.toContain('enableNodeCliInspectArguments');
    expect(pkg.scripts['dist:e2e']).toContain('-c.electronFuses.enableNodeCliInspectArguments=true');
  });

  it('ship for Linux, Windows and macOS and own .tailor files', () => {
    expect(pkg.build.linux.target).toEqual(['AppImage', 'deb']);
    expect(pkg.build.win.target).toEqual(['nsis']);
    expect(pkg.build.mac.target).toEqual(['dmg']);
    expect(pkg.build.fileAssociations.map((a) => a.ext)).toEqual(['tailor']);
  });

  it('package only the built app: no source maps, no sources or tests of native modules', () => {
    expect(pkg.build.files).toEqual(expect.arrayContaining(['out/electron/**', 'out/studio/**', 'package.json']));
    expect(pkg.build.files).toEqual(
      expect.arrayContaining([
        '!out/studio/**/*.map',
        '!**/node_modules/better-sqlite3/{src,deps,docs}/**',
        '!**/node_modules/*/{test,tests,__tests__,example,examples}/**',
      ]),
    );
  });

  it('ship every built folder the app reads at run time (the player, the preview LMS page, the SCORM schemas)', () => {
    const sources = (readdirSync('electron', { recursive: true }) as string[])
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
      .map((f) => readFileSync(join('electron', f), 'utf8'));
    const read = new Set(sources.flatMap((text) => [...text.matchAll(/'out', '([a-z-]+)'/g)].map((m) => m[1])));
    // out/native is the development build of better-sqlite3 for Electron; installers rebuild it (npmRebuild).
    read.delete('native');
    expect([...read].sort()).toEqual(['player', 'preview-lms', 'scorm-schemas', 'studio']);
    for (const folder of read) expect(pkg.build.files).toContain(`out/${folder}/**`);
  });
});
