import { app, dialog, Menu, shell, type BrowserWindow } from 'electron';
import { IPC_EVENT_CHANNEL } from '../../shared/contract';
import type { Platform } from '../backend/platform';
import { nativeMenuTemplate, type MenuAction } from './menu';

/** The native menu from the studio's commands; a click goes back to the window as an event. */
export function setNativeMenu(
  state: Parameters<NonNullable<Platform['setMenu']>>[0],
  getWindow: () => BrowserWindow | null,
): void {
  const act = (action: MenuAction) => {
    const contents = getWindow()?.webContents;
    if (!contents) return;
    if ('command' in action) contents.send(IPC_EVENT_CHANNEL, 'app.command', { id: action.command });
    else {
      app.addRecentDocument(action.open);
      contents.send(IPC_EVENT_CHANNEL, 'app.openDocument', { path: action.open });
    }
  };
  Menu.setApplicationMenu(Menu.buildFromTemplate(nativeMenuTemplate(state, process.platform, act)));
}

/** Native abilities for the backend, with Electron's dialogs and shell. */
export function electronPlatform(getWindow: () => BrowserWindow | null): Platform {
  return {
    host: 'electron',
    capabilities: { pickFolder: true, pickDocument: true, revealInFolder: true, nativeMenu: true },
    async pickFolder(title) {
      const window = getWindow();
      const options: Electron.OpenDialogOptions = {
        title: title ?? 'Choose a folder',
        properties: ['openDirectory', 'createDirectory'],
      };
      const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    async pickDocument() {
      const window = getWindow();
      const options: Electron.OpenDialogOptions = {
        title: 'Open a course',
        properties: ['openFile'],
        filters: [{ name: 'Tailor course', extensions: ['tailor'] }],
      };
      const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    async revealInFolder(path) {
      shell.showItemInFolder(path);
    },
    setMenu(state) {
      setNativeMenu(state, getWindow);
    },
  };
}
