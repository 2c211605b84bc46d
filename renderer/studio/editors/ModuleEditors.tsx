import { Button, Card, Classes, H2, H3, NonIdealState, Tag } from '@blueprintjs/core';
import { ChevronLeft, Document, Edit, FlowBranch, Layers, Plus } from '@blueprintjs/icons';
import { labelOf } from '../../../shared/engine/attributes';
import { courseModule, type CourseModule, type Lesson } from '../../../shared/model';
import { useLayoutEffect, useRef, useState } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { EditorContext } from './editor-context';
import { focusField } from '../workspace/focus-field';
import { freshId, useEditing, type Editing } from './editing';
import { NamePicker, NamesPicker, NumberField, SwitchField, TextField, type Named } from './fields';
import { ItemActions, moveKeys } from './ItemActions';
import { audienceOptions } from './audience-options';
import { prerequisiteOptions } from './prerequisite-options';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Adds a module and opens it with its title ready to type. */
export function addModule(editing: Editing): void {
  const { modules } = editing.course;
  const id = freshId(
    'module',
    modules.map((m) => m.id),
  );
  const value = courseModule.parse({ id, title: 'Untitled module', lessons: [] });
  if (editing.run({ kind: 'insert', path: ['modules'], value }, 'Add module')) {
    editing.context.select({ kind: 'module', id });
    focusField(`modules[${modules.length}].title`);
  }
}

/** A module as the model fills it in (the outline may insert one without its defaults). */
const filled = (m: CourseModule): CourseModule => courseModule.safeParse(m).data ?? m;

/** Every module in order, with what each teaches and how long it takes. */
export function ModulesList({ context }: { readonly context: EditorContext }) {
  const editing = useEditing(context);
  const { modules, competencies } = editing.course;
  const nameOf = (id: string) => competencies.find((c) => c.id === id)?.name ?? id;
  return (
    <div className="editor" aria-labelledby="modules-heading">
      <header className="editor-header editor-header-row">
        <div>
          <p className={`${Classes.TEXT_MUTED} editor-kicker`}>Course</p>
          <H2 id="modules-heading">Modules</H2>
        </div>
        {editing.editable && (
          <Button icon={<Plus />} intent="primary" text="Add module" onClick={() => addModule(editing)} />
        )}
      </header>
      {modules.length === 0 ? (
        <NonIdealState
          icon={<Layers size={48} />}
          title="No modules yet"
          description="A module groups lessons around one goal. Add the first one; lessons, placement and rules build on it."
          action={
            editing.editable ? (
              <Button icon={<Plus />} intent="primary" text="Add module" onClick={() => addModule(editing)} />
            ) : undefined
          }
        />
      ) : (
        <ModuleCards editing={editing} modules={modules} nameOf={nameOf} />
      )}
    </div>
  );
}

const CARD_ESTIMATE = 96;
const CARD_GAP = 10;

/**
 * The module cards, virtualized: a 1,000-module course renders the screenful in view (and a few beyond it), not
 * 20,000 elements. Each card reports its own height; Tab and Alt+↑/↓ scroll the next card into view as they go.
 */
