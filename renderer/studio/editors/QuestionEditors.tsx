import {
  Button,
  Card,
  Checkbox,
  Classes,
  H2,
  H3,
  HTMLSelect,
  Menu,
  MenuItem,
  NonIdealState,
  Popover,
  Radio,
  RadioGroup,
  Tag,
} from '@blueprintjs/core';
import { ChevronLeft, Edit, Help, Plus, Trash } from '@blueprintjs/icons';
import { question as questionSchema, type Question } from '../../../shared/model';
import type { Segment } from '../../../shared/ops';
import type { EditorContext } from './editor-context';
import { focusField } from '../workspace/focus-field';
import { freshId, useEditing, type Editing } from './editing';
import { NamePicker, NamesPicker, NumberField, SwitchField, TextField } from './fields';
import { ItemActions, moveKeys } from './ItemActions';
import {
  answerProblem,
  convertQuestion,
  QUESTION_TYPE_LABELS,
  QUESTION_TYPES,
  questionLabel,
  type QuestionType,
} from './questions-model';
import { questionUses, usedBySentence } from './usage';

const DIFFICULTY = ['', 'Easy', 'Medium', 'Hard'];

function newQuestion(editing: Editing, type: QuestionType): Question {
  const id = freshId(
    'question',
    editing.course.questions.map((q) => q.id),
  );
  return convertQuestion(
    { id, type: 'true-false', prompt: 'New question', difficulty: 1, weight: 1, feedback: {}, answer: true },
    type,
  );
}

function AddQuestionButton({ editing, text = 'Add question' }: { editing: Editing; text?: string }) {
  const add = (type: QuestionType) => {
    const value = newQuestion(editing, type);
    if (editing.run({ kind: 'insert', path: ['questions'], value }, 'Add question')) {
      editing.context.select({ kind: 'question', id: value.id });
      focusField(`questions[${editing.course.questions.length}].prompt`);
    }
  };
  return (
    <Popover
      placement="bottom-end"
      content={
        <Menu aria-label="Question types">
          {QUESTION_TYPES.map((t) => (
            <MenuItem key={t} text={QUESTION_TYPE_LABELS[t]} onClick={() => add(t)} />
          ))}
        </Menu>
      }
    >
      <Button icon={<Plus />} intent="primary" text={text} />
    </Popover>
  );
}

