import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useSyncExternalStore,
  type ReactNode,
} from 'react';
import type { MenuCommand, MenuState } from '../../../shared/commands/menu';
import { useBackend } from '../app/backend-context';
import type { Command } from './registry';

interface Source {
  readonly commands: readonly Command<unknown>[];
  readonly context: { current: unknown };
}

/**
 * Collects the command registries that are on screen (the app's file commands, the workspace's) into
 * one menu: the native menu in Electron, the studio's own menu bar in the browser. Menu choices
 * run through the same `enabled`/`run` as hotkeys and the palette.
 */
class MenuHub {
  readonly #sources = new Map<string, Source>();
  readonly #listeners = new Set<() => void>();
  #recent: MenuState['recent'] = [];
  #state: MenuState = { commands: [], recent: [] };
  #key = '';

  set(id: string, source: Source | null): void {
    if (source) this.#sources.set(id, source);
    else this.#sources.delete(id);
    this.refresh();
  }

  setRecent(recent: MenuState['recent']): void {
    this.#recent = recent;
    this.refresh();
  }

  /** Re-reads every command's `enabled`; listeners hear only about real changes. */
  refresh(): void {
    const commands: MenuCommand[] = [];
    for (const { commands: list, context } of this.#sources.values())
      for (const c of list)
        commands.push({
          id: c.id,
          label: c.label,
          group: c.group,
          ...(c.hotkeys ? { hotkeys: c.hotkeys } : {}),
          enabled: c.enabled(context.current),
        });
    const next = { commands, recent: this.#recent };
    const key = JSON.stringify(next);
    if (key === this.#key) return;
    this.#key = key;
    this.#state = next;
    for (const listener of this.#listeners) listener();
  }

  run(id: string): boolean {
    for (const { commands, context } of this.#sources.values()) {
      const command = commands.find((c) => c.id === id);
      if (command && command.enabled(context.current)) {
        command.run(context.current);
        return true;
      }
    }
    return false;
  }

  readonly subscribe = (listener: () => void) => {
    this.#listeners.add(listener);
    return () => void this.#listeners.delete(listener);
  };
  readonly snapshot = () => this.#state;
}

const HubContext = createContext<MenuHub | null>(null);

/** Hosts the menu: hands it to the native shell when there is one, and runs what the shell's menu asks. */
export function MenuProvider({ children }: { children: ReactNode }) {
  const { client, info } = useBackend();
  const hub = useMemo(() => new MenuHub(), []);
  const native = info.capabilities.nativeMenu;

  useEffect(() => {
    if (!native) return;
    const send = () => {
      const { commands, recent } = hub.snapshot();
      void client.invoke('platform.setMenu', {
        commands: commands.map(({ hotkeys, ...c }) => ({ ...c, ...(hotkeys ? { hotkeys: [...hotkeys] } : {}) })),
        recent: [...recent],
      });
    };
    send();
    return hub.subscribe(send);
  }, [client, hub, native]);

  useEffect(() => client.subscribe('app.command', ({ id }) => void hub.run(id)), [client, hub]);

  return <HubContext.Provider value={hub}>{children}</HubContext.Provider>;
}

function useHub(): MenuHub {
  const hub = useContext(HubContext);
  if (!hub) throw new Error('useMenuCommands needs a MenuProvider above it');
  return hub;
}

/**
 * Puts a registry's commands in the application menu while the component is mounted; their
 * enabled state follows `context` (re-read after every render of the component).
 */
export function useMenuCommands<C>(id: string, commands: readonly Command<C>[], context: C): void {
  const hub = useHub();
  const latest = useRef<unknown>(context);
  useLayoutEffect(() => {
    latest.current = context;
    hub.refresh();
  });
  useEffect(() => {
    hub.set(id, { commands: commands as readonly Command<unknown>[], context: latest });
    return () => hub.set(id, null);
  }, [hub, id, commands]);
}

/** Recently opened courses for File ▸ Open Recent. */
export function useMenuRecent(recent: MenuState['recent']): void {
  const hub = useHub();
  useEffect(() => hub.setRecent(recent), [hub, recent]);
}

/** The menu as it stands (for the browser's menu bar), and a way to run one of its commands. */
export function useMenuState(): { readonly state: MenuState; readonly run: (id: string) => boolean } {
  const hub = useHub();
  const state = useSyncExternalStore(hub.subscribe, hub.snapshot);
  const run = useCallback((id: string) => hub.run(id), [hub]);
  return { state, run };
}
