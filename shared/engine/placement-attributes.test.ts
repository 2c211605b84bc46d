import { describe, expect, it } from 'vitest';
import type { CourseInput } from '../model';
import { courseAttributes } from './attributes';
import { loadCourse, loadCourseOrThrow } from './course-index';
import { personaState } from './persona-state';
import { playAsPersona } from './persona-play';
import { runPlacement } from './placement';
import { decodeLearnerRecord, encodeLearnerRecord, type LearnerRecord } from './state-codec';

type NodeInput = NonNullable<CourseInput['placement']>['nodes'][number];

const single = (id: string, competency = 'basics') => ({
  type: 'single' as const,
  id,
  prompt: `Question ${id}?`,
  competency,
  choices: [
    { id: 'right', text: 'Right', correct: true },
    { id: 'wrong', text: 'Wrong' },
    // A choice spelt like the course's own attribute: after `answer ==` it is still a choice.
    { id: 'site', text: 'The site' },
  ],
});

/** A bank whose tellers and approvers get different placement tests, and whose north site gets one more question. */
const bank = (first: NodeInput['branches'] = [{ when: 'role == teller', goto: 'cash' }]): CourseInput => ({
  format: 5,
  id: 'bank',
  title: 'Bank',
  settings: {
    roles: ['teller', 'approver'],
    attributes: [
      {
        id: 'site',
        label: 'Which branch do you work at?',
        values: [
          { id: 'north', label: 'North branch' },
          { id: 'south', label: 'South branch' },
        ],
      },
    ],
  },
  competencies: [
    {
      id: 'basics',
      name: 'Basics',
      levels: [
        { id: 'none', name: 'None', minScore: 0 },
        { id: 'expert', name: 'Expert', minScore: 0.8 },
      ],
    },
  ],
  modules: [{ id: 'intro', title: 'Intro', lessons: [{ id: 'intro-l', title: 'L', blocks: [] }] }],
  questions: [single('q-start'), single('q-cash'), single('q-limits'), single('q-vault')],
  placement: {
    title: 'Placement',
    start: 'start',
    nodes: [
      { id: 'start', question: 'q-start', branches: first, next: 'limits' },
      { id: 'cash', question: 'q-cash', branches: [{ when: 'site in [north]', goto: 'vault' }], next: 'end' },
      { id: 'limits', question: 'q-limits', next: 'end' },
      { id: 'vault', question: 'q-vault', next: 'end' },
    ],
  },
  personas: [
    {
      id: 'tom',
      name: 'Tom',
      role: 'teller',
      attributes: { site: 'north' },
      prior: { answers: { 'q-start': 'right', 'q-cash': 'right', 'q-vault': 'wrong' } },
    },
    { id: 'ann', name: 'Ann', role: 'approver', attributes: { site: 'north' } },
  ],
});

const asked = (input: CourseInput, learner: Parameters<typeof runPlacement>[3]) =>
  runPlacement(loadCourseOrThrow(input), () => 'right', {}, learner).steps.map((s) => s.node);

const problemsOf = (input: CourseInput) => {
  const load = loadCourse(input);
  return load.ok ? [] : load.problems;
};

