import { describe, expect, it } from 'vitest';
import { loadCourseOrThrow } from './course-index';
import { resolvePath } from './resolve';
import { resultOfRecord } from './result';
import type { LearnerRecord } from './state-codec';
import {
  courseWith,
  expertAs,
  learnerAs,
  moduleIn,
  moduleNamed,
  problemsOf,
  ruleNamed,
} from './testing/course-builder';

/** A module of three bite-sized lessons whose first two an expert skips; an admin must take the whole module. */
const phishing = (extra: Parameters<typeof moduleNamed>[1] = {}) =>
  moduleNamed('phishing', {
    lessons: [
      { id: 'what-is', title: 'What phishing is', minutes: 3, blocks: [] },
      { id: 'spot-it', title: 'Spot the signs', minutes: 4, blocks: [] },
      { id: 'report-it', title: 'Report it', minutes: 5, blocks: [] },
    ],
    ...extra,
  });
const course = (extra: Parameters<typeof moduleNamed>[1] = {}) =>
  courseWith({
    modules: [phishing(extra), moduleNamed('wrap-up')],
    rules: [
      ruleNamed('experts-skip-basics', 'mastery(basics) >= expert', {
        kind: 'skip-lessons',
        lessons: ['what-is', 'spot-it'],
      }),
    ],
  });
/** A teller's saved progress: what they knew before the course and the lessons they completed. */
const tellerRecord = (prior: Record<string, string>, completed: string[] = []): LearnerRecord => ({
  role: 'teller',
  needs: { captions: false, audio: false, reducedMotion: false },
  prior,
  answers: [],
  takeAnyway: [],
  formats: {},
  picks: {},
  completed,
});
const lessonIn = (path: ReturnType<typeof resolvePath>, id: string) =>
  path.modules.flatMap((m) => m.lessons).find((l) => l.id === id)!;

