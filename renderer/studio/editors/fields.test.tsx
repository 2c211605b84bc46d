// @vitest-environment jsdom
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it } from 'vitest';
import type { Editing } from './editing';
import { TextField } from './fields';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root | undefined;
afterEach(() => {
  act(() => root?.unmount());
  root = undefined;
  document.body.replaceChildren();
});

/** The slice of `Editing` a text field uses; `runs` records what it asked for. */
function editing(runs: { value: unknown; later: boolean | undefined }[]): Editing {
  return {
    editable: true,
    pathOf: () => 'modules[0].title',
    messageAt: () => undefined,
    run: (op: { value?: unknown }, _label: string, options?: { later?: boolean }) => {
      runs.push({ value: op.value, later: options?.later });
      return true;
    },
  } as unknown as Editing;
}

function show(value: string, runs: { value: unknown; later: boolean | undefined }[] = []): HTMLInputElement {
  const host = document.body.querySelector('div') ?? document.body.appendChild(document.createElement('div'));
  root ??= createRoot(host);
  act(() => {
    root!.render(
      <TextField
        editing={editing(runs)}
        label="Title"
        path={['modules', 0, 'title']}
        value={value}
        editLabel="Rename"
      />,
    );
  });
  return host.querySelector('input')!;
}

/** Types into the field as React sees it: the native value setter, then an input event. */
function type(input: HTMLInputElement, text: string): void {
  act(() => {
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, text);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

describe('a text field', () => {
  it('shows a keystroke at once and lets the studio draw the edit after the frame', () => {
    const runs: { value: unknown; later: boolean | undefined }[] = [];
    const input = show('Safety', runs);
    type(input, 'Safety!');
    expect(input.value).toBe('Safety!');
    expect(runs).toEqual([{ value: 'Safety!', later: true }]);
  });

  it('left before the course caught up, keeps what was typed instead of flashing the old text', () => {
    const input = show('Safety');
    act(() => input.focus());
    type(input, 'Safety!');
    act(() => input.blur());
    expect(show('Safety').value).toBe('Safety!');
    // The course catches up; then a change from elsewhere (undo) shows, as the draft is gone.
    expect(show('Safety!').value).toBe('Safety!');
    expect(show('Safety').value).toBe('Safety');
  });

  it('while focused, keeps the text being typed over a value the course has not caught up with', () => {
    const input = show('Safety');
    act(() => input.focus());
    type(input, 'Safety!!');
    expect(show('Safety!').value).toBe('Safety!!');
  });
});
