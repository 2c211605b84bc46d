import { describe, expect, it } from 'vitest';
import { createSavingStatus } from './saving-status';

describe('the saving status', () => {
  it('tells its listeners when saving starts and ends, and only then', () => {
    const status = createSavingStatus();
    const seen: boolean[] = [];
    const stop = status.subscribe(() => seen.push(status.saving()));
    status.set(true);
    status.set(true);
    status.set(false);
    stop();
    status.set(true);
    expect(seen).toEqual([true, false]);
    expect(status.saving()).toBe(true);
  });
});
