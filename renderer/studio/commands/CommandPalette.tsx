import { KeyComboTag, MenuItem } from '@blueprintjs/core';
import { ArrowRight } from '@blueprintjs/icons';
import { Omnibar, type ItemListPredicate, type ItemRenderer } from '@blueprintjs/select';
import { memo, useCallback, useMemo, useRef } from 'react';
import type { OutlineNode } from '../outline/outline-nodes';
import type { Selection } from '../workspace/selection';
import { availableCommands, type Command } from './registry';

export type PaletteEntry<C> =
  { readonly kind: 'command'; readonly command: Command<C> } | { readonly kind: 'item'; readonly node: OutlineNode };

export interface CommandPaletteProps<C> {
  readonly isOpen: boolean;
  readonly commands: readonly Command<C>[];
  readonly context: C;
  /** Every item of the course, to jump to by name. */
  readonly nodes: ReadonlyMap<string, OutlineNode>;
  readonly onClose: () => void;
  readonly onRun: (command: Command<C>) => void;
  readonly onGo: (node: OutlineNode) => void;
}

const MAX_RESULTS = 40;
/** The closed palette's entries: the same empty list every time, so the closed list is not filtered again. */
const NOTHING: never[] = [];

const matches = (text: string, query: string) => text.toLowerCase().includes(query);

/** mod+K: run any enabled command, or jump to any module, lesson or other item by name. */
/** What an item is, in the designer's words, beside its name in the palette. */
const KIND_LABELS: Record<Selection['kind'], string> = {
  course: 'Course',
  competencies: 'All competencies',
  competency: 'Competency',
  modules: 'All modules',
  module: 'Module',
  lesson: 'Lesson',
  questions: 'All questions',
  question: 'Question',
  banks: 'Question banks',
  bank: 'Question bank',
  placement: 'Placement test',
  rules: 'All rules',
  rule: 'Rule',
  personas: 'All personas',
  persona: 'Persona',
  media: 'Media',
  preview: 'Preview',
};

/**
 * The palette is drawn again while it is open, or when it opens or closes: closed, the studio's edits (a new context
 * each) leave it as it is.
 */
export const CommandPalette = memo(
  CommandPaletteView,
  (a, b) => !a.isOpen && !b.isOpen && a.commands === b.commands,
) as typeof CommandPaletteView;

function CommandPaletteView<C>({ isOpen, commands, context, nodes, onClose, onRun, onGo }: CommandPaletteProps<C>) {
  const entries = useMemo<PaletteEntry<C>[]>(
    () =>
      isOpen
        ? [
            ...availableCommands(commands, context).map((command) => ({ kind: 'command' as const, command })),
            ...[...nodes.values()]
              .filter((node) => node.id !== 'outline')
              .map((node) => ({ kind: 'item' as const, node })),
          ]
        : NOTHING,
    [isOpen, commands, context, nodes],
  );

  // Runs after the palette has closed and handed focus back, so the command can move focus itself.
  const pending = useRef<PaletteEntry<C> | null>(null);

  // Filter the whole list once per keystroke and cap it, so 5,000 lessons stay instant.
  const filter = useCallback<ItemListPredicate<PaletteEntry<C>>>((query, items) => {
    const q = query.trim().toLowerCase();
    const out: PaletteEntry<C>[] = [];
    for (const entry of items) {
      if (out.length >= MAX_RESULTS) break;
      if (entry.kind === 'command' ? matches(entry.command.label, q) : q !== '' && matches(entry.node.name, q))
        out.push(entry);
    }
    return out;
  }, []);

  const render = useCallback<ItemRenderer<PaletteEntry<C>>>((entry, { handleClick, handleFocus, modifiers, ref }) => {
    if (!modifiers.matchesPredicate) return null;
    if (entry.kind === 'command')
      return (
        <MenuItem
          key={`command:${entry.command.id}`}
          ref={ref}
          active={modifiers.active}
          onClick={handleClick}
          onFocus={handleFocus}
          text={entry.command.label}
          labelElement={
            <span className="palette-label">
              <span>{entry.command.group}</span>
              {entry.command.hotkeys?.[0] && <KeyComboTag combo={entry.command.hotkeys[0]} minimal />}
            </span>
          }
          roleStructure="listoption"
        />
      );
    return (
      <MenuItem
        key={`item:${entry.node.id}`}
        ref={ref}
        active={modifiers.active}
        onClick={handleClick}
        onFocus={handleFocus}
        icon={<ArrowRight />}
        text={entry.node.name}
        label={KIND_LABELS[entry.node.selection.kind]}
        roleStructure="listoption"
      />
    );
  }, []);

  return (
    <Omnibar<PaletteEntry<C>>
      isOpen={isOpen}
      items={entries}
      itemListPredicate={filter}
      itemRenderer={render}
      onItemSelect={(entry) => {
        pending.current = entry;
        onClose();
      }}
      overlayProps={{
        onClosed: () => {
          const entry = pending.current;
          pending.current = null;
          if (entry?.kind === 'command') onRun(entry.command);
          else if (entry) onGo(entry.node);
        },
      }}
      onClose={onClose}
      resetOnSelect
      inputProps={{
        placeholder: 'Type a command, or the name of a module or lesson…',
        'aria-label': 'Find a command or an item',
      }}
      noResults={<MenuItem disabled text="Nothing matches." roleStructure="listoption" />}
    />
  );
}
