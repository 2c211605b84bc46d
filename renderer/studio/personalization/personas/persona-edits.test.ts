import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { course as courseSchema, type Course, type Persona, type Question } from '../../../../shared/model';
import { applyOp, type Edit } from '../../../../shared/ops';
import {
  addPersona,
  answerOptions,
  answerProblem,
  answerProblems,
  departmentOptions,
  describePersona,
  levelOf,
  nextPersonaId,
  pickAnswer,
  pickedChoices,
  placementQuestions,
  priorMode,
  removePersona,
  renamePersona,
  roleOptions,
  setAttribute,
  setDeclaredAttribute,
  declaredAttributeFields,
  setLevel,
  setNeed,
  switchPriorMode,
  toggleChoice,
} from './persona-edits';

const example = (): Course =>
  courseSchema.parse(
    JSON.parse(
      readFileSync(new URL('../../../../resources/examples/purchase-approvals/course.json', import.meta.url), 'utf8'),
    ),
  );

/** The course after the edit, as the studio and the backend apply it (the op checks what it touched). */
const after = (course: Course, edit: Edit | null): Course => {
  expect(edit).not.toBeNull();
  return applyOp(course, edit!.op).course;
};

const personaIn = (course: Course, id: string): Persona => course.personas.find((p) => p.id === id)!;
const questionIn = (course: Course, id: string): Question => course.questions.find((q) => q.id === id)!;

describe('adding and removing a persona', () => {
  it('adds a persona in the first role, with the defaults the backend gives, and selects it by its new id', () => {
    const course = example();
    const { id, edit } = addPersona(course);
    const next = after(course, edit);
    expect(id).toBe('persona-5');
    expect(personaIn(next, id)).toEqual({
      id,
      name: 'New requester',
      description: '',
      role: 'requester',
      seniority: 'new',
      prior: { mastery: {}, answers: {} },
      needs: { captions: false, audio: false, reducedMotion: false },
    });
  });

  it('gives a course without roles a learner', () => {
    const course = example();
    const bare = { ...course, settings: { ...course.settings, roles: [] } };
    expect(addPersona(bare).edit.op).toMatchObject({ value: { role: 'learner', name: 'New learner' } });
  });

  it('skips an id already taken when numbering the next persona', () => {
    expect(nextPersonaId([{ id: 'a' }, { id: 'persona-3' }])).toBe('persona-4');
    expect(nextPersonaId([])).toBe('persona-1');
  });

  it('removes exactly the persona named, by id', () => {
    const course = example();
    const next = after(course, removePersona(personaIn(course, 'victor')));
    expect(next.personas.map((p) => p.id)).toEqual(['nadia', 'ben', 'rosa']);
  });
});

