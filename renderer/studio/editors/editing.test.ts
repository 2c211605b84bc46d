import { describe, expect, it } from 'vitest';
import { course as courseSchema } from '../../../shared/model';
import { dataPathOf, fieldMessage, freshId } from './editing';
import { competencyUses, mediaUsage, questionUses, usedBySentence } from './usage';

const course = courseSchema.parse({
  format: 5,
  id: 'c',
  title: 'Purchasing',
  settings: { branding: { logo: 'assets/logo.png', hero: { src: 'assets/cover.jpg', alt: 'A buyer at work' } } },
  competencies: [
    {
      id: 'approvals',
      name: 'Approvals',
      levels: [
        { id: 'novice', name: 'Novice', minScore: 0 },
        { id: 'pro', name: 'Pro', minScore: 0.7 },
      ],
    },
  ],
  modules: [
    { id: 'm1', title: 'Intro', lessons: [] },
    {
      id: 'm2',
      title: 'Thresholds',
      competencies: ['approvals'],
      lessons: [
        {
          id: 'l1',
          title: 'Limits',
          blocks: [
            { type: 'image', id: 'b1', src: 'assets/ladder.png', alt: 'A ladder' },
            { type: 'check', id: 'b2', question: 'q1' },
            {
              type: 'video',
              id: 'b3',
              src: 'assets/clip.mp4',
              captions: [{ language: 'en', src: 'assets/clip.en.vtt' }],
            },
          ],
          renditions: [{ format: 'audio', blocks: [{ type: 'audio', id: 'a1', src: 'assets/clip.mp3' }] }],
        },
      ],
    },
  ],
  questions: [
    { id: 'q1', type: 'true-false', prompt: 'Over 5,000 needs a head?', answer: true, competency: 'approvals' },
  ],
  banks: [{ id: 'bank', title: 'Checks', questions: ['q1'], draw: 1 }],
});

describe('where a field is, as Findings name it', () => {
  it('turns id steps into indices: modules[1].lessons[0].blocks[1].question', () => {
    expect(
      dataPathOf(course, ['modules', { id: 'm2' }, 'lessons', { id: 'l1' }, 'blocks', { id: 'b2' }, 'question']),
    ).toBe('modules[1].lessons[0].blocks[1].question');
  });

  it('names a field of the course itself by its key path', () => {
    expect(dataPathOf(course, ['settings', 'branding', 'accent'])).toBe('settings.branding.accent');
  });
});

describe('model messages at the field', () => {
  it('puts the field label before a "must" message and ends with a full stop', () => {
    expect(fieldMessage('Title', 'must not be empty')).toBe('Title must not be empty.');
  });

  it('says zod number limits in words instead of comparison signs', () => {
    expect(fieldMessage('Weight', 'Too big: expected number to be <=100')).toBe('Weight must be at most 100.');
    expect(fieldMessage('Minutes', 'Too small: expected number to be >=1')).toBe('Minutes must be at least 1.');
  });

  it('lets a message that names its own subject stand alone', () => {
    expect(fieldMessage('Levels', 'the lowest level must start at 0')).toBe('The lowest level must start at 0.');
  });
});

describe('new ids', () => {
  it('derives a readable id from a name and numbers it when taken', () => {
    expect(freshId('Safe Lifting!', [])).toBe('safe-lifting');
    expect(freshId('module', ['module', 'module-2'])).toBe('module-3');
    expect(freshId('42', [])).toBe('item');
  });
});

describe('usage', () => {
  it('counts every place a media file is used, in lessons, renditions, captions and branding', () => {
    expect(Object.fromEntries(mediaUsage(course))).toEqual({
      'assets/ladder.png': 1,
      'assets/clip.mp4': 1,
      'assets/clip.en.vtt': 1,
      'assets/clip.mp3': 1,
      'assets/logo.png': 1,
      'assets/cover.jpg': 1,
    });
  });

  it('says where a question is used so its removal can be refused in words', () => {
    expect(questionUses(course, 'q1')).toEqual(['a knowledge check in lesson "Limits"', 'bank "Checks"']);
    expect(usedBySentence(questionUses(course, 'q1'))).toBe(
      'Used by a knowledge check in lesson "Limits", bank "Checks"; remove it there first.',
    );
  });

  it('finds a competency in modules and questions, and nothing for an unused one', () => {
    expect(competencyUses(course, 'approvals')).toEqual(['module "Thresholds"', '1 question']);
    expect(usedBySentence(competencyUses(course, 'other'))).toBeUndefined();
  });
});
