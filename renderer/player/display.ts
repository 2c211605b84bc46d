/** How the learner's device asks the course to look: set by the studio's preview or an LMS launch, never stored. */
export interface DisplayPreferences {
  readonly theme?: 'light' | 'dark';
  readonly captions?: boolean;
  readonly reducedMotion?: boolean;
}

/** Launch parameters that are display preferences, not learner attributes. */
export const DISPLAY_KEYS = ['theme', 'captions', 'motion'] as const;

/** Reads `theme=dark`, `captions=on`, `motion=reduce` from launch parameters; anything else is left out. */
export function displayPreferences(params: URLSearchParams): DisplayPreferences {
  const theme = params.get('theme');
  return {
    ...(theme === 'light' || theme === 'dark' ? { theme } : {}),
    ...(params.get('captions') === 'on' ? { captions: true } : {}),
    ...(params.get('motion') === 'reduce' ? { reducedMotion: true } : {}),
  };
}
