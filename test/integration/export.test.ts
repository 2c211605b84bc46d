import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { generateCourse } from '../../bench/generate-course';
import { exportPackage, folderAssets } from '../../electron/backend/export/export-package';
import { validateManifest } from '../../electron/backend/export/schema-check';
import { parseCourseForStorage } from '../../electron/backend/portable-convert';
import { readPortableCourse } from '../../electron/backend/portable-course';
import { mediaReferences } from '../../shared/analysis/media';
import { STANDARDS, type Standard } from '../../shared/scorm';
import { EXAMPLE_NAMES, EXAMPLES_DIR } from '../fixtures/examples';
import { useTempDirs } from '../fixtures/temp-dir';

const tempDir = useTempDirs();
const OFFICIAL = join(__dirname, '../../../shared/scorm-schemas/validate-manifest');
const haveXmllint = spawnSync('sh', ['-c', 'command -v xmllint']).status === 0;
const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

async function exportExample(name: string, standard: Standard, out: string, appRoot?: string) {
  const portable = readPortableCourse(join(EXAMPLES_DIR, name));
  const assetsDir = join(portable.folder, 'assets');
  const assets = existsSync(assetsDir) ? readdirSync(assetsDir).map((f) => `assets/${f}`) : [];
  return exportPackage({
    course: parseCourseForStorage(portable.json, portable.file),
    assets: folderAssets(portable.folder, assets),
    standard,
    profile: 'generic',
    out,
    appRoot,
  });
}

describe('exported packages', () => {
  for (const name of EXAMPLE_NAMES)
    for (const standard of STANDARDS)
      it(`${name} as ${standard}: the manifest is valid against the official schemas`, async () => {
        const dir = tempDir();
        const zip = join(dir, 'p.zip');
        await exportExample(name, standard, zip);
        const files = unzipSync(readFileSync(zip));
        expect(Object.keys(files)[0]).toBe('imsmanifest.xml');
        const manifest = new TextDecoder().decode(files['imsmanifest.xml']);
        expect(await validateManifest(manifest, standard)).toEqual([]);
        if (existsSync(OFFICIAL) && haveXmllint) {
          writeFileSync(join(dir, 'imsmanifest.xml'), manifest);
          const result = spawnSync(OFFICIAL, [standard === 'scorm12' ? '12' : '2004', join(dir, 'imsmanifest.xml')], {
            encoding: 'utf8',
          });
          expect(result.status, result.stderr).toBe(0);
        }
      });

  it('are byte-identical when the same course is exported twice', async () => {
    const dir = tempDir();
    await exportExample('shop-floor-safety', 'scorm2004-4th', join(dir, 'a.zip'));
    await exportExample('shop-floor-safety', 'scorm2004-4th', join(dir, 'b.zip'));
    expect(sha(join(dir, 'a.zip'))).toBe(sha(join(dir, 'b.zip')));
  });

  it('refuses SCORM 1.2 and 2004 3rd Edition for a course whose saved progress cannot fit, and writes nothing', async () => {
    const course = parseCourseForStorage(
      generateCourse({
        seed: 3,
        modules: 5000,
        competencies: 2,
        rules: 0,
        personas: 1,
        lessonsPerModule: [5, 5],
        placementDepth: 0,
      }),
      'generated',
    );
    const out = join(tempDir(), 'big.zip');
    // Every file the course refers to is listed, so only the size of the saved progress stands in the way.
    const media = [...new Set(mediaReferences(course).map((ref) => ref.name))];
    await expect(
      exportPackage({ course, assets: folderAssets('/nowhere', media), standard: 'scorm12', profile: 'generic', out }),
    ).rejects.toThrow(/more than SCORM 1\.2 can store \(4096\)\. Export as SCORM 2004/);
    expect(existsSync(out)).toBe(false);
    // SCORM 2004 3rd Edition promises only 4000 characters of suspend_data.
    await expect(
      exportPackage({
        course,
        assets: folderAssets('/nowhere', media),
        standard: 'scorm2004-3rd',
        profile: 'generic',
        out,
      }),
    ).rejects.toThrow(/more than SCORM 2004 3rd Edition promises to store \(4000\)\. Export as SCORM 2004 4th Edition/);
    expect(existsSync(out)).toBe(false);
  });

  it('puts nothing at the output path when the official schemas reject the manifest, though the zip was written meanwhile', async () => {
    const appRoot = tempDir();
    cpSync(join(__dirname, '../../out/player'), join(appRoot, 'out', 'player'), { recursive: true });
    const schemas = join(appRoot, 'out', 'scorm-schemas', 'scorm2004-4th');
    cpSync(join(__dirname, '../../out/scorm-schemas/scorm2004-4th'), schemas, { recursive: true });
    // A content-packaging schema whose manifest may hold nothing, so every real manifest fails it.
    writeFileSync(
      join(schemas, 'imscp_v1p1.xsd'),
      '<?xml version="1.0" encoding="UTF-8"?><xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="http://www.imsglobal.org/xsd/imscp_v1p1" elementFormDefault="qualified"><xs:element name="manifest"><xs:complexType/></xs:element></xs:schema>',
    );
    const dir = tempDir();
    await expect(exportExample('shop-floor-safety', 'scorm2004-4th', join(dir, 'p.zip'), appRoot)).rejects.toThrow(
      /failed its checks, so nothing was written: .*manifest/,
    );
    expect(readdirSync(dir)).toEqual([]);
  });

  it('stops when cancelled and leaves no file behind', async () => {
    const dir = tempDir();
    const controller = new AbortController();
    controller.abort();
    const out = join(dir, 'cancelled.zip');
    await expect(
      (async () => {
        const portable = readPortableCourse(join(EXAMPLES_DIR, 'purchase-approvals'));
        return exportPackage({
          course: parseCourseForStorage(portable.json, portable.file),
          assets: folderAssets(
            portable.folder,
            readdirSync(join(portable.folder, 'assets')).map((name) => `assets/${name}`),
          ),
          standard: 'scorm2004-4th',
          profile: 'generic',
          out,
          signal: controller.signal,
        });
      })(),
    ).rejects.toThrow(/cancelled; nothing was written/);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('runs from the CLI with a JSON report', () => {
    const out = join(tempDir(), 'cli.zip');
    const stdout = execFileSync(
      process.execPath,
      [
        join(__dirname, '../../out/cli/tailor.mjs'),
        'export',
        join(EXAMPLES_DIR, 'purchase-approvals'),
        '--standard',
        'scorm12',
        '--profile',
        'moodle',
        '--out',
        out,
        '--json',
      ],
      {
        encoding: 'utf8',
      },
    );
    expect(JSON.parse(stdout)).toMatchObject({ ok: true, out });
  });
});
