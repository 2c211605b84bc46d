import { describe, expect, it } from 'vitest';
import { displayPreferences } from './display';

describe('display preferences from the launch', () => {
  it('reads the theme, captions and reduced motion', () => {
    expect(displayPreferences(new URLSearchParams('theme=dark&captions=on&motion=reduce&role=buyer'))).toEqual({
      theme: 'dark',
      captions: true,
      reducedMotion: true,
    });
  });

  it('ignores values it does not know', () => {
    expect(displayPreferences(new URLSearchParams('theme=neon&captions=1&motion=fast'))).toEqual({});
  });
});
