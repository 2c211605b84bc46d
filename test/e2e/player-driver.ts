import type { Page } from '@playwright/test';
import type { Persona } from '../../shared/model';
import { playThrough as play, type Mode, type PlayedCourse } from '../../electron/backend/smoke/player-driver';

export { answer, driver } from '../../electron/backend/smoke/player-driver';

/** The product's driver, in the LMS frame the tests use. */
export function playThrough(
  page: Page,
  persona: Persona,
  course: PlayedCourse,
  mode: Mode = 'mouse',
  onView?: () => Promise<void>,
) {
  return play(page as never, persona, course, { mode, framed: true, ...(onView ? { onView } : {}) });
}
