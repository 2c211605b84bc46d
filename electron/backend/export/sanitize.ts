import createDOMPurify from 'dompurify';
import type { JSDOM } from 'jsdom';
import { createRequire } from 'node:module';
import type { Course } from '../../../shared/model';
import { AUTHORED_HTML_POLICY, HTML_FIELDS } from '../../../shared/security/html-policy';

let purifier: ReturnType<typeof createDOMPurify> | undefined;
/**
 * jsdom takes about 0.4 s to load, and only exports and previews need it: loaded on first use, it no longer
 * delays every start of the app, the browser host and each CLI command (`tailor --version` took 0.45 s).
 */
const loadLater = createRequire(import.meta.url);

function purify(html: string): string {
  if (!purifier) {
    const { JSDOM: Dom } = loadLater('jsdom') as { JSDOM: typeof JSDOM };
    purifier = createDOMPurify(new Dom('').window as unknown as Window & typeof globalThis);
  }
  return purifier.sanitize(html, {
    FORBID_TAGS: [...AUTHORED_HTML_POLICY.FORBID_TAGS],
    FORBID_ATTR: [...AUTHORED_HTML_POLICY.FORBID_ATTR],
  });
}

/** A copy of the course whose authored HTML has been sanitized for the package. */
export function sanitizeCourseHtml(course: Course): Course {
  const fields = new Set<string>(HTML_FIELDS);
  const walk = (value: unknown, key?: string): unknown => {
    if (typeof value === 'string') return key && fields.has(key) ? purify(value) : value;
    if (Array.isArray(value)) return value.map((v) => walk(v));
    if (value && typeof value === 'object')
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v, k)]));
    return value;
  };
  return walk(course) as Course;
}
