import { NEEDS, SENIORITY_VALUES } from '../../../../shared/engine/expr';
import { FORMATS, type Course } from '../../../../shared/model';
import type { ConditionPlace } from './check-condition';

/** One name the designer may type here, with what it is in their words. */
export interface ConditionOption {
  readonly label: string;
  readonly type: 'function' | 'variable' | 'keyword' | 'constant' | 'enum';
  readonly detail: string;
  /** Text inserted instead of the label (e.g. `mastery(` for a function). */
  readonly apply?: string;
}

export interface ConditionCompletion {
  /** Where the word being completed starts. */
  readonly from: number;
  readonly options: readonly ConditionOption[];
}

const FUNCTIONS: Record<ConditionPlace['context'], readonly [string, string][]> = {
  rule: [
    ['mastery', 'level reached in a competency'],
    ['score', 'placement score in a competency, 0 to 1'],
    ['needs', 'an access need: captions, audio, reduced-motion'],
    ['prefers', 'a preferred format: video, text, audio'],
  ],
  placement: [
    ['mastery', 'level so far in a competency'],
    ['score', 'score so far in a competency, 0 to 1'],
    ['misses', 'wrong answers so far in a competency'],
    ['hits', 'right answers so far in a competency'],
    ['asked', 'questions asked so far in a competency'],
  ],
};
/** Who the learner is: the intake asks it before the placement test, so branches read it as rules do. */
const LEARNER_VARIABLES: readonly [string, string][] = [
  ['role', "the learner's role"],
  ['department', "the learner's department"],
  ['seniority', 'new, experienced or veteran'],
];
const VARIABLES: Record<ConditionPlace['context'], readonly [string, string][]> = {
  rule: LEARNER_VARIABLES,
  placement: [
    ['correct', 'the answer just given was right'],
    ['answer', 'the choice just picked'],
    ...LEARNER_VARIABLES,
  ],
};
const COMPETENCY_FUNCTIONS = new Set(['mastery', 'score', 'misses', 'hits', 'asked']);

/** The course's own names that fit at `pos`: competencies inside mastery(…), levels after it, roles after role ==… */
export function completeCondition(
  source: string,
  pos: number,
  course: Course,
  place: ConditionPlace,
): ConditionCompletion | null {
  const before = source.slice(0, pos);
  const word = /[A-Za-z0-9_-]*$/.exec(before)![0];
  const from = pos - word.length;
  const head = before.slice(0, from);

  const competencies = (): ConditionOption[] =>
    course.competencies.map((c) => ({ label: c.id, type: 'variable', detail: c.name }));
  const levelsOf = (id: string): ConditionOption[] =>
    (course.competencies.find((c) => c.id === id)?.levels ?? []).map((l) => ({
      label: l.id,
      type: 'enum',
      detail: `${l.name} (from ${Math.round(l.minScore * 100)}%)`,
    }));
  const valuesOf = (variable: string): ConditionOption[] | null => {
    const of = (values: readonly string[], detail: string): ConditionOption[] =>
      values.map((v) => ({ label: v, type: 'enum', detail }));
    if (place.context === 'placement' && variable === 'answer') {
      const question = course.questions.find((q) => q.id === place.question);
      return question && 'choices' in question
        ? question.choices.map((c) => ({ label: c.id, type: 'enum', detail: c.text.slice(0, 60) }))
        : null;
    }
    if (variable === 'role') return of(course.settings.roles, 'role');
    if (variable === 'department') return of(course.settings.departments, 'department');
    if (variable === 'seniority') return of(SENIORITY_VALUES, 'seniority');
    const declared = (course.settings.attributes ?? []).find((a) => a.id === variable);
    if (declared) return declared.values.map((v) => ({ label: v.id, type: 'enum', detail: v.label }));
    return null;
  };

  const call = /([A-Za-z_][A-Za-z0-9_-]*)\(\s*$/.exec(head);
  if (call) {
    const fn = call[1]!;
    if (COMPETENCY_FUNCTIONS.has(fn)) return { from, options: competencies() };
    if (fn === 'needs') return { from, options: NEEDS.map((n) => ({ label: n, type: 'enum', detail: 'access need' })) };
    if (fn === 'prefers') return { from, options: FORMATS.map((f) => ({ label: f, type: 'enum', detail: 'format' })) };
    return null;
  }

  const compared =
    /mastery\(\s*([A-Za-z0-9_-]+)\s*\)\s*(?:==|!=|<=|>=|<|>|(?:not\s+)?in\s*\[[^\]]*?)\s*(?:,\s*)?$/.exec(head);
  if (compared) return { from, options: levelsOf(compared[1]!) };
  const variable = /(?:^|[^A-Za-z0-9_-])([a-z][a-z0-9_-]*)\s*(?:==|!=|(?:not\s+)?in\s*\[[^\]]*?)\s*(?:,\s*)?$/.exec(
    head,
  );
  if (variable) {
    const values = valuesOf(variable[1]!);
    if (values) return { from, options: values };
  }

  // After a value, only a joining word fits; at the start of a test, functions, variables and `not`.
  const afterValue = /[A-Za-z0-9_)\]"'-]\s+$/.test(head) && !/\b(and|or|not|in)\s+$/.test(head);
  if (afterValue)
    return {
      from,
      options: ['and', 'or', 'in', 'not in'].map((k) => ({ label: k, type: 'keyword', detail: 'joins tests' })),
    };
  return {
    from,
    options: [
      ...FUNCTIONS[place.context].map(([label, detail]): ConditionOption => ({
        label,
        type: 'function',
        detail,
        apply: `${label}(`,
      })),
      ...VARIABLES[place.context].map(([label, detail]): ConditionOption => ({ label, type: 'variable', detail })),
      // The course's own learner attributes, each described by the question the intake asks.
      ...(course.settings.attributes ?? []).map((a): ConditionOption => ({
        label: a.id,
        type: 'variable',
        detail: a.label,
      })),
      { label: 'not', type: 'keyword', detail: 'the opposite of the next test' },
      { label: 'true', type: 'constant', detail: 'always' },
    ],
  };
}
