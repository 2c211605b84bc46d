import { Classes } from '@blueprintjs/core';
import {
  Badge,
  ChevronDown,
  ChevronRight,
  Cog,
  Database,
  Document,
  Dot,
  FlowBranch,
  FolderClose,
  Help,
  Layers,
  Media,
  PathSearch,
  People,
  Person,
  PredictiveAnalysis,
  type SVGIconProps,
} from '@blueprintjs/icons';
import {
  dragAndDropFeature,
  hotkeysCoreFeature,
  renamingFeature,
  selectionFeature,
  syncDataLoaderFeature,
  type DragTarget,
  type ItemInstance,
  type TreeState,
} from '@headless-tree/core';
import { useTree } from '@headless-tree/react';
import { useVirtualizer } from '@tanstack/react-virtual';
import {
  memo,
  useCallback,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  type ComponentType,
  type MouseEvent as ReactMouseEvent,
} from 'react';
import type { Course } from '../../../shared/model';
import { selectionToParam, type Selection } from '../workspace/selection';
import { moveLessonsTo, moveModulesTo, renameItem, type OutlineAction, type OutlineItem } from './outline-edits';
import { isOutlineItem, OUTLINE_ROOT, type OutlineNode } from './outline-nodes';

/** Asks the navigator to focus (and optionally rename) an item once the course shows it. */
export interface FocusRequest {
  readonly selection: Selection;
  readonly rename?: boolean;
  /** Only move DOM focus when the designer was working in the navigator (or asked for it). */
  readonly takeFocus: boolean;
}

export interface NavigatorProps {
  readonly course: Course;
  /** The course's outline nodes (`outlineNodes(course)`), built once by the workspace for the tree and the palette. */
  readonly nodes: ReadonlyMap<string, OutlineNode>;
  readonly selection: Selection | null;
  readonly editable: boolean;
  readonly focusRequest: FocusRequest | null;
  readonly onSelect: (selection: Selection) => void;
  /** The modules and lessons selected in the tree (multi-select), for commands. */
  readonly onSelectedItemsChange: (items: readonly OutlineItem[]) => void;
  readonly onAction: (action: OutlineAction) => void;
  readonly onContextMenu: (event: ReactMouseEvent, item: Selection) => void;
}

const ROW_HEIGHT = 30;
/** How long a focus request waits for its row to appear (a new module's optimistic edit). */
const ROW_WAIT_MS = 10_000;
/** The rename field opens with the whole title selected, so typing replaces it. */
const selectOnMount = (input: HTMLInputElement | null) => {
  if (input && document.activeElement !== input) {
    input.focus();
    input.select();
  }
};
// Icon components, not names: a name makes Blueprint load every icon's paths (about 200 KB gzipped).
const ICONS: Partial<Record<Selection['kind'], ComponentType<SVGIconProps>>> = {
  course: Cog,
  competencies: PredictiveAnalysis,
  competency: Badge,
  modules: Layers,
  module: FolderClose,
  lesson: Document,
  questions: Help,
  question: Help,
  banks: Database,
  bank: Database,
  placement: PathSearch,
  rules: FlowBranch,
  rule: FlowBranch,
  personas: People,
  persona: Person,
  media: Media,
};

function parentsOf(selection: Selection): string[] {
  if (selection.kind === 'lesson') return ['modules', `module:${selection.module}`];
  const section: Partial<Record<Selection['kind'], string>> = {
    module: 'modules',
    competency: 'competencies',
    question: 'questions',
    bank: 'banks',
    rule: 'rules',
    persona: 'personas',
  };
  const parent = section[selection.kind];
  return parent ? [parent] : [];
}

/**
 * `expanded` with `ids` added, or `expanded` itself when it holds them all: a new list makes the tree walk every row
 * again, and revealing an item whose parents are open (the usual case) must not cost that.
 */
function expanding(expanded: string[] | undefined, ids: readonly string[]): string[] | undefined {
  return ids.every((id) => expanded?.includes(id)) ? expanded : [...new Set([...(expanded ?? []), ...ids])];
}

function canDrop(items: readonly ItemInstance<OutlineNode>[], target: DragTarget<OutlineNode>): boolean {
  const kinds = new Set(items.map((i) => i.getItemData().selection.kind));
  if (kinds.size !== 1) return false;
  const into = target.item.getItemData().selection;
  if (kinds.has('module')) return into.kind === 'modules';
  if (kinds.has('lesson')) return into.kind === 'module';
  return false;
}

