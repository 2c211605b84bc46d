import { Button, Card, Classes, H2, Menu, MenuItem, NonIdealState, Popover, Tab, Tabs } from '@blueprintjs/core';
import { ChevronLeft, Plus, Trash } from '@blueprintjs/icons';
import { useState } from 'react';
import { FORMATS, lesson as lessonSchema, type Format } from '../../../shared/model';
import { BlockList } from './Blocks';
import type { EditorContext } from './editor-context';
import { freshId, useEditing } from './editing';
import { NumberField, TextField } from './fields';

const FORMAT_LABELS: Record<Format, string> = { video: 'Video version', text: 'Text version', audio: 'Audio version' };

interface LessonEditorProps {
  readonly context: EditorContext;
  readonly module: string;
  readonly id: string;
}

/** A lesson: its blocks in reading order, and alternative versions (video, text, audio) learners may choose. */
export function LessonEditor({ context, module: moduleId, id }: LessonEditorProps) {
  const editing = useEditing(context);
  const [tab, setTab] = useState<string>('main');
  const module = editing.course.modules.find((m) => m.id === moduleId);
  const found = module?.lessons.find((l) => l.id === id);
  // The outline may insert a lesson without the model's defaults.
  const lesson = found && (lessonSchema.safeParse(found).data ?? found);
  if (!module || !lesson)
    return (
      <NonIdealState
        title="This lesson no longer exists"
        description="It was removed or moved; pick it again in the outline."
        action={<Button text="All modules" onClick={() => context.select({ kind: 'modules' })} />}
      />
    );
  const base = ['modules', { id: moduleId }, 'lessons', { id }] as const;
  const missing = FORMATS.filter((f) => !lesson.renditions.some((r) => r.format === f));
  const allIds = editing.course.modules.flatMap((m) =>
    m.lessons.flatMap((l) => [...l.blocks, ...(l.renditions ?? []).flatMap((r) => r.blocks)].map((b) => b.id)),
  );
  const addRendition = (format: Format) => {
    const first =
      format === 'text'
        ? { type: 'text' as const, id: freshId('text', allIds), html: '' }
        : format === 'video'
          ? { type: 'video' as const, id: freshId('video', allIds), src: 'assets/video', captions: [] }
          : { type: 'audio' as const, id: freshId('audio', allIds), src: 'assets/audio' };
    const value = { format, label: '', blocks: [first] };
    if (
      editing.run(
        { kind: 'insert', path: [...base, 'renditions'], value },
        `Add ${FORMAT_LABELS[format].toLowerCase()}`,
      )
    )
      setTab(`r${lesson.renditions.length}`);
  };
  const selected = tab === 'main' || Number(tab.slice(1)) < lesson.renditions.length ? tab : 'main';
  const versionPanel = (index: number) => {
    const rendition = lesson.renditions[index]!;
    const path = [...base, 'renditions', index] as const;
    return (
      <>
        <Card className="editor-card rendition-meta">
          <p className={Classes.TEXT_MUTED}>
            Learners who prefer {rendition.format} (or whose rules offer formats) see this version instead of the
            lesson&apos;s blocks.
          </p>
          <div className="rendition-row">
            <TextField
              editing={editing}
              label="Name learners see"
              path={[...path, 'label']}
              value={rendition.label}
              editLabel="Rename version"
              placeholder={FORMAT_LABELS[rendition.format]}
            />
            {editing.editable && (
              <Button
                icon={<Trash />}
                intent="danger"
                variant="outlined"
                text="Remove version"
                onClick={() => {
                  editing.run({ kind: 'remove', path: [...path] }, 'Remove version');
                  setTab('main');
                }}
              />
            )}
          </div>
        </Card>
        <BlockList
          editing={editing}
          path={[...path, 'blocks']}
          blocks={rendition.blocks}
          label={`Blocks of the ${rendition.format} version`}
        />
      </>
    );
  };
  return (
    <div className="editor lesson-editor" aria-labelledby="lesson-heading">
      <header className="editor-header">
        <Button
          variant="minimal"
          size="small"
          className="editor-back"
          icon={<ChevronLeft />}
          text={module.title}
          onClick={() => context.select({ kind: 'module', id: moduleId })}
        />
        <H2 id="lesson-heading">{lesson.title}</H2>
      </header>
      <Card className="editor-card lesson-meta">
        <TextField
          editing={editing}
          label="Lesson title"
          path={[...base, 'title']}
          value={lesson.title}
          editLabel="Rename lesson"
          className="lesson-title-field"
        />
        <NumberField
          editing={editing}
          label="Minutes"
          path={[...base, 'minutes']}
          value={lesson.minutes}
          editLabel="Change lesson minutes"
          unit="min"
          min={1}
          max={240}
        />
      </Card>
      <div className="version-bar">
        <span className={`${Classes.TEXT_MUTED} version-hint`}>
          {lesson.renditions.length
            ? 'Versions learners can choose between'
            : 'One version; add video, text or audio versions for learners who prefer them'}
        </span>
        {editing.editable && missing.length > 0 && (
          <Popover
            placement="bottom-end"
            content={
              <Menu aria-label="Alternative versions">
                {missing.map((f) => (
                  <MenuItem key={f} text={FORMAT_LABELS[f]} onClick={() => addRendition(f)} />
                ))}
              </Menu>
            }
          >
            <Button icon={<Plus />} variant="minimal" text="Add version" title="Let learners choose another format" />
          </Popover>
        )}
      </div>
      <Tabs
        id="lesson-versions"
        className="version-tabs"
        selectedTabId={selected}
        onChange={(next) => setTab(String(next))}
        renderActiveTabPanelOnly
      >
        <Tab
          id="main"
          title="Lesson"
          panel={
            <BlockList
              editing={editing}
              path={[...base, 'blocks']}
              blocks={lesson.blocks}
              label="Blocks of the lesson"
            />
          }
        />
        {lesson.renditions.map((r, i) => (
          <Tab key={r.format} id={`r${i}`} title={r.label || FORMAT_LABELS[r.format]} panel={versionPanel(i)} />
        ))}
      </Tabs>
    </div>
  );
}
