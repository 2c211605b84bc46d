import { Button, HTMLSelect, InputGroup, Classes } from '@blueprintjs/core';
import { Cross, Plus } from '@blueprintjs/icons';
import type { ReactNode } from 'react';
import { NEEDS, SENIORITY_VALUES, printExpr, type CompareOp, type Expr } from '../../../../shared/engine/expr';
import { FORMATS, type Course } from '../../../../shared/model';
import { builderModel, modelToExpr, type BuilderModel, type BuilderSubject, type BuilderTest } from './builder-model';

export interface ConditionBuilderProps {
  /** The parsed condition; null while the text does not parse (the builder then waits). */
  readonly ast: Expr | null;
  readonly course: Course;
  readonly label: string;
  readonly readOnly?: boolean;
  readonly onChange: (source: string) => void;
}

const OPS: readonly [CompareOp, string][] = [
  ['>=', 'is at least'],
  ['>', 'is above'],
  ['==', 'is'],
  ['!=', 'is not'],
  ['<=', 'is at most'],
  ['<', 'is below'],
];

function subjectKey(s: BuilderSubject): string {
  if ('competency' in s) return `${s.kind}:${s.competency}`;
  if (s.kind === 'variable') return `variable:${s.name}`;
  return `${s.kind}:${s.what}`;
}

function subjectOptions(course: Course): { value: string; label: string }[] {
  return [
    ...course.competencies.map((c) => ({ value: `mastery:${c.id}`, label: `Level in ${c.name}` })),
    ...course.competencies.map((c) => ({ value: `score:${c.id}`, label: `Score in ${c.name}` })),
    { value: 'variable:role', label: 'Role' },
    { value: 'variable:department', label: 'Department' },
    { value: 'variable:seniority', label: 'Seniority' },
    ...NEEDS.map((n) => ({ value: `needs:${n}`, label: `Needs ${n.replace('-', ' ')}` })),
    ...FORMATS.map((f) => ({ value: `prefers:${f}`, label: `Prefers ${f}` })),
  ];
}

function valuesFor(subject: BuilderSubject, course: Course): string[] | null {
  if (subject.kind === 'mastery')
    return course.competencies.find((c) => c.id === subject.competency)?.levels.map((l) => l.id) ?? [];
  if (subject.kind === 'variable') {
    if (subject.name === 'role') return [...course.settings.roles];
    if (subject.name === 'department') return [...course.settings.departments];
    return [...SENIORITY_VALUES];
  }
  return null;
}

/** A fresh test for a subject the designer picked: the first value it can take. */
function testFor(key: string, course: Course): BuilderTest {
  const [kind, name = ''] = key.split(':') as [string, string];
  if (kind === 'needs' || kind === 'prefers') return { kind: 'flag', subject: { kind, what: name }, negated: false };
  const subject: BuilderSubject =
    kind === 'mastery' || kind === 'score'
      ? { kind, competency: name }
      : { kind: 'variable', name: name as 'role' | 'department' | 'seniority' };
  const values = valuesFor(subject, course);
  const ordered = subject.kind !== 'variable';
  return { kind: 'compare', subject, op: ordered ? '>=' : '==', value: values?.[values.length > 2 ? 2 : 0] ?? '0.5' };
}

/** The same condition as dropdowns: each test a row, joined by all/any; it writes text the engine parses. */
export function ConditionBuilder({ ast, course, label, readOnly, onChange }: ConditionBuilderProps): ReactNode {
  if (!ast)
    return <p className={`condition-builder-waiting ${Classes.TEXT_MUTED}`}>Fix the condition to edit it here.</p>;
  const model = builderModel(ast);
  const commit = (next: BuilderModel) => onChange(printExpr(modelToExpr(next)));
  const setRow = (i: number, test: BuilderTest) =>
    commit({ ...model, rows: model.rows.map((row, j) => (j === i ? { ...row, test } : row)) });
  const options = subjectOptions(course);

  return (
    <fieldset className="condition-builder" aria-label={label}>
      <legend className="visually-hidden">{label}</legend>
      {model.rows.length > 1 && (
        <HTMLSelect
          aria-label="How the tests combine"
          value={model.join}
          disabled={readOnly}
          options={[
            { value: 'and', label: 'All of these' },
            { value: 'or', label: 'Any of these' },
          ]}
          onChange={(e) => commit({ ...model, join: e.currentTarget.value as 'and' | 'or' })}
        />
      )}
      {model.rows.length === 0 && <p className={Classes.TEXT_MUTED}>Always: applies to every learner.</p>}
      <ol className="condition-builder-rows">
        {model.rows.map((row, i) => {
          const test = row.test;
          const n = i + 1;
          return (
            <li key={i} className="condition-builder-row">
              {test ? (
                <>
                  <HTMLSelect
                    aria-label={`Test ${n}: what it looks at`}
                    value={subjectKey(test.subject)}
                    disabled={readOnly}
                    options={options}
                    onChange={(e) => setRow(i, testFor(e.currentTarget.value, course))}
                  />
                  {test.kind === 'flag' ? (
                    <HTMLSelect
                      aria-label={`Test ${n}: yes or no`}
                      value={test.negated ? 'no' : 'yes'}
                      disabled={readOnly}
                      options={[
                        { value: 'yes', label: 'yes' },
                        { value: 'no', label: 'no' },
                      ]}
                      onChange={(e) => setRow(i, { ...test, negated: e.currentTarget.value === 'no' })}
                    />
                  ) : (
                    <>
                      <HTMLSelect
                        aria-label={`Test ${n}: comparison`}
                        value={test.op}
                        disabled={readOnly}
                        options={(test.subject.kind === 'variable'
                          ? OPS.filter(([op]) => op === '==' || op === '!=')
                          : OPS
                        ).map(([value, text]) => ({ value, label: text }))}
                        onChange={(e) => setRow(i, { ...test, op: e.currentTarget.value as CompareOp })}
                      />
                      {valuesFor(test.subject, course) ? (
                        <HTMLSelect
                          aria-label={`Test ${n}: value`}
                          value={test.value}
                          disabled={readOnly}
                          options={valuesFor(test.subject, course)!}
                          onChange={(e) => setRow(i, { ...test, value: e.currentTarget.value })}
                        />
                      ) : (
                        <InputGroup
                          aria-label={`Test ${n}: score from 0 to 1`}
                          value={test.value}
                          disabled={readOnly}
                          inputMode="decimal"
                          className="condition-builder-number"
                          onValueChange={(value) => setRow(i, { ...test, value })}
                        />
                      )}
                    </>
                  )}
                </>
              ) : (
                <code className="condition-builder-text" title="Edit this test in the text above">
                  {printExpr(row.expr)}
                </code>
              )}
              <Button
                variant="minimal"
                icon={<Cross />}
                aria-label={`Remove test ${n}`}
                disabled={readOnly}
                onClick={() => commit({ ...model, rows: model.rows.filter((_, j) => j !== i) })}
              />
            </li>
          );
        })}
      </ol>
      <Button
        variant="minimal"
        size="small"
        icon={<Plus />}
        text="Add a test"
        disabled={readOnly || options.length === 0}
        onClick={() =>
          commit({ ...model, rows: [...model.rows, { test: testFor(options[0]!.value, course), expr: ast }] })
        }
      />
    </fieldset>
  );
}
