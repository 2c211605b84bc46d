import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCourseSource } from '../course-source';
import { buildPreviewPackage } from './preview-package';

const example = join(process.cwd(), 'resources', 'examples', 'shop-floor-safety');

describe('buildPreviewPackage', () => {
  it('serves the same player files that export ships, byte for byte', async () => {
    const source = openCourseSource(example);
    const preview = buildPreviewPackage({ course: source.course, assets: source.assets, standard: 'scorm2004-4th' });
    const player = await preview.read('player.js');
    expect(Buffer.from(player ?? new Uint8Array())).toEqual(readFileSync(join('out', 'player', 'player.js')));
    expect(preview.paths()).toEqual(expect.arrayContaining(['index.html', 'course.js', 'imsmanifest.xml']));
  });

  it('holds the course script for the chosen standard', async () => {
    const source = openCourseSource(example);
    const preview = buildPreviewPackage({ course: source.course, assets: source.assets, standard: 'scorm12' });
    const script = new TextDecoder().decode((await preview.read('course.js')) ?? new Uint8Array());
    expect(script).toContain('scorm12');
    expect(preview.plan.manifest).toContain('ADL SCORM');
  });

  it('reads media from the course source', async () => {
    const source = openCourseSource(example);
    const preview = buildPreviewPackage({ course: source.course, assets: source.assets, standard: 'scorm2004-3rd' });
    const svg = await preview.read('assets/floor-zones.svg');
    expect(Buffer.from(svg ?? new Uint8Array())).toEqual(readFileSync(join(example, 'assets', 'floor-zones.svg')));
  });

  it('answers null for a file the package does not hold, and for schemas the player never loads', async () => {
    const source = openCourseSource(example);
    const preview = buildPreviewPackage({ course: source.course, assets: source.assets, standard: 'scorm12' });
    expect(await preview.read('../course.json')).toBeNull();
    const schema = preview.plan.files.find((f) => f.source.kind === 'schema');
    expect(schema).toBeDefined();
    expect(await preview.read(schema?.path ?? '')).toBeNull();
  });
});
