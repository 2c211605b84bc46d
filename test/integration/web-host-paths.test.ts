import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { createBackend } from '../../electron/backend/backend';
import { headlessPlatform } from '../../electron/backend/platform';
import { EXAMPLES_DIR } from '../fixtures/examples';
import { useTempDirs } from '../fixtures/temp-dir';

const tempDir = useTempDirs();
const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

async function openedExample() {
  const dataDir = tempDir();
  const backend = createBackend({ dataDir, platform: headlessPlatform('web'), log: () => {} });
  const imported = await backend.dispatch('document.importPortable', {
    folder: join(EXAMPLES_DIR, 'shop-floor-safety'),
  });
  const path = (imported as { value: { path: string } }).value.path;
  expect(await backend.dispatch('document.open', { path })).toMatchObject({ ok: true });
  return { backend, path, dir: tempDir() };
}

describe('file paths in calls', () => {
  it('exportScorm refuses to replace an existing file unless the request says replace, and names it', async () => {
    const { backend, path, dir } = await openedExample();
    const out = join(dir, 'quarterly report.zip');
    writeFileSync(out, 'not a package: a designer’s own file');
    const before = sha(out);
    const refused = await backend.dispatch('document.exportScorm', { path, job: 'a', standard: 'scorm12', out });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'already-exists', message: expect.stringMatching(/"quarterly report\.zip" already exists in/) },
    });
    expect(sha(out)).toBe(before);

    const replaced = await backend.dispatch('document.exportScorm', {
      path,
      job: 'b',
      standard: 'scorm12',
      out,
      replace: true,
    });
    expect(replaced).toMatchObject({ ok: true, value: { out } });
    expect(Object.keys(unzipSync(readFileSync(out)))).toContain('imsmanifest.xml');
    backend.close();
  });

  it('exportScorm refuses a folder in the way even when asked to replace', async () => {
    const { backend, path, dir } = await openedExample();
    const out = join(dir, 'folder.zip');
    mkdirSync(out);
    const refused = await backend.dispatch('document.exportScorm', {
      path,
      job: 'c',
      standard: 'scorm12',
      out,
      replace: true,
    });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'invalid-request', message: expect.stringMatching(/folder\.zip.*not a file is already there/) },
    });
    backend.close();
  });

  it('exportScorm writes a new file without being asked', async () => {
    const { backend, path, dir } = await openedExample();
    const out = join(dir, 'new.zip');
    expect(
      await backend.dispatch('document.exportScorm', { path, job: 'd', standard: 'scorm2004-4th', out }),
    ).toMatchObject({ ok: true });
    backend.close();
  });

  it('importAsset refuses a device over the contract with a sentence naming it', async () => {
    const { backend, path } = await openedExample();
    expect(await backend.dispatch('document.importAsset', { path, file: '/dev/zero' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-request', message: expect.stringMatching(/"\/dev\/zero": it is a device/) },
    });
    backend.close();
  });
});
