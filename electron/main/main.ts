import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, net, protocol, screen, session, shell } from 'electron';
import { IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL } from '../../shared/contract';
import { PREVIEW_SCHEME, previewCsp, studioCsp } from '../../shared/security/csp';
import { createBackend } from '../backend/backend';
import type { Previews } from '../backend/preview/previews';
import { resolveUnderRoot } from '../backend/static-files';
import { createInvokeHandler } from './ipc';
import { documentsFromArgv } from './launch-args';
import { electronNativeBindingPath } from './native-binding';
import { electronPlatform, setNativeMenu } from './platform';
import {
  mayNavigate,
  STUDIO_ENTRY_URL,
  STUDIO_HOST,
  STUDIO_SCHEME,
  studioWindowOptions,
  windowOpenDecision,
} from './security';
import { placeOnDisplays, readWindowState, writeWindowState } from './window-state';

// Must happen before `ready`: a standard, secure scheme gets a real origin for CSP and fetch.
protocol.registerSchemesAsPrivileged([
  { scheme: STUDIO_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
  // Previews: one origin per preview (the host is its id), never the studio's.
  { scheme: PREVIEW_SCHEME, privileges: { standard: true, secure: true, stream: true } },
]);

const appRoot = app.getAppPath();
const studioDir = join(appRoot, 'out', 'studio');
let mainWindow: BrowserWindow | null = null;
/** Documents asked for before the studio could take them (a double-click that started the app). */
const pendingDocuments: string[] = documentsFromArgv(process.argv, process.cwd());
let openDocument: ((path: string) => void) | null = null;

function requestDocument(path: string): void {
  app.addRecentDocument(path);
  if (openDocument) openDocument(path);
  else pendingDocuments.push(path);
}

// One Tailor at a time: a second launch (or a double-clicked .tailor) opens in the running one.
if (!app.requestSingleInstanceLock()) app.quit();
app.on('second-instance', (_event, argv, cwd) => {
  for (const path of documentsFromArgv(argv, cwd)) requestDocument(path);
  if (mainWindow) {
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  }
});
// macOS hands files over with open-file, possibly before `ready`.
app.on('open-file', (event, path) => {
  event.preventDefault();
  requestDocument(path);
});

function serveStudio(): void {
  protocol.handle(STUDIO_SCHEME, async (request) => {
    const url = new URL(request.url);
    const file = url.host === STUDIO_HOST ? resolveUnderRoot(studioDir, url.pathname) : null;
    if (!file || !existsSync(file)) return new Response('Not found', { status: 404 });
    const response = await net.fetch(pathToFileURL(file).toString());
    const headers = new Headers(response.headers);
    headers.set('Content-Security-Policy', studioCsp([`${PREVIEW_SCHEME}:`]));
    headers.set('X-Content-Type-Options', 'nosniff');
    return new Response(response.body, { status: response.status, headers });
  });
}

function servePreviews(previews: Previews): void {
  previews.serveAt((id, file) => `${PREVIEW_SCHEME}://${id}/${file}`);
  protocol.handle(PREVIEW_SCHEME, async (request) => {
    const url = new URL(request.url);
    let path: string;
    try {
      path = decodeURIComponent(url.pathname).slice(1);
    } catch {
      return new Response('Malformed address.', { status: 400 });
    }
    const file = await previews.read(url.host, path);
    if (!file) return new Response('This preview is no longer open; preview the course again.', { status: 404 });
    return new Response(Buffer.from(file.body), {
      headers: {
        'Content-Type': file.mime,
        'Content-Security-Policy': previewCsp([`${STUDIO_SCHEME}://${STUDIO_HOST}`]),
        'X-Content-Type-Options': 'nosniff',
      },
    });
  });
}

function guardAllWebContents(): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (!mayNavigate(url)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!mayNavigate(url)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      const decision = windowOpenDecision(url);
      // The target is the parsed, allow-checked URL from windowOpenDecision, never the raw request.
      if (decision.openExternally) void shell.openExternal(decision.openExternally); // eng-disable OPEN_EXTERNAL_JS_CHECK
      return { action: decision.action };
    });
  });
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
}

