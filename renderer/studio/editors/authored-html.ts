import createDOMPurify from 'dompurify';
import { AUTHORED_HTML_POLICY } from '../../../shared/security/html-policy';

type WindowLike = Parameters<typeof createDOMPurify>[0] & { DOMParser: typeof DOMParser };

/** What the player renders of authored rich text; the editor writes nothing else (see the TipTap schema). */
export function createAuthoredHtml(win: WindowLike) {
  const purify = createDOMPurify(win);
  const sanitize = (html: string): string =>
    purify.sanitize(html, {
      FORBID_TAGS: [...AUTHORED_HTML_POLICY.FORBID_TAGS],
      FORBID_ATTR: [...AUTHORED_HTML_POLICY.FORBID_ATTR],
    });

  /**
   * Word and Google Docs paste formatting as inline styles, classes and conditional comments.
   * Bold, italic and underline written as styles become <strong>, <em> and <u>; the rest goes.
   */
  const cleanPasted = (html: string): string => {
    const doc = new win.DOMParser().parseFromString(
      html.replace(/<!--[\s\S]*?-->/g, '').replace(/<!\[(?:if|endif)[^>]*>/gi, ''),
      'text/html',
    );
    // Google Docs wraps the whole paste in <b style="font-weight:normal" id="docs-internal-guid-…">.
    doc
      .querySelectorAll('b[id^="docs-internal-guid"]')
      .forEach((wrapper) => wrapper.replaceWith(...wrapper.childNodes));
    doc.querySelectorAll<HTMLElement>('[style]').forEach((el) => {
      const style = el.style;
      const weight = style.fontWeight;
      let inner: Node[] = [...el.childNodes];
      const wrap = (tag: string) => {
        const node = doc.createElement(tag);
        node.append(...inner);
        inner = [node];
      };
      if (weight === 'bold' || Number(weight) >= 600) wrap('strong');
      if (style.fontStyle === 'italic') wrap('em');
      if (style.textDecoration.includes('underline') || style.textDecorationLine.includes('underline')) wrap('u');
      el.replaceChildren(...inner);
      if ((el.tagName === 'B' || el.tagName === 'STRONG') && (weight === 'normal' || Number(weight) === 400))
        el.replaceWith(...el.childNodes);
    });
    doc.querySelectorAll('o\\:p, style, meta, link, xml').forEach((el) => el.remove());
    return purify.sanitize(doc.body.innerHTML, {
      FORBID_TAGS: [...AUTHORED_HTML_POLICY.FORBID_TAGS, 'font', 'span'],
      FORBID_ATTR: [...AUTHORED_HTML_POLICY.FORBID_ATTR, 'class', 'id', 'lang', 'align', 'dir', 'width', 'height'],
      KEEP_CONTENT: true,
    });
  };
  return { sanitize, cleanPasted };
}
