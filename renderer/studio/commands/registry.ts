import type { MenuGroup } from '../../../shared/commands/menu';

/**
 * Commands are data: one list feeds hotkeys, the palette, context menus, toolbar buttons and
 * the application menu (native or browser). Plain values and functions only, so any host can read them.
 */
export interface Command<Context> {
  readonly id: string;
  /** What the designer reads in menus and the palette. */
  readonly label: string;
  /** Where the command sits in menus and the palette. */
  readonly group: CommandGroup;
  /** Blueprint combo ("mod+z"); several for alternatives ("mod+y" beside "mod+shift+z"). */
  readonly hotkeys?: readonly string[];
  /** Runs even while typing in a field (undo, palette). */
  readonly inInputs?: boolean;
  /**
   * The hotkey acts only where this scope (an element with `data-hotkey-scope`) has focus, or nothing
   * has: Delete, F2 and Alt+↑/↓ mean the outline's items there, and an editor's own items elsewhere.
   */
  readonly scope?: 'outline';
  readonly enabled: (context: Context) => boolean;
  readonly run: (context: Context) => void;
}

export type CommandGroup = MenuGroup;

/** The commands whose `enabled` holds, in registry order. */
export function availableCommands<C>(commands: readonly Command<C>[], context: C): Command<C>[] {
  return commands.filter((command) => command.enabled(context));
}

/** Runs a command by id if it is enabled; says whether it ran. */
export function runCommand<C>(commands: readonly Command<C>[], id: string, context: C): boolean {
  const command = commands.find((c) => c.id === id);
  if (!command || !command.enabled(context)) return false;
  command.run(context);
  return true;
}

const IS_MAC = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/** "mod+shift+z" → "Ctrl+Shift+Z" (or ⌘⇧Z on a Mac), for menus and the palette. */
export function hotkeyLabel(combo: string, mac = IS_MAC): string {
  const names: Record<string, string> = mac
    ? { mod: '⌘', shift: '⇧', alt: '⌥', ctrl: '⌃', up: '↑', down: '↓', enter: '↩', delete: '⌫' }
    : { mod: 'Ctrl', shift: 'Shift', alt: 'Alt', ctrl: 'Ctrl', up: '↑', down: '↓', enter: 'Enter', delete: 'Del' };
  const parts = combo
    .split('+')
    .map((key) => names[key] ?? (key.length === 1 ? key.toUpperCase() : key[0]!.toUpperCase() + key.slice(1)));
  return parts.join(mac ? '' : '+');
}
