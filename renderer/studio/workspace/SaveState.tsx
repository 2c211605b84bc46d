import { useSyncExternalStore, type ReactNode } from 'react';
import type { SavingStatus } from '../course/saving-status';

/** "Saving…" while edits are on their way, "Saved" after; only this line redraws when that changes. */
export function SaveState({
  status,
  readOnly,
}: {
  readonly status: SavingStatus;
  readonly readOnly: boolean;
}): ReactNode {
  const saving = useSyncExternalStore(status.subscribe, status.saving);
  return <span role="status">{readOnly ? 'Read-only' : saving ? 'Saving…' : 'Saved'}</span>;
}
