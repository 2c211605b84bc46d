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
        (command.hotkeys ?? []).map((combo) => ({
          combo,
          label: command.label,
          group: command.group,
          global: true,
          allowInInput: command.inInputs ?? false,
          preventDefault: true,
          onKeyDown: () => {
            if (command.enabled(latest.current)) command.run(latest.current);
          },
        })),
      ),
    [commands],
  );
  return useHotkeys(hotkeys);
}
