import { describe, expect, it } from 'vitest';
import type { CourseInput } from '../model';
import { loadCourseOrThrow } from './course-index';
import { resolvePath } from './resolve';
import {
  courseWith as baseCourse,
  learnerAs,
  moduleNamed,
  problemsOf,
  type ModuleInput,
} from './testing/course-builder';

const mod = (id: string, title: string, extra: Partial<ModuleInput> = {}) => moduleNamed(id, { title, ...extra });
const courseWith = (modules: ModuleInput[], rest: Partial<CourseInput> = {}): CourseInput =>
  baseCourse({ modules, ...rest });
const learner = learnerAs;
const moduleOf = (path: ReturnType<typeof resolvePath>, id: string) => path.modules.find((m) => m.id === id)!;

describe('checking prerequisites', () => {
  it('points at a misspelt prerequisite and suggests the module meant', () => {
    expect(
      problemsOf(
        courseWith([mod('case-a', 'Case study A'), mod('case-b', 'Case study B', { prerequisites: ['case-aa'] })]),
      ),
    ).toEqual([
      { path: 'modules[1].prerequisites[0]', message: 'there is no module "case-aa". Did you mean "case-a"?' },
    ]);
  });

  it('refuses a module that comes after itself', () => {
    expect(problemsOf(courseWith([mod('a', 'A', { prerequisites: ['a'] })]))).toEqual([
      { path: 'modules[0].prerequisites[0]', message: '"A" cannot come after itself' },
    ]);
  });

  it('reports a cycle once, spelled out, and no order errors for its modules', () => {
    const problems = problemsOf(
      courseWith([
        mod('a', 'A', { prerequisites: ['c'] }),
        mod('b', 'B', { prerequisites: ['a'] }),
        mod('c', 'C', { prerequisites: ['b'] }),
        mod('d', 'D', { prerequisites: ['a'] }),
      ]),
    );
    expect(problems).toEqual([
      {
        path: 'modules[0].prerequisites[0]',
        message: expect.stringContaining('the prerequisites go round in a circle: a → c → b → a'),
      },
    ]);
  });

  it('asks for a prerequisite to come earlier in the course, since the path follows the course order', () => {
    expect(
      problemsOf(courseWith([mod('b', 'Case study B', { prerequisites: ['a'] }), mod('a', 'Case study A')])),
    ).toEqual([
      {
        path: 'modules[0].prerequisites[0]',
        message: expect.stringMatching(
          /"Case study B" comes after "Case study A", which is further down the course: move "Case study A" above it/,
        ),
      },
    ]);
  });

  it('refuses a choice between a module and its own prerequisite', () => {
    const problems = problemsOf(
      courseWith([mod('a', 'A'), mod('b', 'B', { prerequisites: ['a'] })], {
        rules: [{ id: 'pick', when: 'true', then: { kind: 'offer-choice', modules: ['a', 'b'] }, reason: 'Pick one.' }],
      }),
    );
    expect(problems).toEqual([
      {
        path: 'rules[0].then.modules[1]',
        message: expect.stringMatching(/"B" comes after "A", so they cannot be alternatives/),
      },
    ]);
  });

  it('tells a designer who writes taken(…) in a rule to use prerequisites instead, pointing at the call', () => {
    const problems = problemsOf(
      courseWith([mod('a', 'A'), mod('b', 'B')], {
        rules: [{ id: 'r', when: 'taken(a)', then: { kind: 'skip', modules: ['b'] }, reason: 'Because.' }],
      }),
    );
    expect(problems).toEqual([
      { path: 'rules[0].when', message: expect.stringMatching(/"prerequisites".*at character 1: ⟨here⟩taken\(a\)/) },
    ]);
  });
});

