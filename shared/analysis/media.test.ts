import { describe, expect, it } from 'vitest';
import { course as courseSchema } from '../model';
import { mediaReferences, missingMediaFindings } from './media';

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
