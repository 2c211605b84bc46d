import {
  Button,
  ButtonGroup,
  Callout,
  Card,
  Classes,
  H1,
  H2,
  H3,
  Intent,
  NonIdealState,
  Spinner,
  Tag,
  useHotkeys,
} from '@blueprintjs/core';
import { ArrowDown, ArrowUp, Export, FolderOpen, Layers, Plus, Redo, Trash, Undo } from '@blueprintjs/icons';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { CourseSummary } from '../../../shared/contract';
import type { CourseModule } from '../../../shared/model';
import { useBackend } from '../app/backend-context';
import { SelectionEditor } from '../editors/SelectionEditor';
import type { EditorContext } from '../editors/editor-context';
import { selectionFromParam, selectionToParam, type Selection } from '../workspace/selection';
import { InlineTitle } from './InlineTitle';
import { PublishDialog } from './PublishDialog';
import { useCourseDocument } from './use-course-document';

export interface CourseScreenProps {
  readonly course: CourseSummary;
}

function nextModuleId(modules: readonly CourseModule[]): string {
  const ids = new Set(modules.map((m) => m.id));
  for (let n = modules.length + 1; ; n++) if (!ids.has(`module-${n}`)) return `module-${n}`;
}

/** `&sel=…` after the course in the hash names the item being edited. */
function selectionFromHash(): Selection | null {
  const param = new URLSearchParams(window.location.hash.slice(1)).get('sel');
  return param ? selectionFromParam(param) : null;
}

