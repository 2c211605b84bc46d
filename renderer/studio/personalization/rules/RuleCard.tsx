import { Button, Card, Checkbox, Classes, FormGroup, HTMLSelect, Intent, TextArea } from '@blueprintjs/core';
import { SmallCross, Trash } from '@blueprintjs/icons';
import { memo, useEffect, useId, useMemo, useRef, useState, type ReactNode } from 'react';
import { FORMATS, type Rule, type RuleAction } from '../../../../shared/model';
import type { EditorContext } from '../../editors/editor-context';
import { checkCondition, scopeFor } from '../conditions/check-condition';
import { ConditionBuilder } from '../conditions/ConditionBuilder';
import { LazyConditionEditor } from '../conditions/LazyConditionEditor';
import { RuleHeader } from './RuleHeader';
import { pickOptions, withoutChoiceModule, withPickCount } from './choice-pick';
import { ACTIONS } from './rule-summary';
import { actionOfKind, type Modules } from './rule-kind';

export interface RuleCardProps {
  readonly rule: Rule;
  readonly context: EditorContext;
  /** What the rule does to the personas, in words; undefined while the analysis works it out. */
  readonly effect: string | undefined;
  readonly selected: boolean;
  /** The condition still being typed when this rule was last open (it did not check); the rule's own otherwise. */
  readonly draft?: string | undefined;
  /** Told the draft after each change: the text while it does not check, undefined once the document has it. */
  readonly onDraft?: ((id: string, draft: string | undefined) => void) | undefined;
  /** Opened from the list: the condition takes the focus, as a keyboard user expects after "Edit". */
  readonly takeFocus?: boolean;
}

/**
 * A card reads only these parts of the course; immer keeps them the same objects while another rule is typed in,
 * so a keystroke in one rule re-renders that card alone, not the other 199 with their editors.
 */
function sameCard(a: RuleCardProps, b: RuleCardProps): boolean {
  const x = a.context;
  const y = b.context;
  return (
    a.rule === b.rule &&
    a.effect === b.effect &&
    a.selected === b.selected &&
    a.onDraft === b.onDraft &&
    a.takeFocus === b.takeFocus &&
    x.readOnly === y.readOnly &&
    x.apply === y.apply &&
    x.select === y.select &&
    x.course.competencies === y.course.competencies &&
    x.course.settings === y.course.settings &&
    x.course.modules === y.course.modules &&
    x.course.questions === y.course.questions
  );
}

/** One skip-ahead rule: when / then / which modules / the reason the learner reads, and its effect on the personas. */
export const RuleCard = memo(RuleCardView, sameCard);

