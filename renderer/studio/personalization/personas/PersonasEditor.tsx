import {
  Button,
  Card,
  Checkbox,
  Classes,
  FormGroup,
  H2,
  HTMLSelect,
  InputGroup,
  Intent,
  NonIdealState,
  SegmentedControl,
  TextArea,
} from '@blueprintjs/core';
import { Plus, Trash } from '@blueprintjs/icons';
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import {
  FORMATS,
  persona as personaSchema,
  SENIORITIES,
  type Answer,
  type Course,
  type Persona,
  type Question,
} from '../../../../shared/model';
import { labelOf } from '../../../../shared/engine/attributes';
import type { Edit } from '../../../../shared/ops';
import type { EditorContext } from '../../editors/editor-context';

function nextPersonaId(personas: readonly Persona[]): string {
  const ids = new Set(personas.map((p) => p.id));
  for (let n = personas.length + 1; ; n++) if (!ids.has(`persona-${n}`)) return `persona-${n}`;
}

/** Text that the course refuses empty: kept here until it has something, applied as a merged typing burst. */
function TextField(props: {
  id: string;
  value: string;
  multiline?: boolean;
  required?: boolean;
  disabled: boolean;
  onCommit: (value: string) => void;
}): ReactNode {
  const [text, setText] = useState(props.value);
  const [shown, setShown] = useState(props.value);
  if (props.value !== shown) {
    setShown(props.value);
    setText(props.value);
  }
  const empty = props.required === true && text.trim() === '';
  const change = (next: string) => {
    setText(next);
    if (!(props.required && next.trim() === '')) props.onCommit(next);
  };
  return (
    <>
      {props.multiline ? (
        <TextArea
          id={props.id}
          fill
          autoResize
          value={text}
          disabled={props.disabled}
          onChange={(e) => change(e.currentTarget.value)}
        />
      ) : (
        <InputGroup
          id={props.id}
          value={text}
          disabled={props.disabled}
          intent={empty ? Intent.DANGER : Intent.NONE}
          aria-invalid={empty}
          onValueChange={change}
        />
      )}
      {empty && <p className="field-error">Give the persona a name.</p>}
    </>
  );
}

