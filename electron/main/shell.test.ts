import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDirs } from '../../test/fixtures/temp-dir';
import { documentsFromArgv } from './launch-args';
import { placeOnDisplays, readWindowState, writeWindowState } from './window-state';

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
