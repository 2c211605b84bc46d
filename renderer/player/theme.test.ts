import { describe, expect, it } from 'vitest';
import { AA, accentFor, BACKGROUNDS, contrast, storedTheme, storeTheme } from './theme';

const BRANDS = ['#2d72d2', '#ffcc00', '#00ff00', '#e91e63', '#000000', '#ffffff', '#777777', '#1f5bb5', '#00a3a3'];

describe('branding accent', () => {
  it('computes contrast as WCAG does', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  });

  it.each(BRANDS)('keeps %s at AA on every background and under button text, light and dark', (brand) => {
    for (const theme of ['light', 'dark'] as const) {
      const { accent, onAccent } = accentFor(brand, theme);
      for (const bg of BACKGROUNDS[theme]) expect(contrast(accent, bg), `${theme} on ${bg}`).toBeGreaterThanOrEqual(AA);
      expect(contrast(accent, onAccent), `${theme} button text`).toBeGreaterThanOrEqual(AA);
    }
  });

  it('leaves a brand colour that already reads untouched', () => {
    expect(accentFor('#1f5bb5', 'light').accent).toBe('#1f5bb5');
  });

  it('darkens a pale brand colour in light and lightens a deep one in dark', () => {
    expect(accentFor('#ffcc00', 'light').accent).not.toBe('#ffcc00');
    expect(accentFor('#1f5bb5', 'dark').accent).not.toBe('#1f5bb5');
  });
});

describe('theme choice', () => {
  it('remembers the learner’s pick and survives storage that refuses', () => {
    const map = new Map<string, string>();
    const storage = {
      getItem: (k: string) => map.get(k) ?? null,
      setItem: (k: string, v: string) => void map.set(k, v),
    };
    expect(storedTheme(storage)).toBeNull();
    storeTheme(storage, 'dark');
    expect(storedTheme(storage)).toBe('dark');
    const refusing = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('denied');
      },
    };
    expect(() => storeTheme(refusing, 'light')).not.toThrow();
    expect(storedTheme(refusing)).toBeNull();
  });
});
