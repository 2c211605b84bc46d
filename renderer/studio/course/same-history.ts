import type { HistoryState } from '../../../shared/contract';

/** Whether two undo/redo states read the same on screen (the buttons, their labels). */
export function sameHistory(a: HistoryState, b: HistoryState): boolean {
  return (
    a.canUndo === b.canUndo && a.canRedo === b.canRedo && a.undoLabel === b.undoLabel && a.redoLabel === b.redoLabel
  );
}