function ModuleCards({
  editing,
  modules,
  nameOf,
}: {
  readonly editing: Editing;
  readonly modules: readonly CourseModule[];
  readonly nameOf: (id: string) => string;
}) {
  const listRef = useRef<HTMLOListElement>(null);
  const [scroller, setScroller] = useState<HTMLElement | null>(null);
  const [margin, setMargin] = useState(0);
  useLayoutEffect(() => {
    const list = listRef.current;
    const parent = list?.closest<HTMLElement>('.editor-panel') ?? null;
    setScroller(parent);
    if (list && parent)
      setMargin(list.getBoundingClientRect().top - parent.getBoundingClientRect().top + parent.scrollTop);
  }, []);
  // The studio is not built with React Compiler, so TanStack Virtual's mutable instance is safe here.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: modules.length,
    getScrollElement: () => scroller,
    estimateSize: () => CARD_ESTIMATE,
    gap: CARD_GAP,
    overscan: 6,
    scrollMargin: margin,
    getItemKey: (i) => modules[i]?.id ?? i,
  });
  const move = (m: CourseModule, to: number) => {
    editing.run({ kind: 'move', path: ['modules', { id: m.id }], to }, 'Move module');
    virtualizer.scrollToIndex(to, { align: 'auto' });
    focusField(`modules[${to}]`);
  };
  const rows = virtualizer.getVirtualItems();
  return (
    <ol
      ref={listRef}
      className="card-list is-virtual"
      aria-label="Modules"
      style={{ height: virtualizer.getTotalSize() }}
    >
      {rows.map((row) => {
        const i = row.index;
        const m = filled(modules[i]!);
        return (
          <li
            key={row.key}
            ref={virtualizer.measureElement}
            data-index={i}
            aria-posinset={i + 1}
            aria-setsize={modules.length}
            style={{ transform: `translateY(${row.start - margin}px)` }}
          >
            <Card
              className="item-card"
              tabIndex={0}
              aria-label={m.title}
              data-path={`modules[${i}]`}
              onKeyDown={moveKeys(i, modules.length, (to) => move(m, to))}
            >
              <span className="item-card-number" aria-hidden="true">
                {i + 1}
              </span>
              <div className="item-card-main">
                <H3 className="item-card-title">{m.title}</H3>
                {m.summary && <p className={Classes.TEXT_MUTED}>{m.summary}</p>}
                <div className="tag-row">
                  <Tag minimal round>
                    {plural(m.lessons.length, 'lesson')}
                  </Tag>
                  {m.minutes !== undefined && (
                    <Tag minimal round>
                      {m.minutes} min
                    </Tag>
                  )}
                  {m.optional && (
                    <Tag minimal round intent="warning">
                      Optional
                    </Tag>
                  )}
                  {m.competencies.map((c) => (
                    <Tag key={c} minimal round intent="primary">
                      {nameOf(c)}
                    </Tag>
                  ))}
                </div>
              </div>
              <Button
                icon={<Edit />}
                text="Edit"
                aria-label={`Edit "${m.title}"`}
                onClick={() => editing.context.select({ kind: 'module', id: m.id })}
              />
              {editing.editable && (
                <ItemActions
                  name={m.title}
                  index={i}
                  count={modules.length}
                  onMove={(to) => move(m, to)}
                  onRemove={() => editing.run({ kind: 'remove', path: ['modules', { id: m.id }] }, 'Remove module')}
                />
              )}
            </Card>
          </li>
        );
      })}
    </ol>
  );
}

/** A role typed in a picker: its id from the words, the words kept (in `typed`) to become its label. */
const asRole =
  (typed: Map<string, string>) =>
  (query: string): Named => {
    const name = query.trim();
    const id = freshId(name, []);
    typed.set(id, name);
    return { id, name };
  };

