import { describe, expect, it } from 'vitest';
import { course as courseSchema } from '../../../shared/model';
import { audienceOptions } from './audience-options';

describe('who a module may be for', () => {
  it('lists the roles by their names, then each value of the course’s own attributes by its label', () => {
    const course = courseSchema.parse({
      format: 5,
      id: 'c',
      title: 'C',
      settings: {
        roles: ['forklift-driver'],
        labels: { 'forklift-driver': 'Forklift driver' },
        attributes: [{ id: 'site', label: 'Where do you work?', values: [{ id: 'north', label: 'North plant' }] }],
      },
    });
    expect(audienceOptions(course)).toEqual([
      { id: 'forklift-driver', name: 'Forklift driver' },
      { id: 'site=north', name: 'North plant', detail: 'Where do you work?' },
    ]);
  });
});
