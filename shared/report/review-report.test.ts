import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { verifyCourse } from '../analysis';
import { exampleJson } from '../../test/fixtures/examples';
import { REPORT_CSS, escapeHtml, reviewReport } from './review-report';

const hashStyle = (css: string) => `sha256-${createHash('sha256').update(css, 'utf8').digest('base64')}`;

function reportOf(course: unknown): string {
  const verified = verifyCourse(course);
  if (!verified.usable) throw new Error('example course unusable');
  return reviewReport({
    index: verified.index,
    findings: verified.findings,
    stats: verified.stats,
    generatedAt: '2026-12-06T20:00:00.000Z',
    hashStyle,
  });
}

describe('the review report', () => {
  it('escapes every character that could start markup', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });

  it('shows the course summary, every persona’s path with reasons, the side-by-side table and the findings', () => {
    const html = reportOf(exampleJson('purchase-approvals'));
    expect(html).toContain('<h1>Purchase approvals');
    for (const name of ['Nadia, new buyer', 'Victor, veteran approver']) expect(html).toContain(escapeHtml(name));
    expect(html).toContain('Your placement answers show you already know why the policy exists.');
    expect(html).toMatch(/<tr class="differs"><th scope="row">Why the approvals policy exists \(differs\)/);
    expect(html).toContain('What the proof found');
    expect(html).toContain('made with Tailor on 2026-12-06 20:00 UTC');
  });

  it('has no script and allows no fetch: its one style element is allowed by hash', () => {
    const html = reportOf(exampleJson('purchase-approvals'));
    expect(html).not.toMatch(/<script|javascript:|\son\w+=|<link|<img|<iframe|src=|href=/i);
    // In an attribute, quotes are escaped; the browser reads them back as quotes.
    expect(html).toContain(`default-src &#39;none&#39;; style-src &#39;${hashStyle(REPORT_CSS)}&#39;`);
    expect(html).toContain(`<style>${REPORT_CSS}</style>`);
  });

  it('escapes authored text everywhere it appears', () => {
    const course = structuredClone(exampleJson('purchase-approvals')) as {
      title: string;
      description: string;
      personas: { name: string }[];
      modules: { title: string }[];
    };
    const evil = `<script>alert("x")</script><img src=x onerror=alert(1)>`;
    course.title = `Approvals ${evil}`;
    course.description = evil;
    course.personas[0]!.name = `Nadia ${evil}`;
    course.modules[0]!.title = `Policy ${evil}`;
    const html = reportOf(course);
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
  });
});