function RuleCardView({ rule, context, effect, selected, draft: kept, onDraft, takeFocus }: RuleCardProps): ReactNode {
  const { course, readOnly } = context;
  const ids = useId();
  const path = useMemo(() => ['rules', { id: rule.id }] as const, [rule.id]);
  const [draft, setDraft] = useState(kept ?? rule.when);
  const applied = useRef(rule.when);
  const card = useRef<HTMLDivElement>(null);

  // Conditions this card applied that the document has not shown back yet. The studio draws an applied keystroke after
  // the frame (`later`), so it may show an older one of them while a newer one is typed: that is no change from outside.
  const sent = useRef<string[]>([]);

  // Undo, redo or another window changed the condition: show the document's text again.
  useEffect(() => {
    if (rule.when === applied.current) {
      sent.current = [];
      return;
    }
    const echo = sent.current.indexOf(rule.when);
    if (echo >= 0) {
      sent.current = sent.current.slice(echo + 1);
      return;
    }
    applied.current = rule.when;
    sent.current = [];
    setDraft(rule.when);
    onDraft?.(rule.id, undefined);
  }, [rule.when, rule.id, onDraft]);

  useEffect(() => {
    if (selected) card.current?.scrollIntoView({ block: 'nearest' });
  }, [selected]);

  // The editor mounted with the card (an open rule's is eager): hand it the focus the "Edit" button had.
  useEffect(() => {
    if (!takeFocus) return;
    card.current?.querySelector('.condition-editor')?.shadowRoot?.querySelector<HTMLElement>('.cm-content')?.focus();
  }, [takeFocus]);

  const { competencies, settings } = course;
  // A rule's scope reads only the competencies and the settings: typing leaves both the same objects.
  const scope = useMemo(
    () => scopeFor({ competencies, settings, questions: [] }, { context: 'rule' }),
    [competencies, settings],
  );
  const check = useMemo(() => checkCondition(draft, scope), [draft, scope]);

  const changeCondition = (text: string) => {
    setDraft(text);
    // A condition that does not check stays a draft here; the document (and so the engine) keeps the last good one.
    const ok = checkCondition(text, scope).ok;
    onDraft?.(rule.id, ok ? undefined : text);
    if (text === applied.current || !ok) return;
    applied.current = text;
    sent.current = [...sent.current.slice(-49), text];
    void context.apply(
      {
        op: { kind: 'set', path: [...path, 'when'], value: text },
        label: `Change the condition of "${rule.id}"`,
        merge: `rule-when-${rule.id}`,
      },
      // The condition is on screen already (CodeMirror, the builder): the rules list and the analysis follow after.
      { later: true },
    );
  };

  const setAction = (then: RuleAction, label: string) =>
    void context.apply({ op: { kind: 'set', path: [...path, 'then'], value: then }, label });

  const action = rule.then;
  // Every module not yet a target: on a 300-module course, built once per change of targets, not per keystroke.
  const addable = useMemo(
    () => [
      { value: '', label: 'Add a module…' },
      ...course.modules
        .filter((m) => !('modules' in action) || !action.modules.includes(m.id))
        .map((m) => ({ value: m.id, label: m.title })),
    ],
    [course.modules, action],
  );
  const moduleTitle = (id: string) => course.modules.find((m) => m.id === id)?.title ?? id;
  const hasLessons = course.modules.some((m) => m.lessons.length > 0);
  // A lesson rule needs a lesson to name: on a course without one the kind says why it cannot be picked.
  const actions = useMemo(
    () =>
      ACTIONS.map((a) =>
        a.value === 'skip-lessons' && !hasLessons && action.kind !== 'skip-lessons'
          ? { ...a, label: `${a.label}: add a lesson first`, disabled: true }
          : a,
      ),
    [hasLessons, action.kind],
  );
  const statusId = `${ids}-status`;
  const minimum = action.kind === 'offer-choice' ? 2 : 1;

  return (
    <Card
      ref={card}
      className={`rule-card${selected ? ' rule-card-selected' : ''}${check.ok ? '' : ' rule-card-draft'}`}
      role="group"
      aria-label={`Rule ${rule.id}`}
    >
      <RuleHeader rule={rule.id} draft={!check.ok}>
        <Button
          variant="minimal"
          icon={<Trash />}
          aria-label={`Delete rule ${rule.id}`}
          disabled={readOnly}
          onClick={() =>
            void context.apply({ op: { kind: 'remove', path: [...path] }, label: `Delete rule "${rule.id}"` })
          }
        />
      </RuleHeader>

      <div className="rule-card-when">
        <FormGroup label="When" className="rule-card-condition">
          <div>
            <LazyConditionEditor
              eager={selected}
              value={draft}
              course={course}
              place={{ context: 'rule' }}
              label={`Condition of rule ${rule.id}`}
              readOnly={readOnly}
              onChange={changeCondition}
            />
          </div>
        </FormGroup>
        <ConditionBuilder
          ast={check.ok ? check.ast : check.ast}
          course={course}
          label={`Condition of rule ${rule.id}, as tests`}
          readOnly={readOnly}
          onChange={changeCondition}
        />
      </div>
      <div id={statusId} className="rule-card-status" aria-live="polite">
        {check.ok ? (
          <span className={Classes.TEXT_MUTED}>{effect ?? 'Working out what this rule does…'}</span>
        ) : (
          <ul className="rule-card-errors">
            {check.diagnostics.map((d, i) => (
              <li key={i}>
                {d.message} <span className={Classes.TEXT_MUTED}>(at character {d.from + 1})</span>
              </li>
            ))}
          </ul>
        )}
      </div>

      <div className="rule-card-then">
        <FormGroup label="Then" labelFor={`${ids}-action`}>
          <HTMLSelect
            id={`${ids}-action`}
            value={action.kind}
            disabled={readOnly}
            options={actions}
            onChange={(e) =>
              setAction(
                actionOfKind(e.currentTarget.value as RuleAction['kind'], action, course.modules),
                `Change what "${rule.id}" does`,
              )
            }
          />
        </FormGroup>
        {'modules' in action ? (
          <FormGroup label="Modules" labelFor={`${ids}-add-module`} className="rule-card-targets">
            <div className="rule-card-tags">
              {action.modules.map((id) => (
                <span key={id} className="rule-target">
                  {moduleTitle(id)}
                  {!readOnly && action.modules.length > minimum && (
                    <Button
                      variant="minimal"
                      size="small"
                      icon={<SmallCross />}
                      aria-label={`Remove ${moduleTitle(id)} from rule ${rule.id}`}
                      onClick={() =>
                        setAction(
                          action.kind === 'offer-choice'
                            ? withoutChoiceModule(action, id)
                            : { ...action, modules: action.modules.filter((m) => m !== id) },
                          `Remove "${id}" from "${rule.id}"`,
                        )
                      }
                    />
                  )}
                </span>
              ))}
              <HTMLSelect
                id={`${ids}-add-module`}
                aria-label={`Add a module to rule ${rule.id}`}
                value=""
                disabled={readOnly}
                options={addable}
                onChange={(e) => {
                  const id = e.currentTarget.value;
                  if (id) setAction({ ...action, modules: [...action.modules, id] }, `Add "${id}" to "${rule.id}"`);
                }}
              />
            </div>
            {action.kind === 'offer-choice' && (
              <HTMLSelect
                className="rule-card-pick"
                aria-label={`How many modules rule ${rule.id} lets the learner pick`}
                value={String(action.pick ?? 1)}
                disabled={readOnly}
                options={pickOptions(new Set(action.modules).size)}
                onChange={(e) =>
                  setAction(
                    withPickCount(action, Number(e.currentTarget.value)),
                    `Change how many modules "${rule.id}" lets the learner pick`,
                  )
                }
              />
            )}
          </FormGroup>
        ) : action.kind === 'skip-lessons' ? (
          <LessonsField
            rule={rule.id}
            lessons={action.lessons}
            modules={course.modules}
            readOnly={readOnly}
            onChange={(lessons, label) => setAction({ ...action, lessons }, label)}
          />
        ) : (
          <FormGroup label="Formats" className="rule-card-targets">
            <div className="rule-card-tags">
              {FORMATS.map((format) => (
                <Checkbox
                  key={format}
                  inline
                  label={format}
                  checked={action.formats.includes(format)}
                  disabled={readOnly || (action.formats.length === 1 && action.formats.includes(format))}
                  onChange={(e) =>
                    setAction(
                      {
                        ...action,
                        formats: e.currentTarget.checked
                          ? FORMATS.filter((f) => f === format || action.formats.includes(f))
                          : action.formats.filter((f) => f !== format),
                      },
                      `Change the formats "${rule.id}" offers`,
                    )
                  }
                />
              ))}
            </div>
          </FormGroup>
        )}
      </div>

      <FormGroup label="Reason shown to the learner" labelFor={`${ids}-reason`}>
        <ReasonField
          id={`${ids}-reason`}
          value={rule.reason}
          disabled={readOnly}
          onCommit={(reason) =>
            void context.apply({
              op: { kind: 'set', path: [...path, 'reason'], value: reason },
              label: `Change the reason of "${rule.id}"`,
              merge: `rule-reason-${rule.id}`,
            })
          }
        />
      </FormGroup>
    </Card>
  );
}

