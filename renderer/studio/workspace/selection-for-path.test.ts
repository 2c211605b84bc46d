import { describe, expect, it } from 'vitest';
import { course as courseSchema, type Course } from '../../../shared/model';
import { COURSE_FORMAT_VERSION } from '../../../shared/model/constants';
import { describeLocation } from './describe-location';
import { parseJsonPath, selectionExists, selectionForPath } from './selection-for-path';

const course: Course = courseSchema.parse({
  format: COURSE_FORMAT_VERSION,
  id: 'c',
  title: 'Safety',
  competencies: [
    {
      id: 'ppe',
      name: 'PPE',
      levels: [
        { id: 'basic', name: 'Basic', minScore: 0 },
        { id: 'expert', name: 'Expert', minScore: 0.8 },
      ],
    },
  ],
  modules: [
    { id: 'intro', title: 'Intro', lessons: [{ id: 'welcome', title: 'Welcome', blocks: [] }] },
    { id: 'forklifts', title: 'Forklifts', lessons: [] },
  ],
  rules: [
    { id: 'skip-intro', when: 'role == driver', then: { kind: 'skip', modules: ['intro'] }, reason: 'You know it' },
  ],
});

describe('selectionForPath', () => {
  it('reads a JSON path as the designer sees it in course.json', () => {
    expect(parseJsonPath('modules[2].lessons[0].title')).toEqual(['modules', 2, 'lessons', 0, 'title']);
    expect(parseJsonPath('(the whole course)')).toBeNull();
  });

  it('opens the lesson a lesson field belongs to', () => {
    expect(selectionForPath(course, 'modules[0].lessons[0].blocks[1].alt')).toEqual({
      kind: 'lesson',
      module: 'intro',
      id: 'welcome',
    });
  });

  it('opens the module for a module field and for its lesson list', () => {
    expect(selectionForPath(course, 'modules[1].lessons')).toEqual({ kind: 'module', id: 'forklifts' });
    expect(selectionForPath(course, 'modules[1].mandatoryFor')).toEqual({ kind: 'module', id: 'forklifts' });
  });

  it('opens rules, competencies and the placement test by their ids', () => {
    expect(selectionForPath(course, 'rules[0].when')).toEqual({ kind: 'rule', id: 'skip-intro' });
    expect(selectionForPath(course, 'competencies[0].levels[0]')).toEqual({ kind: 'competency', id: 'ppe' });
    expect(selectionForPath(course, 'placement.nodes[3]')).toEqual({ kind: 'placement' });
  });

  it('falls back to the list when the item is gone, and to the course otherwise', () => {
    expect(selectionForPath(course, 'modules[9].title')).toEqual({ kind: 'modules' });
    expect(selectionForPath(course, 'personas[0].role')).toEqual({ kind: 'personas' });
    expect(selectionForPath(course, 'settings.passingScore')).toEqual({ kind: 'course' });
    expect(selectionForPath(course, '(the whole course)')).toEqual({ kind: 'course' });
  });

  it('knows when a selection names something that no longer exists', () => {
    expect(selectionExists(course, { kind: 'lesson', module: 'intro', id: 'welcome' })).toBe(true);
    expect(selectionExists(course, { kind: 'lesson', module: 'forklifts', id: 'welcome' })).toBe(false);
    expect(selectionExists(course, { kind: 'modules' })).toBe(true);
  });
});

describe('describeLocation', () => {
  it('names where a problem is in the course’s words, whatever kind of item holds it', () => {
    expect(describeLocation(course, 'modules[0].lessons[0].title')).toBe('Lesson “Welcome” in “Intro”');
    expect(describeLocation(course, 'modules[1]')).toBe('Module “Forklifts”');
    expect(describeLocation(course, 'competencies[0].levels[1]')).toBe('Competency “PPE”');
    expect(describeLocation(course, 'rules[0].when')).toBe('Rule 1');
    expect(describeLocation(course, 'placement.nodes[0]')).toBe('Placement test');
    expect(describeLocation(course, 'title')).toBe('Course settings');
  });

  it('falls back to the list when the item a path named is gone', () => {
    expect(describeLocation(course, 'modules[7].title')).toBe('Modules');
    expect(describeLocation(course, 'rules[3]')).toBe('Rules');
  });
});