function useHashSelection(): [Selection | null, (next: Selection) => void] {
  const [selection, setSelection] = useState(selectionFromHash);
  useEffect(() => {
    const onHash = () => setSelection(selectionFromHash());
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  const select = useCallback((next: Selection) => {
    const params = new URLSearchParams(window.location.hash.slice(1));
    params.set('sel', selectionToParam(next));
    window.history.replaceState(null, '', `#${params.toString()}`);
    setSelection(next);
  }, []);
  return [selection, select];
}

export function CourseScreen({ course }: CourseScreenProps) {
  const { client, info } = useBackend();
  const [readOnly, setReadOnly] = useState(false);
  const [publishing, setPublishing] = useState(false);
  const { state, problem, apply, undo, redo } = useCourseDocument(course.path, readOnly);
  const doc = state.kind === 'ready' ? state.doc : null;
  const [selection, select] = useHashSelection();
  const applyAll = useCallback(
    async (edits: readonly Parameters<typeof apply>[0][], _label: string) => {
      // Until the workspace lands a batch call, each edit is its own undo step.
      for (const edit of edits) await apply(edit);
    },
    [apply],
  );
  const editorContext: EditorContext | null = useMemo(
    () =>
      doc && {
        path: doc.path,
        course: doc.course,
        assets: doc.assets,
        readOnly: doc.readOnly,
        apply,
        applyAll,
        select,
      },
    [doc, apply, applyAll, select],
  );

  const hotkeys = useMemo(
    () => [
      { combo: 'mod+z', global: true, label: 'Undo', preventDefault: true, onKeyDown: () => void undo() },
      { combo: 'mod+shift+z', global: true, label: 'Redo', preventDefault: true, onKeyDown: () => void redo() },
    ],
    [undo, redo],
  );
  useHotkeys(hotkeys);

  if (state.kind === 'loading') return <Spinner aria-label="Opening the course" className="course-loading" />;
  if (state.kind === 'failed')
    return (
      <main className="course" aria-labelledby="course-title">
        <H1 id="course-title">{course.title}</H1>
        <Callout intent={Intent.WARNING} title="The course did not open for editing" role="alert">
          <p>{state.error.message}</p>
          {state.error.code === 'read-only' && !readOnly && (
            <Button intent={Intent.PRIMARY} text="Open read-only" onClick={() => setReadOnly(true)} />
          )}
        </Callout>
      </main>
    );

  const { course: content, history } = doc!;
  const editable = !doc!.readOnly;
  const modules = content.modules;

  return (
    <main className="course" aria-labelledby="course-title">
      <header className="course-header">
        <div>
          <H1 id="course-title" className="visually-hidden">
            {content.title}
          </H1>
          <InlineTitle
            large
            value={content.title}
            label="Course title"
            disabled={!editable}
            onCommit={(title) =>
              void apply({
                op: { kind: 'set', path: ['title'], value: title },
                label: 'Rename course',
                merge: 'course-title',
              })
            }
          />
          <p className={Classes.TEXT_MUTED}>
            Saved in <code>{doc!.path}</code>
            {info.capabilities.revealInFolder && (
              <Button
                variant="minimal"
                size="small"
                icon={<FolderOpen />}
                text="Show in folder"
                onClick={() => void client.invoke('platform.revealInFolder', { path: doc!.path })}
              />
            )}
          </p>
        </div>
        <div className="welcome-actions">
          <Button icon={<Export />} intent={Intent.PRIMARY} text="Publish…" onClick={() => setPublishing(true)} />
          <ButtonGroup aria-label="History">
            <Button
              icon={<Undo />}
              text="Undo"
              title={history.undoLabel ? `Undo ${history.undoLabel}` : 'Nothing to undo'}
              disabled={!history.canUndo}
              onClick={() => void undo()}
            />
            <Button
              icon={<Redo />}
              text="Redo"
              title={history.redoLabel ? `Redo ${history.redoLabel}` : 'Nothing to redo'}
              disabled={!history.canRedo}
              onClick={() => void redo()}
            />
          </ButtonGroup>
        </div>
      </header>

      {doc!.readOnly && (
        <Callout intent={Intent.PRIMARY} title="Read-only" className="course-notice">
          Another Tailor is editing this course. You can read it here; changes are not possible.
        </Callout>
      )}
      {problem && (
        <Callout intent={Intent.DANGER} title="That change was not made" role="alert" className="course-notice">
          {problem}
        </Callout>
      )}

      <PublishDialog isOpen={publishing} path={doc!.path} title={content.title} onClose={() => setPublishing(false)} />

      <Card className="course-outline">
        <div className="outline-header">
          <H2 className={Classes.HEADING}>Outline</H2>
          {editable && (
            <Button
              icon={<Plus />}
              text="Add module"
              onClick={() => {
                const id = nextModuleId(modules);
                void apply({
                  op: { kind: 'insert', path: ['modules'], value: { id, title: 'Untitled module', lessons: [] } },
                  label: 'Add module',
                });
              }}
            />
          )}
        </div>
        {modules.length === 0 ? (
          <NonIdealState
            icon={<Layers size={48} />}
            description={
              <>
                <H3>This course has no modules yet</H3>
                <p>Add a module to start; competencies, lessons, the placement test and rules build on it.</p>
              </>
            }
          />
        ) : (
          <ol className="module-list" aria-label="Modules">
            {modules.map((m, i) => (
              <li key={m.id} className="module-row">
                <div className="module-title">
                  <InlineTitle
                    value={m.title}
                    label={`Title of module ${i + 1}`}
                    disabled={!editable}
                    onCommit={(title) =>
                      void apply({
                        op: { kind: 'set', path: ['modules', { id: m.id }, 'title'], value: title },
                        label: 'Rename module',
                        merge: `module-title:${m.id}`,
                      })
                    }
                  />
                </div>
                <Tag minimal>{m.lessons.length === 1 ? '1 lesson' : `${m.lessons.length} lessons`}</Tag>
                {editable && (
                  <ButtonGroup variant="minimal">
                    <Button
                      icon={<ArrowUp />}
                      aria-label={`Move "${m.title}" up`}
                      disabled={i === 0}
                      onClick={() =>
                        void apply({
                          op: { kind: 'move', path: ['modules', { id: m.id }], to: i - 1 },
                          label: 'Move module',
                        })
                      }
                    />
                    <Button
                      icon={<ArrowDown />}
                      aria-label={`Move "${m.title}" down`}
                      disabled={i === modules.length - 1}
                      onClick={() =>
                        void apply({
                          op: { kind: 'move', path: ['modules', { id: m.id }], to: i + 1 },
                          label: 'Move module',
                        })
                      }
                    />
                    <Button
                      icon={<Trash />}
                      intent={Intent.DANGER}
                      aria-label={`Remove "${m.title}"`}
                      onClick={() =>
                        void apply({ op: { kind: 'remove', path: ['modules', { id: m.id }] }, label: 'Remove module' })
                      }
                    />
                  </ButtonGroup>
                )}
              </li>
            ))}
          </ol>
        )}
      </Card>
      {selection && editorContext && (
        <section className="course-editor" aria-label="Editor">
          <SelectionEditor selection={selection} context={editorContext} />
        </section>
      )}
    </main>
  );
}