describe('placement branches that read who the learner is', () => {
  it('send each role to its own questions', () => {
    expect(asked(bank(), { role: 'teller', attributes: { site: 'south' } })).toEqual(['start', 'cash']);
    expect(asked(bank(), { role: 'approver', attributes: { site: 'north' } })).toEqual(['start', 'limits']);
  });

  it('read the course’s own attributes as bare names, as rules do', () => {
    expect(asked(bank(), { role: 'teller', attributes: { site: 'north' } })).toEqual(['start', 'cash', 'vault']);
    const bySite = bank([{ when: 'site == south and not correct', goto: 'vault' }]);
    expect(asked(bySite, { role: 'teller', attributes: { site: 'south' } })).toEqual(['start', 'limits']);
    const wrong = runPlacement(loadCourseOrThrow(bySite), () => 'wrong', {}, { attributes: { site: 'south' } });
    expect(wrong.steps.map((s) => s.node)).toEqual(['start', 'vault']);
  });

  it('read department and seniority too', () => {
    const course = bank([{ when: 'seniority == veteran or department == audit', goto: 'vault' }]);
    (course.settings as { departments: string[] }).departments = ['audit'];
    expect(asked(course, { seniority: 'veteran' })).toEqual(['start', 'vault']);
    expect(asked(course, { department: 'audit' })).toEqual(['start', 'vault']);
    expect(asked(course, { seniority: 'new' })).toEqual(['start', 'limits']);
  });

  it('treat a learner who gave nothing as none of the values', () => {
    expect(asked(bank(), {})).toEqual(['start', 'limits']);
  });

  it('keep a choice spelt like an attribute a choice after answer ==', () => {
    const course = bank([{ when: 'answer == site', goto: 'vault' }]);
    expect(problemsOf(course)).toEqual([]);
    const index = loadCourseOrThrow(course);
    expect(runPlacement(index, () => 'site', {}, { attributes: { site: 'north' } }).steps.map((s) => s.node)).toEqual([
      'start',
      'vault',
    ]);
    expect(runPlacement(index, () => 'right', {}, { attributes: { site: 'north' } }).steps.map((s) => s.node)).toEqual([
      'start',
      'limits',
    ]);
  });

  it('point at a misspelt attribute and suggest the one meant', () => {
    expect(problemsOf(bank([{ when: 'sites == north', goto: 'vault' }]))).toEqual([
      {
        path: 'placement.nodes[0].branches[0].when',
        message:
          'there is no variable "sites" in placement branches. Did you mean "site"? (at character 1: ⟨here⟩sites == north)',
      },
    ]);
    expect(problemsOf(bank([{ when: 'rol == teller', goto: 'vault' }]))[0]?.message).toMatch(
      /no variable "rol" in placement branches\. Did you mean "role"\?/,
    );
  });

  it('point at an unknown value or role and suggest the one meant', () => {
    expect(problemsOf(bank([{ when: 'site in [south, nort]', goto: 'vault' }]))).toEqual([
      {
        path: 'placement.nodes[0].branches[0].when',
        message:
          '"nort" is not a known site (known: north, south). Did you mean "north"? (at character 17: site in [south, ⟨here⟩nort])',
      },
    ]);
    expect(problemsOf(bank([{ when: 'role == tellr', goto: 'vault' }]))[0]?.message).toMatch(
      /"tellr" is not a known role \(known: teller, approver\)\. Did you mean "teller"\?/,
    );
  });

  it('refuse ordering a value, as rules do', () => {
    expect(problemsOf(bank([{ when: 'site > north', goto: 'vault' }]))[0]?.message).toMatch(/does not order sites/);
  });

  it('make the intake ask what only a branch reads', () => {
    const site = courseAttributes(loadCourseOrThrow(bank())).find((a) => a.id === 'site');
    expect(site?.readBy).toEqual(['placement question "cash"']);
    expect(site?.options.map((o) => o.label)).toEqual(['North branch', 'South branch']);
  });
});

describe('a learner’s placement along a branch that reads who they are', () => {
  it('is the persona’s own: a persona’s state follows its role and attributes', () => {
    const index = loadCourseOrThrow(bank());
    const tom = index.course.personas.find((p) => p.id === 'tom')!;
    expect(personaState(index, tom).placement.steps.map((s) => s.node)).toEqual(['start', 'cash', 'vault']);
    expect(playAsPersona(index, tom).placement.steps.map((s) => s.node)).toEqual(['start', 'cash', 'vault']);
    const ann = index.course.personas.find((p) => p.id === 'ann')!;
    expect(playAsPersona(index, ann).placement.steps.map((s) => s.node)).toEqual(['start', 'limits']);
  });

  it('is the same in the studio as when the persona plays the package, for a persona that gives no value the branch reads', () => {
    // Tom without a site: the intake asks for it and a persona playing the package gives its first answer (north).
    const course = bank();
    course.personas = [{ ...course.personas![0]!, attributes: {} }];
    const index = loadCourseOrThrow(course);
    const tom = index.course.personas[0]!;
    const played = playAsPersona(index, tom);
    expect(played.placement.steps.map((s) => s.node)).toEqual(['start', 'cash', 'vault']);
    const { state, placement } = personaState(index, tom);
    expect(placement.steps.map((s) => s.node)).toEqual(played.placement.steps.map((s) => s.node));
    expect(state.attributes).toEqual({ site: 'north' });
  });

  it('survives saving and resuming: answers are read back along the learner’s own branch', () => {
    const index = loadCourseOrThrow(bank());
    const record: LearnerRecord = {
      role: 'teller',
      attributes: { site: 'north' },
      needs: { captions: false, audio: false, reducedMotion: false },
      prior: {},
      // start, cash, vault: a flow only a north teller is asked.
      answers: ['right', 'wrong', 'site'],
      takeAnyway: [],
      formats: {},
      picks: {},
      completed: [],
      checks: {},
    };
    const decoded = decodeLearnerRecord(index, encodeLearnerRecord(index, record));
    expect(decoded.answers).toEqual(record.answers);
    expect(decoded.attributes).toEqual({ site: 'north' });
    expect(decoded.role).toBe('teller');
  });
});
