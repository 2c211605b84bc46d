import { labelOf } from '../../../../shared/engine/attributes';
import {
  persona as personaSchema,
  type Answer,
  type Competency,
  type Course,
  type Format,
  type Persona,
  type Question,
} from '../../../../shared/model';
import type { Edit, Segment } from '../../../../shared/ops';

/**
 * What the personas editor does to a course, as edits: each control of a persona card turns the designer's pick into
 * one of these, so the rules (answers only from the question's own choices, levels only of the competency, no empty
 * name) live here, apart from the Blueprint controls that show them.
 */

const personaPath = (persona: Pick<Persona, 'id'>): Segment[] => ['personas', { id: persona.id }];

/** The first free `persona-<n>`, counting on from the number of personas. */
export function nextPersonaId(personas: readonly Pick<Persona, 'id'>[]): string {
  const ids = new Set(personas.map((p) => p.id));
  for (let n = personas.length + 1; ; n++) if (!ids.has(`persona-${n}`)) return `persona-${n}`;
}

/**
 * A new persona in the course's first role (or `learner`), parsed, so the optimistic snapshot has every default the
 * backend's copy will have.
 */
export function addPersona(course: Pick<Course, 'personas' | 'settings'>): {
  readonly id: string;
  readonly edit: Edit;
} {
  const id = nextPersonaId(course.personas);
  const role = course.settings.roles[0] ?? 'learner';
  return {
    id,
    edit: {
      op: { kind: 'insert', path: ['personas'], value: personaSchema.parse({ id, name: `New ${role}`, role }) },
      label: 'Add a persona',
    },
  };
}

export function removePersona(persona: Pick<Persona, 'id' | 'name'>): Edit {
  return { op: { kind: 'remove', path: personaPath(persona) }, label: `Delete persona "${persona.name}"` };
}

/** The persona's name as typed: null while it is blank (the course refuses a nameless persona), else a merged edit. */
export function renamePersona(persona: Pick<Persona, 'id'>, name: string): Edit | null {
  if (name.trim() === '') return null;
  return {
    op: { kind: 'set', path: [...personaPath(persona), 'name'], value: name },
    label: 'Rename persona',
    merge: `persona-name-${persona.id}`,
  };
}

/** The note on who the persona stands for (may be empty), merged while typing. */
export function describePersona(persona: Pick<Persona, 'id'>, description: string): Edit {
  return {
    op: { kind: 'set', path: [...personaPath(persona), 'description'], value: description },
    label: 'Change the persona note',
    merge: `persona-note-${persona.id}`,
  };
}

export interface Option {
  readonly value: string;
  readonly label: string;
}

/** The roles to pick from, by the course's own names; the persona's own role stays listed if the course dropped it. */
export function roleOptions(course: Pick<Course, 'settings'>, persona: Pick<Persona, 'role'>): Option[] {
  return [...new Set([persona.role, ...course.settings.roles])].map((r) => ({ value: r, label: labelOf(course, r) }));
}

/** The departments to pick from, after "Any" (no department). */
export function departmentOptions(course: Pick<Course, 'settings'>): Option[] {
  return [
    { value: '', label: 'Any' },
    ...course.settings.departments.map((d) => ({ value: d, label: labelOf(course, d) })),
  ];
}

/** Role, department, seniority or preferred format; an empty pick clears an optional one (department, format). */
export type AttributeField = 'role' | 'department' | 'seniority' | 'preferredFormat';

const ATTRIBUTE_WORDS: Record<AttributeField, string> = {
  role: 'role',
  department: 'department',
  seniority: 'seniority',
  preferredFormat: 'format',
};

export function setAttribute(persona: Pick<Persona, 'id' | 'name'>, field: AttributeField, value: string): Edit {
  const path = [...personaPath(persona), field];
  const words = `${persona.name}'s ${ATTRIBUTE_WORDS[field]}`;
  if (value === '' && (field === 'department' || field === 'preferredFormat'))
    return { op: { kind: 'remove', path }, label: `Clear ${words}` };
  return { op: { kind: 'set', path, value }, label: `Change ${words}` };
}

/** One of the course's own learner attributes, as the persona card asks it: its question, then "Not given" and its values. */
export interface DeclaredAttributeField {
  readonly id: string;
  readonly label: string;
  readonly options: readonly Option[];
}

