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

/** New windows are always denied; plain web links go to the system browser instead. */
export function windowOpenDecision(raw: string): { readonly action: 'deny'; readonly openExternally: boolean } {
  const url = parse(raw);
  const external = url !== null && (url.protocol === 'https:' || url.protocol === 'http:') && url.username === '';
  return { action: 'deny', openExternally: external };
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
