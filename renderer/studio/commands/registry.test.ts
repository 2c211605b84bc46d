import { describe, expect, it } from 'vitest';
import { availableCommands, hotkeyLabel, runCommand, type Command } from './registry';

interface Ctx {
  canUndo: boolean;
  log: string[];
}
const commands: Command<Ctx>[] = [
  {
    id: 'undo',
    label: 'Undo',
    group: 'Edit',
    hotkeys: ['mod+z'],
    enabled: (c) => c.canUndo,
    run: (c) => c.log.push('undo'),
  },
  { id: 'palette', label: 'Find a command', group: 'View', enabled: () => true, run: (c) => c.log.push('palette') },
];

describe('command registry', () => {
  it('offers only the commands that are enabled now', () => {
    expect(availableCommands(commands, { canUndo: false, log: [] }).map((c) => c.id)).toEqual(['palette']);
  });

  it('runs an enabled command by id and refuses a disabled one', () => {
    const ctx = { canUndo: false, log: [] as string[] };
    expect(runCommand(commands, 'undo', ctx)).toBe(false);
    expect(runCommand(commands, 'palette', ctx)).toBe(true);
    expect(ctx.log).toEqual(['palette']);
  });

  it('spells hotkeys the way each platform shows them', () => {
    expect(hotkeyLabel('mod+shift+z', false)).toBe('Ctrl+Shift+Z');
    expect(hotkeyLabel('alt+up', false)).toBe('Alt+↑');
    expect(hotkeyLabel('mod+k', true)).toBe('⌘K');
    expect(hotkeyLabel('f2', false)).toBe('F2');
  });
});
