import { describe, expect, it } from 'vitest';
import { describePlayerError } from './player-driver';

describe('smoke run failures in a designer’s words', () => {
  it('turns a bare Playwright timeout into what the player did not show, without the call log', () => {
    const error = new Error(
      "locator.getAttribute: Timeout 30000ms exceeded.\nCall log:\n  - waiting for getByRole('button', { name: 'Submit answer' })\n",
    );
    expect(describePlayerError(error)).toBe(
      "the player did not show what the learner needs next within 30 s (looked for getByRole('button', { name: 'Submit answer' }))",
    );
  });

  it('keeps the first line of any other error', () => {
    expect(describePlayerError(new Error('the page reported: boom\nstack'))).toBe('the page reported: boom');
  });
});
