import {
  Button,
  ButtonGroup,
  Callout,
  Classes,
  H1,
  H3,
  Intent,
  Menu,
  MenuDivider,
  MenuItem,
  NonIdealState,
  OverlayToaster,
  KeyComboTag,
  showContextMenu,
  Tooltip,
} from '@blueprintjs/core';
import { Export, FolderOpen, Layers, Play, Plus, Redo, Search, Select, Trash, Undo } from '@blueprintjs/icons';
import {
  memo,
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type MouseEvent as ReactMouseEvent,
} from 'react';
import { Group, Panel, Separator } from 'react-resizable-panels';
import type { DocumentSnapshot } from '../../../shared/contract';
import type { Edit } from '../../../shared/ops';
import { AnalysisContext, useAnalysis } from '../analysis/use-analysis';
import { useBackend } from '../app/backend-context';
import { CommandPalette } from '../commands/CommandPalette';
import { hotkeyLabel, type Command } from '../commands/registry';
import { STUDIO_COMMANDS, targetModule, type StudioCommandContext } from '../commands/studio-commands';
import { useMenuCommands } from '../commands/menu-hub';
import { useCommandHotkeys } from '../commands/use-command-hotkeys';
import { InlineTitle } from '../course/InlineTitle';
import { PublishDialog } from '../course/PublishDialog';
import type { SavingStatus } from '../course/saving-status';
import type { ApplyOptions, EditorContext } from '../editors/editor-context';
import { prefetchLessonEditorWhenIdle } from '../editors/editor-code';
import { SelectionEditor } from '../editors/SelectionEditor';
import { MoveToDialog } from '../outline/MoveToDialog';
import { Navigator, type FocusRequest } from '../outline/Navigator';
import {
  addLesson,
  addModule,
  moveBy,
  removeItems,
  type OutlineAction,
  type OutlineItem,
} from '../outline/outline-edits';
import { outlineNodes, sameOutline, type OutlineNode } from '../outline/outline-nodes';
import { describeLocation } from './describe-location';
import { focusField } from './focus-field';
import { ProblemsPanel } from './ProblemsPanel';
import { SaveState } from './SaveState';
import { selectionExists, selectionForPath } from './selection-for-path';
import { useAfterPaint } from './use-after-paint';
import { useHashSelection } from './use-hash-selection';
import { selectionToParam, type Selection } from './selection';

export interface WorkspaceProps {
  readonly doc: DocumentSnapshot;
  readonly problem: string | null;
  /** Whether edits are on their way to the backend. */
  readonly saving: SavingStatus;
  readonly apply: (edit: Edit, options?: ApplyOptions) => Promise<void>;
  readonly applyAll: (edits: readonly Edit[], label: string) => Promise<void>;
  readonly undo: () => Promise<void>;
  readonly redo: () => Promise<void>;
}

const CONTEXT_MENU_COMMANDS = [
  'outline.addLesson',
  'outline.rename',
  'outline.moveUp',
  'outline.moveDown',
  'outline.moveTo',
  'outline.delete',
];

/**
 * The course's outline nodes, kept the same object while the outline they show is the same: a keystroke in a rule or a
 * lesson makes a new course, but the navigator and the palette need not rebuild for it.
 */
function useOutlineNodes(course: DocumentSnapshot['course']): ReadonlyMap<string, OutlineNode> {
  const built = useMemo(() => outlineNodes(course), [course]);
  const [stable, setStable] = useState({ built, nodes: built });
  if (stable.built !== built) {
    const next = { built, nodes: sameOutline(built, stable.nodes) ? stable.nodes : built };
    setStable(next);
    return next.nodes;
  }
  return stable.nodes;
}

