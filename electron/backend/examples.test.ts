import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../test/fixtures/temp-dir';
import { listExamples } from './examples';

const tempDir = useTempDirs();

describe('example courses', () => {
  it('lists the shipped examples by their course titles', () => {
    const examples = listExamples(resolve('.'));
    expect(examples.length).toBeGreaterThanOrEqual(2);
    expect(examples.every((e) => e.folder.includes(join('resources', 'examples')))).toBe(true);
    expect(examples.map((e) => e.title)).not.toContain('shop-floor-safety');
    // Each says what it is about, in the course's own words, for the welcome screen's cards.
    expect(examples.every((e) => e.description.length > 20)).toBe(true);
  });

  it('offers nothing where no examples are installed, and skips folders without course.json', () => {
    const root = tempDir();
    expect(listExamples(root)).toEqual([]);
    mkdirSync(join(root, 'resources', 'examples', 'empty'), { recursive: true });
    mkdirSync(join(root, 'resources', 'examples', 'broken'), { recursive: true });
    writeFileSync(join(root, 'resources', 'examples', 'broken', 'course.json'), '{');
    expect(listExamples(root)).toEqual([
      { title: 'broken', description: '', folder: join(root, 'resources', 'examples', 'broken') },
    ]);
  });
});
