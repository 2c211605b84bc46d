import { describe, expect, it } from 'vitest';
import type { CourseInput } from '../model';
import { loadCourse, loadCourseOrThrow } from './course-index';
import { playAsPersona } from './persona-play';
import { resolvePath, withoutPick, withPick } from './resolve';
import { resultOfRecord } from './result';
import { decodeLearnerRecord, encodeLearnerRecord, worstCaseStateSize, type LearnerRecord } from './state-codec';

type ModuleInput = NonNullable<CourseInput['modules']>[number];
const mod = (id: string, lessons = 1, extra: Partial<ModuleInput> = {}): ModuleInput => ({
  id,
  title: id.toUpperCase(),
  lessons: Array.from({ length: lessons }, (_, i) => ({ id: `${id}-l${i + 1}`, title: `L${i + 1}`, blocks: [] })),
  ...extra,
});

/** Four case studies of which a learner picks two (the last one for tellers only). */
const course = (pick: number | null = 2): CourseInput => ({
  format: 5,
  id: 'cases',
  title: 'Cases',
  settings: { roles: ['teller', 'approver'] },
  modules: [
    mod('intro'),
    mod('case-a', 2),
    mod('case-b', 1),
    mod('case-c', 3),
    mod('case-d', 1, { audience: ['teller'] }),
  ],
  rules: [
    {
      id: 'pick-cases',
      when: 'true',
      then: {
        kind: 'offer-choice',
        modules: ['case-a', 'case-b', 'case-c', 'case-d'],
        ...(pick === null ? {} : { pick }),
      },
      reason: 'Work through real cases.',
    },
  ],
  personas: [{ id: 'tina', name: 'Tina', role: 'teller' }],
});

const record = (picks: LearnerRecord['picks'], role = 'teller'): LearnerRecord => ({
  role,
  needs: { captions: false, audio: false, reducedMotion: false },
  prior: {},
  answers: [],
  takeAnyway: [],
  formats: {},
  picks,
  completed: [],
  checks: {},
});

const statuses = (picks: LearnerRecord['picks'], role = 'teller', input = course()) => {
  const { path } = resultOfRecord(loadCourseOrThrow(input), record(picks, role));
  return Object.fromEntries(path.modules.filter((m) => m.id.startsWith('case')).map((m) => [m.id, m.status]));
};

describe('a choice of several modules', () => {
  it('leaves every option open until the learner has picked as many as it asks, then leaves the others out', () => {
    expect(statuses({})).toEqual({ 'case-a': 'choice', 'case-b': 'choice', 'case-c': 'choice', 'case-d': 'choice' });
    expect(statuses({ 'pick-cases': ['case-c'] })).toEqual({
      'case-a': 'choice',
      'case-b': 'choice',
      'case-c': 'required',
      'case-d': 'choice',
    });
    expect(statuses({ 'pick-cases': ['case-c', 'case-a'] })).toEqual({
      'case-a': 'required',
      'case-b': 'excluded',
      'case-c': 'required',
      'case-d': 'excluded',
    });
  });

  it('says how many to pick, how many are picked, and which ones the others gave way to', () => {
    const index = loadCourseOrThrow(course());
    const reasonOf = (picks: LearnerRecord['picks'], id: string) =>
      resultOfRecord(index, record(picks))
        .path.modules.find((m) => m.id === id)!
        .reasons.at(-1)!.text;
    expect(reasonOf({}, 'case-a')).toBe('Work through real cases. Pick 2 of 4 options.');
    expect(reasonOf({ 'pick-cases': ['case-b'] }, 'case-a')).toBe(
      'Work through real cases. Pick 2 of 4 options. 1 picked so far.',
    );
    expect(reasonOf({ 'pick-cases': ['case-b', 'case-a'] }, 'case-c')).toBe(
      'You picked “CASE-A” and “CASE-B” instead.',
    );
    const path = resultOfRecord(index, record({ 'pick-cases': ['case-b'] })).path;
    expect(path.choices).toEqual([
      {
        rule: 'pick-cases',
        prompt: 'Work through real cases.',
        options: ['case-a', 'case-b', 'case-c', 'case-d'],
        pick: 2,
        picked: ['case-b'],
      },
    ]);
  });

  it('offers only the options open to the learner, and never asks for more than are open', () => {
    // An approver sees three options (case-d is for tellers); asked to pick three of four, they pick all three.
    expect(statuses({}, 'approver', course(3))).toMatchObject({ 'case-d': 'excluded', 'case-a': 'choice' });
    const path = resultOfRecord(loadCourseOrThrow(course(3)), record({}, 'approver')).path;
    expect(path.choices[0]).toMatchObject({ pick: 3, options: ['case-a', 'case-b', 'case-c'] });
    const index = loadCourseOrThrow(course(3));
    index.course.modules[2]!.audience = ['teller'];
    expect(resolvePath(index, { ...record({}, 'approver'), mastery: {}, scores: {} }).choices[0]).toMatchObject({
      pick: 2,
      options: ['case-a', 'case-c'],
    });
  });

  it('ignores picks beyond the number asked (the first in the course’s order count) and picks of modules not offered', () => {
    expect(statuses({ 'pick-cases': ['case-d', 'case-c', 'case-b', 'intro'] })).toEqual({
      'case-a': 'excluded',
      'case-b': 'required',
      'case-c': 'required',
      'case-d': 'excluded',
    });
  });

  it('keeps the course open until the choice is made, counting the shortest options still to pick', () => {
    const index = loadCourseOrThrow(course());
    const open = resultOfRecord(index, { ...record({ 'pick-cases': ['case-c'] }), completed: ['intro-l1'] });
    expect(open.result.completed).toBe(false);
    // intro (1) + case-c (3) + the shortest option left (case-b or case-d: 1) = 5 lessons, 1 done.
    expect(open.result.progress).toBeCloseTo(1 / 5);
    const done = resultOfRecord(index, {
      ...record({ 'pick-cases': ['case-c', 'case-b'] }),
      completed: ['intro-l1', 'case-b-l1', 'case-c-l1', 'case-c-l2', 'case-c-l3'],
    });
    expect(done.result.completed).toBe(true);
  });

  it('lets a pick be changed and added one at a time', () => {
    let picks = withPick({}, 'pick-cases', 'case-a', 2);
    picks = withPick(picks, 'pick-cases', 'case-b', 2);
    expect(picks).toEqual({ 'pick-cases': ['case-a', 'case-b'] });
    expect(withPick(picks, 'pick-cases', 'case-a', 2)).toEqual(picks);
    picks = withoutPick(picks, 'pick-cases', 'case-a');
    expect(picks).toEqual({ 'pick-cases': ['case-b'] });
    expect(withoutPick(picks, 'pick-cases', 'case-b')).toEqual({});
    // A choice of one keeps its one id, as before format 4.
    expect(withPick({}, 'r', 'x', 1)).toEqual({ r: 'x' });
    expect(withoutPick({ r: 'x' }, 'r', 'x')).toEqual({});
  });

  it('is made by a persona playing the package: the first options the map offers, then their lessons', () => {
    const index = loadCourseOrThrow(course());
    const play = playAsPersona(index, index.course.personas[0]!);
    expect(play.finished).toBe(true);
    expect(play.record.picks).toEqual({ 'pick-cases': ['case-a', 'case-b'] });
    expect(play.lessons).toEqual(expect.arrayContaining(['case-a-l1', 'case-a-l2', 'case-b-l1']));
    expect(play.lessons).not.toContain('case-c-l1');
  });
});

