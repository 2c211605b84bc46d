import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { createAuthoredHtml } from './authored-html';

const { window } = new JSDOM('');
const html = createAuthoredHtml(window as unknown as Parameters<typeof createAuthoredHtml>[0]);

describe('pasting from Word and Google Docs', () => {
  it('drops Word conditional comments, <o:p>, classes and styles but keeps the words and lists', () => {
    const word =
      '<!--[if gte mso 9]><xml><w:WordDocument></w:WordDocument></xml><![endif]-->' +
      '<p class="MsoNormal" style="margin:0cm;font-family:Calibri">Approve <b>before</b> ordering<o:p></o:p></p>' +
      '<ul><li class="MsoListParagraph" style="mso-list:l0 level1 lfo1">Buyer</li></ul>';
    expect(html.cleanPasted(word)).toBe('<p>Approve <b>before</b> ordering</p><ul><li>Buyer</li></ul>');
  });

  it('unwraps the bold wrapper Google Docs puts around a paste, and keeps styled bold and italic as tags', () => {
    const docs =
      '<meta charset="utf-8"><b style="font-weight:normal;" id="docs-internal-guid-1234">' +
      '<p dir="ltr"><span style="font-weight:700;">Never</span><span style="font-weight:400"> split an order; </span>' +
      '<span style="font-style:italic;">ask</span> <span style="text-decoration:underline">first</span></p></b>';
    expect(html.cleanPasted(docs)).toBe('<p><strong>Never</strong> split an order; <em>ask</em> <u>first</u></p>');
  });

  it('keeps links and removes what could run script', () => {
    const dirty = '<p><a href="https://intranet.example/policy" onclick="steal()">policy</a><script>x()</script></p>';
    expect(html.cleanPasted(dirty)).toBe('<p><a href="https://intranet.example/policy">policy</a></p>');
    expect(html.sanitize('<a href="javascript:alert(1)">x</a><img src=x onerror=alert(1)>')).toBe(
      '<a>x</a><img src="x">',
    );
  });

  it('sanitizes output with the export policy: no style attributes', () => {
    expect(html.sanitize('<p style="color:red">Red</p>')).toBe('<p>Red</p>');
  });
});
