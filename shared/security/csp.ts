/**
 * The studio's Content-Security-Policy, the same under Electron's app:// scheme and the web host.
 * No inline or evaluated script, no inline style (React, Blueprint and popper set styles through the
 * CSSOM, which CSP allows); connections only to the host that served the page.
 */
export const STUDIO_CSP = [
  "default-src 'self'",
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
