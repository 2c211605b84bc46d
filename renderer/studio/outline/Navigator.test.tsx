// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { course as courseSchema, type Course } from '../../../shared/model';
import { applyOp } from '../../../shared/ops';
import { renderInRoot } from '../editors/dom-root.test-helper';
import type { Selection } from '../workspace/selection';
import { Navigator, type FocusRequest } from './Navigator';
import { outlineNodes } from './outline-nodes';

const example = (): Course =>
  courseSchema.parse(
    JSON.parse(readFileSync(join(process.cwd(), 'resources/examples/purchase-approvals/course.json'), 'utf8')),
  );

// jsdom lays nothing out: the outline's scroll box is given a height, so the virtualizer draws the rows in it.
Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 900 });
Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => 300 });

const noop = () => undefined;
function navigator(course: Course, selection: Selection | null, focusRequest: FocusRequest | null = null) {
  return (
    <Navigator
      course={course}
      nodes={outlineNodes(course)}
      selection={selection}
      editable
      focusRequest={focusRequest}
      onSelect={noop}
      onSelectedItemsChange={noop}
      onAction={noop}
      onContextMenu={noop}
    />
  );
}

const row = (host: HTMLElement, id: string) => host.querySelector<HTMLElement>(`[data-outline-id="${id}"]`);

describe('the outline’s rows', () => {
  it('follow an added module in every row drawn: its count, positions, selection and rename field', async () => {
    const course = example();
    const [first, second] = course.modules;
    let host = await renderInRoot(navigator(course, { kind: 'module', id: first!.id }));
    expect(row(host, `module:${second!.id}`)?.getAttribute('aria-setsize')).toBe(String(course.modules.length));
    expect(row(host, `module:${first!.id}`)?.getAttribute('aria-selected')).toBe('true');
    expect(row(host, `module:${first!.id}`)?.className).toContain('is-selected');

    const added = applyOp(course, {
      kind: 'insert',
      path: ['modules'],
      index: 1,
      value: { id: 'fresh', title: 'New module', lessons: [] },
    }).course;
    const fresh: Selection = { kind: 'module', id: 'fresh' };
    host = await renderInRoot(navigator(added, fresh, { selection: fresh, rename: true, takeFocus: true }));

    // Rows whose own state did not change still show the new count and their new places.
    const secondRow = row(host, `module:${second!.id}`)!;
    expect(secondRow.getAttribute('aria-setsize')).toBe(String(added.modules.length));
    expect(secondRow.getAttribute('aria-posinset')).toBe('3');
    expect(row(host, `module:${first!.id}`)?.getAttribute('aria-selected')).toBe('false');
    expect(row(host, `module:${first!.id}`)?.className).not.toContain('is-selected');
    const rename = host.querySelector<HTMLInputElement>('input[aria-label^="New title for"]');
    expect(rename?.value).toBe('New module');
  });

  it('show a renamed module’s new name while its state stays the same, with one tab stop on the focused row', async () => {
    const course = example();
    const [first, second] = course.modules;
    let host = await renderInRoot(navigator(course, { kind: 'module', id: first!.id }));
    expect(row(host, `module:${first!.id}`)?.tabIndex).toBe(0);
    expect(row(host, `module:${second!.id}`)?.tabIndex).toBe(-1);
    const renamed = applyOp(course, {
      kind: 'set',
      path: ['modules', { id: second!.id }, 'title'],
      value: 'Renamed module',
    }).course;
    host = await renderInRoot(navigator(renamed, { kind: 'module', id: first!.id }));
    expect(row(host, `module:${second!.id}`)?.getAttribute('aria-label')).toBe('Renamed module');
    expect(row(host, `module:${second!.id}`)?.textContent).toContain('Renamed module');
    expect(row(host, `module:${first!.id}`)?.tabIndex).toBe(0);
    expect(host.querySelectorAll('[role="treeitem"][tabindex="0"]')).toHaveLength(1);
  });
});
