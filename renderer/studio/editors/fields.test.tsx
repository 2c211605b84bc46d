// @vitest-environment jsdom
import { act } from 'react';
import { describe, expect, it } from 'vitest';
import { renderInRoot } from './dom-root.test-helper';
import type { Editing } from './editing';
import { TextField } from './fields';

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

async function show(
  value: string,
  runs: { value: unknown; later: boolean | undefined }[] = [],
): Promise<HTMLInputElement> {
  const host = await renderInRoot(
    <TextField editing={editing(runs)} label="Title" path={['modules', 0, 'title']} value={value} editLabel="Rename" />,
  );
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
  it('shows a keystroke at once and lets the studio draw the edit after the frame', async () => {
    const runs: { value: unknown; later: boolean | undefined }[] = [];
    const input = await show('Safety', runs);
    type(input, 'Safety!');
    expect(input.value).toBe('Safety!');
    expect(runs).toEqual([{ value: 'Safety!', later: true }]);
  });

  it('left before the course caught up, keeps what was typed instead of flashing the old text', async () => {
    const input = await show('Safety');
    act(() => input.focus());
    type(input, 'Safety!');
    act(() => input.blur());
    expect((await show('Safety')).value).toBe('Safety!');
    // The course catches up; then a change from elsewhere (undo) shows, as the draft is gone.
    expect((await show('Safety!')).value).toBe('Safety!');
    expect((await show('Safety')).value).toBe('Safety');
  });

  it('while focused, keeps the text being typed over a value the course has not caught up with', async () => {
    const input = await show('Safety');
    act(() => input.focus());
    type(input, 'Safety!!');
    expect((await show('Safety!')).value).toBe('Safety!!');
  });
});