describe('saving a choice of several', () => {
  it('round-trips the picks, a bit per option', () => {
    const index = loadCourseOrThrow(course());
    for (const picks of [
      {},
      { 'pick-cases': ['case-b'] },
      { 'pick-cases': ['case-a', 'case-d'] },
    ] as LearnerRecord['picks'][]) {
      const decoded = decodeLearnerRecord(index, encodeLearnerRecord(index, record(picks)));
      expect(decoded.picks).toEqual(picks);
    }
  });

  it('saves a choice of one as one character, exactly as before format 4, so earlier progress stays readable', () => {
    const one = loadCourseOrThrow(course(null));
    const alsoOne = loadCourseOrThrow(course(1));
    const saved = record({ 'pick-cases': 'case-c' });
    expect(encodeLearnerRecord(alsoOne, saved)).toBe(encodeLearnerRecord(one, saved));
    expect(decodeLearnerRecord(one, encodeLearnerRecord(one, saved)).picks).toEqual({ 'pick-cases': 'case-c' });
  });

  it('counts the choice’s bits in the worst case, and a learner who picked everything stays within it', () => {
    const index = loadCourseOrThrow(course());
    const everything: LearnerRecord = {
      ...record({ 'pick-cases': ['case-a', 'case-b', 'case-c', 'case-d'] }),
      completed: index.course.modules.flatMap((m) => m.lessons.map((l) => l.id)),
      location: 'case-d-l1',
      visits: 4095,
      seconds: 262_143,
    };
    expect(encodeLearnerRecord(index, everything).length).toBeLessThanOrEqual(worstCaseStateSize(index));
    // Seven options take two characters of bits where a choice of one takes one.
    const seven = (pick: number | null) => {
      const input = course(pick);
      input.modules!.push(mod('case-e'), mod('case-f'), mod('case-g'));
      (input.rules![0]!.then as { modules: string[] }).modules.push('case-e', 'case-f', 'case-g');
      return worstCaseStateSize(loadCourseOrThrow(input));
    };
    expect(seven(2)).toBe(seven(null) + 1);
  });
});

describe('checking a choice of several', () => {
  it('refuses picking as many modules as it offers, at the number', () => {
    const load = loadCourse(course(4));
    expect(load.ok ? [] : load.problems).toEqual([
      {
        path: 'rules[0].then.pick',
        message: 'picks 4 of 4 modules, which leaves no choice: pick fewer, offer more, or require them',
      },
    ]);
  });
});
