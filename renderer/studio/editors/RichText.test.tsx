// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { renderInRoot } from './dom-root.test-helper';
import { RichText } from './RichText';

async function show(error: string | undefined): Promise<HTMLElement> {
  const host = await renderInRoot(
    <RichText label="Text" value="<p>Hello</p>" dataPath="blocks[0].html" error={error} onChange={() => {}} />,
  );
  return host.querySelector<HTMLElement>('[role="textbox"]')!;
}

describe('rich text', () => {
  it('tells assistive technology the text is invalid while it has an error, and valid once it is fixed', async () => {
    expect((await show('Text must be shorter')).getAttribute('aria-invalid')).toBe('true');
    expect((await show(undefined)).getAttribute('aria-invalid')).toBe('false');
    expect((await show('Text must be shorter')).getAttribute('aria-invalid')).toBe('true');
  });

  it('shows the text it is given, labelled', async () => {
    const box = await show(undefined);
    expect(box.textContent).toBe('Hello');
    expect(document.getElementById(box.getAttribute('aria-labelledby')!)?.textContent).toBe('Text');
  });
});
