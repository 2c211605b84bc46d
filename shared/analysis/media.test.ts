import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateCourse } from '../../bench/generate-course';
import { COURSE_FORMAT_VERSION, course as courseSchema } from '../model';
import { mediaReferences, missingMediaFindings, type MediaReference } from './media';

const course = courseSchema.parse({
  format: 5,
  id: 'c',
  title: 'Purchasing',
  settings: {
    branding: {
      logo: 'assets/logo.png',
      hero: { src: 'assets/cover.jpg', alt: 'A buyer at a desk with a stack of invoices' },
    },
  },
  modules: [
    {
      id: 'm',
      title: 'M',
      lessons: [{ id: 'l', title: 'L', blocks: [{ type: 'image', id: 'i', src: 'assets/ladder.png', alt: '' }] }],
    },
  ],
});

describe('media references', () => {
  it('include the branding logo and the cover picture, where verify and export look for media', () => {
    expect(mediaReferences(course)).toEqual([
      { name: 'assets/ladder.png', path: 'modules[0].lessons[0].blocks[0].src' },
      { name: 'assets/logo.png', path: 'settings.branding.logo' },
      { name: 'assets/cover.jpg', path: 'settings.branding.hero.src' },
    ]);
  });

  it('report a cover picture the course does not hold, at its field', () => {
    expect(missingMediaFindings(course, ['assets/ladder.png', 'assets/logo.png'])).toMatchObject([
      { severity: 'error', code: 'media-missing', path: 'settings.branding.hero.src' },
    ]);
  });
});

/** Every string under modules and settings that starts with assets/, whatever its field: the walk before it was narrowed to media fields. */
function everyAssetsString(value: unknown, path: string, found: MediaReference[]): MediaReference[] {
  if (typeof value === 'string') {
    if (value.startsWith('assets/')) found.push({ name: value, path });
  } else if (Array.isArray(value)) value.forEach((item, i) => everyAssetsString(item, `${path}[${i}]`, found));
  else if (value && typeof value === 'object')
    for (const [key, inner] of Object.entries(value)) everyAssetsString(inner, `${path}.${key}`, found);
  return found;
}

const withEveryMediaField = courseSchema.parse({
  format: COURSE_FORMAT_VERSION,
  id: 'c',
  title: 'Forklifts',
  settings: { branding: { logo: 'assets/logo.png', hero: { src: 'assets/cover.jpg', alt: '' } } },
  modules: [
    {
      id: 'm',
      title: 'assets/ is where the pictures live',
      lessons: [
        {
          id: 'l',
          title: 'L',
          blocks: [
            { type: 'text', id: 't', html: 'assets/not-a-reference.png' },
            { type: 'image', id: 'i', src: 'assets/ladder.png', alt: 'assets/not-one-either.png' },
            {
              type: 'video',
              id: 'v',
              src: 'assets/clip.mp4',
              poster: 'assets/poster.jpg',
              captions: [{ language: 'en', src: 'assets/clip.en.vtt' }],
            },
          ],
          renditions: [{ format: 'audio', blocks: [{ type: 'audio', id: 'a', src: 'assets/clip.mp3' }] }],
        },
      ],
    },
  ],
});

describe('media references, read from the media fields only', () => {
  it('find every media field the schema declares: blocks, posters, captions, renditions and branding', () => {
    expect(mediaReferences(withEveryMediaField)).toEqual([
      { name: 'assets/ladder.png', path: 'modules[0].lessons[0].blocks[1].src' },
      { name: 'assets/clip.mp4', path: 'modules[0].lessons[0].blocks[2].src' },
      { name: 'assets/poster.jpg', path: 'modules[0].lessons[0].blocks[2].poster' },
      { name: 'assets/clip.en.vtt', path: 'modules[0].lessons[0].blocks[2].captions[0].src' },
      { name: 'assets/clip.mp3', path: 'modules[0].lessons[0].renditions[0].blocks[0].src' },
      { name: 'assets/logo.png', path: 'settings.branding.logo' },
      { name: 'assets/cover.jpg', path: 'settings.branding.hero.src' },
    ]);
  });

  it('do not take a title or an alt text that happens to start with assets/ for a media file', () => {
    expect(mediaReferences(withEveryMediaField).map((ref) => ref.name)).not.toContain('assets/not-one-either.png');
    expect(mediaReferences(withEveryMediaField).map((ref) => ref.name)).not.toContain('assets/not-a-reference.png');
  });

  it('find in a generated 300-lesson course exactly what a walk through every value finds', () => {
    const large = courseSchema.parse(generateCourse({ seed: 5, modules: 60, competencies: 6, rules: 20, personas: 4 }));
    const everywhere = [
      ...everyAssetsString(large.modules, 'modules', []),
      ...everyAssetsString(large.settings, 'settings', []),
    ];
    expect(everywhere.length).toBeGreaterThan(50);
    expect(mediaReferences(large)).toEqual(everywhere);
  });

  it('find in the example courses exactly what a walk through every value finds', () => {
    for (const name of ['purchase-approvals', 'shop-floor-safety']) {
      const example = courseSchema.parse(
        JSON.parse(readFileSync(new URL(`../../resources/examples/${name}/course.json`, import.meta.url), 'utf8')),
      );
      const everywhere = [
        ...everyAssetsString(example.modules, 'modules', []),
        ...everyAssetsString(example.settings, 'settings', []),
      ];
      expect(mediaReferences(example), name).toEqual(everywhere);
    }
  });
});
