import type { Command } from './registry';

/** What the app shell can do whatever screen is showing (the workspace adds its own commands). */
export interface AppCommandContext {
  readonly courseOpen: boolean;
  readonly dark: boolean;
  newCourse(): void;
  open(): void;
  importFolder(): void;
  close(): void;
  toggleTheme(): void;
  showShortcuts(): void;
}

/** File, View and Help commands of the application menu; hotkeys where browsers let us have them. */
export const APP_COMMANDS: readonly Command<AppCommandContext>[] = [
  {
    id: 'file.new',
    label: 'New course…',
    group: 'File',
    hotkeys: ['mod+n'],
    enabled: () => true,
    run: (c) => c.newCourse(),
  },
  {
    id: 'file.open',
    label: 'Open…',
    group: 'File',
    hotkeys: ['mod+o'],
    enabled: () => true,
    run: (c) => c.open(),
  },
  {
    id: 'file.import',
    label: 'Import folder…',
    group: 'File',
    enabled: () => true,
    run: (c) => c.importFolder(),
  },
  {
    id: 'file.close',
    label: 'Close course',
    group: 'File',
    enabled: (c) => c.courseOpen,
    run: (c) => c.close(),
  },
  {
    id: 'view.theme',
    label: 'Switch light / dark theme',
    group: 'View',
    enabled: () => true,
    run: (c) => c.toggleTheme(),
  },
  {
    id: 'help.shortcuts',
    label: 'Keyboard shortcuts',
    group: 'Help',
    enabled: () => true,
    run: (c) => c.showShortcuts(),
  },
];
