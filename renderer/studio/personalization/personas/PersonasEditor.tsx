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
import { FORMATS, SENIORITIES, type Persona, type Question } from '../../../../shared/model';
import type { Edit } from '../../../../shared/ops';
import type { EditorContext } from '../../editors/editor-context';
import {
  addPersona,
  answerOptions,
  answerProblem,
  declaredAttributeFields,
  departmentOptions,
  describePersona,
  formatOptions,
  levelOf,
  pickAnswer,
  pickedChoices,
  placementQuestions,
  priorMode,
  removePersona,
  renamePersona,
  roleOptions,
  setAttribute,
  setDeclaredAttribute,
  setLevel,
  setNeed,
  switchPriorMode,
  toggleChoice,
  type PriorMode,
} from './persona-edits';

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
          className="grows-with-text"
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

function AnswerPicker(props: {
  persona: Persona;
  question: Question;
  disabled: boolean;
  apply: (edit: Edit | null) => void;
}): ReactNode {
  const { persona, question, disabled, apply } = props;
  const current = persona.prior.answers[question.id];
  const label = `${persona.name}'s answer to ${question.id}`;
  const problemId = useId();
  const problem = answerProblem(persona, question);
  const shown = problem && (
    <p id={problemId} className="field-error">
      {problem}
    </p>
  );
  if (question.type === 'multiple') {
    const picked = pickedChoices(persona, question);
    return (
      <fieldset className="persona-multiple" aria-label={label} aria-describedby={problem ? problemId : undefined}>
        {question.choices.map((c) => (
          <Checkbox
            key={c.id}
            inline
            label={`${c.id}${c.correct ? ' ✓' : ''}`}
            checked={picked.includes(c.id)}
            disabled={disabled}
            onChange={(e) => apply(toggleChoice(persona, question, c.id, e.currentTarget.checked))}
          />
        ))}
        {shown}
      </fieldset>
    );
  }
  const options = answerOptions(question);
  if (!options) return <span className={Classes.TEXT_MUTED}>Typed answer: set it in the preview.</span>;
  return (
    <>
      <HTMLSelect
        aria-label={label}
        aria-invalid={problem !== null}
        aria-describedby={problem ? problemId : undefined}
        value={current === undefined || problem ? '' : String(current)}
        disabled={disabled}
        options={[
          { value: '', label: 'No answer (the preview stops here)' },
          ...options.map(({ value, label: l }) => ({ value, label: l })),
        ]}
        onChange={(e) => apply(pickAnswer(persona, question, e.currentTarget.value))}
      />
      {shown}
    </>
  );
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
  // An edit the persona's rules refuse (a blank name, an answer the question does not offer) is null: nothing happens.
  const apply = (edit: Edit | null) => {
    if (edit) void context.apply(edit);
  };
  const usesAnswers = priorMode(course, persona) === 'answers';
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
          onClick={() => apply(removePersona(persona))}
        />
      </div>
      <div className="persona-grid">
        <FormGroup label="Name" labelFor={`${ids}-name`}>
          <TextField
            id={`${ids}-name`}
            required
            value={persona.name}
            disabled={readOnly}
            onCommit={(v) => apply(renamePersona(persona, v))}
          />
        </FormGroup>
        <FormGroup label="Role" labelFor={`${ids}-role`}>
          <HTMLSelect
            id={`${ids}-role`}
            value={persona.role}
            disabled={readOnly}
            options={roleOptions(course, persona)}
            onChange={(e) => apply(setAttribute(persona, 'role', e.currentTarget.value))}
          />
        </FormGroup>
        <FormGroup label="Department" labelFor={`${ids}-department`}>
          <HTMLSelect
            id={`${ids}-department`}
            value={persona.department ?? ''}
            disabled={readOnly}
            options={departmentOptions(course)}
            onChange={(e) => apply(setAttribute(persona, 'department', e.currentTarget.value))}
          />
        </FormGroup>
        <FormGroup label="Seniority" labelFor={`${ids}-seniority`}>
          <HTMLSelect
            id={`${ids}-seniority`}
            value={persona.seniority}
            disabled={readOnly}
            options={[...SENIORITIES]}
            onChange={(e) => apply(setAttribute(persona, 'seniority', e.currentTarget.value))}
          />
        </FormGroup>
        <FormGroup label="Preferred format" labelFor={`${ids}-format`}>
          <HTMLSelect
            id={`${ids}-format`}
            value={persona.preferredFormat ?? ''}
            disabled={readOnly}
            options={formatOptions(FORMATS)}
            onChange={(e) => apply(setAttribute(persona, 'preferredFormat', e.currentTarget.value))}
          />
        </FormGroup>
        {declaredAttributeFields(course).map((field) => (
          <FormGroup key={field.id} label={field.label} labelFor={`${ids}-attribute-${field.id}`}>
            <HTMLSelect
              id={`${ids}-attribute-${field.id}`}
              value={persona.attributes?.[field.id] ?? ''}
              disabled={readOnly}
              options={[...field.options]}
              onChange={(e) => apply(setDeclaredAttribute(persona, field, e.currentTarget.value))}
            />
          </FormGroup>
        ))}
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
              onChange={(e) => apply(setNeed(persona, need, e.currentTarget.checked))}
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
          onCommit={(v) => apply(describePersona(persona, v))}
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
          onValueChange={(value) => apply(switchPriorMode(course, persona, value as PriorMode))}
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
                    value={levelOf(persona, c)}
                    disabled={readOnly}
                    options={c.levels.map((l) => ({ value: l.id, label: l.name }))}
                    onChange={(e) => apply(setLevel(persona, c, e.currentTarget.value))}
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
    const { id, edit } = addPersona(course);
    await context.apply(edit);
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
