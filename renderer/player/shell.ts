import type { Course } from '../../shared/model/schema';
import { accentFor, storedTheme, storeTheme, type ThemeChoice } from './theme';
import { h } from './ui/dom';

/** The frame around every view: a top bar (logo, course title, outline, theme), the outline and the main column. */
export interface Shell {
  /** The outline's content; an empty outline hides the sidebar (intake, placement, the last page). */
  readonly outline: HTMLElement;
  /** Where "Save and exit" lives: every view after the intake. */
  readonly actions: HTMLElement;
  showOutline(visible: boolean): void;
  closeDrawer(): void;
}

const local = (): Storage | null => {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
};

/** Sets the accent tokens from the course's branding; CSSOM writes, so the CSP needs no inline style. */
function applyBranding(course: Course): void {
  const brand = course.settings.branding?.accent;
  if (!brand) return;
  const style = document.documentElement.style;
  for (const theme of ['light', 'dark'] as const) {
    const tokens = accentFor(brand, theme);
    style.setProperty(`--brand-${theme}`, tokens.accent);
    style.setProperty(`--brand-${theme}-fg`, tokens.onAccent);
    style.setProperty(`--brand-${theme}-soft`, tokens.soft);
  }
}

/** The favicon: the organisation's logo when the course has one, else the player's own. */
function applyFavicon(course: Course): void {
  const logo = course.settings.branding?.logo;
  const link = document.querySelector<HTMLLinkElement>('link[rel="icon"]');
  if (logo && link) {
    link.href = logo;
    link.removeAttribute('type');
  }
}

function themeToggle(): HTMLButtonElement {
  const root = document.documentElement;
  const dark = window.matchMedia('(prefers-color-scheme: dark)');
  const picked = storedTheme(local());
  if (picked) root.dataset['theme'] = picked;
  const isDark = () => (root.dataset['theme'] ? root.dataset['theme'] === 'dark' : dark.matches);
  const toggle = h(
    'button',
    { type: 'button', class: 'icon-btn theme-toggle', 'aria-label': 'Dark theme', title: 'Dark theme' },
    h('span', { class: 'icon icon-moon', 'aria-hidden': 'true' }),
  );
  const sync = () => toggle.setAttribute('aria-pressed', String(isDark()));
  toggle.addEventListener('click', () => {
    const next: ThemeChoice = isDark() ? 'light' : 'dark';
    root.dataset['theme'] = next;
    storeTheme(local(), next);
    sync();
  });
  dark.addEventListener('change', sync);
  sync();
  return toggle;
}

/** Builds the frame around `main` (index.html's #player) once, at start. */
export function buildShell(course: Course, main: HTMLElement): Shell {
  applyBranding(course);
  applyFavicon(course);
  const logo = course.settings.branding?.logo;
  const outline = h('div', { class: 'outline-body' });
  const nav = h('nav', { class: 'outline', id: 'outline', 'aria-label': 'Course outline' }, outline);
  const drawerToggle = h(
    'button',
    {
      type: 'button',
      class: 'icon-btn drawer-toggle',
      'aria-controls': 'outline',
      'aria-expanded': 'false',
      'aria-label': 'Course outline',
      title: 'Course outline',
    },
    h('span', { class: 'icon icon-menu', 'aria-hidden': 'true' }),
  );
  const actions = h('div', { class: 'topbar-actions' });
  const header = h(
    'header',
    { class: 'topbar' },
    drawerToggle,
    logo ? h('img', { class: 'logo', src: logo, alt: '' }) : null,
    h('p', { class: 'topbar-title' }, course.title),
    actions,
    themeToggle(),
  );
  const layout = h('div', { class: 'layout' });
  main.before(header, layout);
  layout.append(nav, main);

  const setDrawer = (open: boolean) => {
    nav.classList.toggle('open', open);
    drawerToggle.setAttribute('aria-expanded', String(open));
    if (open) outline.querySelector<HTMLElement>('button')?.focus();
  };
  drawerToggle.addEventListener('click', () => setDrawer(!nav.classList.contains('open')));
  nav.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && nav.classList.contains('open')) {
      setDrawer(false);
      drawerToggle.focus();
    }
  });
  return {
    outline,
    actions,
    showOutline(visible) {
      layout.classList.toggle('with-outline', visible);
      drawerToggle.hidden = !visible;
      if (!visible) setDrawer(false);
    },
    closeDrawer: () => setDrawer(false),
  };
}
