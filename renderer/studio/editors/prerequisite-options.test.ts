import { describe, expect, it } from 'vitest';
import { course as courseSchema } from '../../../shared/model';
import { prerequisiteOptions } from './prerequisite-options';

const course = courseSchema.parse({
  format: 5,
  id: 'c',
  title: 'C',
  modules: [
    { id: 'basics', title: 'Basics', lessons: [] },
    { id: 'advanced', title: 'Advanced', prerequisites: ['capstone'], lessons: [] },
    { id: 'capstone', title: 'Capstone', lessons: [] },
    { id: 'extra', title: 'Extra', lessons: [] },
  ],
});

describe('prerequisite options', () => {
  it('offers the modules above a module, in course order, and never the module itself', () => {
    expect(prerequisiteOptions(course, 'capstone')).toEqual([
      { id: 'basics', name: 'Basics' },
      { id: 'advanced', name: 'Advanced' },
    ]);
    expect(prerequisiteOptions(course, 'basics')).toEqual([]);
  });

  it('keeps a chosen prerequisite that sits below, saying it must move above', () => {
    expect(prerequisiteOptions(course, 'advanced')).toEqual([
      { id: 'basics', name: 'Basics' },
      { id: 'capstone', name: 'Capstone', detail: 'below this module: move it above' },
    ]);
  });
});
