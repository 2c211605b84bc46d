import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { EXAMPLE_NAMES, exampleIndex } from '../fixtures/examples';
import { mp3Seconds } from '../fixtures/mp3';

const root = fileURLToPath(new URL('../..', import.meta.url));

describe.each(EXAMPLE_NAMES)('the audio versions of %s', (name) => {
  const { course } = exampleIndex(name);
  const audioVersions = course.modules.flatMap((m) =>
    m.lessons.flatMap((l) => l.renditions.filter((r) => r.format === 'audio').map((r) => ({ lesson: l, r }))),
  );

  it.each(audioVersions.map((v) => [v.lesson.id, v] as const))(
    'say how long %s really plays, in its length and its label',
    (_id, { lesson, r }) => {
      const seconds = r.blocks
        .flatMap((b) => (b.type === 'audio' ? [b.src] : []))
        .reduce((sum, src) => sum + mp3Seconds(readFileSync(join(root, 'resources/examples', name, src))), 0);
      expect(seconds).toBeGreaterThan(0);
      // An audio-only version takes as long as it plays, rounded up to whole minutes.
      if (r.blocks.every((b) => b.type === 'audio'))
        expect(r.minutes ?? lesson.minutes).toBe(Math.max(1, Math.ceil(seconds / 60)));
      const said = /\((\d+) (seconds|min)/.exec(r.label);
      if (said?.[2] === 'seconds') expect(Math.abs(Number(said[1]) - seconds)).toBeLessThanOrEqual(1);
      if (said?.[2] === 'min') expect(Number(said[1])).toBe(Math.max(1, Math.ceil(seconds / 60)));
    },
  );
});