/** A lesson as the designer finds it in the outline: its module's title and its own (an id the course lost stays). */
function lessonPlace(id: string, modules: Modules): { module?: string; lesson: string } {
  for (const m of modules) {
    const lesson = m.lessons.find((l) => l.id === id);
    if (lesson) return { module: m.title, lesson: lesson.title };
  }
  return { lesson: id };
}

/** `Module title › Lesson title`, as a remove button names it. */
function lessonName(id: string, modules: Modules): string {
  const { module, lesson } = lessonPlace(id, modules);
  return module ? `${module} › ${lesson}` : lesson;
}

/** The module's title quieter than the lesson's, so the eye finds the lesson first. */
function LessonTag({ module, lesson }: { module?: string; lesson: string }): ReactNode {
  return (
    <span>
      {module && <span className="rule-target-module">{module} › </span>}
      <span className="rule-target-lesson">{lesson}</span>
    </span>
  );
}

/**
 * The lessons a skip-lessons rule skips: a tag per lesson with its remove button (never the last: the rule needs one),
 * and a select of the lessons not named yet, grouped by module as in the outline.
 */
function LessonsField(props: {
  rule: string;
  lessons: readonly string[];
  modules: Modules;
  readOnly: boolean;
  onChange: (lessons: string[], label: string) => void;
}): ReactNode {
  const { rule, lessons, modules, readOnly, onChange } = props;
  const id = useId();
  // Built once per change of lessons or modules: a 5,000-lesson course has as many options.
  const groups = useMemo(
    () =>
      modules
        .map((m) => ({ module: m, lessons: m.lessons.filter((l) => !lessons.includes(l.id)) }))
        .filter((g) => g.lessons.length > 0),
    [modules, lessons],
  );
  return (
    <FormGroup
      label="Lessons"
      labelFor={`${id}-add-lesson`}
      className="rule-card-targets"
      helperText="Counted as done; the learner may still open them. Not skipped where the module is mandatory for them."
    >
      <div className="rule-card-tags">
        {lessons.map((lesson) => (
          <span key={lesson} className="rule-target">
            <LessonTag {...lessonPlace(lesson, modules)} />
            {!readOnly && lessons.length > 1 && (
              <Button
                variant="minimal"
                size="small"
                icon={<SmallCross />}
                aria-label={`Remove ${lessonName(lesson, modules)} from rule ${rule}`}
                onClick={() =>
                  onChange(
                    lessons.filter((l) => l !== lesson),
                    `Remove "${lesson}" from "${rule}"`,
                  )
                }
              />
            )}
          </span>
        ))}
        <HTMLSelect
          id={`${id}-add-lesson`}
          aria-label={`Add a lesson to rule ${rule}`}
          value=""
          disabled={readOnly || groups.length === 0}
          onChange={(e) => {
            const lesson = e.currentTarget.value;
            if (lesson) onChange([...lessons, lesson], `Add "${lesson}" to "${rule}"`);
          }}
        >
          <option value="">{groups.length ? 'Add a lesson…' : 'Every lesson is named'}</option>
          {groups.map((g) => (
            <optgroup key={g.module.id} label={g.module.title}>
              {g.lessons.map((l) => (
                <option key={l.id} value={l.id}>
                  {l.title}
                </option>
              ))}
            </optgroup>
          ))}
        </HTMLSelect>
      </div>
    </FormGroup>
  );
}

/** The reason in the learner's words: an empty one is refused by the course, so it stays local until written. */
function ReasonField(props: {
  id: string;
  value: string;
  disabled: boolean;
  onCommit: (value: string) => void;
}): ReactNode {
  const [text, setText] = useState(props.value);
  const [shown, setShown] = useState(props.value);
  // Undo or another window changed the reason: show the document's text (React's "derive from props" pattern).
  if (props.value !== shown) {
    setShown(props.value);
    setText(props.value);
  }
  const empty = text.trim() === '';
  return (
    <>
      <TextArea
        id={props.id}
        fill
        className="grows-with-text"
        value={text}
        disabled={props.disabled}
        intent={empty ? Intent.DANGER : Intent.NONE}
        aria-invalid={empty}
        onChange={(e) => {
          const next = e.currentTarget.value;
          setText(next);
          if (next.trim() !== '' && next.length <= 500) props.onCommit(next);
        }}
      />
      {empty && <p className="field-error">Say why, in words the learner understands.</p>}
    </>
  );
}
