import { describe, expect, it } from 'vitest';
import { acceleratorOf, menuTemplate, type MenuCommand, type MenuNode, type MenuState, type TopMenu } from './menu';

const commands: MenuCommand[] = [
  { id: 'file.new', label: 'New course…', group: 'File', hotkeys: ['mod+n'], enabled: true },
  { id: 'file.open', label: 'Open…', group: 'File', hotkeys: ['mod+o'], enabled: true },
  { id: 'file.close', label: 'Close course', group: 'File', hotkeys: ['mod+w'], enabled: false },
  { id: 'edit.undo', label: 'Undo', group: 'Edit', hotkeys: ['mod+z'], enabled: true },
  { id: 'edit.redo', label: 'Redo', group: 'Edit', hotkeys: ['mod+shift+z', 'mod+y'], enabled: false },
  { id: 'outline.delete', label: 'Delete', group: 'Outline', hotkeys: ['del'], enabled: true },
  { id: 'course.publish', label: 'Publish for an LMS…', group: 'Course', hotkeys: ['mod+shift+p'], enabled: true },
  { id: 'go.navigator', label: 'Go to the outline', group: 'Go to', hotkeys: ['mod+shift+e'], enabled: true },
  { id: 'view.theme', label: 'Dark theme', group: 'View', enabled: true },
  { id: 'help.shortcuts', label: 'Keyboard shortcuts', group: 'Help', hotkeys: ['?'], enabled: true },
];
const state: MenuState = { commands, recent: [{ path: '/c/a.tailor', title: 'Safety' }] };

const labels = (menus: TopMenu[]) => menus.map((m) => m.label);
const find = (menus: TopMenu[], label: string) => menus.find((m) => m.label === label)!.items;
const ids = (items: readonly MenuNode[]) =>
  items.map((i) => (i.kind === 'command' ? i.id : i.kind === 'role' ? `role:${i.role}` : i.kind));

describe('the application menu built from the command registry', () => {
  it('puts every registry command exactly once, under its own group', () => {
    const menus = menuTemplate(state, { platform: 'linux' });
    const all = menus.flatMap((m) => ids(m.items)).filter((id) => !id.startsWith('role:'));
    for (const c of commands) expect(all.filter((id) => id === c.id)).toHaveLength(1);
    expect(labels(menus)).toEqual(['File', 'Edit', 'Outline', 'Go', 'View', 'Help']);
  });

  it('orders File as open commands and Open Recent, the course, Close, Quit, with single separators', () => {
    const file = find(menuTemplate(state, { platform: 'win32' }), 'File');
    expect(ids(file)).toEqual([
      'file.new',
      'file.open',
      'submenu',
      'separator',
      'course.publish',
      'separator',
      'file.close',
      'separator',
      'role:quit',
    ]);
    const recent = file[2] as Extract<MenuNode, { kind: 'submenu' }>;
    expect(recent.items).toEqual([{ kind: 'open', path: '/c/a.tailor', label: 'Safety' }]);
  });

  it('keeps document undo/redo from the registry and adds the field roles after them', () => {
    const edit = find(menuTemplate(state, { platform: 'linux' }), 'Edit');
    expect(ids(edit)).toEqual([
      'edit.undo',
      'edit.redo',
      'separator',
      'role:cut',
      'role:copy',
      'role:paste',
      'role:selectAll',
    ]);
    expect(edit[1]).toMatchObject({ enabled: false, accelerator: 'CmdOrCtrl+Shift+Z' });
  });

  it('gives each command the accelerator of its first hotkey, as the in-app hotkeys', () => {
    const menus = menuTemplate(state, { platform: 'linux' });
    const byId = new Map(
      menus.flatMap((m) => m.items).flatMap((i) => (i.kind === 'command' ? [[i.id, i] as const] : [])),
    );
    expect(byId.get('course.publish')).toMatchObject({ accelerator: 'CmdOrCtrl+Shift+P', hotkey: 'mod+shift+p' });
    expect(byId.get('outline.delete')).toMatchObject({ accelerator: 'Delete' });
    expect(byId.get('help.shortcuts')).toMatchObject({ accelerator: 'Shift+/' });
    expect(byId.get('view.theme')).not.toHaveProperty('accelerator');
  });

  it('leaves out what a browser cannot do and what macOS keeps in the app menu', () => {
    const web = menuTemplate(state, { platform: 'web' });
    expect(web.flatMap((m) => ids(m.items)).filter((id) => id.startsWith('role:'))).toEqual([]);
    const mac = menuTemplate(state, { platform: 'darwin' });
    expect(ids(find(mac, 'File'))).not.toContain('role:quit');
    expect(ids(find(mac, 'Help'))).toContain('role:about');
  });

  it('drops a menu with nothing in it instead of showing it empty', () => {
    const menus = menuTemplate(
      { commands: commands.filter((c) => c.group !== 'Outline'), recent: [] },
      {
        platform: 'web',
      },
    );
    expect(labels(menus)).not.toContain('Outline');
    expect(ids(find(menus, 'File'))).not.toContain('submenu');
  });
});

describe('accelerators from hotkey combos', () => {
  it.each([
    ['mod+z', 'CmdOrCtrl+Z'],
    ['mod+shift+z', 'CmdOrCtrl+Shift+Z'],
    ['alt+up', 'Alt+Up'],
    ['f2', 'F2'],
    ['del', 'Delete'],
    ['mod+k', 'CmdOrCtrl+K'],
    ['?', 'Shift+/'],
  ])('%s becomes %s', (combo, accelerator) => expect(acceleratorOf(combo)).toBe(accelerator));

  it('refuses combos Electron cannot express', () => {
    expect(acceleratorOf('mod+')).toBeUndefined();
    expect(acceleratorOf('hyper+k')).toBeUndefined();
  });
});