/** The answers a question can be given, as choices to pick from; null when a profile cannot say it simply. */
function answerOptions(q: Question): { value: string; label: string; answer: Answer }[] | null {
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

function AnswerPicker(props: {
  persona: Persona;
  question: Question;
  disabled: boolean;
  apply: (edit: Edit) => void;
}): ReactNode {
  const { persona, question, disabled, apply } = props;
  const path = ['personas', { id: persona.id }, 'prior', 'answers', question.id];
  const current = persona.prior.answers[question.id];
  const label = `${persona.name}'s answer to ${question.id}`;
  if (question.type === 'multiple') {
    const picked = Array.isArray(current) ? current : [];
    return (
      <fieldset className="persona-multiple" aria-label={label}>
        {question.choices.map((c) => (
          <Checkbox
            key={c.id}
            inline
            label={`${c.id}${c.correct ? ' ✓' : ''}`}
            checked={picked.includes(c.id)}
            disabled={disabled}
            onChange={(e) => {
              const next = e.currentTarget.checked
                ? question.choices.map((x) => x.id).filter((id) => id === c.id || picked.includes(id))
                : picked.filter((id) => id !== c.id);
              apply({ op: { kind: 'set', path, value: next }, label: `Change ${label}` });
            }}
          />
        ))}
      </fieldset>
    );
  }
  const options = answerOptions(question);
  if (!options) return <span className={Classes.TEXT_MUTED}>Typed answer: set it in the preview.</span>;
  return (
    <HTMLSelect
      aria-label={label}
      value={current === undefined ? '' : String(current)}
      disabled={disabled}
      options={[
        { value: '', label: 'No answer (the preview stops here)' },
        ...options.map(({ value, label: l }) => ({ value, label: l })),
      ]}
      onChange={(e) => {
        const value = e.currentTarget.value;
        const option = options.find((o) => o.value === value);
        apply(
          option
            ? { op: { kind: 'set', path, value: option.answer }, label: `Change ${label}` }
            : { op: { kind: 'remove', path }, label: `Clear ${label}` },
        );
      }}
    />
  );
}

function placementQuestions(course: Course): Question[] {
  const ids = new Set(course.placement?.nodes.map((n) => n.question));
  return course.questions.filter((q) => ids.has(q.id));
}

function PersonaCard({
  persona,
  context,
  selected,
}: {
  persona: Persona;
  context: EditorContext;
  selected: boolean;
}): ReactNode {
  const { course, readOnly } = context;
  const ids = useId();
  const card = useRef<HTMLDivElement>(null);
  const path = ['personas', { id: persona.id }] as const;
  const apply = (edit: Edit) => void context.apply(edit);
  const set = (field: string, value: unknown, label: string, merge?: string) =>
    apply({ op: { kind: 'set', path: [...path, field], value }, label, ...(merge ? { merge } : {}) });
  const usesAnswers =
    Object.keys(persona.prior.answers).length > 0 ||
    (course.placement !== undefined && Object.keys(persona.prior.mastery).length === 0);
  useEffect(() => {
    if (selected) card.current?.scrollIntoView({ block: 'nearest' });
  }, [selected]);

  return (
    <Card
      ref={card}
      className={`persona-card${selected ? ' rule-card-selected' : ''}`}
      role="group"
      aria-label={`Persona ${persona.name}`}
    >
      <div className="rule-card-header">
        <h3 className="rule-card-title">{persona.name}</h3>
        <span className="rule-card-spacer" />
        <Button
          variant="minimal"
          icon={<Trash />}
          aria-label={`Delete persona ${persona.name}`}
          disabled={readOnly}
          onClick={() => apply({ op: { kind: 'remove', path: [...path] }, label: `Delete persona "${persona.name}"` })}
        />
      </div>
      <div className="persona-grid">
        <FormGroup label="Name" labelFor={`${ids}-name`}>
          <TextField
            id={`${ids}-name`}
            required
            value={persona.name}
            disabled={readOnly}
            onCommit={(v) => set('name', v, 'Rename persona', `persona-name-${persona.id}`)}
          />
        </FormGroup>
        <FormGroup label="Role" labelFor={`${ids}-role`}>
          <HTMLSelect
            id={`${ids}-role`}
            value={persona.role}
            disabled={readOnly}
            options={[...new Set([persona.role, ...course.settings.roles])].map((r) => ({
              value: r,
              label: labelOf(course, r),
            }))}
            onChange={(e) => set('role', e.currentTarget.value, `Change ${persona.name}'s role`)}
          />
        </FormGroup>
        <FormGroup label="Department" labelFor={`${ids}-department`}>
          <HTMLSelect
            id={`${ids}-department`}
            value={persona.department ?? ''}
            disabled={readOnly}
            options={[
              { value: '', label: 'Any' },
              ...course.settings.departments.map((d) => ({ value: d, label: labelOf(course, d) })),
            ]}
            onChange={(e) =>
              apply(
                e.currentTarget.value
                  ? {
                      op: { kind: 'set', path: [...path, 'department'], value: e.currentTarget.value },
                      label: `Change ${persona.name}'s department`,
                    }
                  : {
                      op: { kind: 'remove', path: [...path, 'department'] },
                      label: `Clear ${persona.name}'s department`,
                    },
              )
            }
          />
        </FormGroup>
        <FormGroup label="Seniority" labelFor={`${ids}-seniority`}>
          <HTMLSelect
            id={`${ids}-seniority`}
            value={persona.seniority}
            disabled={readOnly}
            options={[...SENIORITIES]}
            onChange={(e) => set('seniority', e.currentTarget.value, `Change ${persona.name}'s seniority`)}
          />
        </FormGroup>
        <FormGroup label="Preferred format" labelFor={`${ids}-format`}>
          <HTMLSelect
            id={`${ids}-format`}
            value={persona.preferredFormat ?? ''}
            disabled={readOnly}
            options={[{ value: '', label: 'No preference' }, ...FORMATS.map((f) => ({ value: f, label: f }))]}
            onChange={(e) =>
              apply(
                e.currentTarget.value
                  ? {
                      op: { kind: 'set', path: [...path, 'preferredFormat'], value: e.currentTarget.value },
                      label: `Change ${persona.name}'s format`,
                    }
                  : {
                      op: { kind: 'remove', path: [...path, 'preferredFormat'] },
                      label: `Clear ${persona.name}'s format`,
                    },
              )
            }
          />
        </FormGroup>
        <FormGroup label="Needs">
          {(
            [
              ['captions', 'Captions'],
              ['audio', 'Audio'],
              ['reducedMotion', 'Reduced motion'],
            ] as const
          ).map(([need, label]) => (
            <Checkbox
              key={need}
              inline
              label={label}
              checked={persona.needs[need]}
              disabled={readOnly}
              onChange={(e) =>
                set('needs', { ...persona.needs, [need]: e.currentTarget.checked }, `Change ${persona.name}'s needs`)
              }
            />
          ))}
        </FormGroup>
      </div>
      <FormGroup label="Who they stand for" labelFor={`${ids}-note`}>
        <TextField
          id={`${ids}-note`}
          multiline
          value={persona.description}
          disabled={readOnly}
          onCommit={(v) => set('description', v, 'Change the persona note', `persona-note-${persona.id}`)}
        />
      </FormGroup>
      <FormGroup label="What they already know">
        <SegmentedControl
          size="small"
          value={usesAnswers ? 'answers' : 'levels'}
          disabled={readOnly}
          options={[
            { value: 'answers', label: 'Answers to the placement test', disabled: !course.placement },
            { value: 'levels', label: 'Levels' },
          ]}
          onValueChange={(value) =>
            set(
              'prior',
              value === 'levels'
                ? { mastery: Object.fromEntries(course.competencies.map((c) => [c.id, c.levels[0]!.id])), answers: {} }
                : { mastery: {}, answers: {} },
              `Describe what ${persona.name} knows by ${value === 'levels' ? 'levels' : 'answers'}`,
            )
          }
        />
        <div className="persona-prior">
          {usesAnswers
            ? placementQuestions(course).map((q) => (
                <div key={q.id} className="persona-prior-row">
                  <span className="persona-prior-label" title={q.prompt}>
                    {q.id}
                  </span>
                  <AnswerPicker persona={persona} question={q} disabled={readOnly} apply={apply} />
                </div>
              ))
            : course.competencies.map((c) => (
                <div key={c.id} className="persona-prior-row">
                  <span className="persona-prior-label">{c.name}</span>
                  <HTMLSelect
                    aria-label={`${persona.name}'s level in ${c.name}`}
                    value={persona.prior.mastery[c.id] ?? c.levels[0]!.id}
                    disabled={readOnly}
                    options={c.levels.map((l) => ({ value: l.id, label: l.name }))}
                    onChange={(e) =>
                      set(
                        'prior',
                        { ...persona.prior, mastery: { ...persona.prior.mastery, [c.id]: e.currentTarget.value } },
                        `Change ${persona.name}'s level`,
                      )
                    }
                  />
                </div>
              ))}
        </div>
      </FormGroup>
    </Card>
  );
}

export interface PersonasEditorProps {
  readonly context: EditorContext;
  readonly selectedPersona?: string | undefined;
}

/** The learners the designer previews and the proof reasons about. */
export function PersonasEditor({ context, selectedPersona }: PersonasEditorProps): ReactNode {
  const { course, readOnly } = context;
  const add = async () => {
    const id = nextPersonaId(course.personas);
    const role = course.settings.roles[0] ?? 'learner';
    await context.apply({
      // Parsed, so the optimistic snapshot gets every default the backend's copy will have.
      op: { kind: 'insert', path: ['personas'], value: personaSchema.parse({ id, name: `New ${role}`, role }) },
      label: 'Add a persona',
    });
    context.select({ kind: 'persona', id });
  };
  const addButton = (
    <Button icon={<Plus />} intent={Intent.PRIMARY} text="Add persona" disabled={readOnly} onClick={() => void add()} />
  );
  return (
    <section className="personalization-editor" aria-labelledby="personas-heading">
      <header className="personalization-header">
        <div>
          <H2 id="personas-heading">Personas</H2>
          <p className={Classes.TEXT_MUTED}>
            Typical learners: the proof checks each one gets a valid path, and the preview plays as them.
          </p>
        </div>
        {addButton}
      </header>
      {course.personas.length === 0 ? (
        <NonIdealState
          title="No personas yet"
          description="Add a persona for each kind of learner you design for."
          action={addButton}
        />
      ) : (
        <div className="rule-list">
          {course.personas.map((p) => (
            <PersonaCard key={p.id} persona={p} context={context} selected={p.id === selectedPersona} />
          ))}
        </div>
      )}
    </section>
  );
}
