import type { BrowserWindowConstructorOptions, WebPreferences } from 'electron';

/** The studio is served from this origin only; everything else is foreign. */
export const STUDIO_SCHEME = 'app';
export const STUDIO_HOST = 'studio';
export const STUDIO_ENTRY_URL = `${STUDIO_SCHEME}://${STUDIO_HOST}/index.html`;

function parse(raw: string): URL | null {
  try {
    return new URL(raw);
  } catch {
    return null;
  }
}

export function isStudioUrl(raw: string): boolean {
  const url = parse(raw);
  return url !== null && url.protocol === `${STUDIO_SCHEME}:` && url.host === STUDIO_HOST;
}

/** In-window navigation may only stay inside the studio. */
export function mayNavigate(raw: string): boolean {
  return isStudioUrl(raw);
}

const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

/**
 * What may leave the app for the operating system: https links to a named public host and mailto
 * addresses, nothing else. Credentials, IP literals, local names and punycode (look-alike) hosts
 * are refused, because the OS would hand them to whatever program claims them.
 */
export function externalLink(raw: string): string | null {
  const url = raw === raw.trim() ? parse(raw) : null;
  if (url === null) return null;
  if (url.protocol === 'mailto:') {
    const address = /^[^@\s/?#%]+@[a-z0-9.-]+\.[a-z]{2,}$/i.test(url.pathname);
    return address && url.search === '' ? url.href : null;
  }
  if (url.protocol !== 'https:' || url.username !== '' || url.password !== '' || url.port !== '') return null;
  const host = url.hostname;
  if (host.startsWith('[') || IPV4.test(host) || !host.includes('.') || host.endsWith('.localhost')) return null;
  return host.split('.').some((label) => label.startsWith('xn--')) ? null : url.href;
}

export function mayOpenExternally(raw: string): boolean {
  return externalLink(raw) !== null;
}

/** New windows are always denied; links that pass the external check go to the system instead. */
export function windowOpenDecision(raw: string): { readonly action: 'deny'; readonly openExternally: string | null } {
  return { action: 'deny', openExternally: externalLink(raw) };
}

/** A call is served only when it comes from the studio's own top frame. */
export function isTrustedSender(
  frame: { readonly url: string; readonly parent?: unknown } | null | undefined,
): boolean {
  if (!frame) return false;
  if (frame.parent) return false;
  return isStudioUrl(frame.url);
}

export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: true,
    // A middle click must not open links in a new window behind the window-open guard's back.
    disableBlinkFeatures: 'Auxclick',
  };
}

export function studioWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 820,
    minWidth: 880,
    minHeight: 560,
    show: false,
    title: 'Tailor',
    backgroundColor: '#f6f7f9',
    webPreferences: secureWebPreferences(preloadPath),
  };
}
