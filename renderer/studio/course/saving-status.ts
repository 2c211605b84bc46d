/**
 * Whether edits are on their way to the backend, for the status line that shows it. Kept outside React state: as a
 * state of the course screen it redrew the whole workspace twice for every keystroke (once saving, once saved).
 */
export interface SavingStatus {
  subscribe(listener: () => void): () => void;
  saving(): boolean;
}

export function createSavingStatus(): SavingStatus & { set(saving: boolean): void } {
  let saving = false;
  const listeners = new Set<() => void>();
  return {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    saving: () => saving,
    set(next) {
      if (next === saving) return;
      saving = next;
      for (const listener of [...listeners]) listener();
    },
  };
}
