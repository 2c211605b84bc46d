import { startTransition, useEffect, useState } from 'react';

/** If animation frames are held back (a hidden window), the value still follows after this long. */
const FRAME_FALLBACK_MS = 100;

/**
 * `value` as it was before, until the browser has painted the frame that shows the change elsewhere; then `value`,
 * drawn in a transition. React's deferred values may still be drawn before that paint (a scheduler task runs ahead
 * of the next frame): a new module's editor then held back the frame with its row and rename field.
 */
export function useAfterPaint<T>(value: T, initial: T): T {
  const [shown, setShown] = useState(initial);
  useEffect(() => {
    let done = false;
    let timer = 0;
    const show = () => {
      if (done) return;
      done = true;
      startTransition(() => setShown(() => value));
    };
    // A task queued from the frame's callback runs once that frame has been painted.
    const frame = requestAnimationFrame(() => {
      timer = window.setTimeout(show, 0);
    });
    const fallback = window.setTimeout(show, FRAME_FALLBACK_MS);
    return () => {
      done = true;
      cancelAnimationFrame(frame);
      clearTimeout(timer);
      clearTimeout(fallback);
    };
  }, [value]);
  return shown;
}
