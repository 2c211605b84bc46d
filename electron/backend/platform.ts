import type { MenuState } from '../../shared/commands/menu';
import type { PlatformCapabilities } from '../../shared/contract';

/**
 * Native-only abilities. Electron main implements them with dialogs and the shell; the web host
 * and the CLI have none, and the studio falls back to typed paths.
 */
export interface Platform {
  readonly host: 'electron' | 'web' | 'cli' | 'test';
  readonly capabilities: PlatformCapabilities;
  pickFolder?(title: string | undefined): Promise<string | null>;
  pickDocument?(): Promise<string | null>;
  revealInFolder?(path: string): Promise<void>;
  setMenu?(state: MenuState): void;
}

export const headlessPlatform = (host: Platform['host']): Platform => ({
  host,
  capabilities: { pickFolder: false, pickDocument: false, revealInFolder: false, nativeMenu: false },
});
