import type { MenuItemConstructorOptions } from 'electron';
import { menuTemplate, type MenuNode, type MenuState } from '../../shared/commands/menu';

/** What a menu click asks of the studio window. */
export type MenuAction = { readonly command: string } | { readonly open: string };

/**
 * Electron's menu template from the studio's command registry (shared/commands/menu.ts). Commands
 * show their accelerators but do not register them: the studio's own hotkeys handle the keys, so a
 * key never runs a command twice.
 */
export function nativeMenuTemplate(
  state: MenuState,
  platform: NodeJS.Platform,
  act: (action: MenuAction) => void,
): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  const item = (node: MenuNode): MenuItemConstructorOptions => {
    switch (node.kind) {
      case 'separator':
        return { type: 'separator' };
      case 'role':
        return { role: node.role, label: node.label };
      case 'open':
        return { label: node.label, click: () => act({ open: node.path }) };
      case 'submenu':
        return { label: node.label, submenu: node.items.map(item) };
      case 'command':
        return {
          id: node.id,
          label: node.label,
          enabled: node.enabled,
          ...(node.accelerator ? { accelerator: node.accelerator, registerAccelerator: false } : {}),
          click: () => act({ command: node.id }),
        };
    }
  };
  const menus = menuTemplate(state, { platform: mac ? 'darwin' : platform === 'win32' ? 'win32' : 'linux' });
  const template: MenuItemConstructorOptions[] = menus.map((menu) => ({
    label: mac ? menu.label : `&${menu.label}`,
    submenu: menu.items.map(item),
  }));
  return mac ? [{ role: 'appMenu' }, ...template] : template;
}
