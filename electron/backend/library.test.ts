import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LibraryEntry } from '../../shared/contract';
import { useTempDirs } from '../../test/fixtures/temp-dir';
import { createBackend } from './backend';
import { fileNameForTitle } from './library';
import { headlessPlatform } from './platform';

const tempDir = useTempDirs();

function backendIn(dataDir: string) {
  return createBackend({ dataDir, platform: headlessPlatform('test'), log: () => {} });
}

const titles = (entries: readonly LibraryEntry[]) =>
  entries.filter((e) => e.readable).map((e) => (e.readable ? e.title : ''));

describe('library', () => {
  it('lists a created course again in a new backend over the same folders (a restart)', async () => {
    const dataDir = tempDir();
    const created = await backendIn(dataDir).dispatch('course.create', { title: 'Purchase approvals' });
    expect(created.ok).toBe(true);
    const listed = await backendIn(dataDir).dispatch('library.list', {});
    expect(listed).toMatchObject({ ok: true, value: { entries: [{ readable: true, title: 'Purchase approvals' }] } });
  });

  it('gives two courses with the same title different files', async () => {
    const backend = backendIn(tempDir());
    const a = await backend.dispatch('course.create', { title: 'Safety' });
    const b = await backend.dispatch('course.create', { title: 'Safety' });
    if (!a.ok || !b.ok) throw new Error('create failed');
    expect((a.value as { path: string }).path).toMatch(/Safety\.tailor$/);
    expect((b.value as { path: string }).path).toMatch(/Safety 2\.tailor$/);
  });

  it('creates in a folder the designer picks, making it if needed, and remembers it as recent', async () => {
    const dataDir = tempDir();
    const folder = join(tempDir(), 'team share', 'courses');
    const created = await backendIn(dataDir).dispatch('course.create', { title: 'Onboarding', folder });
    expect(created.ok).toBe(true);
    expect(existsSync(join(folder, 'Onboarding.tailor'))).toBe(true);
    const listed = await backendIn(dataDir).dispatch('library.list', {});
    if (!listed.ok) throw new Error(listed.error.message);
    expect(titles((listed.value as { entries: LibraryEntry[] }).entries)).toEqual(['Onboarding']);
  });

  it('keeps listing a broken file with the reason instead of hiding it', async () => {
    const dataDir = tempDir();
    const courses = join(dataDir, 'Courses');
    mkdirSync(courses, { recursive: true });
    writeFileSync(join(courses, 'broken.tailor'), 'not sqlite at all, just some text that is long enough'.repeat(20));
    const listed = await backendIn(dataDir).dispatch('library.list', {});
    expect(listed).toMatchObject({
      ok: true,
      value: {
        entries: [
          {
            readable: false,
            path: join(courses, 'broken.tailor'),
            problem: expect.stringMatching(/not a Tailor course/),
          },
        ],
      },
    });
  });

  it('says which path is missing when opening a file that is not there', async () => {
    const result = await backendIn(tempDir()).dispatch('course.open', { path: '/nowhere/ghost.tailor' });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'not-found', message: expect.stringContaining('/nowhere/ghost.tailor') },
    });
  });

  it('explains that native pickers are unavailable in a headless host', async () => {
    const result = await backendIn(tempDir()).dispatch('platform.pickFolder', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'unsupported' } });
  });
});

describe('file names for titles', () => {
  it.each([
    ['Purchase approvals', 'Purchase approvals'],
    ['Safety: floor / yard', 'Safety- floor - yard'],
    ['  ..hidden..  ', 'hidden'],
    ['a\u0000b\u001fc', 'a-b-c'],
    ['???', '---'],
    ['', 'Untitled course'],
    ['   ', 'Untitled course'],
  ])('turns %j into %j', (title, expected) => {
    expect(fileNameForTitle(title)).toBe(expected);
  });

  it('keeps names short enough for every file system', () => {
    expect(fileNameForTitle('x'.repeat(500)).length).toBeLessThanOrEqual(80);
  });
});