/** The studio's workspace: navigator · editor · problems, one command registry over all of it. */
export function Workspace({ doc, problem, saving, apply, applyAll, undo, redo }: WorkspaceProps) {
  const { client, info } = useBackend();
  const { course, history } = doc;
  const editable = !doc.readOnly;
  const [selection, select] = useHashSelection();
  // `tailor.analysis = off` in localStorage stops the live analysis (the benchmarks' baseline for typing cost).
  const [analysisOn] = useState(() => window.localStorage.getItem('tailor.analysis') !== 'off');
  const analysis = useAnalysis(course, analysisOn);
  const [items, setItems] = useState<readonly OutlineItem[]>([]);
  const [focusRequest, setFocusRequest] = useState<FocusRequest | null>(null);
  const [paletteOpen, setPaletteOpen] = useState(false);
  const [publishing, setPublishing] = useState(false);
  const [moving, setMoving] = useState<readonly OutlineItem[] | null>(null);
  const toaster = useRef<OverlayToaster>(null);
  const editorRef = useRef<HTMLElement>(null);
  const navigatorRef = useRef<HTMLElement>(null);
  const nodes = useOutlineNodes(course);
  const courseRef = useRef(course);
  useLayoutEffect(() => {
    courseRef.current = course;
  });
  useEffect(() => prefetchLessonEditorWhenIdle(), []);

  const run = useCallback(
    (action: OutlineAction, options: { rename?: boolean; takeFocus?: boolean } = {}) => {
      const takeFocus = options.takeFocus ?? navigatorRef.current?.contains(document.activeElement) ?? false;
      void applyAll(action.edits, action.label);
      if (action.focus) {
        select(action.focus);
        setFocusRequest({ selection: action.focus, takeFocus, ...(options.rename ? { rename: true } : {}) });
      }
    },
    [applyAll, select],
  );

  const remove = useCallback(
    (targets: readonly OutlineItem[]) => {
      const action = removeItems(targets);
      const tree = navigatorRef.current?.contains(document.activeElement) ?? false;
      void applyAll(action.edits, action.label).then(() => {
        toaster.current?.show({
          message: `${action.label.replace('Delete', 'Deleted')}.`,
          intent: Intent.NONE,
          icon: <Trash />,
          timeout: 8000,
          action: { text: 'Undo', onClick: () => void undo() },
        });
      });
      const parent: Selection =
        targets[0]?.kind === 'lesson' && !targets.some((t) => t.kind === 'module')
          ? { kind: 'module', id: targets[0].module }
          : { kind: 'modules' };
      select(parent);
      setFocusRequest({ selection: parent, takeFocus: tree });
    },
    [applyAll, select, undo],
  );

  const context: StudioCommandContext = useMemo(
    () => ({
      course,
      history,
      editable,
      selection,
      items: items.length
        ? items
        : selection && (selection.kind === 'module' || selection.kind === 'lesson')
          ? [selection]
          : [],
      undo: () => void undo(),
      redo: () => void redo(),
      addModule: () => {
        const after =
          selection?.kind === 'module'
            ? selection.id
            : selection?.kind === 'lesson'
              ? selection.module
              : course.modules.at(-1)?.id;
        run(addModule(course, after), { rename: true });
      },
      addLesson: () => {
        const module = targetModule({ selection } as StudioCommandContext);
        const action = module ? addLesson(course, module) : null;
        if (action) run(action, { rename: true });
      },
      rename: (item) => setFocusRequest({ selection: item, rename: true, takeFocus: true }),
      remove,
      move: (item, delta) => {
        const action = moveBy(course, item, delta);
        if (action) run(action);
      },
      moveTo: (targets) => setMoving(targets),
      select: (next) => select(next),
      publish: () => setPublishing(true),
      openPalette: () => setPaletteOpen(true),
      focusNavigator: () => {
        const focused = navigatorRef.current?.querySelector<HTMLElement>('[role="treeitem"][tabindex="0"]');
        (focused ?? navigatorRef.current?.querySelector<HTMLElement>('[role="treeitem"]'))?.focus();
      },
    }),
    [course, history, editable, selection, items, undo, redo, run, remove, select],
  );
  const { handleKeyDown, handleKeyUp } = useCommandHotkeys(STUDIO_COMMANDS, context);
  useMenuCommands('workspace', STUDIO_COMMANDS, context);
  // The context menu opens a frame after the right-click, once the tree selection has followed it.
  const latestContext = useRef(context);
  useLayoutEffect(() => {
    latestContext.current = context;
  });
  // Stable handlers for the parts drawn once per change of what they show, not on every edit.
  const addModuleNow = useCallback(() => latestContext.current.addModule(), []);
  const openPalette = useCallback(() => setPaletteOpen(true), []);
  const openPublish = useCallback(() => setPublishing(true), []);
  const openPreview = useCallback(() => select({ kind: 'preview' }), [select]);
  const undoNow = useCallback(() => void undo(), [undo]);
  const redoNow = useCallback(() => void redo(), [redo]);
  const renameCourse = useCallback(
    (title: string) =>
      void apply({ op: { kind: 'set', path: ['title'], value: title }, label: 'Rename course', merge: 'course-title' }),
    [apply],
  );

  const runCommand = useCallback(
    (command: Command<StudioCommandContext>) => {
      if (command.enabled(context)) command.run(context);
    },
    [context],
  );

  const onContextMenu = useCallback(
    (event: ReactMouseEvent, _item: Selection) => {
      // The navigator updates the tree selection first; read the context as it will be after that.
      requestAnimationFrame(() => {
        const commands = STUDIO_COMMANDS.filter((c) => CONTEXT_MENU_COMMANDS.includes(c.id));
        showContextMenu({
          content: (
            <Menu aria-label="Outline actions">
              {commands.map((command) => (
                <MenuItem
                  key={command.id}
                  text={command.label}
                  disabled={!command.enabled(latestContext.current)}
                  intent={command.id === 'outline.delete' ? Intent.DANGER : Intent.NONE}
                  label={command.hotkeys?.[0] ? hotkeyLabel(command.hotkeys[0]) : undefined}
                  onClick={() => command.run(latestContext.current)}
                />
              ))}
              <MenuDivider />
              <MenuItem text="Add module" onClick={() => latestContext.current.addModule()} disabled={!editable} />
            </Menu>
          ),
          targetOffset: { left: event.clientX, top: event.clientY },
        });
      });
    },
    [editable],
  );

  const openProblem = useCallback(
    (path: string) => {
      setPublishing(false);
      const target = selectionForPath(courseRef.current, path);
      select(target);
      setFocusRequest({ selection: target, takeFocus: false });
      focusField(path, () => editorRef.current);
    },
    [select],
  );
  const onOutlineAction = useCallback((action: OutlineAction) => run(action), [run]);
  // The tree reports its selected items after every change of the outline; the same items must not redraw the studio.
  // Taken at once, not in a transition: a command run right after a click (Move to…, Delete) must act on the item
  // the tree now shows selected.
  const onSelectedItemsChange = useCallback(
    (next: readonly OutlineItem[]) =>
      setItems((previous) =>
        previous.length === next.length &&
        previous.every((item, i) => selectionToParam(item) === selectionToParam(next[i]!))
          ? previous
          : next,
      ),
    [],
  );

  const editorContext: EditorContext = useMemo(
    () => ({ path: doc.path, course, assets: doc.assets, readOnly: doc.readOnly, apply, applyAll, select }),
    [doc.path, course, doc.assets, doc.readOnly, apply, applyAll, select],
  );

  const problems = useMemo(
    () =>
      [
        ...analysis.problems.map((p) => ({ severity: 'error' as const, path: p.path, message: p.message })),
        ...analysis.findings.map((f) => ({ severity: f.severity, path: f.path, message: f.message })),
      ].map((p) => ({ ...p, where: describeLocation(course, p.path) })),
    [analysis, course],
  );

  // The outline answers a new selection at once; the editor for it (a new module's, a lesson's) is built after that
  // frame is painted, so adding or picking an item never waits for the editor to mount. When the course opens, too:
  // `undefined` (not drawn yet) lets the outline and the title paint first.
  const deferredSelection = useAfterPaint<Selection | null | undefined>(selection, undefined);
  // An item just deleted is never shown as "no longer in the course" while its replacement is on its way.
  const shownSelection =
    deferredSelection && selection && !selectionExists(course, deferredSelection) ? selection : deferredSelection;
  let editor;
  if (shownSelection === undefined) editor = null;
  else if (!shownSelection)
    editor =
      course.modules.length === 0 ? (
        <NonIdealState
          icon={<Layers size={48} className={Classes.ICON_MUTED} />}
          description={
            <>
              <H3>Start with a module</H3>
              <p>Modules hold lessons; competencies, the placement test and rules build on them.</p>
            </>
          }
          action={
            editable ? (
              <Button intent={Intent.PRIMARY} icon={<Plus />} text="Add a module" onClick={() => context.addModule()} />
            ) : undefined
          }
        />
      ) : (
        <NonIdealState
          icon={<Select size={48} className={Classes.ICON_MUTED} />}
          description={
            <>
              <H3>Pick something to edit</H3>
              <p>Choose a module, a lesson or any part of the course in the outline on the left.</p>
            </>
          }
          action={
            <Button intent={Intent.PRIMARY} text="Open course settings" onClick={() => select({ kind: 'course' })} />
          }
        />
      );
  else if (!selectionExists(course, shownSelection))
    editor = (
      <NonIdealState
        icon={<Search size={48} className={Classes.ICON_MUTED} />}
        description={
          <>
            <H3>This item is no longer in the course</H3>
            <p>It was deleted or moved. Undo brings it back.</p>
          </>
        }
        action={
          history.canUndo && editable ? (
            <Button
              intent={Intent.PRIMARY}
              icon={<Undo />}
              text={`Undo ${history.undoLabel ?? ''}`.trim()}
              onClick={() => void undo()}
            />
          ) : (
            <Button intent={Intent.PRIMARY} text="Show all modules" onClick={() => select({ kind: 'modules' })} />
          )
        }
      />
    );
  else
    editor = (
      <AnalysisContext.Provider value={analysis}>
        <SelectionEditor selection={shownSelection} context={editorContext} />
      </AnalysisContext.Provider>
    );

  return (
    <main className="workspace" aria-labelledby="course-title" onKeyDown={handleKeyDown} onKeyUp={handleKeyUp}>
      <header className="workspace-header">
        <H1 id="course-title" className="visually-hidden">
          {course.title}
        </H1>
        <div className="workspace-title">
          <InlineTitle value={course.title} label="Course title" disabled={!editable} onCommit={renameCourse} />
          <span className={`${Classes.TEXT_MUTED} workspace-saved`} title={doc.path}>
            <SaveState status={saving} readOnly={doc.readOnly} />
            {info.capabilities.revealInFolder && (
              <Button
                variant="minimal"
                size="small"
                icon={<FolderOpen />}
                aria-label="Show the course file in its folder"
                title="Show in folder"
                onClick={() => void client.invoke('platform.revealInFolder', { path: doc.path })}
              />
            )}
          </span>
        </div>
        <WorkspaceActions
          history={history}
          editable={editable}
          onFind={openPalette}
          onUndo={undoNow}
          onRedo={redoNow}
          onPreview={openPreview}
          onPublish={openPublish}
        />
      </header>

      {doc.readOnly && (
        <Callout intent={Intent.PRIMARY} title="Read-only" className="workspace-notice" compact>
          Another Tailor is editing this course. You can read it here; changes are not possible.
        </Callout>
      )}
      {problem && (
        <Callout
          intent={Intent.DANGER}
          title="That change was not made"
          role="alert"
          className="workspace-notice"
          compact
        >
          {problem}
        </Callout>
      )}

      <Group className="workspace-panels" orientation="horizontal" id="tailor-workspace">
        <Panel id="navigator" defaultSize="24%" minSize="180px" maxSize="45%">
          <nav className="navigator" aria-label="Outline" ref={navigatorRef} data-hotkey-scope="outline">
            <header className="panel-header">
              <h2 className="panel-title">Outline</h2>
              {editable && <AddModuleButton onClick={addModuleNow} />}
            </header>
            <Navigator
              course={course}
              nodes={nodes}
              selection={selection}
              editable={editable}
              focusRequest={focusRequest}
              onSelect={select}
              onSelectedItemsChange={onSelectedItemsChange}
              onAction={onOutlineAction}
              onContextMenu={onContextMenu}
            />
          </nav>
        </Panel>
        <Separator className="workspace-separator" aria-label="Resize the outline" />
        <Panel id="editor" minSize="320px">
          <section
            className="editor-panel"
            aria-label="Editor"
            ref={editorRef}
            tabIndex={-1}
            // What the editor shows (the selection's URL form), once it is drawn: tests wait for it.
            data-selection={shownSelection ? selectionToParam(shownSelection) : undefined}
          >
            {editor}
          </section>
        </Panel>
        {/* The preview has its own side column (path, side by side, LMS calls): it takes the problems panel's room. */}
        {selection?.kind !== 'preview' && (
          <>
            <Separator className="workspace-separator" aria-label="Resize the problems panel" />
            <Panel id="problems" defaultSize="24%" minSize="200px" maxSize="45%">
              <ProblemsPanel course={course} analysis={analysis} onOpen={openProblem} />
            </Panel>
          </>
        )}
      </Group>

      <CommandPalette
        isOpen={paletteOpen}
        commands={STUDIO_COMMANDS}
        context={context}
        nodes={nodes}
        onClose={() => setPaletteOpen(false)}
        onRun={runCommand}
        onGo={(node) => {
          select(node.selection);
          setFocusRequest({ selection: node.selection, takeFocus: false });
        }}
      />
      <MoveToDialog
        course={course}
        items={moving}
        onClose={() => setMoving(null)}
        onMove={(action) => run(action, { takeFocus: true })}
      />
      <PublishDialog
        isOpen={publishing}
        path={doc.path}
        title={course.title}
        problems={problems}
        onOpenProblem={openProblem}
        onClose={() => setPublishing(false)}
      />
      <OverlayToaster ref={toaster} position="bottom" />
    </main>
  );
}

