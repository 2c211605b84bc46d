import { describe, expect, it } from 'vitest';
import { sameHistory } from './same-history';

describe('sameHistory', () => {
  const typing = { canUndo: true, canRedo: false, undoLabel: 'Change the condition of "rule-1"' };

  it('is the same for a keystroke merged into the edit already on the undo stack', () => {
    expect(sameHistory(typing, { ...typing })).toBe(true);
  });

  it('differs when an undo or redo becomes possible, or its label changes', () => {
    expect(sameHistory({ canUndo: false, canRedo: false }, typing)).toBe(false);
    expect(sameHistory(typing, { ...typing, canRedo: true, redoLabel: 'Add a rule' })).toBe(false);
    expect(sameHistory(typing, { ...typing, undoLabel: 'Change the reason of "rule-1"' })).toBe(false);
  });
});