export function declaredAttributeFields(course: Pick<Course, 'settings'>): DeclaredAttributeField[] {
  return (course.settings.attributes ?? []).map((a) => ({
    id: a.id,
    label: a.label,
    options: [{ value: '', label: 'Not given' }, ...a.values.map((v) => ({ value: v.id, label: v.label }))],
  }));
}

/** A value of one of the course's own attributes for the persona; an empty pick clears it. */
export function setDeclaredAttribute(
  persona: Pick<Persona, 'id' | 'name' | 'attributes'>,
  attribute: Pick<DeclaredAttributeField, 'id' | 'label'>,
  value: string,
): Edit {
  const { [attribute.id]: _dropped, ...others } = persona.attributes ?? {};
  const attributes = value === '' ? others : { ...others, [attribute.id]: value };
  const path = [...personaPath(persona), 'attributes'];
  const label = `${value === '' ? 'Clear' : 'Change'} ${persona.name}'s answer to "${attribute.label}"`;
  return Object.keys(attributes).length
    ? { op: { kind: 'set', path, value: attributes }, label }
    : { op: { kind: 'remove', path }, label };
}

export type Need = keyof Persona['needs'];

export function setNeed(persona: Pick<Persona, 'id' | 'name' | 'needs'>, need: Need, on: boolean): Edit {
  return {
    op: { kind: 'set', path: [...personaPath(persona), 'needs'], value: { ...persona.needs, [need]: on } },
    label: `Change ${persona.name}'s needs`,
  };
}

/** The placement test's questions, in the course's order: the ones an answer profile answers. */
export function placementQuestions(course: Pick<Course, 'placement' | 'questions'>): Question[] {
  const ids = new Set(course.placement?.nodes.map((n) => n.question));
  return course.questions.filter((q) => ids.has(q.id));
}

/** How the persona's prior knowledge is described: by answers to the placement test, or by a level per competency. */
export type PriorMode = 'answers' | 'levels';

/**
 * Answers when the persona has some, or when the course has a placement test and the persona names no levels (a new
 * persona then answers the test); levels otherwise.
 */
export function priorMode(course: Pick<Course, 'placement'>, persona: Pick<Persona, 'prior'>): PriorMode {
  return Object.keys(persona.prior.answers).length > 0 ||
    (course.placement !== undefined && Object.keys(persona.prior.mastery).length === 0)
    ? 'answers'
    : 'levels';
}

/** Switching the mode starts afresh: no answers yet, or every competency at its first level. */
export function switchPriorMode(
  course: Pick<Course, 'competencies'>,
  persona: Pick<Persona, 'id' | 'name'>,
  mode: PriorMode,
): Edit {
  const prior =
    mode === 'levels'
      ? { mastery: Object.fromEntries(course.competencies.map((c) => [c.id, c.levels[0]!.id])), answers: {} }
      : { mastery: {}, answers: {} };
  return {
    op: { kind: 'set', path: [...personaPath(persona), 'prior'], value: prior },
    label: `Describe what ${persona.name} knows by ${mode === 'levels' ? 'levels' : 'answers'}`,
  };
}

/** The persona's level in a competency: the one named, else the competency's first. */
export function levelOf(persona: Pick<Persona, 'prior'>, competency: Pick<Competency, 'id' | 'levels'>): string {
  return persona.prior.mastery[competency.id] ?? competency.levels[0]!.id;
}

/** A level of that competency for the persona; null for a level the competency does not have. */
export function setLevel(
  persona: Pick<Persona, 'id' | 'name' | 'prior'>,
  competency: Pick<Competency, 'id' | 'levels'>,
  level: string,
): Edit | null {
  if (!competency.levels.some((l) => l.id === level)) return null;
  return {
    op: {
      kind: 'set',
      path: [...personaPath(persona), 'prior'],
      value: { ...persona.prior, mastery: { ...persona.prior.mastery, [competency.id]: level } },
    },
    label: `Change ${persona.name}'s level`,
  };
}

/** One answer a question can be given: its value in a picker, what it says, and the answer recorded. */
export interface AnswerOption extends Option {
  readonly answer: Answer;
}

/**
 * The answers a question can be given, from its own choices (the right ones marked); null where a profile cannot
 * pick one from a list (typed and arranged answers: fill-in, matching, ordering) or where it picks several (multiple).
 */
