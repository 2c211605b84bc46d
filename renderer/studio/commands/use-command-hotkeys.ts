import { useHotkeys, type HotkeyConfig } from '@blueprintjs/core';
import { useLayoutEffect, useMemo, useRef } from 'react';
import type { Command } from './registry';

/**
 * Registers every command's hotkeys with Blueprint (so they also appear in the `?` dialog). The
 * context is read through a ref at key time, so the hotkey list is built once and stays stable.
 */
export function useCommandHotkeys<C>(commands: readonly Command<C>[], context: C) {
  const latest = useRef(context);
  useLayoutEffect(() => {
    latest.current = context;
  });
  const hotkeys = useMemo<HotkeyConfig[]>(
    () =>
      commands.flatMap((command) =>
        (command.hotkeys ?? []).map((combo, i) => ({
          combo,
          // The shortcuts dialog lists each key: a second key for one command reads as such, not as a second command.
          label: i === 0 ? command.label : `${command.label} (other key)`,
          group: command.group,
          global: true,
          allowInInput: command.inInputs ?? false,
          preventDefault: true,
          onKeyDown: (event: KeyboardEvent) => {
            if (command.scope && !pressedIn(event, command.scope)) return;
            if (command.enabled(latest.current)) command.run(latest.current);
          },
        })),
      ),
    [commands],
  );
  return useHotkeys(hotkeys);
}

/**
 * The key went to an element inside the scope, or to the page itself. The event's target, not the
 * focus now: an editor may already have removed the element that took the key (a deleted block).
 */
function pressedIn(event: KeyboardEvent, scope: string): boolean {
  const target = event.target;
  if (!(target instanceof Element) || target === document.body || target === document.documentElement) return true;
  return target.closest(`[data-hotkey-scope="${scope}"]`) !== null;
}
