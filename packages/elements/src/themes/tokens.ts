/**
 * The design tokens: the public `--kustom-<name>` custom properties and their
 * defaults. The components read each through a private `--_kustom-<name>`
 * variable, so a page sets `--kustom-color-accent` and never fights specificity.
 * `themes/tokens.css`, `themes/default.css` and `themes/dark.css` carry the same
 * values for pages that want to set them globally (a test keeps them in sync).
 */

/** Shape and spacing, the same in every theme. */
export const SHAPE = {
  radius: '8px',
  spacing: '8px',
  'button-height': '48px',
} as const;

/** Colours of `theme="default"`. */
export const LIGHT = {
  'color-background': '#ffffff',
  'color-text': '#1a1a1f',
  'color-text-muted': '#595963',
  'color-border': '#c4c4cc',
  'color-accent': '#0a57c2',
  'color-error': '#b3261e',
  'color-skeleton': '#e8e8ed',
} as const;

/** Colours of `theme="dark"`. */
export const DARK: Record<keyof typeof LIGHT, string> = {
  'color-background': '#1c1c21',
  'color-text': '#f2f2f5',
  'color-text-muted': '#b0b0ba',
  'color-border': '#55555f',
  'color-accent': '#8ab4ff',
  'color-error': '#ff8a80',
  'color-skeleton': '#34343c',
};

/** `--_kustom-x:var(--kustom-x,<default>)` for every token. */
export const privateVars = (tokens: Readonly<Record<string, string>>): string =>
  Object.entries(tokens)
    .map(([name, value]) => `--_kustom-${name}:var(--kustom-${name},${value})`)
    .join(';');
