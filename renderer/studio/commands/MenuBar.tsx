import { Button, Menu, MenuDivider, MenuItem, Popover } from '@blueprintjs/core';
import { memo, useMemo, type ReactNode } from 'react';
import { menuTemplate, type MenuNode } from '../../../shared/commands/menu';
import { useMenuState } from './menu-hub';
import { hotkeyLabel } from './registry';

/**
 * Browser mode's menu bar: the same menus the desktop shell shows natively, from the same registry
 * (without what only a desktop app can do: cut/copy/paste roles, zoom, quit).
 */
export const MenuBar = memo(function MenuBar({ onOpen }: { readonly onOpen: (path: string) => void }) {
  const { state, run } = useMenuState();
  const menus = useMemo(() => menuTemplate(state, { platform: 'web' }), [state]);

  const item = (node: MenuNode, key: number): ReactNode => {
    switch (node.kind) {
      case 'separator':
        return <MenuDivider key={key} />;
      case 'role':
        return null;
      case 'open':
        return <MenuItem key={key} text={node.label} title={node.path} onClick={() => onOpen(node.path)} />;
      case 'submenu':
        return (
          <MenuItem key={key} text={node.label}>
            {node.items.map(item)}
          </MenuItem>
        );
      case 'command':
        return (
          <MenuItem
            key={key}
            text={node.label}
            disabled={!node.enabled}
            label={node.hotkey ? hotkeyLabel(node.hotkey) : undefined}
            // After the menu has closed and given focus back, so a dialog the command opens keeps it.
            onClick={() => requestAnimationFrame(() => void run(node.id))}
          />
        );
    }
  };

  return (
    <nav className="menu-bar" aria-label="Menu">
      {menus.map((menu) => (
        <Popover
          key={menu.label}
          placement="bottom-start"
          minimal
          content={<Menu aria-label={menu.label}>{menu.items.map(item)}</Menu>}
        >
          <Button variant="minimal" text={menu.label} aria-haspopup="menu" />
        </Popover>
      ))}
    </nav>
  );
});