describe('editing who a persona is', () => {
  it('renames as the designer types, one undo step per typing burst', () => {
    const course = example();
    const edit = renamePersona(personaIn(course, 'nadia'), 'Nadia, buyer');
    expect(edit?.merge).toBe('persona-name-nadia');
    expect(personaIn(after(course, edit), 'nadia').name).toBe('Nadia, buyer');
  });

  it('keeps a blank name out of the course', () => {
    expect(renamePersona({ id: 'nadia' }, '   ')).toBeNull();
  });

  it('may leave the note on who they stand for empty', () => {
    const course = example();
    expect(personaIn(after(course, describePersona(personaIn(course, 'ben'), '')), 'ben').description).toBe('');
  });

  it('changes role and seniority, and clears an optional department or format with an empty pick', () => {
    const course = example();
    const nadia = personaIn(course, 'nadia');
    let next = after(course, setAttribute(nadia, 'role', 'approver'));
    next = after(next, setAttribute(nadia, 'seniority', 'veteran'));
    next = after(next, setAttribute(nadia, 'department', ''));
    next = after(next, setAttribute(nadia, 'preferredFormat', ''));
    const changed = personaIn(next, 'nadia');
    expect(changed).toMatchObject({ role: 'approver', seniority: 'veteran' });
    expect(changed).not.toHaveProperty('department');
    expect(changed).not.toHaveProperty('preferredFormat');
    expect(setAttribute(nadia, 'department', '').label).toBe("Clear Nadia, new buyer's department");
  });

  it('sets and clears a persona’s answer to one of the course’s own attributes, offered by its labels', () => {
    const course = example();
    course.settings.attributes = [
      {
        id: 'site',
        label: 'Which site do you work at?',
        values: [
          { id: 'north', label: 'North plant' },
          { id: 'south', label: 'South warehouse' },
        ],
      },
    ];
    const [site] = declaredAttributeFields(course);
    expect(site).toEqual({
      id: 'site',
      label: 'Which site do you work at?',
      options: [
        { value: '', label: 'Not given' },
        { value: 'north', label: 'North plant' },
        { value: 'south', label: 'South warehouse' },
      ],
    });
    const set = setDeclaredAttribute(personaIn(course, 'nadia'), site!, 'south');
    expect(set.label).toBe('Change Nadia, new buyer\'s answer to "Which site do you work at?"');
    const next = after(course, set);
    expect(personaIn(next, 'nadia').attributes).toEqual({ site: 'south' });
    const cleared = after(next, setDeclaredAttribute(personaIn(next, 'nadia'), site!, ''));
    expect(personaIn(cleared, 'nadia')).not.toHaveProperty('attributes');
  });

  it('refuses a seniority the course does not know (the op checks the persona)', () => {
    const course = example();
    expect(() => after(course, setAttribute(personaIn(course, 'nadia'), 'seniority', 'ancient'))).toThrow();
  });

  it('turns one need on without touching the others', () => {
    const course = example();
    const next = after(course, setNeed(personaIn(course, 'rosa'), 'captions', true));
    expect(personaIn(next, 'rosa').needs).toEqual({ captions: true, audio: false, reducedMotion: false });
  });

  it('lists the roles by the course’s own names, keeping a role the course has since dropped', () => {
    const course = example();
    const labelled = { ...course, settings: { ...course.settings, labels: { approver: 'Budget holder' } } };
    expect(roleOptions(labelled, { role: 'auditor' })).toEqual([
      { value: 'auditor', label: 'auditor' },
      { value: 'requester', label: 'requester' },
      { value: 'buyer', label: 'buyer' },
      { value: 'approver', label: 'Budget holder' },
    ]);
    expect(departmentOptions(course).map((o) => o.value)).toEqual(['', 'operations', 'procurement', 'finance']);
  });
});

describe('what a persona already knows', () => {
  it('answers the placement test when it has answers, or has no levels in a course with a test', () => {
    const course = example();
    expect(priorMode(course, personaIn(course, 'nadia'))).toBe('answers');
    expect(priorMode(course, personaIn(course, 'rosa'))).toBe('levels');
    expect(priorMode(course, { prior: { mastery: {}, answers: {} } })).toBe('answers');
    const withoutTest: Pick<Course, 'placement'> = {};
    expect(priorMode(withoutTest, { prior: { mastery: {}, answers: {} } })).toBe('levels');
  });

  it('starts every competency at its first level when switched to levels, and drops the answers', () => {
    const course = example();
    const next = after(course, switchPriorMode(course, personaIn(course, 'nadia'), 'levels'));
    expect(personaIn(next, 'nadia').prior).toEqual({
      mastery: { policy: 'none', thresholds: 'none', vendors: 'none', negotiation: 'none' },
      answers: {},
    });
  });

  it('sets a level of that competency only, keeping the others', () => {
    const course = example();
    const rosa = personaIn(course, 'rosa');
    const policy = course.competencies.find((c) => c.id === 'policy')!;
    const next = after(course, setLevel(rosa, policy, 'expert'));
    expect(personaIn(next, 'rosa').prior.mastery).toEqual({ ...rosa.prior.mastery, policy: 'expert' });
    expect(levelOf(personaIn(next, 'rosa'), policy)).toBe('expert');
    expect(setLevel(rosa, policy, 'grandmaster')).toBeNull();
  });

  it('reads a competency the persona names no level in at its first level', () => {
    const course = example();
    expect(levelOf(personaIn(course, 'nadia'), course.competencies[0]!)).toBe('none');
  });
});

