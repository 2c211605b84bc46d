import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { writeFileAtomic } from '../backend/atomic-write';

export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

const windowState = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().min(1),
  height: z.number().int().min(1),
  maximized: z.boolean().default(false),
});
export type WindowState = z.infer<typeof windowState>;

/** The last window's place, or null when there is none or it cannot be read (then the default applies). */
export function readWindowState(file: string): WindowState | null {
  try {
    const parsed = windowState.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function writeWindowState(file: string, state: WindowState): void {
  writeFileAtomic(file, `${JSON.stringify(state)}\n`);
}

const MIN_VISIBLE = 120;

/**
 * The saved bounds if enough of the window (its title bar) still lies on a display, shrunk to fit
 * it; null when the display it was on is gone (an unplugged monitor), so the window is not lost.
 */
export function placeOnDisplays(
  saved: Rect,
  workAreas: readonly Rect[],
  min: { width: number; height: number },
): Rect | null {
  const area = workAreas.find(
    (a) =>
      saved.x + saved.width - MIN_VISIBLE >= a.x &&
      saved.x + MIN_VISIBLE <= a.x + a.width &&
      saved.y >= a.y &&
      saved.y + MIN_VISIBLE / 3 <= a.y + a.height,
  );
  if (!area) return null;
  const width = Math.max(min.width, Math.min(saved.width, area.width));
  const height = Math.max(min.height, Math.min(saved.height, area.height));
  const x = Math.min(Math.max(saved.x, area.x), area.x + area.width - width);
  const y = Math.min(Math.max(saved.y, area.y), area.y + area.height - height);
  return { x, y, width, height };
}
