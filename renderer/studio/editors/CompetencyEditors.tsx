import { Button, Card, Classes, H2, H3, NonIdealState, Tag } from '@blueprintjs/core';
import { ChevronLeft, Edit, Plus, Learning } from '@blueprintjs/icons';
import type { Competency } from '../../../shared/model';
import type { EditorContext } from './editor-context';
import { focusField } from '../workspace/focus-field';
import { freshId, useEditing } from './editing';
import { NumberField, TextField } from './fields';
import { ItemActions, moveKeys } from './ItemActions';
import { competencyUses, usedBySentence } from './usage';

function newCompetency(taken: readonly Competency[]): Competency {
  const id = freshId(
    'competency',
    taken.map((c) => c.id),
  );
  return {
    id,
    name: 'New competency',
    description: '',
    levels: [
      { id: 'beginner', name: 'Beginner', minScore: 0 },
      { id: 'proficient', name: 'Proficient', minScore: 0.7 },
    ],
  };
}

/** The competencies a course builds, with their mastery levels at a glance. */
export function CompetenciesList({ context }: { readonly context: EditorContext }) {
  const editing = useEditing(context);
  const { competencies } = editing.course;
  const add = () => {
    const value = newCompetency(competencies);
    if (editing.run({ kind: 'insert', path: ['competencies'], value }, 'Add competency')) {
      context.select({ kind: 'competency', id: value.id });
      focusField(`competencies[${competencies.length}].name`);
    }
  };
  const move = (c: Competency, to: number) => {
    editing.run({ kind: 'move', path: ['competencies', { id: c.id }], to }, 'Move competency');
    focusField(`competencies[${to}]`);
  };
  return (
    <div className="editor" aria-labelledby="competencies-heading">
      <header className="editor-header editor-header-row">
        <div>
          <p className={`${Classes.TEXT_MUTED} editor-kicker`}>Course</p>
          <H2 id="competencies-heading">Competencies</H2>
        </div>
        {editing.editable && <Button icon={<Plus />} intent="primary" text="Add competency" onClick={add} />}
      </header>
      {competencies.length === 0 ? (
        <NonIdealState
          icon={<Learning size={48} />}
          title="No competencies yet"
          description="Competencies are what learners get better at. Add one with its mastery levels; modules and questions then build on it."
          action={
            editing.editable ? (
              <Button icon={<Plus />} intent="primary" text="Add competency" onClick={add} />
            ) : undefined
          }
        />
      ) : (
        <ol className="card-list" aria-label="Competencies">
          {competencies.map((c, i) => (
            <li key={c.id}>
              <Card
                className="item-card"
                tabIndex={0}
                data-path={`competencies[${i}]`}
                aria-label={c.name}
                onKeyDown={moveKeys(i, competencies.length, (to) => move(c, to))}
              >
                <div className="item-card-main">
                  <H3 className="item-card-title">{c.name}</H3>
                  {c.description && <p className={Classes.TEXT_MUTED}>{c.description}</p>}
                  <div className="tag-row" aria-label="Mastery levels">
                    {c.levels.map((l) => (
                      <Tag key={l.id} minimal round>
                        {l.name} · from {Math.round(l.minScore * 100)}%
                      </Tag>
                    ))}
                  </div>
                </div>
                <Button
                  icon={<Edit />}
                  text="Edit"
                  aria-label={`Edit "${c.name}"`}
                  onClick={() => context.select({ kind: 'competency', id: c.id })}
                />
                {editing.editable && (
                  <ItemActions
                    name={c.name}
                    index={i}
                    count={competencies.length}
                    onMove={(to) => move(c, to)}
                    removeBlockedBy={usedBySentence(competencyUses(editing.course, c.id))}
                    onRemove={() =>
                      editing.run({ kind: 'remove', path: ['competencies', { id: c.id }] }, 'Remove competency')
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

/** One competency: its name, what it means and the mastery levels placement scores map onto. */
export function CompetencyEditor({ context, id }: { readonly context: EditorContext; readonly id: string }) {
  const editing = useEditing(context);
  const competency = editing.course.competencies.find((c) => c.id === id);
  if (!competency)
    return (
      <NonIdealState
        title="This competency no longer exists"
        description="It was removed or renamed; pick another in the list."
        action={<Button text="All competencies" onClick={() => context.select({ kind: 'competencies' })} />}
      />
    );
  const base = ['competencies', { id }] as const;
  const levelsPath = editing.pathOf([...base, 'levels']);
  const levels = competency.levels;
  const addLevel = () => {
    const last = levels.at(-1)?.minScore ?? 0;
    const minScore = Math.min(1, Math.round((last + (1 - last) / 2) * 20) / 20);
    const value = {
      id: freshId(
        'level',
        levels.map((l) => l.id),
      ),
      name: 'New level',
      minScore,
    };
    if (editing.run({ kind: 'insert', path: [...base, 'levels'], value }, 'Add mastery level', { field: levelsPath }))
      focusField(`${levelsPath}[${levels.length}].name`);
  };
  return (
    <div className="editor" aria-labelledby="competency-heading">
      <header className="editor-header">
        <Button
          variant="minimal"
          size="small"
          className="editor-back"
          icon={<ChevronLeft />}
          text="Competencies"
          onClick={() => context.select({ kind: 'competencies' })}
        />
        <H2 id="competency-heading">{competency.name}</H2>
        <p className={Classes.TEXT_MUTED}>
          Rules and personas name it <code>{competency.id}</code>.
        </p>
      </header>
      <Card className="editor-card">
        <TextField
          editing={editing}
          label="Name"
          path={[...base, 'name']}
          value={competency.name}
          editLabel="Rename competency"
        />
        <TextField
          editing={editing}
          label="Description"
          path={[...base, 'description']}
          value={competency.description}
          editLabel="Describe competency"
          multiline
        />
      </Card>
      <Card className="editor-card">
        <div className="editor-section-row">
          <H3 className="editor-section">Mastery levels</H3>
          {editing.editable && <Button icon={<Plus />} text="Add level" onClick={addLevel} />}
        </div>
        <p className={Classes.TEXT_MUTED}>
          From lowest to highest. A learner reaches a level when their placement score is at least its minimum.
        </p>
        {editing.messageAt(levelsPath, 'The list of levels') && (
          <p className="field-error" role="alert">
            {editing.messageAt(levelsPath, 'The list of levels')}
          </p>
        )}
        <ol className="level-list" aria-label="Mastery levels">
          {levels.map((level, i) => {
            const path = [...base, 'levels', { id: level.id }] as const;
            const move = (to: number) => {
              editing.run({ kind: 'move', path: [...path], to }, 'Move mastery level', {
                field: `${levelsPath}[${to}].minScore`,
                fieldLabel: 'Minimum score',
              });
            };
            return (
              <li key={level.id} className="level-row" onKeyDown={moveKeys(i, levels.length, move)}>
                <TextField
                  editing={editing}
                  label={`Level ${i + 1} name`}
                  path={[...path, 'name']}
                  value={level.name}
                  editLabel="Rename mastery level"
                />
                <NumberField
                  editing={editing}
                  label="Minimum score"
                  path={[...path, 'minScore']}
                  value={level.minScore}
                  editLabel="Change minimum score"
                  scale={100}
                  unit="%"
                  min={0}
                  max={100}
                />
                {editing.editable && (
                  <ItemActions
                    name={level.name}
                    index={i}
                    count={levels.length}
                    onMove={move}
                    onRemove={() =>
                      editing.run({ kind: 'remove', path: [...path] }, 'Remove mastery level', {
                        field: levelsPath,
                        fieldLabel: 'The list of levels',
                      })
                    }
                  />
                )}
              </li>
            );
          })}
        </ol>
      </Card>
    </div>
  );
}
