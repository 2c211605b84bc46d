import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect } from './fixtures';

/**
 * Waits until no CSS transition runs on the page (a dialog or popover fading in, a theme's colours
 * changing): axe reads colours as drawn, and a half-faded dialog has contrast it will not have.
 */
export async function transitionsDone(page: Page): Promise<void> {
  await expect
    .poll(
      () =>
        page.evaluate(
          () => document.getAnimations().filter((a) => a instanceof CSSTransition && a.playState === 'running').length,
        ),
      { message: 'CSS transitions still running' },
    )
    .toBe(0);
}

/** An axe check of the page as it settled: once its transitions have finished. */
export async function axe(page: Page): Promise<AxeBuilder> {
  await transitionsDone(page);
  return new AxeBuilder({ page });
}