/** Every question of the course: knowledge checks, bank questions and placement questions. */
export function QuestionsList({ context }: { readonly context: EditorContext }) {
  const editing = useEditing(context);
  const { questions, competencies } = editing.course;
  return (
    <div className="editor" aria-labelledby="questions-heading">
      <header className="editor-header editor-header-row">
        <div>
          <p className={`${Classes.TEXT_MUTED} editor-kicker`}>Course</p>
          <H2 id="questions-heading">Questions</H2>
        </div>
        {editing.editable && <AddQuestionButton editing={editing} />}
      </header>
      {questions.length === 0 ? (
        <NonIdealState
          icon={<Help size={48} />}
          title="No questions yet"
          description="Questions feed knowledge checks, question banks and the placement test. Add one of seven types."
          action={editing.editable ? <AddQuestionButton editing={editing} /> : undefined}
        />
      ) : (
        <ol className="card-list" aria-label="Questions">
          {questions.map((q, i) => (
            <li key={q.id}>
              <Card className="item-card" tabIndex={0} aria-label={questionLabel(q)} data-path={`questions[${i}]`}>
                <div className="item-card-main">
                  <H3 className="item-card-title">{questionLabel(q)}</H3>
                  <div className="tag-row">
                    <Tag minimal round>
                      {QUESTION_TYPE_LABELS[q.type]}
                    </Tag>
                    <Tag minimal round>
                      {DIFFICULTY[q.difficulty]}
                    </Tag>
                    {q.competency && (
                      <Tag minimal round intent="primary">
                        {competencies.find((c) => c.id === q.competency)?.name ?? q.competency}
                      </Tag>
                    )}
                  </div>
                </div>
                <Button
                  icon={<Edit />}
                  text="Edit"
                  aria-label={`Edit "${questionLabel(q)}"`}
                  onClick={() => context.select({ kind: 'question', id: q.id })}
                />
                {editing.editable && (
                  <Button
                    icon={<Trash />}
                    variant="minimal"
                    intent="danger"
                    aria-label={`Remove "${questionLabel(q)}"`}
                    title={usedBySentence(questionUses(editing.course, q.id)) ?? 'Remove'}
                    disabled={questionUses(editing.course, q.id).length > 0}
                    onClick={() =>
                      editing.run({ kind: 'remove', path: ['questions', { id: q.id }] }, 'Remove question')
                    }
                  />
                )}
              </Card>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}

/** One question of any type: its answer, feedback, scoring and competency. */
export function QuestionEditor({ context, id }: { readonly context: EditorContext; readonly id: string }) {
  const editing = useEditing(context);
  const found = editing.course.questions.find((x) => x.id === id);
  const q = found && (questionSchema.safeParse(found).data ?? found);
  if (!q)
    return (
      <NonIdealState
        title="This question no longer exists"
        action={<Button text="All questions" onClick={() => context.select({ kind: 'questions' })} />}
      />
    );
  const base = ['questions', { id }] as const;
  const at = (field: string) => `${editing.pathOf([...base])}.${field}`;
  const uses = questionUses(editing.course, id);
  return (
    <div className="editor question-editor" aria-labelledby="question-heading">
      <header className="editor-header">
        <Button
          variant="minimal"
          size="small"
          className="editor-back"
          icon={<ChevronLeft />}
          text="Questions"
          onClick={() => context.select({ kind: 'questions' })}
        />
        <H2 id="question-heading">{questionLabel(q)}</H2>
        <p className={Classes.TEXT_MUTED}>{uses.length ? `Used by ${uses.join(', ')}.` : 'Not used anywhere yet.'}</p>
      </header>
      <Card className="editor-card">
        <div className="question-type">
          <label className={Classes.LABEL} htmlFor="question-type">
            Type
          </label>
          <HTMLSelect
            id="question-type"
            value={q.type}
            disabled={!editing.editable}
            options={QUESTION_TYPES.map((t) => ({ value: t, label: QUESTION_TYPE_LABELS[t] }))}
            onChange={(e) =>
              editing.run(
                { kind: 'set', path: [...base], value: convertQuestion(q, e.currentTarget.value as QuestionType) },
                'Change question type',
              )
            }
            {...{ 'data-path': at('type') }}
          />
        </div>
        <TextField
          editing={editing}
          label="Question"
          path={[...base, 'prompt']}
          value={q.prompt}
          editLabel="Edit question"
          multiline
        />
      </Card>
      <Card className="editor-card">
        <H3 className="editor-section">{q.type === 'likert' ? 'Scale' : 'Answer'}</H3>
        <AnswerEditor editing={editing} q={q} base={base} />
      </Card>
      <Card className="editor-card">
        <H3 className="editor-section">Feedback</H3>
        {q.type === 'likert' ? (
          <p className={Classes.TEXT_MUTED}>A self-rating has no right answer, so it gives no feedback.</p>
        ) : (
          <div className="field-row">
            <TextField
              editing={editing}
              label="When right"
              path={[...base, 'feedback', 'correct']}
              value={q.feedback.correct ?? ''}
              editLabel="Edit feedback"
              optional
              multiline
              placeholder="Say why it is right."
            />
            <TextField
              editing={editing}
              label="When wrong"
              path={[...base, 'feedback', 'incorrect']}
              value={q.feedback.incorrect ?? ''}
              editLabel="Edit feedback"
              optional
              multiline
              placeholder="Point to what to look at again."
            />
          </div>
        )}
      </Card>
      <Card className="editor-card">
        <H3 className="editor-section">Scoring</H3>
        <div className="field-row">
          <NamePicker
            label="Competency"
            dataPath={at('competency')}
            options={editing.course.competencies.map((c) => ({ id: c.id, name: c.name }))}
            value={q.competency}
            clearable
            disabled={!editing.editable}
            placeholder="None"
            helper="The answer counts as evidence for this competency."
            error={editing.messageAt(at('competency'), 'Competency')}
            onChange={(c) => editing.run({ kind: 'set', path: [...base, 'competency'], value: c }, 'Change competency')}
          />
          <div className="question-difficulty">
            <label className={Classes.LABEL} htmlFor="question-difficulty">
              Difficulty
            </label>
            <HTMLSelect
              id="question-difficulty"
              value={q.difficulty}
              disabled={!editing.editable}
              options={[1, 2, 3].map((d) => ({ value: d, label: DIFFICULTY[d]! }))}
              onChange={(e) =>
                editing.run(
                  { kind: 'set', path: [...base, 'difficulty'], value: Number(e.currentTarget.value) },
                  'Change difficulty',
                )
              }
              {...{ 'data-path': at('difficulty') }}
            />
          </div>
          <NumberField
            editing={editing}
            label="Weight"
            path={[...base, 'weight']}
            value={q.weight}
            editLabel="Change weight"
            min={0.1}
            max={100}
            helper="Points relative to other questions."
          />
        </div>
      </Card>
    </div>
  );
}

interface AnswerEditorProps {
  readonly editing: Editing;
  readonly q: Question;
  readonly base: readonly Segment[];
}

function AnswerEditor({ editing, q, base }: AnswerEditorProps) {
  const at = (field: string) => `${editing.pathOf(base)}.${field}`;
  const run = editing.run;
  switch (q.type) {
    case 'single':
    case 'multiple': {
      const problem = answerProblem(q);
      return (
        <>
          <ol className="answer-list" aria-label="Choices">
            {q.choices.map((c, i) => {
              const path = [...base, 'choices', { id: c.id }];
              const move = (to: number) => {
                run({ kind: 'move', path, to }, 'Move choice');
                focusField(`${at('choices')}[${to}].text`);
              };
              const markCorrect = (checked: boolean) =>
                q.type === 'single'
                  ? run(
                      {
                        kind: 'set',
                        path: [...base, 'choices'],
                        value: q.choices.map((x) => ({ ...x, correct: x.id === c.id })),
                      },
                      'Mark correct answer',
                    )
                  : run({ kind: 'set', path: [...path, 'correct'], value: checked }, 'Mark correct answer');
              return (
                <li key={c.id} className="answer-row" onKeyDown={moveKeys(i, q.choices.length, move)}>
                  <div className="answer-correct">
                    {q.type === 'single' ? (
                      <Radio
                        name={`correct-${q.id}`}
                        label="Correct"
                        checked={c.correct}
                        disabled={!editing.editable}
                        aria-label={`Choice ${i + 1} is the correct answer`}
                        onChange={() => markCorrect(true)}
                      />
                    ) : (
                      <Checkbox
                        label="Correct"
                        checked={c.correct}
                        disabled={!editing.editable}
                        aria-label={`Choice ${i + 1} is correct`}
                        onChange={(e) => markCorrect(e.currentTarget.checked)}
                      />
                    )}
                  </div>
                  <div className="answer-fields">
                    <TextField
                      editing={editing}
                      label={`Choice ${i + 1}`}
                      path={[...path, 'text']}
                      value={c.text}
                      editLabel="Edit choice"
                    />
                    <TextField
                      editing={editing}
                      label={`Feedback for choice ${i + 1}`}
                      path={[...path, 'feedback']}
                      value={c.feedback ?? ''}
                      editLabel="Edit choice feedback"
                      optional
                      placeholder="Shown when the learner picks it (optional)"
                    />
                  </div>
                  {editing.editable && (
                    <ItemActions
                      name={`Choice ${i + 1}`}
                      index={i}
                      count={q.choices.length}
                      onMove={move}
                      onRemove={() =>
                        run({ kind: 'remove', path }, 'Remove choice', { field: at('choices'), fieldLabel: 'Choices' })
                      }
                    />
                  )}
                </li>
              );
            })}
          </ol>
          {(editing.messageAt(at('choices'), 'Choices') ?? problem) && (
            <p className="field-error" role="alert" data-path={at('choices')}>
              {editing.messageAt(at('choices'), 'Choices') ?? problem}
            </p>
          )}
          {editing.editable && (
            <Button
              icon={<Plus />}
              text="Add choice"
              onClick={() => {
                const cid = freshId(
                  'choice',
                  q.choices.map((c) => c.id),
                );
                if (
                  run(
                    {
                      kind: 'insert',
                      path: [...base, 'choices'],
                      value: { id: cid, text: 'Another answer', correct: false },
                    },
                    'Add choice',
                  )
                )
                  focusField(`${at('choices')}[${q.choices.length}].text`);
              }}
            />
          )}
        </>
      );
    }
    case 'true-false':
      return (
        <RadioGroup
          label="The statement is"
          inline
          selectedValue={q.answer ? 'true' : 'false'}
          disabled={!editing.editable}
          onChange={(e) =>
            run({ kind: 'set', path: [...base, 'answer'], value: e.currentTarget.value === 'true' }, 'Change answer')
          }
          options={[
            { value: 'true', label: 'True' },
            { value: 'false', label: 'False' },
          ]}
        />
      );
    case 'fill-in':
      return (
        <>
          <p className={Classes.TEXT_MUTED}>Every answer the learner may type; extra spaces never count.</p>
          <ol className="answer-list" aria-label="Accepted answers">
            {q.accepted.map((a, i) => (
              <li key={i} className="answer-row">
                <div className="answer-fields">
                  <TextField
                    editing={editing}
                    label={`Accepted answer ${i + 1}`}
                    path={[...base, 'accepted', i]}
                    value={a}
                    editLabel="Edit accepted answer"
                  />
                </div>
                {editing.editable && (
                  <Button
                    icon={<Trash />}
                    variant="minimal"
                    intent="danger"
                    aria-label={`Remove accepted answer ${i + 1}`}
                    onClick={() =>
                      run({ kind: 'remove', path: [...base, 'accepted', i] }, 'Remove accepted answer', {
                        field: at('accepted'),
                        fieldLabel: 'Accepted answers',
                      })
                    }
                  />
                )}
              </li>
            ))}
          </ol>
          {editing.messageAt(at('accepted')) && (
            <p className="field-error" role="alert">
              {editing.messageAt(at('accepted'), 'Accepted answers')}
            </p>
          )}
          {editing.editable && (
            <Button
              icon={<Plus />}
              text="Add accepted answer"
              onClick={() => {
                if (run({ kind: 'insert', path: [...base, 'accepted'], value: 'answer' }, 'Add accepted answer'))
                  focusField(`${at('accepted')}[${q.accepted.length}]`);
              }}
            />
          )}
          <SwitchField
            editing={editing}
            label="Upper and lower case must match"
            path={[...base, 'caseSensitive']}
            value={q.caseSensitive}
            editLabel="Change case sensitivity"
          />
        </>
      );
    case 'matching':
      return (
        <>
          <ol className="answer-list" aria-label="Pairs">
            {q.pairs.map((p, i) => {
              const path = [...base, 'pairs', { id: p.id }];
              return (
                <li key={p.id} className="answer-row">
                  <div className="answer-fields pair-fields">
                    <TextField
                      editing={editing}
                      label={`Item ${i + 1}`}
                      path={[...path, 'left']}
                      value={p.left}
                      editLabel="Edit pair"
                    />
                    <TextField
                      editing={editing}
                      label={`Matches`}
                      path={[...path, 'right']}
                      value={p.right}
                      editLabel="Edit pair"
                    />
                  </div>
                  {editing.editable && (
                    <ItemActions
                      name={`Pair ${i + 1}`}
                      index={i}
                      count={q.pairs.length}
                      onMove={(to) => run({ kind: 'move', path, to }, 'Move pair')}
                      onRemove={() =>
                        run({ kind: 'remove', path }, 'Remove pair', { field: at('pairs'), fieldLabel: 'Pairs' })
                      }
                    />
                  )}
                </li>
              );
            })}
          </ol>
          {editing.messageAt(at('pairs')) && (
            <p className="field-error" role="alert">
              {editing.messageAt(at('pairs'), 'Pairs')}
            </p>
          )}
          {editing.editable && (
            <Button
              icon={<Plus />}
              text="Add pair"
              onClick={() => {
                const pid = freshId(
                  'pair',
                  q.pairs.map((p) => p.id),
                );
                if (
                  run(
                    { kind: 'insert', path: [...base, 'pairs'], value: { id: pid, left: 'Term', right: 'Meaning' } },
                    'Add pair',
                  )
                )
                  focusField(`${at('pairs')}[${q.pairs.length}].left`);
              }}
            />
          )}
        </>
      );
    case 'ordering':
      return (
        <>
          <p className={Classes.TEXT_MUTED}>In the right order; learners get them shuffled.</p>
          <ol className="answer-list" aria-label="Items in the right order">
            {q.items.map((item, i) => {
              const path = [...base, 'items', { id: item.id }];
              const move = (to: number) => {
                run({ kind: 'move', path, to }, 'Move item');
                focusField(`${at('items')}[${to}].text`);
              };
              return (
                <li key={item.id} className="answer-row" onKeyDown={moveKeys(i, q.items.length, move)}>
                  <span className="answer-number" aria-hidden="true">
                    {i + 1}
                  </span>
                  <div className="answer-fields">
                    <TextField
                      editing={editing}
                      label={`Step ${i + 1}`}
                      path={[...path, 'text']}
                      value={item.text}
                      editLabel="Edit item"
                    />
                  </div>
                  {editing.editable && (
                    <ItemActions
                      name={`Step ${i + 1}`}
                      index={i}
                      count={q.items.length}
                      onMove={move}
                      onRemove={() =>
                        run({ kind: 'remove', path }, 'Remove item', { field: at('items'), fieldLabel: 'Items' })
                      }
                    />
                  )}
                </li>
              );
            })}
          </ol>
          {editing.messageAt(at('items')) && (
            <p className="field-error" role="alert">
              {editing.messageAt(at('items'), 'Items')}
            </p>
          )}
          {editing.editable && (
            <Button
              icon={<Plus />}
              text="Add step"
              onClick={() => {
                const sid = freshId(
                  'step',
                  q.items.map((x) => x.id),
                );
                if (
                  run({ kind: 'insert', path: [...base, 'items'], value: { id: sid, text: 'Next step' } }, 'Add step')
                )
                  focusField(`${at('items')}[${q.items.length}].text`);
              }}
            />
          )}
        </>
      );
    case 'likert':
      return (
        <div className="field-row">
          <NumberField
            editing={editing}
            label="Points on the scale"
            path={[...base, 'points']}
            value={q.points}
            editLabel="Change scale"
            min={3}
            max={10}
          />
          {q.anchors ? (
            <>
              <TextField
                editing={editing}
                label="Lowest point means"
                path={[...base, 'anchors', 'low']}
                value={q.anchors.low}
                editLabel="Edit scale labels"
              />
              <TextField
                editing={editing}
                label="Highest point means"
                path={[...base, 'anchors', 'high']}
                value={q.anchors.high}
                editLabel="Edit scale labels"
              />
            </>
          ) : (
            editing.editable && (
              <Button
                className="switch-cell"
                icon={<Plus />}
                text="Label the ends of the scale"
                onClick={() =>
                  run(
                    { kind: 'set', path: [...base, 'anchors'], value: { low: 'Not at all', high: 'Completely' } },
                    'Label scale',
                  )
                }
              />
            )
          )}
        </div>
      );
  }
}

/** Question banks: a pool of questions from which each learner draws a seeded few. */
export function BanksList({ context }: { readonly context: EditorContext }) {
  const editing = useEditing(context);
  const { banks, questions } = editing.course;
  const add = () => {
    const id = freshId(
      'bank',
      banks.map((b) => b.id),
    );
    const value = { id, title: 'New question bank', questions: questions.slice(0, 1).map((q) => q.id), draw: 1 };
    if (editing.run({ kind: 'insert', path: ['banks'], value }, 'Add question bank')) {
      context.select({ kind: 'bank', id });
      focusField(`banks[${banks.length}].title`);
    }
  };
  return (
    <div className="editor" aria-labelledby="banks-heading">
      <header className="editor-header editor-header-row">
        <div>
          <p className={`${Classes.TEXT_MUTED} editor-kicker`}>Course</p>
          <H2 id="banks-heading">Question banks</H2>
        </div>
        {editing.editable && (
          <Button
            icon={<Plus />}
            intent="primary"
            text="Add question bank"
            disabled={questions.length === 0}
            title={questions.length ? undefined : 'Add questions first'}
            onClick={add}
          />
        )}
      </header>
      {banks.length === 0 ? (
        <NonIdealState
          icon={<Help size={48} />}
          title="No question banks yet"
          description={
            questions.length
              ? 'A bank gives each learner a different draw of questions, the same on every resume.'
              : 'Add questions first; a bank draws from them.'
          }
        />
      ) : (
        <ol className="card-list" aria-label="Question banks">
          {banks.map((b, i) => (
            <li key={b.id}>
              <Card className="item-card" data-path={`banks[${i}]`}>
                <div className="item-card-main">
                  <H3 className="item-card-title">{b.title}</H3>
                  <p className={Classes.TEXT_MUTED}>
                    Draws {b.draw} of {b.questions.length} question{b.questions.length === 1 ? '' : 's'}
                  </p>
                </div>
                <Button
                  icon={<Edit />}
                  text="Edit"
                  aria-label={`Edit "${b.title}"`}
                  onClick={() => context.select({ kind: 'bank', id: b.id })}
                />
                {editing.editable && (
                  <Button
                    icon={<Trash />}
                    variant="minimal"
                    intent="danger"
                    aria-label={`Remove "${b.title}"`}
                    onClick={() =>
                      editing.run({ kind: 'remove', path: ['banks', { id: b.id }] }, 'Remove question bank')
                    }
                  />
                )}
              </Card>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}

export function BankEditor({ context, id }: { readonly context: EditorContext; readonly id: string }) {
  const editing = useEditing(context);
  const bank = editing.course.banks.find((b) => b.id === id);
  if (!bank)
    return (
      <NonIdealState
        title="This question bank no longer exists"
        action={<Button text="All question banks" onClick={() => context.select({ kind: 'banks' })} />}
      />
    );
  const base = ['banks', { id }] as const;
  const at = (field: string) => `${editing.pathOf([...base])}.${field}`;
  const drawProblem =
    bank.draw > bank.questions.length
      ? `Draw must be at most ${bank.questions.length}: the bank holds ${bank.questions.length} question${bank.questions.length === 1 ? '' : 's'}.`
      : undefined;
  return (
    <div className="editor" aria-labelledby="bank-heading">
      <header className="editor-header">
        <Button
          variant="minimal"
          size="small"
          className="editor-back"
          icon={<ChevronLeft />}
          text="Question banks"
          onClick={() => context.select({ kind: 'banks' })}
        />
        <H2 id="bank-heading">{bank.title}</H2>
      </header>
      <Card className="editor-card">
        <TextField
          editing={editing}
          label="Title"
          path={[...base, 'title']}
          value={bank.title}
          editLabel="Rename question bank"
        />
        <NamesPicker
          label="Questions"
          dataPath={at('questions')}
          options={editing.course.questions.map((q) => ({
            id: q.id,
            name: questionLabel(q),
            detail: QUESTION_TYPE_LABELS[q.type],
          }))}
          selected={bank.questions}
          disabled={!editing.editable}
          error={editing.messageAt(at('questions'), 'Questions')}
          onChange={(ids) =>
            editing.run({ kind: 'set', path: [...base, 'questions'], value: ids }, 'Change bank questions', {
              fieldLabel: 'Questions',
            })
          }
        />
        <NumberField
          editing={editing}
          label="Questions per learner"
          path={[...base, 'draw']}
          value={bank.draw}
          editLabel="Change draw count"
          min={1}
          max={Math.max(1, bank.questions.length)}
          helper={drawProblem ?? 'Each learner gets this many, drawn at random but the same on every resume.'}
        />
      </Card>
    </div>
  );
}
