import type { Page } from '@playwright/test';
import type { Measured } from './harness';

/**
 * Times, in the page, from the time stamp of the next `eventType` event (a key or a click the driver is about to
 * send) until the first task after the frame in which every selector of `ready` matches: that frame has painted
 * the result. The selectors are checked after every DOM change; with none, the next frame counts (input → paint). Playwright's round trips (actionability checks, a key's down and up sent one by one, the
 * polling of waits) are the driver's, not the studio's, and stay outside the time.
 */
export async function armInPageTimer(
  page: Page,
  eventType: 'keydown' | 'click',
  ready: readonly string[] = [],
): Promise<void> {
  await page.evaluate(
    ({ eventType, ready }) => {
      const holds = () => ready.every((selector) => document.querySelector(selector) !== null);
      const w = window as unknown as { __inPage?: Promise<number> };
      w.__inPage = new Promise<number>((done) => {
        let startedAt = 0;
        const painted = () => requestAnimationFrame(() => setTimeout(() => done(performance.now() - startedAt), 0));
        const observer = new MutationObserver(() => {
          if (!holds()) return;
          observer.disconnect();
          painted();
        });
        window.addEventListener(
          eventType,
          (event) => {
            startedAt = event.timeStamp;
            if (holds()) painted();
            else observer.observe(document.body, { childList: true, subtree: true, attributes: true });
          },
          { capture: true, once: true },
        );
      });
    },
    { eventType, ready },
  );
}

/** The time the timer armed by `armInPageTimer` measured, once its event was sent. */
export async function readInPageTimer(page: Page): Promise<Measured> {
  const measuredMs = await page.evaluate(() => (window as unknown as { __inPage: Promise<number> }).__inPage);
  return { measuredMs };
}

/** One key pressed, timed in the page from the key event to the frame that shows what it did. */
export async function timeKeystroke(page: Page, key: string): Promise<Measured> {
  await armInPageTimer(page, 'keydown');
  await page.keyboard.press(key);
  return readInPageTimer(page);
}