export function answerOptions(q: Question): AnswerOption[] | null {
  switch (q.type) {
    case 'single':
      return q.choices.map((c) => ({
        value: c.id,
        label: `${c.id}: ${c.text.slice(0, 50)}${c.correct ? ' (right)' : ''}`,
        answer: c.id,
      }));
    case 'true-false':
      return [
        { value: 'true', label: `True${q.answer ? ' (right)' : ''}`, answer: true },
        { value: 'false', label: `False${!q.answer ? ' (right)' : ''}`, answer: false },
      ];
    case 'likert':
      return Array.from({ length: q.points }, (_, i) => ({
        value: String(i + 1),
        label: `${i + 1} of ${q.points}`,
        answer: i + 1,
      }));
    default:
      return null;
  }
}

const answerLabel = (persona: Pick<Persona, 'name'>, question: Pick<Question, 'id'>) =>
  `${persona.name}'s answer to ${question.id}`;

const answerPath = (persona: Pick<Persona, 'id'>, question: Pick<Question, 'id'>): Segment[] => [
  ...personaPath(persona),
  'prior',
  'answers',
  question.id,
];

/**
 * The answer picked from a question's list (by the option's value): set when it is one of the question's own answers,
 * cleared for "no answer" (''); null for anything else, which is never recorded.
 */
export function pickAnswer(persona: Pick<Persona, 'id' | 'name'>, question: Question, value: string): Edit | null {
  const label = answerLabel(persona, question);
  if (value === '') return { op: { kind: 'remove', path: answerPath(persona, question) }, label: `Clear ${label}` };
  const option = answerOptions(question)?.find((o) => o.value === value);
  if (!option) return null;
  return { op: { kind: 'set', path: answerPath(persona, question), value: option.answer }, label: `Change ${label}` };
}

/** The choices picked in a multiple-answer question, in the question's order; [] when the answer is not a list. */
export function pickedChoices(persona: Pick<Persona, 'prior'>, question: Pick<Question, 'id'>): string[] {
  const current = persona.prior.answers[question.id];
  return Array.isArray(current) ? current : [];
}

/** One choice of a multiple-answer question ticked or unticked; null for a question without that choice. */
export function toggleChoice(
  persona: Pick<Persona, 'id' | 'name' | 'prior'>,
  question: Question,
  choice: string,
  on: boolean,
): Edit | null {
  if (question.type !== 'multiple' || !question.choices.some((c) => c.id === choice)) return null;
  const picked = pickedChoices(persona, question);
  const next = question.choices.map((c) => c.id).filter((id) => (id === choice ? on : picked.includes(id)));
  return {
    op: { kind: 'set', path: answerPath(persona, question), value: next },
    label: `Change ${answerLabel(persona, question)}`,
  };
}

/**
 * Why the persona's recorded answer to this question is not one it can give (a choice since removed, a number past the
 * scale, the wrong kind of answer), in the designer's words; null when it is fine or there is none.
 */
export function answerProblem(persona: Pick<Persona, 'prior'>, question: Question): string | null {
  const answer = persona.prior.answers[question.id];
  if (answer === undefined) return null;
  if (question.type === 'multiple') {
    if (!Array.isArray(answer)) return 'This answer is not a set of choices: tick the choices again.';
    const unknown = answer.filter((id) => !question.choices.some((c) => c.id === id));
    return unknown.length ? `No longer a choice of this question: ${unknown.join(', ')}.` : null;
  }
  const options = answerOptions(question);
  if (!options) return null;
  if (options.some((o) => o.answer === answer)) return null;
  return `"${String(answer)}" is not one of this question's answers: pick one again.`;
}

/** Every answer problem of a persona, by question id, over the placement test's questions. */
export function answerProblems(course: Pick<Course, 'placement' | 'questions'>, persona: Pick<Persona, 'prior'>) {
  return placementQuestions(course).flatMap((q) => {
    const problem = answerProblem(persona, q);
    return problem ? [{ question: q.id, problem }] : [];
  });
}

/** The formats a persona may prefer, after "No preference". */
export function formatOptions(formats: readonly Format[]): Option[] {
  return [{ value: '', label: 'No preference' }, ...formats.map((f) => ({ value: f, label: f }))];
}