/** One module: what it teaches, to whom, and its lessons. */
export function ModuleEditor({ context, id }: { readonly context: EditorContext; readonly id: string }) {
  const editing = useEditing(context);
  const [typedRoles] = useState(() => new Map<string, string>());
  const { course } = editing;
  const found = course.modules.find((m) => m.id === id);
  const module = found && filled(found);
  if (!module)
    return (
      <NonIdealState
        title="This module no longer exists"
        description="It was removed; pick another module."
        action={<Button text="All modules" onClick={() => context.select({ kind: 'modules' })} />}
      />
    );
  const base = ['modules', { id }] as const;
  // The lesson rules that skip each lesson of this module, so a designer sees them where the lesson is.
  const skippedBy = new Map<string, string[]>();
  for (const rule of course.rules)
    if (rule.then.kind === 'skip-lessons')
      for (const lesson of rule.then.lessons) skippedBy.set(lesson, [...(skippedBy.get(lesson) ?? []), rule.id]);
  const competencyOptions = course.competencies.map((c) => ({ id: c.id, name: c.name }));
  const levelOptions = course.competencies
    .filter((c) => module.competencies.includes(c.id))
    .flatMap((c) => c.levels.map((l) => ({ id: l.id, name: l.name, detail: c.name })));
  const setList = (
    field: 'competencies' | 'audience' | 'mandatoryFor' | 'prerequisites',
    ids: string[],
    label: string,
  ) => {
    const newRoles =
      field === 'competencies' || field === 'prerequisites'
        ? []
        : // An attribute value (`site=north`) is not a role: only typed words become new roles.
          ids.filter((r) => !r.includes('=') && !course.settings.roles.includes(r));
    // "Forklift driver" typed in becomes the role forklift-driver, named "Forklift driver" wherever it shows.
    const newLabels = Object.fromEntries(
      newRoles.flatMap((r) => {
        const name = typedRoles.get(r);
        return name && name !== labelOf(course, r) ? [[r, name]] : [];
      }),
    );
    const edits = [
      ...(newRoles.length
        ? [
            {
              op: { kind: 'set' as const, path: ['settings', 'roles'], value: [...course.settings.roles, ...newRoles] },
              label: 'Add role',
            },
          ]
        : []),
      ...(Object.keys(newLabels).length
        ? [
            {
              op: {
                kind: 'set' as const,
                path: ['settings', 'labels'],
                value: { ...course.settings.labels, ...newLabels },
              },
              label: 'Name role',
            },
          ]
        : []),
      { op: { kind: 'set' as const, path: [...base, field], value: ids }, label },
    ];
    if (edits.length === 1) editing.run(edits[0]!.op, label);
    else void context.applyAll(edits, label);
  };
  const addLesson = () => {
    const taken = course.modules.flatMap((m) => m.lessons.map((l) => l.id));
    const lesson: Lesson = {
      id: freshId('lesson', taken),
      title: 'Untitled lesson',
      minutes: 5,
      blocks: [],
      renditions: [],
    };
    if (editing.run({ kind: 'insert', path: [...base, 'lessons'], value: lesson }, 'Add lesson')) {
      context.select({ kind: 'lesson', module: id, id: lesson.id });
      focusField(`${editing.pathOf([...base])}.lessons[${module.lessons.length}].title`);
    }
  };
  const dp = (field: string) => `${editing.pathOf([...base])}.${field}`;
  return (
    <div className="editor" aria-labelledby="module-heading">
      <header className="editor-header">
        <Button
          variant="minimal"
          size="small"
          className="editor-back"
          icon={<ChevronLeft />}
          text="Modules"
          onClick={() => context.select({ kind: 'modules' })}
        />
        <H2 id="module-heading">{module.title}</H2>
      </header>
      <Card className="editor-card">
        <TextField
          editing={editing}
          label="Title"
          path={[...base, 'title']}
          value={module.title}
          editLabel="Rename module"
        />
        <TextField
          editing={editing}
          label="Summary"
          path={[...base, 'summary']}
          value={module.summary}
          editLabel="Summarize module"
          multiline
          helper="One or two sentences; learners see it before they start the module."
        />
        <div className="field-row">
          <NumberField
            editing={editing}
            label="Estimated time"
            path={[...base, 'minutes']}
            value={module.minutes}
            editLabel="Change estimated time"
            unit="min"
            min={0}
            max={10000}
            optional
          />
          <div className="switch-cell">
            <SwitchField
              editing={editing}
              label="Optional module"
              path={[...base, 'optional']}
              value={module.optional}
              editLabel="Change optional"
              helper="Learners may leave it out unless a rule or their role requires it."
            />
          </div>
        </div>
      </Card>
      <Card className="editor-card">
        <H3 className="editor-section">What it teaches</H3>
        <NamesPicker
          label="Competencies taught"
          dataPath={dp('competencies')}
          options={competencyOptions}
          selected={module.competencies}
          disabled={!editing.editable}
          placeholder={competencyOptions.length ? 'Search competencies…' : 'Add competencies first'}
          error={editing.messageAt(dp('competencies'))}
          onChange={(ids) => setList('competencies', ids, 'Change competencies taught')}
        />
        <NamePicker
          label="Level reached"
          dataPath={dp('level')}
          options={levelOptions}
          value={module.level}
          clearable
          disabled={!editing.editable || levelOptions.length === 0}
          placeholder={levelOptions.length ? 'Choose a mastery level' : 'Pick a competency first'}
          helper="The mastery level a learner has after this module; placement can skip it for those already there."
          error={editing.messageAt(dp('level'))}
          onChange={(level) => editing.run({ kind: 'set', path: [...base, 'level'], value: level }, 'Change level')}
        />
      </Card>
      <Card className="editor-card">
        <H3 className="editor-section">Who it is for</H3>
        <NamesPicker
          label="Audience"
          dataPath={dp('audience')}
          options={audienceOptions(editing.course)}
          selected={module.audience}
          disabled={!editing.editable}
          placeholder="Everyone (type a role to limit it)"
          helper="Roles (and answers to the course's own questions) this module is for; empty means everyone. Answers to one question are alternatives; different ones must all hold."
          error={editing.messageAt(dp('audience'))}
          create={asRole(typedRoles)}
          onChange={(ids) => setList('audience', ids, 'Change audience')}
        />
        <NamesPicker
          label="Mandatory for"
          dataPath={dp('mandatoryFor')}
          options={audienceOptions(editing.course)}
          selected={module.mandatoryFor}
          disabled={!editing.editable}
          placeholder="No role (type a role)"
          helper="These roles always take it, whatever placement or rules say."
          error={editing.messageAt(dp('mandatoryFor'))}
          create={asRole(typedRoles)}
          onChange={(ids) => setList('mandatoryFor', ids, 'Change mandatory roles')}
        />
        <NamesPicker
          label="Comes after"
          dataPath={dp('prerequisites')}
          options={prerequisiteOptions(course, module.id)}
          selected={module.prerequisites}
          disabled={!editing.editable}
          placeholder="No module (choose one above this one)"
          helper="Learners take it after these modules, and only if those are on their path or tested out."
          error={editing.messageAt(dp('prerequisites'))}
          onChange={(ids) => setList('prerequisites', ids, 'Change prerequisites')}
        />
      </Card>
      <Card className="editor-card">
        <div className="editor-section-row">
          <H3 className="editor-section">Lessons</H3>
          {editing.editable && <Button icon={<Plus />} text="Add lesson" onClick={addLesson} />}
        </div>
        {module.lessons.length === 0 ? (
          <p className={Classes.TEXT_MUTED}>No lessons yet. Add one, then fill it with text, media and checks.</p>
        ) : (
          <ol className="lesson-list" aria-label="Lessons">
            {module.lessons.map((l, i) => {
              const move = (to: number) => {
                editing.run({ kind: 'move', path: [...base, 'lessons', { id: l.id }], to }, 'Move lesson');
                focusField(`${dp('lessons')}[${to}]`);
              };
              return (
                <li
                  key={l.id}
                  className="lesson-row"
                  tabIndex={0}
                  data-path={`${dp('lessons')}[${i}]`}
                  aria-label={l.title}
                  onKeyDown={moveKeys(i, module.lessons.length, move)}
                >
                  <Document className={Classes.TEXT_MUTED} />
                  <Button
                    variant="minimal"
                    className="lesson-link"
                    alignText="start"
                    text={l.title}
                    onClick={() => context.select({ kind: 'lesson', module: id, id: l.id })}
                  />
                  <span className={Classes.TEXT_MUTED}>
                    {plural(l.blocks.length, 'block')} · {l.minutes} min
                  </span>
                  {(skippedBy.get(l.id) ?? []).map((rule) => (
                    <Button
                      key={rule}
                      variant="minimal"
                      size="small"
                      icon={<FlowBranch />}
                      text={`Skipped by ${rule}`}
                      aria-label={`Skipped by ${rule}: open the rule`}
                      title="Learners this rule holds for skip the lesson: open the rule"
                      onClick={() => context.select({ kind: 'rule', id: rule })}
                    />
                  ))}
                  {editing.editable && (
                    <ItemActions
                      name={l.title}
                      index={i}
                      count={module.lessons.length}
                      onMove={move}
                      onRemove={() =>
                        editing.run({ kind: 'remove', path: [...base, 'lessons', { id: l.id }] }, 'Remove lesson')
                      }
                    />
                  )}
                </li>
              );
            })}
          </ol>
        )}
      </Card>
    </div>
  );
}
