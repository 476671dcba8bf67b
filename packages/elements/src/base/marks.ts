/**
 * Brand marks: a letter (or, for cards, a tiny inline SVG) on the brand's colour.
 * No images: nothing to fetch, nothing a strict CSP blocks, a few bytes each.
 */
import { html, type TemplateResult } from 'lit';

/** Ids with a brand colour in the styles (`.m-<id>`). */
const BRANDS = ['klarna', 'applepay', 'googlepay', 'paypal', 'amazonpay'];

const card = html`<svg viewBox="0 0 24 16" width="1.3em" fill="none" stroke="currentColor" stroke-width="2">
  <rect x="1" y="1" width="22" height="14" rx="2" />
  <path d="M1 6h22" />
</svg>`;

/** The id if it is a known brand, else `''`: class and part names are never taken from the network as they are. */
export const brandId = (id: string): string => (BRANDS.includes(id) ? id : '');

/** The glyph for a method, wallet or carrier: `K.` for Klarna, a card outline for cards, else the name's first letter. */
export const glyph = (id: string, name: string): string | TemplateResult =>
  id === 'klarna' ? 'K.' : id === 'card' ? card : ([...name.trim()][0] ?? '').toUpperCase();

/** A decorative mark (hidden from assistive technology: the name is next to it). */
export const mark = (id: string, name: string): TemplateResult =>
  html`<span part="kustom-icon" class="mark m-${brandId(id)}" aria-hidden="true">${glyph(id, name)}</span>`;
