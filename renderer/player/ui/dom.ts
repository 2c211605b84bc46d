import DOMPurify from 'dompurify';
import { AUTHORED_HTML_POLICY } from '../../../shared/security/html-policy';

type Child = Node | string | null | undefined | false;
type Attrs = Record<string, string | boolean | number | EventListener | undefined>;

/** A tiny element builder: attributes, `on…` listeners and children, nothing more. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') el.addEventListener(name.slice(2), value);
    else el.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children) if (child !== null && child !== undefined && child !== false) el.append(child);
  return el;
}

/** Authored rich text, sanitized: no scripts, no event handlers, no javascript: URLs. */
export function richText(html: string): DocumentFragment {
  return DOMPurify.sanitize(html, {
    RETURN_DOM_FRAGMENT: true,
    FORBID_TAGS: [...AUTHORED_HTML_POLICY.FORBID_TAGS],
    FORBID_ATTR: [...AUTHORED_HTML_POLICY.FORBID_ATTR],
  });
}

let ids = 0;
export const uid = (prefix: string) => `${prefix}-${++ids}`;
