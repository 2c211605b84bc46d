import type { MenuItemConstructorOptions } from 'electron';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../test/fixtures/temp-dir';
import { documentsFromArgv } from './launch-args';
import { placeOnDisplays, readWindowState, writeWindowState } from './window-state';
import { nativeMenuTemplate } from './menu';

describe('documents named at launch', () => {
  it('opens a double-clicked .tailor file and ignores the app and its flags', () => {
    expect(
      documentsFromArgv(['/opt/Tailor/tailor', '--no-sandbox', '/home/ada/Safety.tailor', '--inspect=0'], '/home/ada'),
    ).toEqual(['/home/ada/Safety.tailor']);
  });

  it('resolves a relative path from the launching folder, once, whatever the case of the extension', () => {
    expect(documentsFromArgv(['tailor', 'courses/A.TAILOR', './courses/A.TAILOR', 'notes.txt'], '/w')).toEqual([
      '/w/courses/A.TAILOR',
    ]);
  });

  it('takes nothing from a flag that merely ends in .tailor', () => {
    expect(documentsFromArgv(['tailor', '--open=/tmp/x.tailor'], '/')).toEqual([]);
  });
});

describe('window place across launches', () => {
  const tempDir = useTempDirs();
  const screen = { x: 0, y: 0, width: 1920, height: 1040 };
  const min = { width: 880, height: 560 };

  it('is restored where it was on a display that still exists', () => {
    expect(placeOnDisplays({ x: 100, y: 80, width: 1280, height: 820 }, [screen], min)).toEqual({
      x: 100,
      y: 80,
      width: 1280,
      height: 820,
    });
  });

  it('falls back to the default when its display was unplugged', () => {
    expect(placeOnDisplays({ x: 2500, y: 100, width: 1280, height: 820 }, [screen], min)).toBeNull();
  });

  it('is shrunk and moved to fit a smaller display', () => {
    expect(
      placeOnDisplays({ x: 900, y: 10, width: 1800, height: 1200 }, [{ x: 0, y: 0, width: 1366, height: 728 }], min),
    ).toEqual({
      x: 0,
      y: 0,
      width: 1366,
      height: 728,
    });
  });

  it('survives a write and read, and an unreadable file means no saved place', () => {
    const file = join(tempDir(), 'window.json');
    expect(readWindowState(file)).toBeNull();
    writeWindowState(file, { x: 1, y: 2, width: 900, height: 600, maximized: true });
    expect(readWindowState(file)).toEqual({ x: 1, y: 2, width: 900, height: 600, maximized: true });
    writeFileSync(file, '{"x": "left"');
    expect(readWindowState(file)).toBeNull();
  });
});

describe('the native menu', () => {
  const state = {
    commands: [
      {
        id: 'course.publish',
        label: 'Publish for an LMS…',
        group: 'Course' as const,
        hotkeys: ['mod+shift+p'],
        enabled: true,
      },
      { id: 'edit.undo', label: 'Undo', group: 'Edit' as const, hotkeys: ['mod+z'], enabled: false },
    ],
    recent: [{ path: '/courses/safety.tailor', title: 'Shop-floor safety' }],
  };

  it('shows the accelerators of the studio hotkeys without registering them twice, and sends clicks to the studio', () => {
    const actions: unknown[] = [];
    const template = nativeMenuTemplate(state, 'linux', (action) => actions.push(action));
    expect(template.map((menu) => menu.label)).toEqual(['&File', '&Edit', '&View', '&Help']);
    const file = template[0]!.submenu as MenuItemConstructorOptions[];
    const publish = file.find((item) => item.id === 'course.publish')!;
    expect(publish).toMatchObject({ accelerator: 'CmdOrCtrl+Shift+P', registerAccelerator: false, enabled: true });
    (publish.click as () => void)();
    const recent = (file.find((item) => item.label === 'Open Recent')!.submenu as MenuItemConstructorOptions[])[0]!;
    (recent.click as () => void)();
    expect(actions).toEqual([{ command: 'course.publish' }, { open: '/courses/safety.tailor' }]);
    const edit = template[1]!.submenu as MenuItemConstructorOptions[];
    expect(edit[0]).toMatchObject({ id: 'edit.undo', enabled: false });
    expect(edit.map((item) => item.role).filter(Boolean)).toEqual(['cut', 'copy', 'paste', 'selectAll']);
  });

  it('starts with the application menu on macOS and keeps Quit there', () => {
    const template = nativeMenuTemplate(state, 'darwin', () => {});
    expect(template[0]).toEqual({ role: 'appMenu' });
    const file = template[1]!.submenu as MenuItemConstructorOptions[];
    expect(file.some((item) => item.role === 'quit')).toBe(false);
  });
});