describe('a path with prerequisites', () => {
  const index = loadCourseOrThrow(
    courseWith(
      [
        mod('basics', 'Basics', { audience: ['teller'] }),
        mod('advanced', 'Advanced', { prerequisites: ['basics'] }),
        mod('capstone', 'Capstone', { prerequisites: ['advanced'] }),
        mod('audit', 'Audit', { prerequisites: ['basics'], mandatoryFor: ['admin'] }),
        mod('case-a', 'Case study A'),
        mod('case-x', 'Case study X'),
        mod('case-b', 'Case study B', { prerequisites: ['case-a'] }),
      ],
      {
        rules: [
          {
            id: 'test-out',
            when: 'mastery(basics) >= expert',
            then: { kind: 'skip', modules: ['basics'] },
            reason: 'You know the basics.',
          },
          {
            id: 'pick-case',
            when: 'true',
            then: { kind: 'offer-choice', modules: ['case-a', 'case-x'] },
            reason: 'Pick a case study.',
          },
        ],
      },
    ),
  );

  it('keeps a module after a prerequisite that is on the path, saying what it comes after', () => {
    const path = resolvePath(index, learner('teller'));
    expect(moduleOf(path, 'advanced').status).toBe('required');
    expect(moduleOf(path, 'advanced').reasons).toContainEqual({ kind: 'prerequisite', text: 'Comes after “Basics”.' });
  });

  it('counts a prerequisite the learner tested out of as satisfied', () => {
    const path = resolvePath(index, learner('teller', { mastery: { basics: 'expert' }, scores: { basics: 1 } }));
    expect(moduleOf(path, 'basics').status).toBe('skipped');
    expect(moduleOf(path, 'advanced').status).toBe('required');
    expect(moduleOf(path, 'advanced').reasons).toContainEqual({
      kind: 'prerequisite',
      text: 'Comes after “Basics”, which you tested out of.',
    });
  });

  it('leaves out a module, and what comes after it, when its prerequisite is not on the learner’s path', () => {
    const path = resolvePath(index, learner('admin'));
    expect(moduleOf(path, 'basics').status).toBe('excluded');
    expect(moduleOf(path, 'advanced')).toMatchObject({
      status: 'excluded',
      reasons: expect.arrayContaining([
        { kind: 'prerequisite', text: 'Comes after “Basics”, which is not on your path.' },
      ]),
    });
    expect(moduleOf(path, 'capstone')).toMatchObject({
      status: 'excluded',
      reasons: expect.arrayContaining([
        { kind: 'prerequisite', text: 'Comes after “Advanced”, which is not on your path.' },
      ]),
    });
  });

  it('never leaves out a module mandatory for the learner’s role, and says it is taken without the prerequisite', () => {
    const path = resolvePath(index, learner('admin'));
    expect(moduleOf(path, 'audit').status).toBe('required');
    expect(moduleOf(path, 'audit').reasons).toContainEqual({
      kind: 'prerequisite',
      text: 'You take it without “Basics”, which usually comes first but is not on your path.',
    });
  });

  it('follows the learner’s pick: the case study after the one not picked is left out', () => {
    const before = resolvePath(index, learner('teller'));
    expect(moduleOf(before, 'case-b').status).toBe('required');
    const other = resolvePath(index, learner('teller', { picks: { 'pick-case': 'case-x' } }));
    expect(moduleOf(other, 'case-b')).toMatchObject({
      status: 'excluded',
      reasons: expect.arrayContaining([
        { kind: 'prerequisite', text: 'Comes after “Case study A”, which you did not pick.' },
      ]),
    });
    const picked = resolvePath(index, learner('teller', { picks: { 'pick-case': 'case-a' } }));
    expect(moduleOf(picked, 'case-b').status).toBe('required');
  });

  it('suggests the prerequisite before the module that comes after it', () => {
    const path = resolvePath(index, learner('teller', { picks: { 'pick-case': 'case-a' } }));
    expect(path.next).toMatchObject({ module: 'basics' });
    const later = resolvePath(
      index,
      learner('teller', {
        picks: { 'pick-case': 'case-a' },
        completed: ['basics-l', 'advanced-l', 'capstone-l', 'audit-l'],
      }),
    );
    expect(later.next).toMatchObject({ module: 'case-a' });
  });
});
