/** Values the engine and the player need without the schemas (and so without zod). */
export const FORMATS = ['video', 'text', 'audio'] as const;
export type Format = (typeof FORMATS)[number];
export const SENIORITIES = ['new', 'experienced', 'veteran'] as const;
/** The placement target that ends the test. */
export const END = 'end';
export const ACTION_KINDS = [
  'skip',
  'require',
  'recommend',
  'optional',
  'offer-choice',
  'offer-formats',
  'skip-lessons',
] as const;
export const COURSE_FORMAT_VERSION = 5;