function nativeBinding(): string | undefined {
  // A packaged app's node_modules were rebuilt for Electron by electron-builder.
  if (app.isPackaged) return undefined;
  const path = electronNativeBindingPath(appRoot, process.versions.electron);
  if (existsSync(path)) return path;
  dialog.showErrorBox(
    'Tailor cannot start',
    `The database module for Electron ${process.versions.electron} is missing at ${path}. Run "npm start", which builds it.`,
  );
  app.exit(1);
  return undefined;
}

async function start(): Promise<void> {
  await app.whenReady();
  guardAllWebContents();
  serveStudio();
  // Until the studio hands over its commands, the menu has the native roles (edit, zoom, about).
  setNativeMenu({ commands: [], recent: [] }, () => mainWindow);
  app.setAboutPanelOptions({
    applicationName: 'Tailor',
    applicationVersion: app.getVersion(),
    version: `Electron ${process.versions.electron} · Chromium ${process.versions.chrome} · Node ${process.versions.node}`,
    copyright: 'Copyright © 2026 Tailor',
  });

  const dataDir = process.env.TAILOR_DATA_DIR ?? app.getPath('userData');
  const documentsDir = process.env.TAILOR_DOCUMENTS_DIR ?? join(app.getPath('documents'), 'Tailor');
  const backend = createBackend({
    dataDir,
    documentsDir,
    platform: electronPlatform(() => mainWindow),
    appRoot,
    nativeBinding: nativeBinding(),
  });

  servePreviews(backend.previews);
  ipcMain.handle(IPC_INVOKE_CHANNEL, createInvokeHandler(backend.dispatch));
  app.on('before-quit', () => backend.close());
  backend.events.attach((event, payload) => {
    for (const window of BrowserWindow.getAllWindows()) window.webContents.send(IPC_EVENT_CHANNEL, event, payload);
  });

  // Isolation, sandbox and Auxclick are set in secureWebPreferences and pinned by security.test.ts.
  const options = studioWindowOptions(join(__dirname, 'preload.cjs'));
  const stateFile = join(dataDir, 'window.json');
  const saved = readWindowState(stateFile);
  const place = saved
    ? placeOnDisplays(
        saved,
        screen.getAllDisplays().map((d) => d.workArea),
        { width: options.minWidth ?? 0, height: options.minHeight ?? 0 },
      )
    : null;
  // Isolation, sandbox and Auxclick are set in secureWebPreferences and pinned by security.test.ts.
  const window = new BrowserWindow({ ...options, ...place }); // eng-disable CONTEXT_ISOLATION_JS_CHECK SANDBOX_JS_CHECK AUXCLICK_JS_CHECK
  mainWindow = window;
  window.once('ready-to-show', () => {
    if (saved?.maximized) window.maximize();
    window.show();
  });
  window.on('close', () =>
    writeWindowState(stateFile, { ...window.getNormalBounds(), maximized: window.isMaximized() }),
  );
  window.on('closed', () => {
    mainWindow = null;
    openDocument = null;
  });
  backend.events.attach((event, payload) => {
    if (event === 'export.progress') {
      const { done, total } = payload as { done: number; total: number };
      window.setProgressBar(total > 0 && done < total ? done / total : -1);
    }
  });
  await window.loadURL(STUDIO_ENTRY_URL);
  openDocument = (path) => window.webContents.send(IPC_EVENT_CHANNEL, 'app.openDocument', { path });
  for (const path of pendingDocuments.splice(0)) openDocument(path);
}

app.on('window-all-closed', () => app.quit());
start().catch((error: unknown) => {
  dialog.showErrorBox('Tailor cannot start', error instanceof Error ? (error.stack ?? error.message) : String(error));
  app.exit(1);
});
