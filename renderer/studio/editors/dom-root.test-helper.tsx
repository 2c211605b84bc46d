import { act, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach } from 'vitest';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root | undefined;
afterEach(() => {
  act(() => root?.unmount());
  root = undefined;
  document.body.replaceChildren();
});

/** Renders into one React root per test (unmounted after it) and returns its host element. */
export async function renderInRoot(element: ReactNode): Promise<HTMLElement> {
  const host = document.body.querySelector('div') ?? document.body.appendChild(document.createElement('div'));
  root ??= createRoot(host);
  await act(async () => root!.render(element));
  return host;
}
