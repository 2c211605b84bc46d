import { describe, expect, it } from 'vitest';
import { createDispatch } from '../../shared/contract';
import { stubHandlers } from '../../test/fixtures/handlers';
import { createInvokeHandler } from './ipc';
import {
  isTrustedSender,
  mayNavigate,
  mayOpenExternally,
  secureWebPreferences,
  STUDIO_ENTRY_URL,
  studioWindowOptions,
  windowOpenDecision,
} from './security';

describe('studio window options', () => {
  const prefs = studioWindowOptions('/app/out/electron/preload.cjs').webPreferences!;

  it('isolate the page from Node and sandbox the renderer', () => {
    expect(prefs).toMatchObject({
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
    });
  });

  it('load only our preload', () => {
    expect(secureWebPreferences('/p.cjs').preload).toBe('/p.cjs');
  });
});

describe('navigation guards', () => {
  it('allow moving inside the studio', () => {
    expect(mayNavigate(STUDIO_ENTRY_URL)).toBe(true);
    expect(mayNavigate('app://studio/index.html#course=%2Fa.tailor')).toBe(true);
  });

  it.each([
    'https://example.com/',
    'http://127.0.0.1:4680/',
    'file:///etc/passwd',
    'app://other/index.html',
    'app://studio.evil.com/',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'not a url',
    '',
  ])('deny %j', (url) => {
    expect(mayNavigate(url)).toBe(false);
  });

  it('deny every new window, sending only https and mailto links to the system', () => {
    expect(windowOpenDecision('https://docs.example.com/help')).toEqual({
      action: 'deny',
      openExternally: 'https://docs.example.com/help',
    });
    expect(windowOpenDecision('file:///etc/passwd')).toEqual({ action: 'deny', openExternally: null });
  });

  it.each(['https://docs.example.com/help?q=1#top', 'https://www.w3.org/WAI/', 'mailto:learning@example.com'])(
    'open %j in the system browser or mail program',
    (url) => {
      expect(mayOpenExternally(url)).toBe(true);
    },
  );

  it.each([
    'http://docs.example.com/',
    'https://user@phish.example.com/',
    'https://user:pw@example.com/',
    'https://example.com:8443/',
    'https://127.0.0.1/',
    'https://[::1]/',
    'https://localhost/',
    'https://intranet/',
    'https://tailor.localhost/',
    'https://xn--exmple-cua.com/',
    'https://exаmple.com/',
    'javascript:alert(1)',
    'JAVASCRIPT:alert(1)',
    'file:///etc/passwd',
    'file://server/share/run.exe',
    'data:text/html,<script>alert(1)</script>',
    'app://studio/index.html',
    'app://studio/../../etc/passwd',
    'smb://server/share',
    'ms-msdt:/id PCWDiagnostic',
    'mailto:',
    'mailto:someone',
    'mailto:a@b.com%0ABcc:victim@example.com',
    'mailto:a@b.com?bcc=victim@example.com',
    'vbscript:msgbox(1)',
    ' https://example.com/',
    'not a url',
    '',
  ])('never hand %j to the operating system', (url) => {
    expect(mayOpenExternally(url)).toBe(false);
  });
});

describe('IPC sender checks', () => {
  it('trust only the studio’s top frame', () => {
    expect(isTrustedSender({ url: STUDIO_ENTRY_URL, parent: null })).toBe(true);
    expect(isTrustedSender({ url: STUDIO_ENTRY_URL, parent: { url: STUDIO_ENTRY_URL } })).toBe(false);
    expect(isTrustedSender({ url: 'https://evil.example/', parent: null })).toBe(false);
    expect(isTrustedSender(null)).toBe(false);
  });
});

describe('IPC invoke handler', () => {
  const handlers = stubHandlers({
    'course.create': ({ title }) => ({ path: `/c/${title}.tailor`, title, modifiedAt: '2026-01-01T00:00:00.000Z' }),
    'library.list': () => ({ entries: [] }),
  });
  const invoke = createInvokeHandler(createDispatch(handlers));
  const studio = { senderFrame: { url: STUDIO_ENTRY_URL, parent: null } };

  it('serves a valid call from the studio', async () => {
    expect(await invoke(studio, 'course.create', { title: 'Safety' })).toMatchObject({
      ok: true,
      value: { title: 'Safety' },
    });
  });

  it('answers a wrong payload with a validation error naming the field', async () => {
    const result = await invoke(studio, 'course.create', { title: ['not', 'text'] });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'invalid-request', issues: [{ field: 'title', message: 'must be text' }] },
    });
  });

  it('refuses a call from a foreign frame before dispatching it', async () => {
    const result = await invoke({ senderFrame: { url: 'https://evil.example/', parent: null } }, 'library.list', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'transport' } });
  });

  it('refuses a call whose name is not text', async () => {
    expect(await invoke(studio, 42, {})).toMatchObject({ ok: false, error: { code: 'unknown-call' } });
  });
});