describe('rules that skip single lessons', () => {
  it('skip the named lessons for a learner they hold for, with the rule’s reason, and keep the rest of the module', () => {
    const path = resolvePath(loadCourseOrThrow(course()), expertAs('teller'));
    expect(moduleIn(path, 'phishing').status).toBe('required');
    expect(lessonIn(path, 'what-is')).toMatchObject({
      skipped: true,
      reasons: [
        {
          kind: 'rule',
          rule: 'experts-skip-basics',
          text: 'Because experts-skip-basics.',
          evidence: ['basics: expert (score 1.00)'],
        },
      ],
    });
    expect(lessonIn(path, 'spot-it').skipped).toBe(true);
    expect(lessonIn(path, 'report-it')).toMatchObject({ skipped: false, reasons: [] });
    expect(path.next).toMatchObject({ module: 'phishing', lesson: 'report-it' });
    // 5 minutes of "Report it" and 5 of the wrap-up's default lesson; the skipped 7 minutes are not left to do.
    expect(path.minutesLeft).toBe(10);
  });

  it('skip nothing for a learner they do not hold for', () => {
    const path = resolvePath(loadCourseOrThrow(course()), learnerAs('teller'));
    expect(path.modules[0]!.lessons.map((l) => [l.id, l.skipped, l.reasons.length])).toEqual([
      ['what-is', false, 0],
      ['spot-it', false, 0],
      ['report-it', false, 0],
    ]);
    expect(path.next).toMatchObject({ lesson: 'what-is' });
  });

  it('do not apply in a module mandatory for the learner, and say so', () => {
    const path = resolvePath(loadCourseOrThrow(course({ mandatoryFor: ['admin'] })), expertAs('admin'));
    expect(lessonIn(path, 'what-is')).toMatchObject({
      skipped: false,
      reasons: [{ text: 'Because experts-skip-basics. (not applied: this module is mandatory for your role)' }],
    });
    expect(path.next).toMatchObject({ lesson: 'what-is' });
    // The same module is not mandatory for a teller, who skips as before.
    expect(
      lessonIn(resolvePath(loadCourseOrThrow(course({ mandatoryFor: ['admin'] })), expertAs('teller')), 'what-is')
        .skipped,
    ).toBe(true);
  });

  it('say a module mandated by an attribute value is mandatory for the learner, not for their role', () => {
    const input = {
      ...course({ mandatoryFor: ['site=north'] }),
      settings: {
        roles: ['teller', 'admin'],
        attributes: [{ id: 'site', label: 'Where do you work?', values: [{ id: 'north', label: 'North' }] }],
      },
    };
    const path = resolvePath(loadCourseOrThrow(input), expertAs('teller', { attributes: { site: 'north' } }));
    expect(lessonIn(path, 'what-is')).toMatchObject({
      skipped: false,
      reasons: [{ text: 'Because experts-skip-basics. (not applied: this module is mandatory for you)' }],
    });
  });

  it('say nothing of their own in a module the learner does not take', () => {
    const path = resolvePath(loadCourseOrThrow(course({ audience: ['admin'] })), expertAs('teller'));
    expect(moduleIn(path, 'phishing').status).toBe('excluded');
    expect(lessonIn(path, 'what-is')).toMatchObject({ skipped: false, reasons: [] });
  });

  it('finish the course for a learner who completed every lesson not skipped, and count only those in progress', () => {
    const index = loadCourseOrThrow(course());
    const record = (completed: string[]) => tellerRecord({ basics: 'expert' }, completed);
    expect(resultOfRecord(index, record(['report-it'])).result).toMatchObject({
      completed: false,
      lessonsDone: 1,
      lessonsToDo: 2,
      progress: 0.5,
    });
    const done = resultOfRecord(index, record(['report-it', 'wrap-up-l']));
    expect(done.path.finished).toBe(true);
    expect(done.result).toMatchObject({ completed: true, lessonsDone: 2, lessonsToDo: 2, progress: 1 });
    // A learner may still open and complete a skipped lesson: it is done, and nothing else changes.
    const extra = resultOfRecord(index, record(['what-is', 'report-it', 'wrap-up-l']));
    expect(lessonIn(extra.path, 'what-is')).toMatchObject({ completed: true, skipped: true });
    expect(extra.result).toMatchObject({ completed: true, lessonsDone: 2, lessonsToDo: 2 });
  });

  it('count a module whose every lesson a rule skips as placed out of for its competency', () => {
    const input = courseWith({
      modules: [moduleNamed('basics-101', { competencies: ['basics'] })],
      rules: [ruleNamed('skip-all', 'mastery(basics) >= expert', { kind: 'skip-lessons', lessons: ['basics-101-l'] })],
    });
    const { result } = resultOfRecord(loadCourseOrThrow(input), tellerRecord({ basics: 'expert' }));
    expect(result.completed).toBe(true);
    expect(result.objectives[0]).toMatchObject({ id: 'basics', completed: true, byPlacement: true });
  });

  it('count a module whose every lesson a rule about the learner’s role skips as done, not as placed out of', () => {
    const input = courseWith({
      modules: [moduleNamed('basics-101', { competencies: ['basics'] })],
      rules: [ruleNamed('tellers-skip', 'role == teller', { kind: 'skip-lessons', lessons: ['basics-101-l'] })],
    });
    const { result } = resultOfRecord(loadCourseOrThrow(input), tellerRecord({}));
    expect(result.completed).toBe(true);
    expect(result.objectives[0]).toMatchObject({ id: 'basics', completed: true, byPlacement: false });
  });

  it('point at a misspelt lesson and suggest the one meant', () => {
    const input = courseWith({
      modules: [phishing()],
      rules: [ruleNamed('r', 'true', { kind: 'skip-lessons', lessons: ['report-it', 'spot-itt'] })],
    });
    expect(problemsOf(input)).toEqual([
      { path: 'rules[0].then.lessons[1]', message: 'there is no lesson "spot-itt". Did you mean "spot-it"?' },
    ]);
  });
});