describe('an answer profile for the placement test', () => {
  it('answers the placement questions only, in the course’s order', () => {
    const ids = placementQuestions(example()).map((q) => q.id);
    expect(ids).toContain('p-policy-1');
    expect(ids).not.toContain('k-three-questions');
    expect(ids.indexOf('p-policy-1')).toBeLessThan(ids.indexOf('p-vendor-2'));
  });

  it('offers each question’s own answers, the right ones marked', () => {
    const course = example();
    expect(answerOptions(questionIn(course, 'p-policy-1'))!.map((o) => [o.value, o.answer])).toEqual([
      ['a', 'a'],
      ['b', 'b'],
      ['c', 'c'],
    ]);
    expect(answerOptions(questionIn(course, 'p-policy-1'))![0]!.label).toMatch(/\(right\)$/);
    expect(answerOptions(questionIn(course, 'p-thr-2'))!.map((o) => o.label)).toEqual(['True', 'False (right)']);
    expect(answerOptions(questionIn(course, 'p-negotiation-self'))!.map((o) => o.answer)).toEqual([1, 2, 3, 4, 5]);
    expect(answerOptions(questionIn(course, 'p-vendor-2'))).toBeNull();
  });

  it('records the picked answer as the question’s own value (a boolean, a number), and clears it with no answer', () => {
    const course = example();
    const rosa = personaIn(course, 'rosa');
    let next = after(course, pickAnswer(rosa, questionIn(course, 'p-thr-2'), 'true'));
    next = after(next, pickAnswer(rosa, questionIn(course, 'p-negotiation-self'), '4'));
    expect(personaIn(next, 'rosa').prior.answers).toEqual({ 'p-thr-2': true, 'p-negotiation-self': 4 });
    next = after(next, pickAnswer(rosa, questionIn(course, 'p-thr-2'), ''));
    expect(personaIn(next, 'rosa').prior.answers).toEqual({ 'p-negotiation-self': 4 });
  });

  it('never records an answer the question does not offer', () => {
    const course = example();
    const nadia = personaIn(course, 'nadia');
    expect(pickAnswer(nadia, questionIn(course, 'p-policy-1'), 'z')).toBeNull();
    expect(pickAnswer(nadia, questionIn(course, 'p-negotiation-self'), '6')).toBeNull();
    expect(pickAnswer(nadia, questionIn(course, 'p-vendor-2'), 'bank')).toBeNull();
  });

  it('ticks and unticks choices of a multiple-answer question, kept in the question’s order', () => {
    const course = example();
    const question = questionIn(course, 'p-vendor-2');
    const nadia = personaIn(course, 'nadia');
    let next = after(course, toggleChoice(nadia, question, 'coi', true));
    next = after(next, toggleChoice(personaIn(next, 'nadia'), question, 'sanctions', true));
    expect(pickedChoices(personaIn(next, 'nadia'), question)).toEqual(['sanctions', 'coi']);
    next = after(next, toggleChoice(personaIn(next, 'nadia'), question, 'sanctions', false));
    expect(pickedChoices(personaIn(next, 'nadia'), question)).toEqual(['coi']);
    expect(toggleChoice(nadia, question, 'bribe', true)).toBeNull();
    expect(toggleChoice(nadia, questionIn(course, 'p-policy-1'), 'a', true)).toBeNull();
  });

  it('finds no problem in the example’s answer profiles', () => {
    const course = example();
    for (const persona of course.personas) expect(answerProblems(course, persona)).toEqual([]);
  });

  it('says which recorded answers the questions no longer offer', () => {
    const course = example();
    const stale: Persona['prior'] = {
      mastery: {},
      answers: { 'p-policy-1': 'd', 'p-thr-2': 'yes', 'p-negotiation-self': 7, 'p-vendor-2': ['bank', 'gifts'] },
    };
    expect(answerProblems(course, { prior: stale })).toEqual([
      { question: 'p-policy-1', problem: expect.stringContaining('"d" is not one of') },
      { question: 'p-thr-2', problem: expect.stringContaining('"yes" is not one of') },
      { question: 'p-vendor-2', problem: 'No longer a choice of this question: gifts.' },
      { question: 'p-negotiation-self', problem: expect.stringContaining('"7" is not one of') },
    ]);
    expect(
      answerProblem({ prior: { mastery: {}, answers: { 'p-vendor-2': 'bank' } } }, questionIn(course, 'p-vendor-2')),
    ).toMatch(/not a set of choices/);
  });
});
