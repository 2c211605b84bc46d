// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { act } from 'react';
import { describe, expect, it } from 'vitest';
import { indexCourse } from '../../../shared/engine';
import { course as courseSchema } from '../../../shared/model';
import { renderInRoot } from '../editors/dom-root.test-helper';
import { SideBySide } from './SideBySide';

const example = () =>
  indexCourse(
    courseSchema.parse(
      JSON.parse(readFileSync(join(process.cwd(), 'resources/examples/purchase-approvals/course.json'), 'utf8')),
    ),
  );

const bodyRows = (host: HTMLElement) =>
  [...host.querySelectorAll<HTMLTableRowElement>('tbody tr')].filter((r) => !r.querySelector('[scope="colgroup"]'));

describe('the side-by-side table', () => {
  it('marks the rows that differ, greys the rest, and can show only the differing ones', async () => {
    const host = await renderInRoot(<SideBySide index={example()} />);
    const all = bodyRows(host);
    const differing = all.filter((r) => r.classList.contains('differs'));
    const same = all.filter((r) => r.classList.contains('same'));
    expect(differing.length).toBeGreaterThan(0);
    expect(same.length).toBeGreaterThan(0);
    expect(differing.length + same.length).toBe(all.length);
    expect(host.textContent).toContain(`${differing.length} of ${all.length} rows differ`);

    const toggle = host.querySelector<HTMLInputElement>('input[type="checkbox"][role="switch"], .bp6-switch input')!;
    expect(toggle.disabled).toBe(false);
    await act(async () => toggle.click());
    const shown = bodyRows(host);
    expect(shown.map((r) => r.querySelector('th')!.textContent)).toEqual(
      differing.map((r) => r.querySelector('th')!.textContent),
    );
  });
});
