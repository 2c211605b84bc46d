/**
 * The studio's Content-Security-Policy, the same under Electron's app:// scheme and the web host.
 * No inline or evaluated script, no inline style (React, Blueprint and popper set styles through the
 * CSSOM, which CSP allows); connections only to the host that served the page.
 */
export function studioCsp(frameSources: readonly string[] = []): string {
  return [
    "default-src 'self'",
    // Previews run on an origin of their own (see electron/web/preview-host.ts); only it may be framed.
    ...(frameSources.length ? [`frame-src ${frameSources.join(' ')}`] : []),
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data: blob:",
    "media-src 'self' blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

export const STUDIO_CSP = studioCsp();

/** Electron serves previews on this scheme, one origin per preview (`tailor-preview://<id>/`). */
export const PREVIEW_SCHEME = 'tailor-preview';

/**
 * Where a preview may come from, for the built page's meta policy, which cannot know the web host's
 * preview port; the header of each host names its exact origin.
 */
export const ANY_PREVIEW_ORIGIN: readonly string[] = ['http://127.0.0.1:*', `${PREVIEW_SCHEME}:`];

/** The policy of every preview file: the package's own rules, framed only by the studio and the LMS page. */
export function previewCsp(studioOrigins: readonly string[]): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "media-src 'self'",
    "connect-src 'none'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    `frame-ancestors 'self' ${studioOrigins.join(' ')}`,
  ].join('; ');
}
