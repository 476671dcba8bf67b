/**
 * Brand marks. At first a letter (or, for cards, a tiny inline SVG) on the brand's
 * colour, which costs a few bytes and nothing to fetch; after an element's first
 * render the real marks (`brand-marks.ts`, Simple Icons, CC0) load once per page,
 * as their own lazily imported file, and replace the letters in the same box (no
 * layout shift). No images, nothing a strict CSP blocks: SVG paths drawn by Lit.
 */
import { html, type ReactiveElement, type TemplateResult } from 'lit';

/** Ids with a brand colour in the styles (`.m-<id>`). */
const BRANDS = ['klarna', 'applepay', 'googlepay', 'paypal', 'amazonpay'];

type Marks = Readonly<Record<string, readonly [background: string, foreground: string, path: string]>>;

/** The real marks, once loaded. */
let marks: Marks | undefined;
let loading = false;
const waiting = new Set<ReactiveElement>();

/**
 * @internal Loads the brand marks once per page (call it after the element's first
 * render); `element` updates when they arrive. A failed load keeps the neutral marks.
 */
export function loadMarks(element: ReactiveElement): void {
  if (marks) return;
  waiting.add(element);
  if (loading) return;
  loading = true;
  // A task later: the ready event and the first paint go first.
  setTimeout(() =>
    import('./brand-marks.js').then(
      (module) => {
        marks = module.marks;
        waiting.forEach((e) => e.requestUpdate());
        waiting.clear();
      },
      () => waiting.clear(),
    ),
  );
}

const card = html`<svg viewBox="0 0 24 16" width="1.3em" fill="none" stroke="currentColor" stroke-width="2">
  <rect x="1" y="1" width="22" height="14" rx="2" />
  <path d="M1 6h22" />
</svg>`;

/** The id if it is a known brand, else `''`: class and part names are never taken from the network as they are. */
export const brandId = (id: string): string => (BRANDS.includes(id) ? id : '');

/** The key of a method's, wallet's or carrier's mark: its id, else its name in lower case letters and digits. */
const markKey = (id: string, name: string): string => id || name.toLowerCase().replace(/[^a-z0-9]/g, '');

/**
 * The glyph for a method, wallet or carrier: its brand mark once loaded, else `K.`
 * for Klarna, a card outline for cards, or the name's first letter.
 */
export const glyph = (id: string, name: string): string | TemplateResult => {
  const key = markKey(id, name);
  const real = marks && Object.hasOwn(marks, key) ? marks[key] : undefined;
  return real
    ? html`<svg class="brand" viewBox="-5 -5 34 34">
        <rect x="-5" y="-5" width="34" height="34" rx="5" fill=${real[0]} />
        <path fill=${real[1]} d=${real[2]} />
      </svg>`
    : id === 'klarna'
      ? 'K.'
      : id === 'card'
        ? card
        : ([...name.trim()][0] ?? '').toUpperCase();
};

/** A decorative mark (hidden from assistive technology: the name is next to it). */
export const mark = (id: string, name: string): TemplateResult =>
  html`<span part="kustom-icon" class="mark m-${brandId(id)}" aria-hidden="true">${glyph(id, name)}</span>`;
