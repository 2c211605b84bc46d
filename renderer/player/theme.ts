/** Colour maths for the course's branding: an accent any organisation picks, kept WCAG AA in both themes. */

type Rgb = readonly [number, number, number];

/** The backgrounds an accent sits on (page, cards, notices), per theme; it must read on all of them. */
export const BACKGROUNDS = {
  light: ['#ffffff', '#f6f7f9', '#eef3fb'],
  dark: ['#15191e', '#1f252c', '#1a2638'],
} as const;
/** Text on an accent-filled button: white in light, near-black in dark. */
const ON_ACCENT = { light: '#ffffff', dark: '#10161f' } as const;
/** WCAG 2.2 AA for body text. */
export const AA = 4.5;

const parse = (hex: string): Rgb => {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
};
const toHex = (c: Rgb) => `#${c.map((v) => Math.round(v).toString(16).padStart(2, '0')).join('')}`;

/** Relative luminance as WCAG defines it (sRGB, linearised). */
export function luminance(hex: string): number {
  const [r, g, b] = parse(hex).map((v) => {
    const s = v / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as unknown as Rgb;
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** `from` moved a share `t` (0–1) of the way towards `to`. */
export function mix(from: string, to: string, t: number): string {
  const a = parse(from);
  const b = parse(to);
  return toHex([0, 1, 2].map((i) => a[i]! + (b[i]! - a[i]!) * t) as unknown as Rgb);
}

export interface AccentTokens {
  /** The accent as text, borders and button fill. */
  readonly accent: string;
  /** Text on an accent-filled button. */
  readonly onAccent: string;
  /** A faint wash of the accent for selected cards. */
  readonly soft: string;
}

/**
 * The brand accent for one theme: the authored colour when it already reads at AA on every
 * background of that theme (and under its button text), else the nearest darker (light theme) or
 * lighter (dark theme) shade that does.
 */
export function accentFor(brand: string, theme: 'light' | 'dark'): AccentTokens {
  const backgrounds = BACKGROUNDS[theme];
  const onAccent = ON_ACCENT[theme];
  const toward = theme === 'light' ? '#000000' : '#ffffff';
  const reads = (c: string) => backgrounds.every((bg) => contrast(c, bg) >= AA) && contrast(c, onAccent) >= AA;
  let accent = brand.toLowerCase();
  for (let t = 0.02; !reads(accent) && t <= 1; t += 0.02) accent = mix(brand, toward, t);
  return { accent, onAccent, soft: mix(backgrounds[0], accent, theme === 'light' ? 0.1 : 0.18) };
}

export type ThemeChoice = 'light' | 'dark';
const STORE = 'tailor-player-theme';

/** The theme the learner picked on this device, if any (else the OS decides). */
export function storedTheme(storage: Pick<Storage, 'getItem'> | null): ThemeChoice | null {
  try {
    const value = storage?.getItem(STORE);
    return value === 'light' || value === 'dark' ? value : null;
  } catch {
    return null;
  }
}

export function storeTheme(storage: Pick<Storage, 'setItem'> | null, theme: ThemeChoice): void {
  try {
    storage?.setItem(STORE, theme);
  } catch {
    // Storage refused (private mode, LMS sandbox): the choice lasts for this visit only.
  }
}