function RowIcon({ kind }: { readonly kind: Selection['kind'] }) {
  const KindIcon = ICONS[kind] ?? Dot;
  return <KindIcon size={14} className="navigator-icon" aria-hidden />;
}

/** A row's caret, icon, name and detail: drawn again only when one of them changes. */
const RowContent = memo(function RowContent({
  node,
  folder,
  expanded,
}: {
  readonly node: OutlineNode;
  readonly folder: boolean;
  readonly expanded: boolean;
}) {
  return (
    <>
      <span className="navigator-caret" aria-hidden>
        {folder && (expanded ? <ChevronDown size={12} /> : <ChevronRight size={12} />)}
      </span>
      <RowIcon kind={node.selection.kind} />
      <span className="navigator-name">{node.name}</span>
      {node.detail && <span className="navigator-detail">{node.detail}</span>}
    </>
  );
}, sameRowContent);

function sameRowContent(
  a: { node: OutlineNode; folder: boolean; expanded: boolean },
  b: { node: OutlineNode; folder: boolean; expanded: boolean },
): boolean {
  return (
    a.folder === b.folder &&
    a.expanded === b.expanded &&
    a.node.name === b.node.name &&
    a.node.detail === b.node.detail &&
    a.node.selection.kind === b.node.selection.kind
  );
}

/**
 * The navigator: every part of the course in one virtualized tree (smooth at 5,000 lessons), with
 * multi-select, drag to reorder, inline rename (F2) and the tree keyboard of WAI-ARIA.
 */

/** What a row's kept props depend on (besides its position, set on the row itself), as one comparable key. */
function rowKey(row: {
  readonly selected: boolean;
  readonly focused: boolean;
  readonly expanded: boolean;
  readonly editable: boolean;
  readonly dragging: boolean;
  readonly name: string;
}): string {
  const flags = [row.selected, row.focused, row.expanded, row.editable, row.dragging].map(Number).join('');
  return `${flags}|${row.name}`;
}

export const Navigator = memo(NavigatorView, sameNavigator);

/**
 * The tree shows the nodes; the course itself is read only when it is first drawn and when something is dropped (from
 * `courseRef`). A new course with the same outline (a keystroke in a rule, a lesson's text) leaves the navigator as it
 * is: rebuilding the tree and its rows took about 15 ms per keystroke on a 300-module course.
 */
function sameNavigator(a: NavigatorProps, b: NavigatorProps): boolean {
  return (Object.keys(a) as (keyof NavigatorProps)[]).every((key) => key === 'course' || a[key] === b[key]);
}

