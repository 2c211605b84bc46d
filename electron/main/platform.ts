import { dialog, shell, type BrowserWindow } from 'electron';
import type { Platform } from '../backend/platform';

/** Native abilities for the backend, with Electron's dialogs and shell. */
export function electronPlatform(getWindow: () => BrowserWindow | null): Platform {
  return {
    host: 'electron',
    capabilities: { pickFolder: true, pickDocument: true, revealInFolder: true },
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
  };
}