interface WorkspaceActionsProps {
  readonly history: DocumentSnapshot['history'];
  readonly editable: boolean;
  readonly onFind: () => void;
  readonly onUndo: () => void;
  readonly onRedo: () => void;
  readonly onPreview: () => void;
  readonly onPublish: () => void;
}

/** Find, undo and redo, preview and publish: drawn again only when the history or the access changes. */
const WorkspaceActions = memo(function WorkspaceActions({
  history,
  editable,
  onFind,
  onUndo,
  onRedo,
  onPreview,
  onPublish,
}: WorkspaceActionsProps) {
  return (
    <div className="workspace-actions">
      <Button
        variant="minimal"
        icon={<Search />}
        text="Find"
        endIcon={<KeyComboTag combo="mod+k" minimal />}
        onClick={onFind}
      />
      <ButtonGroup variant="minimal" aria-label="History">
        <Tooltip content={history.undoLabel ? `Undo ${history.undoLabel}` : 'Nothing to undo'} placement="bottom">
          <Button icon={<Undo />} aria-label="Undo" disabled={!editable || !history.canUndo} onClick={onUndo} />
        </Tooltip>
        <Tooltip content={history.redoLabel ? `Redo ${history.redoLabel}` : 'Nothing to redo'} placement="bottom">
          <Button icon={<Redo />} aria-label="Redo" disabled={!editable || !history.canRedo} onClick={onRedo} />
        </Tooltip>
      </ButtonGroup>
      <Button icon={<Play />} text="Preview" onClick={onPreview} />
      <Button icon={<Export />} intent={Intent.PRIMARY} text="Publish…" onClick={onPublish} />
    </div>
  );
});

/** The outline's Add module button, with its hotkey in the tooltip. */
const AddModuleButton = memo(function AddModuleButton({ onClick }: { readonly onClick: () => void }) {
  return (
    <Tooltip content={`Add module (${hotkeyLabel('mod+shift+m')})`} placement="bottom">
      <Button variant="minimal" size="small" icon={<Plus />} aria-label="Add module" onClick={onClick} />
    </Tooltip>
  );
});