function NavigatorView(props: NavigatorProps) {
  const { course, nodes, selection, editable, focusRequest, onSelect, onAction, onContextMenu, onSelectedItemsChange } =
    props;
  const nodesRef = useRef(nodes);
  nodesRef.current = nodes;
  const courseRef = useRef(course);
  courseRef.current = course;
  const selectedId = selection ? selectionToParam(selection) : null;

  const [state, setState] = useState<Partial<TreeState<OutlineNode>>>(() => {
    const lessonCount = course.modules.reduce((n, m) => n + m.lessons.length, 0);
    const modules = lessonCount <= 200 ? course.modules.map((m) => `module:${m.id}`) : [];
    const sections = ['competencies', 'modules', 'questions', 'banks', 'rules', 'personas'];
    return {
      expandedItems: [...sections, ...modules, ...(selection ? parentsOf(selection) : [])],
      selectedItems: selectedId ? [selectedId] : [],
      focusedItem: selectedId,
    };
  });

  const scrollRef = useRef<HTMLDivElement | null>(null);
  const virtualizerRef = useRef<ReturnType<typeof useVirtualizer<HTMLDivElement, Element>> | null>(null);

  const tree = useTree<OutlineNode>({
    state,
    setState,
    rootItemId: OUTLINE_ROOT,
    getItemName: (item) => item.getItemData().name,
    isItemFolder: (item) => item.getItemData().children.length > 0 || item.getItemData().selection.kind === 'module',
    dataLoader: {
      getItem: (id) =>
        nodesRef.current.get(id) ?? { id, name: id, selection: { kind: 'course' }, section: true, children: [] },
      getChildren: (id) => [...(nodesRef.current.get(id)?.children ?? [])],
    },
    onPrimaryAction: (item) => onSelect(item.getItemData().selection),
    scrollToItem: (item) => virtualizerRef.current?.scrollToIndex(item.getItemMeta().index, { align: 'auto' }),
    canRename: (item) => editable && isOutlineItem(item.getItemData().selection),
    onRename: (item, value) => {
      const sel = item.getItemData().selection;
      const title = value.trim();
      if (isOutlineItem(sel) && title && title !== item.getItemData().name) onAction(renameItem(sel, title));
    },
    canReorder: editable,
    draggedItemOverwritesSelection: true,
    canDrag: (items) => editable && items.every((i) => isOutlineItem(i.getItemData().selection)),
    canDrop,
    onDrop: (items, target) => {
      const course = courseRef.current;
      const dragged = items.map((i) => i.getItemData().selection).filter(isOutlineItem);
      const into = target.item.getItemData().selection;
      const index = 'childIndex' in target ? target.childIndex : Number.MAX_SAFE_INTEGER;
      const action =
        into.kind === 'modules'
          ? moveModulesTo(
              course,
              dragged.filter((d) => d.kind === 'module'),
              index,
            )
          : into.kind === 'module'
            ? moveLessonsTo(
                course,
                dragged.filter((d) => d.kind === 'lesson'),
                into.id,
                Math.min(index, course.modules.find((m) => m.id === into.id)?.lessons.length ?? 0),
              )
            : null;
      if (action) onAction(action);
    },
    indent: 16,
    features: [syncDataLoaderFeature, selectionFeature, hotkeysCoreFeature, dragAndDropFeature, renamingFeature],
  });

  // The course changed (an edit, undo, another window): the flat list is rebuilt from the new nodes in this render
  // (`getItems` below does it once scheduled), so the rows drawn and a focus request find a new item at once. A
  // rebuild after the commit would draw the outline a second time. Not for the first nodes: the tree builds itself
  // when it mounts, and each build walks every row (6,000 on the 5,000-lesson course).
  const builtNodes = useRef(nodes);
  if (builtNodes.current !== nodes) {
    builtNodes.current = nodes;
    tree.scheduleRebuildTree();
  }

  const items = tree.getItems();
  // The studio is not built with React Compiler, so TanStack Virtual's mutable instance is safe here.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 6,
    // A scroll from a focus request (a new module at the end) would draw the rows in a nested synchronous render;
    // batched, they are drawn once with the rename field, still before the frame is painted.
    useFlushSync: false,
  });
  virtualizerRef.current = virtualizer;

  // The URL's selection is the tree's selection; reveal it when it changes from elsewhere.
  useEffect(() => {
    if (!selectedId || !selection) return;
    setState((s) => {
      const selectedItems = s.selectedItems?.includes(selectedId) ? s.selectedItems : [selectedId];
      const expandedItems = expanding(s.expandedItems, parentsOf(selection));
      if (selectedItems === s.selectedItems && s.focusedItem === selectedId && expandedItems === s.expandedItems)
        return s;
      return { ...s, selectedItems, focusedItem: selectedId, expandedItems };
    });
  }, [selectedId, selection]);

  // Commands act on the row in focus when the arrows moved off the selection, as in VS Code's tree:
  // Delete after ↓ removes the row the keyboard user sees focused, not the one still selected.
  const { selectedItems, focusedItem } = state;
  useEffect(() => {
    const ids = focusedItem && !(selectedItems ?? []).includes(focusedItem) ? [focusedItem] : (selectedItems ?? []);
    const selected = ids
      .map((id) => nodesRef.current.get(id)?.selection)
      .filter((s): s is OutlineItem => s !== undefined && isOutlineItem(s));
    onSelectedItemsChange(selected);
  }, [selectedItems, focusedItem, nodes, onSelectedItemsChange]);

  // Focus follows the action: the moved item keeps focus, a new item's title is ready to type. Tried at once
  // (the tree was rebuilt just above), so a new module's rename field is in the same frame as its row.
  useLayoutEffect(() => {
    if (!focusRequest) return;
    const id = selectionToParam(focusRequest.selection);
    setState((s) => {
      const expandedItems = expanding(s.expandedItems, parentsOf(focusRequest.selection));
      return expandedItems === s.expandedItems ? s : { ...s, expandedItems };
    });
    let frame = 0;
    // The optimistic edit and the rebuilt tree arrive over the next frames; wait for the row. The wait is
    // bounded in time, not in frames: on a busy machine the edit can take longer than a second's frames.
    const deadline = performance.now() + ROW_WAIT_MS;
    const attempt = () => {
      // An item not in the flat list has the index -1 (one lookup: a search calls the tree's wrappers per row).
      const index = tree.getItemInstance(id).getItemMeta().index;
      if (index < 0) {
        if (performance.now() < deadline) frame = requestAnimationFrame(attempt);
        return;
      }
      virtualizerRef.current?.scrollToIndex(index, { align: 'auto' });
      const item = tree.getItemInstance(id);
      item.setFocused();
      if (focusRequest.rename) item.startRenaming();
      else if (focusRequest.takeFocus) frame = requestAnimationFrame(() => tree.updateDomFocus());
    };
    attempt();
    return () => cancelAnimationFrame(frame);
  }, [focusRequest, tree]);

  const onRowContextMenu = useCallback(
    (event: ReactMouseEvent, item: ItemInstance<OutlineNode>) => {
      event.preventDefault();
      if (!item.isSelected()) item.select();
      item.setFocused();
      onContextMenu(event, item.getItemData().selection);
    },
    [onContextMenu],
  );

  // A row's props from the tree are built through its features' wrappers (an object spread per call, about 20 calls a
  // row): they are kept per row while what they depend on is the same, and the position in the list, which an added
  // module changes for every row, is set here. Their handlers read the tree's state when they run.
  const keptProps = useRef(new Map<string, { readonly key: string; readonly props: object }>());
  const rowProps = (item: ItemInstance<OutlineNode>, key: string): object => {
    const id = item.getItemMeta().itemId;
    const kept = keptProps.current.get(id);
    if (kept?.key === key) return kept.props;
    const props = item.getProps();
    keptProps.current.set(id, { key, props });
    return props;
  };
  // Scrolling through thousands of rows would keep them all: start again past a few screens' worth when the outline or
  // the rows drawn change (scrolling changes which rows are drawn).
  const firstDrawn = virtualizer.range?.startIndex ?? 0;
  useEffect(() => {
    if (keptProps.current.size > 200) keptProps.current.clear();
  }, [nodes, firstDrawn]);
  const selectedSet = new Set(state.selectedItems ?? []);
  const expandedSet = new Set(state.expandedItems ?? []);
  const dragging = Boolean(state.dnd);

  return (
    <div className="navigator-scroll" ref={scrollRef}>
      <div
        {...tree.getContainerProps('Course outline')}
        className="navigator-tree"
        style={{ height: virtualizer.getTotalSize() }}
      >
        {virtualizer.getVirtualItems().map((row) => {
          const item = items[row.index];
          if (!item) return null;
          const meta = item.getItemMeta();
          const node = nodes.get(meta.itemId);
          if (!node) return null;
          const id = meta.itemId;
          const renaming = state.renamingItem === id;
          const selected = selectedSet.has(id);
          const focused = state.focusedItem === id || (state.focusedItem == null && meta.index === 0);
          const folder = node.children.length > 0 || node.selection.kind === 'module';
          const expanded = folder && expandedSet.has(id);
          const dropInto = dragging && item.isDragTarget() && !item.isDragTargetAbove() && !item.isDragTargetBelow();
          const dropAbove = dragging && item.isDragTargetAbove();
          const dropBelow = dragging && item.isDragTargetBelow();
          const classes = [
            'navigator-row',
            Classes.TEXT_OVERFLOW_ELLIPSIS,
            node.section ? 'is-section' : '',
            selected ? 'is-selected' : '',
            focused ? 'is-focused' : '',
            dropInto ? 'is-drop-into' : '',
            dropAbove ? 'is-drop-above' : '',
            dropBelow ? 'is-drop-below' : '',
          ]
            .filter(Boolean)
            .join(' ');
          return (
            <div
              key={id}
              role="none"
              className="navigator-slot"
              style={{ transform: `translateY(${row.start}px)`, height: ROW_HEIGHT }}
            >
              {renaming ? (
                <input
                  {...item.getRenameInputProps()}
                  ref={selectOnMount}
                  className={`${Classes.INPUT} ${Classes.SMALL} navigator-rename`}
                  aria-label={`New title for “${node.name}”`}
                  style={{ marginLeft: meta.level * 16 + 8 }}
                />
              ) : (
                <div
                  {...rowProps(item, rowKey({ selected, focused, expanded, editable, dragging, name: node.name }))}
                  aria-selected={selected}
                  aria-level={meta.level + 1}
                  aria-posinset={meta.posInSet + 1}
                  aria-setsize={meta.setSize}
                  aria-expanded={folder ? expanded : undefined}
                  tabIndex={focused ? 0 : -1}
                  className={classes}
                  style={{ paddingLeft: meta.level * 16 + 8 }}
                  onContextMenu={(event) => onRowContextMenu(event, item)}
                  data-outline-id={id}
                >
                  <RowContent node={node} folder={folder} expanded={expanded} />
                </div>
              )}
            </div>
          );
        })}
      </div>
    </div>
  );
}
