import { describe, expect, it } from 'vitest';
import { prng } from '../../../bench/generate-course';
import { planPositions, POSITION_GAP } from './item-positions';

const stored = (ids: string[], positions: number[]) => new Map(ids.map((id, i) => [id, positions[i]!]));
const increasing = (values: number[]) => values.every((v, i) => i === 0 || v > values[i - 1]!);

describe('item positions', () => {
  it('moves nobody else when one item is inserted at the front of a long list', () => {
    const ids = Array.from({ length: 3000 }, (_, i) => `m${i}`);
    const before = stored(
      ids,
      ids.map((_, i) => i * POSITION_GAP),
    );
    const after = planPositions(['new', ...ids], before);
    expect(after.slice(1)).toEqual(ids.map((_, i) => i * POSITION_GAP));
    expect(after[0]).toBeLessThan(0);
  });

  it('writes only the moved item when the last one moves to the front', () => {
    const ids = ['a', 'b', 'c', 'd'];
    const before = stored(ids, [0, 10, 20, 30]);
    const after = planPositions(['d', 'a', 'b', 'c'], before);
    expect(after.slice(1)).toEqual([0, 10, 20]);
    expect(after[0]).toBeLessThan(0);
  });

  it('renumbers the list only when no whole number fits between neighbours', () => {
    const after = planPositions(['a', 'x', 'b'], stored(['a', 'b'], [0, 1]));
    expect(after).toEqual([0, POSITION_GAP, 2 * POSITION_GAP]);
  });

  it('always gives strictly increasing positions, over 2,000 random inserts, moves and removals', () => {
    const r = prng(7);
    let ids: string[] = [];
    let positions = new Map<string, number>();
    for (let step = 0; step < 2000; step++) {
      const next = [...ids];
      const action = r.int(0, 2);
      if (action === 0 || next.length < 2) next.splice(r.int(0, next.length), 0, `n${step}`);
      else if (action === 1) next.splice(r.int(0, next.length), 0, ...next.splice(r.int(0, next.length - 1), 1));
      else next.splice(r.int(0, next.length - 1), 1);
      const planned = planPositions(next, positions);
      expect(increasing(planned)).toBe(true);
      expect(planned.every(Number.isSafeInteger)).toBe(true);
      ids = next;
      positions = stored(ids, planned);
    }
  });
});
