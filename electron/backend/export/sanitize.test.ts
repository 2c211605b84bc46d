import { describe, expect, it } from 'vitest';
import { exampleIndex } from '../../../test/fixtures/examples';
import { sanitizeCourseHtml } from './sanitize';

describe('sanitizing authored HTML at export', () => {
  const course = exampleIndex('shop-floor-safety').course;

  it('removes scripts, handlers and javascript: links but keeps the formatting', () => {
    const dirty = structuredClone(course);
    const block = dirty.modules[1]!.lessons[0]!.blocks[1]!;
    if (block.type !== 'text') throw new Error('expected a text block');
    block.html =
      '<p>Wear <strong>boots</strong><img src=x onerror=alert(1)><script>alert(2)</script><a href="javascript:alert(3)">x</a></p>';
    const clean = sanitizeCourseHtml(dirty).modules[1]!.lessons[0]!.blocks[1]!;
    expect(clean.type === 'text' && clean.html).toBe('<p>Wear <strong>boots</strong><img src="x"><a>x</a></p>');
  });

  it('leaves plain-text fields alone (they are shown as text, not parsed)', () => {
    const titled = { ...course, title: 'Safety <b>first</b>' };
    expect(sanitizeCourseHtml(titled).title).toBe('Safety <b>first</b>');
  });

  it('changes nothing in a clean course', () => {
    expect(sanitizeCourseHtml(course)).toEqual(course);
  });
});
