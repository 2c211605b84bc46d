import { describe, expect, it } from 'vitest';
import { COURSE_FORMAT_VERSION } from './constants';
import { courseMigrations, migrateCourseJson, type CourseMigration } from './migrate';
import { course as courseSchema } from './schema';

describe('course.json migrations', () => {
  it('pass a current course through unchanged', () => {
    const course = { format: COURSE_FORMAT_VERSION, id: 'x', title: 'X' };
    expect(migrateCourseJson(course)).toEqual({ ok: true, course, from: COURSE_FORMAT_VERSION });
  });

  it('have one step per format after the first, ending at the format this Tailor writes', () => {
    expect(courseMigrations.map((m) => m.to)).toEqual(
      Array.from({ length: COURSE_FORMAT_VERSION - 1 }, (_, i) => i + 2),
    );
  });

  it('open a format-1 course as the current format with the same content, its modules without prerequisites', () => {
    const input = {
      format: 1,
      id: 'x',
      title: 'X',
      modules: [{ id: 'm', title: 'M', audience: ['buyer'], lessons: [] }],
    };
    const migrated = migrateCourseJson(input);
    expect(migrated).toEqual({ ok: true, from: 1, course: { ...input, format: COURSE_FORMAT_VERSION } });
    expect(input.format).toBe(1);
    const parsed = courseSchema.parse(migrated.ok ? migrated.course : undefined);
    expect(parsed.modules[0]).toMatchObject({ id: 'm', audience: ['buyer'], prerequisites: [] });
  });

  it('open a format-2 course as the current format with the same content, declaring no learner attributes', () => {
    const input = {
      format: 2,
      id: 'x',
      title: 'X',
      settings: { roles: ['buyer'] },
      modules: [{ id: 'm', title: 'M', audience: ['buyer'], mandatoryFor: ['buyer'], prerequisites: [], lessons: [] }],
      personas: [{ id: 'p', name: 'P', role: 'buyer' }],
    };
    const migrated = migrateCourseJson(input);
    expect(migrated).toEqual({ ok: true, from: 2, course: { ...input, format: COURSE_FORMAT_VERSION } });
    expect(input.format).toBe(2);
    const parsed = courseSchema.parse(migrated.ok ? migrated.course : undefined);
    expect(parsed.settings.attributes).toBeUndefined();
    expect(parsed.modules[0]).toMatchObject({ audience: ['buyer'], mandatoryFor: ['buyer'] });
    expect(parsed.personas[0]!.attributes).toBeUndefined();
  });

  it('read a course whose attributes an audience, a mandate and a persona name', () => {
    const parsed = courseSchema.parse({
      format: 5,
      id: 'x',
      title: 'X',
      settings: {
        attributes: [{ id: 'site', label: 'Where do you work?', values: [{ id: 'north', label: 'North plant' }] }],
      },
      modules: [{ id: 'm', title: 'M', audience: ['site=north'], mandatoryFor: ['buyer', 'site=north'], lessons: [] }],
      personas: [{ id: 'p', name: 'P', role: 'buyer', attributes: { site: 'north' } }],
    });
    expect(parsed.settings.attributes?.[0]!.values[0]).toEqual({ id: 'north', label: 'North plant' });
    expect(parsed.modules[0]!.audience).toEqual(['site=north']);
    expect(parsed.personas[0]!.attributes).toEqual({ site: 'north' });
    expect(
      courseSchema.safeParse({
        format: 5,
        id: 'x',
        title: 'X',
        modules: [{ id: 'm', title: 'M', audience: ['site='], lessons: [] }],
      }).success,
    ).toBe(false);
  });

  it('open a format-3 course as the current format with the same content, each choice picking one module', () => {
    const input = {
      format: 3,
      id: 'x',
      title: 'X',
      rules: [{ id: 'r', when: 'true', then: { kind: 'offer-choice', modules: ['a', 'b'] }, reason: 'Pick a case.' }],
    };
    const migrated = migrateCourseJson(input);
    expect(migrated).toEqual({ ok: true, from: 3, course: { ...input, format: COURSE_FORMAT_VERSION } });
    expect(input.format).toBe(3);
    const parsed = courseSchema.parse(migrated.ok ? migrated.course : undefined);
    expect(parsed.rules[0]!.then).toEqual({ kind: 'offer-choice', modules: ['a', 'b'], prompt: '' });
  });

  it('read a format-4 choice of two modules out of three, and refuse a pick that is not a whole number of at least 1', () => {
    const choice = (pick: unknown) =>
      courseSchema.safeParse({
        format: 5,
        id: 'x',
        title: 'X',
        rules: [
          { id: 'r', when: 'true', then: { kind: 'offer-choice', modules: ['a', 'b', 'c'], pick }, reason: 'Pick.' },
        ],
      });
    const two = choice(2);
    expect(two.success && two.data.rules[0]!.then).toMatchObject({ kind: 'offer-choice', pick: 2 });
    for (const wrong of [0, 1.5, 'two']) expect(choice(wrong).success, String(wrong)).toBe(false);
    // Format 3 did not have it: an older Tailor refuses a format-4 course by its number, never by an unknown key.
    expect(migrateCourseJson({ format: 4, id: 'x' }, courseMigrations.slice(0, 2))).toMatchObject({
      ok: false,
      message: expect.stringMatching(/newer Tailor \(format 4; this one reads up to 3\)/),
    });
  });

  it('open a format-4 course as format 5 with the same content, and read a rule that skips single lessons', () => {
    const input = {
      format: 4,
      id: 'x',
      title: 'X',
      rules: [{ id: 'r', when: 'true', then: { kind: 'skip', modules: ['a'] }, reason: 'Known.' }],
    };
    expect(migrateCourseJson(input)).toEqual({ ok: true, from: 4, course: { ...input, format: 5 } });
    const lessons = (then: unknown) =>
      courseSchema.safeParse({
        format: 5,
        id: 'x',
        title: 'X',
        rules: [{ id: 'r', when: 'true', then, reason: 'Known.' }],
      });
    const parsed = lessons({ kind: 'skip-lessons', lessons: ['intro'] });
    expect(parsed.success && parsed.data.rules[0]!.then).toEqual({ kind: 'skip-lessons', lessons: ['intro'] });
    expect(lessons({ kind: 'skip-lessons', lessons: [] }).success).toBe(false);
    expect(lessons({ kind: 'skip-lessons', modules: ['a'] }).success).toBe(false);
    // Format 4 did not have it: an older Tailor refuses a format-5 course by its number, never by an unknown kind.
    expect(migrateCourseJson({ format: 5, id: 'x' }, courseMigrations.slice(0, 3))).toMatchObject({
      ok: false,
      message: expect.stringMatching(/newer Tailor \(format 5; this one reads up to 4\)/),
    });
  });

  it('refuse a course from a newer Tailor with a clear message', () => {
    expect(migrateCourseJson({ format: 99, id: 'x' })).toEqual({
      ok: false,
      message: expect.stringMatching(/newer Tailor \(format 99; this one reads up to 5\)/),
    });
  });

  it.each([[null], [[]], ['text'], [{ id: 'x' }], [{ format: '1' }], [{ format: 0 }]])(
    'refuse %j, saying what is expected',
    (input) => {
      expect(migrateCourseJson(input)).toMatchObject({ ok: false, message: expect.stringMatching(/course/) });
    },
  );

  it('apply each later step in order and leave the input untouched', () => {
    const steps: CourseMigration[] = [
      { to: 2, description: 'rename name to title', up: ({ name, ...rest }) => ({ ...rest, title: name }) },
      { to: 3, description: 'add a language', up: (c) => ({ ...c, language: 'en' }) },
    ];
    const input = { format: 1, id: 'x', name: 'Old' };
    expect(migrateCourseJson(input, steps)).toEqual({
      ok: true,
      from: 1,
      course: { format: 3, id: 'x', title: 'Old', language: 'en' },
    });
    expect(input).toEqual({ format: 1, id: 'x', name: 'Old' });
    expect(migrateCourseJson({ format: 2, id: 'x', title: 'T' }, steps)).toEqual({
      ok: true,
      from: 2,
      course: { format: 3, id: 'x', title: 'T', language: 'en' },
    });
  });
});
