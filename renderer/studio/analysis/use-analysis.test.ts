import { describe, expect, it } from 'vitest';
import { analysisDelay } from './use-analysis';

describe('the wait before the studio analyses a change', () => {
  it('is 300 ms after a quick analysis, twice the last one after a slow one, and never over 2 s', () => {
    expect(analysisDelay(0)).toBe(300);
    expect(analysisDelay(40)).toBe(300);
    expect(analysisDelay(250)).toBe(500);
    expect(analysisDelay(5000)).toBe(2000);
  });
});
