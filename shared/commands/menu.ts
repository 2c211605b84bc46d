/**
 * The application menu as data, built from the studio's command registry: the desktop shell turns it
 * into a native menu, browser mode into its own menu bar. Pure, so both hosts and the tests share it.
 */

/** Where a command sits in the menus (the registry's groups, plus the shell's own). */
export const MENU_GROUPS = ['File', 'Course', 'Edit', 'Outline', 'Go to', 'View', 'Help'] as const;
export type MenuGroup = (typeof MENU_GROUPS)[number];

/** One command as the studio publishes it: what it is called, its hotkeys and whether it can run now. */
export interface MenuCommand {
  readonly id: string;
  readonly label: string;
  readonly group: MenuGroup;
  /** Blueprint combos ("mod+shift+z"); the first is shown as the accelerator. */
  readonly hotkeys?: readonly string[];
  readonly enabled: boolean;
}

/** What the studio hands the shell whenever its commands or their state change. */
export interface MenuState {
  readonly commands: readonly MenuCommand[];
  /** Recently opened courses, newest first (File ▸ Open Recent). */
  readonly recent: readonly { readonly path: string; readonly title: string }[];
}

/** Editing actions every host provides natively (the focused field's, not the document's). */
export type MenuRole =
  'cut' | 'copy' | 'paste' | 'selectAll' | 'zoomIn' | 'zoomOut' | 'resetZoom' | 'togglefullscreen' | 'quit' | 'about';

export type MenuNode =
  | {
      readonly kind: 'command';
      readonly id: string;
      readonly label: string;
      /** Electron accelerator ("CmdOrCtrl+Shift+Z"); the renderer already handles the key itself. */
      readonly accelerator?: string;
      /** The hotkey as the studio writes it, for browser mode's menu bar. */
      readonly hotkey?: string;
      readonly enabled: boolean;
    }
  | { readonly kind: 'open'; readonly path: string; readonly label: string }
  | { readonly kind: 'role'; readonly role: MenuRole; readonly label: string; readonly accelerator?: string }
  | { readonly kind: 'separator' }
  | { readonly kind: 'submenu'; readonly label: string; readonly items: readonly MenuNode[] };

export interface TopMenu {
  readonly label: string;
  readonly items: readonly MenuNode[];
}

const KEY_NAMES: Record<string, string> = {
  mod: 'CmdOrCtrl',
  ctrl: 'Ctrl',
  shift: 'Shift',
  alt: 'Alt',
  meta: 'Super',
  up: 'Up',
  down: 'Down',
  left: 'Left',
  right: 'Right',
  del: 'Delete',
  delete: 'Delete',
  backspace: 'Backspace',
  enter: 'Enter',
  return: 'Enter',
  esc: 'Escape',
  escape: 'Escape',
  space: 'Space',
  tab: 'Tab',
  plus: 'Plus',
  '?': 'Shift+/',
};

/** "mod+shift+z" → "CmdOrCtrl+Shift+Z"; undefined for a combo Electron cannot express. */
export function acceleratorOf(combo: string): string | undefined {
  const parts = combo.toLowerCase().split('+');
  if (parts.some((part) => part === '')) return undefined;
  const keys = parts.map((part) => {
    if (KEY_NAMES[part]) return KEY_NAMES[part];
    if (/^f([1-9]|1[0-9]|2[0-4])$/.test(part)) return part.toUpperCase();
    if (/^[a-z0-9]$/.test(part)) return part.toUpperCase();
    if (/^[-=[\]\\;',./`]$/.test(part)) return part;
    return null;
  });
  return keys.every((key) => key !== null) ? keys.join('+') : undefined;
}

const command = (c: MenuCommand): MenuNode => {
  const hotkey = c.hotkeys?.[0];
  const accelerator = hotkey ? acceleratorOf(hotkey) : undefined;
  return {
    kind: 'command',
    id: c.id,
    label: c.label,
    enabled: c.enabled,
    ...(accelerator ? { accelerator } : {}),
    ...(hotkey ? { hotkey } : {}),
  };
};

/** Joins sections with separators, dropping empty ones, so no menu starts, ends or doubles a line. */
function sections(...parts: readonly (readonly MenuNode[])[]): MenuNode[] {
  const filled = parts.filter((part) => part.length > 0);
  return filled.flatMap((part, i) => (i === 0 ? [...part] : [{ kind: 'separator' as const }, ...part]));
}

export interface MenuOptions {
  /** macOS puts About and Quit under the application's own menu. */
  readonly platform: 'darwin' | 'win32' | 'linux' | 'web';
}

/**
 * The menu bar: File (the shell's file commands, Open Recent, the course's commands, Close), Edit
 * (document undo/redo from the registry, then the field's cut/copy/paste/select all), Outline, Go to,
 * View (the registry's view commands, zoom) and Help (shortcuts, About). Each registry command
 * appears exactly once, under its group, with the accelerator of its first hotkey.
 */
export function menuTemplate(state: MenuState, options: MenuOptions): TopMenu[] {
  const web = options.platform === 'web';
  const mac = options.platform === 'darwin';
  const inGroup = (group: MenuGroup) => state.commands.filter((c) => c.group === group).map(command);
  const role = (r: MenuRole, label: string, accelerator?: string): MenuNode =>
    accelerator ? { kind: 'role', role: r, label, accelerator } : { kind: 'role', role: r, label };

  const recent: MenuNode[] = state.recent.length
    ? [
        {
          kind: 'submenu',
          label: 'Open Recent',
          items: state.recent.map((r) => ({ kind: 'open' as const, path: r.path, label: r.title })),
        },
      ]
    : [];
  const fileCommands = inGroup('File');
  const closeCommands = fileCommands.filter((c) => c.kind === 'command' && c.id.startsWith('file.close'));
  const openCommands = fileCommands.filter((c) => !closeCommands.includes(c));
  const file: TopMenu = {
    label: 'File',
    items: sections(
      [...openCommands, ...recent],
      inGroup('Course'),
      closeCommands,
      web || mac ? [] : [role('quit', 'Quit Tailor', 'CmdOrCtrl+Q')],
    ),
  };
  const edit: TopMenu = {
    label: 'Edit',
    items: sections(
      inGroup('Edit'),
      web
        ? []
        : [
            role('cut', 'Cut', 'CmdOrCtrl+X'),
            role('copy', 'Copy', 'CmdOrCtrl+C'),
            role('paste', 'Paste', 'CmdOrCtrl+V'),
            role('selectAll', 'Select All', 'CmdOrCtrl+A'),
          ],
    ),
  };
  const view: TopMenu = {
    label: 'View',
    items: sections(
      inGroup('View'),
      web
        ? []
        : [
            role('zoomIn', 'Zoom In', 'CmdOrCtrl+Plus'),
            role('zoomOut', 'Zoom Out', 'CmdOrCtrl+-'),
            role('resetZoom', 'Actual Size', 'CmdOrCtrl+0'),
          ],
      web ? [] : [role('togglefullscreen', 'Toggle Full Screen')],
    ),
  };
  const help: TopMenu = {
    label: 'Help',
    items: sections(inGroup('Help'), web ? [] : [role('about', 'About Tailor')]),
  };
  const menus: TopMenu[] = [file, edit, { label: 'Outline', items: inGroup('Outline') }, view];
  const goTo = inGroup('Go to');
  if (goTo.length) menus.splice(3, 0, { label: 'Go', items: goTo });
  menus.push(help);
  return menus.filter((menu) => menu.items.length > 0);
}
