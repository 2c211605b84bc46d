// From the contract's schema-free files only: the studio's entry picks the transport before zod's JIT is off.
import { BRIDGE_GLOBAL, HTTP_CALL_PREFIX, HTTP_EVENTS_PATH } from '../../../shared/contract/channels';
import type { Transport } from '../../../shared/contract/client';
import { isEventName } from '../../../shared/contract/events';

/** Where a tab keeps the host's token, so a reload still works after the URL was cleaned. */
export const TOKEN_STORAGE_KEY = 'tailor.token';

/**
 * Takes the per-launch token from `?token=` (then removes it from the visible URL and history,
 * keeping the hash that holds the course and selection), or from this tab's sessionStorage.
 */
export function takeToken(win: Window): string {
  const url = new URL(win.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    try {
      win.sessionStorage.setItem(TOKEN_STORAGE_KEY, fromUrl);
    } catch {
      // Storage can be disabled; the token still works until the tab reloads.
    }
    url.searchParams.delete('token');
    win.history.replaceState(win.history.state, '', `${url.pathname}${url.search}${url.hash}`);
    return fromUrl;
  }
  try {
    return win.sessionStorage.getItem(TOKEN_STORAGE_KEY) ?? '';
  } catch {
    return '';
  }
}

/**
 * Browser mode: calls as JSON POSTs with `Authorization: Bearer <token>`, events over one shared
 * Server-Sent Events stream (EventSource cannot send headers, so the stream alone takes `?token=`).
 */
export function httpTransport(base: string = '', token: string = ''): Transport {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  let source: EventSource | null = null;
  // Names this page load to the host, which lets one tab at a time edit a document.
  const tab = crypto.randomUUID();

  function ensureStream(): void {
    if (source) return;
    source = new EventSource(`${base}${HTTP_EVENTS_PATH}?token=${encodeURIComponent(token)}&tab=${tab}`);
    source.onmessage = (message: MessageEvent<string>) => {
      let parsed: { event?: unknown; payload?: unknown };
      try {
        parsed = JSON.parse(message.data) as typeof parsed;
      } catch {
        return;
      }
      if (typeof parsed.event !== 'string' || !isEventName(parsed.event)) return;
      for (const listener of listeners.get(parsed.event) ?? []) listener(parsed.payload);
    };
  }

  return {
    async invoke(name, payload) {
      const response = await fetch(`${base}${HTTP_CALL_PREFIX}${encodeURIComponent(name)}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}`, 'X-Tailor-Tab': tab },
        body: JSON.stringify(payload ?? {}),
      });
      return (await response.json()) as unknown;
    },
    subscribe(event, listener) {
      ensureStream();
      const set = listeners.get(event) ?? new Set();
      set.add(listener);
      listeners.set(event, set);
      return () => set.delete(listener);
    },
  };
}

/** What the Electron preload exposes; structurally a Transport. */
function bridgeOf(win: Window): Transport | null {
  const bridge = (win as unknown as Record<string, unknown>)[BRIDGE_GLOBAL];
  if (typeof bridge !== 'object' || bridge === null) return null;
  const { invoke, subscribe } = bridge as Partial<Transport>;
  return typeof invoke === 'function' && typeof subscribe === 'function' ? { invoke, subscribe } : null;
}

/** Composition root's choice: the Electron bridge when the preload installed one, HTTP otherwise. */
export function pickTransport(win: Window): Transport {
  return bridgeOf(win) ?? httpTransport('', takeToken(win));
}
