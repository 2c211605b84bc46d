import { describe, expect, it } from 'vitest';
import { courseWith, moduleNamed, ruleNamed } from '../engine/testing/course-builder';
import { verifyCourse } from './verify';

describe('verifyCourse', () => {
  it('does not repeat an empty module that some learners must take as a second, weaker finding', () => {
    const report = verifyCourse(
      courseWith({
        modules: [
          moduleNamed('a'),
          { id: 'hollow', title: 'Hollow', lessons: [] },
          { id: 'spare', title: 'Spare', lessons: [] },
        ],
        rules: [ruleNamed('spare-optional', 'true', { kind: 'optional', modules: ['spare'] })],
      }),
    );
    if (!report.usable) throw new Error('the course should load');
    const at = (path: string) => report.findings.filter((f) => f.path === path).map((f) => `${f.severity} ${f.code}`);
    // Required of everyone and empty: one error says it.
    expect(at('modules[1].lessons')).toEqual(['error required-module-empty']);
    // Optional and empty: nobody is stopped, the warning stays.
    expect(at('modules[2].lessons')).toEqual(['warning empty-module']);
  });
});
