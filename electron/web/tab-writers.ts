import { basename } from 'node:path';
import { fail, ok, type Dispatch, type Result } from '../../shared/contract';

/** Document calls a tab that only views a document may still make; every other `document.*` call edits. */
const VIEWING_CALLS = new Set(['document.open', 'document.close', 'document.exportPortable', 'document.exportScorm']);

const pathOf = (payload: unknown): string | undefined => {
  const path = (payload as { path?: unknown } | null)?.path;
  return typeof path === 'string' ? path : undefined;
};

/**
 * How long a tab asking to edit waits for the document's writer to go away before it is refused.
 * A reload is a new page (a new tab id) whose first call can reach the host before the old page's
 * event stream is seen to close; without the wait the designer's own reload locked them out.
 */
export const HANDOVER_WAIT_MS = 2000;

/**
 * One writer per document across the tabs of one browser-mode host, as the lock file gives
 * Electron across windows: the backend keeps one open document, the first tab that opens it for
 * editing owns it, and any other tab gets the same `read-only` refusal (and so the studio's
 * "open read-only" offer). A viewing tab shares the writer's live document but cannot change it.
 * A tab is named by the random id its transport sends; its claims end when it closes the document
 * or its event stream goes away (tab closed or reloaded); a tab asking to edit waits a moment for
 * that, so a reloaded tab takes its own document back.
 */
export class TabWriters {
  readonly #owner = new Map<string, string>();
  readonly #viewers = new Map<string, Set<string>>();
  /** Wake-ups for tabs waiting for a writer (by its tab id) to go away. */
  readonly #waiting = new Map<string, Set<() => void>>();

  constructor(
    private readonly dispatch: Dispatch,
    private readonly resolvePath: (path: string) => string,
    private readonly handoverWaitMs: number = HANDOVER_WAIT_MS,
    /**
     * Whether a tab has an event stream open. A page reloaded (or closed) right after its first call never opens
     * one, so no stream closes to end its claims: a writer without a stream after the wait is taken to be gone.
     */
    private readonly connected: (tab: string) => boolean = () => true,
  ) {}

  async call(name: string, payload: unknown, tab: string | undefined): Promise<Result<unknown>> {
    const raw = pathOf(payload);
    if (tab === undefined || raw === undefined || !name.startsWith('document.')) return this.dispatch(name, payload);
    const path = this.resolvePath(raw);
    const owner = this.#owner.get(path);
    const viewers = this.#viewers.get(path);
    const elsewhere = owner !== undefined && owner !== tab;

    if (name === 'document.open') {
      const readOnly = (payload as { readOnly?: unknown }).readOnly === true;
      if (!readOnly && owner !== undefined && owner !== tab) {
        const gone = (await this.#goneWithin(owner, this.handoverWaitMs)) || !this.connected(owner);
        if (gone) {
          this.release(owner);
          return this.call(name, payload, tab);
        }
      }
      if (!readOnly && elsewhere)
        return fail(
          'read-only',
          `"${basename(path)}" is open for editing in another tab of this studio. Close it there, or open it read-only.`,
        );
      if (readOnly && elsewhere) {
        // Share the writer's document: reopening it read-only would take it away from its owner.
        const shared = await this.dispatch(name, { ...(payload as object), readOnly: false });
        if (!shared.ok) return shared;
        this.#view(path, tab);
        return ok({ ...(shared.value as object), readOnly: true, history: { canUndo: false, canRedo: false } });
      }
      const result = await this.dispatch(name, payload);
      if (result.ok && !readOnly) {
        this.#owner.set(path, tab);
        viewers?.delete(tab);
      } else if (result.ok && owner === tab) this.#owner.delete(path);
      return result;
    }

    if (name === 'document.close') {
      const others = [...(viewers ?? [])].filter((v) => v !== tab);
      viewers?.delete(tab);
      if (owner === tab) this.#owner.delete(path);
      // Another tab still shows it (or edits it): keep the document open for them.
      if (others.length || elsewhere) return ok(null);
      return this.dispatch(name, payload);
    }

    if (!VIEWING_CALLS.has(name) && (elsewhere || (owner === undefined && viewers?.has(tab))))
      return fail(
        'read-only',
        `"${basename(path)}" is open read-only in this tab because another tab is editing it; nothing was changed.`,
      );
    return this.dispatch(name, payload);
  }

  #view(path: string, tab: string): void {
    const set = this.#viewers.get(path) ?? new Set<string>();
    set.add(tab);
    this.#viewers.set(path, set);
  }

  /** Resolves true when `tab` goes away within `ms`, false when it is still there. */
  #goneWithin(tab: string, ms: number): Promise<boolean> {
    return new Promise((resolve) => {
      const wakes = this.#waiting.get(tab) ?? new Set<() => void>();
      const settle = (gone: boolean) => {
        clearTimeout(timer);
        wakes.delete(wake);
        if (wakes.size === 0 && this.#waiting.get(tab) === wakes) this.#waiting.delete(tab);
        resolve(gone);
      };
      const wake = () => settle(true);
      const timer = setTimeout(() => settle(false), ms);
      wakes.add(wake);
      this.#waiting.set(tab, wakes);
    });
  }

  /** The tab went away (its event stream closed): it no longer owns or views anything. */
  release(tab: string): void {
    for (const [path, owner] of this.#owner) if (owner === tab) this.#owner.delete(path);
    for (const set of this.#viewers.values()) set.delete(tab);
    for (const wake of [...(this.#waiting.get(tab) ?? [])]) wake();
  }
}
