/**
 * Light and dark: the page follows the system setting unless the shopper picks one
 * (remembered). The Kustom elements get `theme="dark"` to match; their accent and
 * radius come from the shop's CSS custom properties (styles.css).
 */
export type Theme = 'light' | 'dark';
const KEY = 'nordic-wool.theme';
const media = matchMedia('(prefers-color-scheme: dark)');

function chosen(): Theme | undefined {
  const value = localStorage.getItem(KEY);
  return value === 'light' || value === 'dark' ? value : undefined;
}

export function currentTheme(): Theme {
  return chosen() ?? (media.matches ? 'dark' : 'light');
}

const KUSTOM_TAGS = 'kustom-payment-method-display, kustom-delivery-method-display, kustom-express-buttons';

export function applyTheme(): void {
  const theme = currentTheme();
  document.documentElement.dataset.theme = theme;
  for (const el of document.querySelectorAll(KUSTOM_TAGS)) el.setAttribute('theme', theme === 'dark' ? 'dark' : 'default');
  for (const listener of listeners) listener(theme);
}

const listeners = new Set<(theme: Theme) => void>();
export function onThemeChange(listener: (theme: Theme) => void): void {
  listeners.add(listener);
}

export function toggleTheme(): void {
  localStorage.setItem(KEY, currentTheme() === 'dark' ? 'light' : 'dark');
  applyTheme();
}

media.addEventListener('change', () => chosen() === undefined && applyTheme());
