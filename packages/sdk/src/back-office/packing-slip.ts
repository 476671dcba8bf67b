/**
 * Packing slips: a printable HTML document listing what was captured (shipped) on an
 * order, with the store's logo, in the portal's six languages.
 */
import { parseOrThrow } from '../internal/validate.js';
import { lineBalances, type OrderLocale } from '../orders/index.js';
import { Order as OrderSchema, type Address, type AnswerShippingInfo, type Order, type OrderManagementAnswerLine } from '../schemas/index.js';
import { checkTimeZone, orderInstant } from './dates.js';
import { KustomOrderNotCapturedError, invalidInput } from './errors.js';
import { escapeHtml } from './html.js';
import { languageOf } from './languages.js';
import { DEFAULT_MAX_LOGO_BYTES, checkLogo } from './logo.js';
import { addressLines, personName } from './order-fields.js';
import { DATE_LOCALES, packingSlipTranslations } from './packing-slip-translations.js';

export interface PackingSlipStore {
  /** The store's name, printed at the top. */
  name: string;
  /** Postal address lines, printed under the name. */
  address?: readonly string[] | undefined;
  email?: string | undefined;
  phone?: string | undefined;
  website?: string | undefined;
  /** Organisation or VAT number. */
  organizationNumber?: string | undefined;
}

export interface PackingSlipOptions {
  store: PackingSlipStore;
  /**
   * The store's logo: a `data:image/png;base64,…` or `data:image/jpeg;base64,…` URL whose
   * bytes really are a PNG or JPEG, at most `maxLogoBytes`. Anything else is a
   * `KustomValidationError` naming `logo`. No logo, no image.
   */
  logo?: string | undefined;
  /** @default 524288 (512 KiB) */
  maxLogoBytes?: number | undefined;
  /**
   * The slip's language (`en`, `sv`, `fi`, `da`, `nb`, `de` or a locale of one; others get English).
   * @default the order's `locale`
   */
  locale?: string | undefined;
  /**
   * Only the lines of this capture (one shipment). By default the slip lists
   * everything captured on the order.
   */
  captureId?: string | undefined;
  /** The IANA time zone of the order date. @default 'UTC' */
  timeZone?: string | undefined;
}

/** Line types that are not goods to pack. */
const NOT_GOODS = new Set<string | undefined>(['discount', 'shipping_fee', 'sales_tax', 'surcharge', 'store_credit', 'return_fee']);

/**
 * The style sheet of every slip. It is constant so that the document's
 * Content-Security-Policy can allow exactly it by hash (and no other style or any
 * script); `STYLE_HASH` is its SHA-256, checked by a test.
 */
const STYLE =
  '@page{size:A4;margin:16mm 14mm}' +
  '*{box-sizing:border-box}' +
  'html{font:10.5pt/1.45 system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;color:#111;background:#fff}' +
  'body{margin:0 auto;max-width:182mm}' +
  '@media screen{body{padding:12mm 0}}' +
  'header{display:flex;justify-content:space-between;gap:8mm;align-items:flex-start;border-bottom:1.5pt solid #111;padding-bottom:5mm}' +
  '.logo{display:block;max-width:60mm;max-height:22mm;object-fit:contain;margin-bottom:3mm}' +
  '.store-name{font-weight:600;font-size:12pt}' +
  'address{font-style:normal}' +
  'h1{font-size:18pt;margin:0 0 3mm;text-align:end}' +
  'dl{display:grid;grid-template-columns:auto auto;gap:1mm 4mm;margin:0}' +
  'dt{color:#555}' +
  'dd{margin:0;font-weight:600;overflow-wrap:anywhere}' +
  '.parties{display:grid;grid-template-columns:1fr 1fr;gap:8mm;margin:6mm 0}' +
  'h2{font-size:9pt;text-transform:uppercase;letter-spacing:.05em;color:#555;margin:0 0 1.5mm}' +
  'table{width:100%;border-collapse:collapse}' +
  'thead{display:table-header-group}' +
  'tr{break-inside:avoid}' +
  'th,td{text-align:start;padding:2mm;border-bottom:.5pt solid #bbb;vertical-align:top;overflow-wrap:anywhere}' +
  'th{font-size:9pt;color:#555;border-bottom:1pt solid #111}' +
  '.ref{width:38mm}' +
  '.qty{text-align:end;white-space:nowrap;width:24mm}' +
  'tfoot td{font-weight:600;border-bottom:0}' +
  '.note{margin-top:4mm;color:#555}';
const STYLE_HASH = 'sha256-T/zDJSDxN1UEKUJ+xjHGLGpd67e1vYoxO1hlYmgKLMI=';

/** Nothing may load or run: data: images and the one style sheet above only. */
const CSP = `default-src 'none'; img-src data:; style-src '${STYLE_HASH}'; base-uri 'none'; form-action 'none'`;

interface SlipLine {
  reference: string | undefined;
  name: string;
  quantity: number;
  unit: string | undefined;
}

/**
 * A standalone, printable HTML document (A4) for an order's captured lines: the
 * store's name, address and logo, the order number, date and reference, shipping
 * method and tracking numbers, the ship-to address and the customer, then each
 * captured article with the quantity actually captured (from the captures' order
 * lines, via `lineBalances`). Discounts, shipping fees and other non-goods lines are
 * left out.
 *
 * Safe to open as it is: every value is HTML-escaped, the document has no script and
 * loads nothing, and its Content-Security-Policy forbids scripts, remote resources and
 * any style but its own.
 *
 * Throws `KustomOrderNotCapturedError` for an order with nothing captured (a slip is
 * for what ships), `KustomValidationError` for an order that breaks the schema, a
 * logo that is not a real PNG/JPEG within the size limit (`field: 'logo'`), a
 * store without a name, or an unknown `captureId`.
 *
 * @example
 * const html = renderPackingSlip(order, {
 *   store: { name: 'Nordic Mugs AB', address: ['Storgatan 1', '111 22 Stockholm'] },
 *   logo: `data:image/png;base64,${png.toString('base64')}`,
 *   locale: 'sv-SE',
 * });
 * res.type('html').send(html); // or open it in a new window and print()
 */
export function renderPackingSlip(order: Order, options: PackingSlipOptions): string {
  if (!options || typeof options !== 'object') throw invalidInput('options', 'must be an object with store', 'invalid_type');
  const store = checkStore(options.store);
  const maxLogoBytes = options.maxLogoBytes ?? DEFAULT_MAX_LOGO_BYTES;
  if (!Number.isSafeInteger(maxLogoBytes) || maxLogoBytes < 1) throw invalidInput('maxLogoBytes', 'must be a positive integer', 'invalid_value');
  const logo = options.logo === undefined ? undefined : checkLogo(options.logo, maxLogoBytes);
  const timeZone = checkTimeZone(options.timeZone);
  const valid = parseOrThrow(OrderSchema, order, 'request', 'renderPackingSlip');
  const language = languageOf(options.locale ?? valid.locale);

  if (!(valid.captured_amount > 0) && !valid.captures.some((c) => c.captured_amount > 0)) {
    throw new KustomOrderNotCapturedError(valid.order_id, valid.status);
  }
  const { lines, notItemised } = options.captureId === undefined ? orderCapturedLines(valid) : captureLines(valid, options.captureId);
  const tracking = trackingNumbers(valid, options.captureId);
  return document(valid, { store, logo: logo?.dataUrl, language, timeZone, lines, notItemised, tracking });
}

function checkStore(store: PackingSlipStore | undefined): PackingSlipStore {
  if (!store || typeof store !== 'object') throw invalidInput('store', 'must be an object with the store name', 'invalid_type');
  if (typeof store.name !== 'string' || !store.name.trim()) throw invalidInput('store.name', 'must be a non-empty string', 'invalid_type');
  if (store.address !== undefined && (!Array.isArray(store.address) || store.address.some((l) => typeof l !== 'string'))) {
    throw invalidInput('store.address', 'must be an array of strings', 'invalid_type');
  }
  for (const key of ['email', 'phone', 'website', 'organizationNumber'] as const) {
    if (store[key] !== undefined && typeof store[key] !== 'string') throw invalidInput(`store.${key}`, 'must be a string', 'invalid_type');
  }
  return store;
}

/** Everything captured on the order, per order line. */
function orderCapturedLines(order: Order): { lines: SlipLine[]; notItemised: boolean } {
  const balances = lineBalances(order);
  const quantities = balances.map((b) => b.capturedQuantity);
  // Captures made by amount carry no lines. When they add up to exactly what the
  // lines left uncaptured, the whole rest was captured; otherwise say so on the slip.
  const placed = balances.reduce((sum, b) => sum + b.capturedAmount, 0);
  const unplaced = order.captured_amount - placed;
  let notItemised = false;
  if (unplaced > 0) {
    const left = balances.reduce((sum, b) => sum + b.amountLeftToCapture, 0);
    if (unplaced === left) balances.forEach((b, i) => (quantities[i]! += b.quantityLeftToCapture));
    else notItemised = true;
  }
  return { lines: goods(order.order_lines.map((line, i) => toSlipLine(line, quantities[i]!))), notItemised };
}

/** The lines of one capture. */
function captureLines(order: Order, captureId: string): { lines: SlipLine[]; notItemised: boolean } {
  const capture = order.captures.find((c) => c.capture_id === captureId);
  if (!capture) throw invalidInput('captureId', `is not a capture of order ${order.order_id}: ${JSON.stringify(captureId)}`, 'invalid_value');
  const captured = capture.order_lines ?? [];
  if (captured.length === 0 && capture.captured_amount === order.order_amount) {
    return { lines: goods(order.order_lines.map((line) => toSlipLine(line, line.quantity))), notItemised: false };
  }
  const itemised = captured.reduce((sum, line) => sum + line.total_amount, 0);
  return { lines: goods(captured.map((line) => toSlipLine(line, line.quantity))), notItemised: itemised < capture.captured_amount };
}

function toSlipLine(line: Pick<OrderManagementAnswerLine, 'reference' | 'name' | 'quantity_unit' | 'type'>, quantity: number): SlipLine & { type: string | undefined } {
  return { reference: line.reference, name: line.name, quantity, unit: line.quantity_unit, type: line.type };
}

function goods(lines: Array<SlipLine & { type: string | undefined }>): SlipLine[] {
  return lines.filter((l) => l.quantity > 0 && !NOT_GOODS.has(l.type)).map(({ type: _type, ...line }) => line);
}

function trackingNumbers(order: Order, captureId: string | undefined): string[] {
  const infos: AnswerShippingInfo[] = [];
  for (const capture of order.captures) if (captureId === undefined || capture.capture_id === captureId) infos.push(...(capture.shipping_info ?? []));
  if (captureId === undefined) infos.push(...(order.shipping_info ?? []));
  const seen = new Set<string>();
  for (const info of infos) {
    if (!info.tracking_number) continue;
    seen.add(info.shipping_company ? `${info.shipping_company} ${info.tracking_number}` : info.tracking_number);
  }
  return [...seen];
}

interface Slip {
  store: PackingSlipStore;
  logo: string | undefined;
  language: OrderLocale;
  timeZone: string;
  lines: SlipLine[];
  notItemised: boolean;
  tracking: string[];
}

const esc = escapeHtml;
const joinLines = (parts: ReadonlyArray<string | undefined>) => parts.filter((p): p is string => !!p && !!p.trim()).map(esc).join('<br>');

function document(order: Order, slip: Slip): string {
  const t = packingSlipTranslations[slip.language];
  const date = new Intl.DateTimeFormat(DATE_LOCALES[slip.language], { dateStyle: 'long', timeZone: slip.timeZone }).format(orderInstant(order.created_at, 'created_at'));
  const facts: Array<[string, string | undefined]> = [
    [t.orderNumber, order.order_id],
    [t.orderDate, date],
    [t.reference, order.merchant_reference1],
    [t.shippingMethod, order.selected_shipping_option?.name],
    [t.tracking, slip.tracking.join(', ') || undefined],
  ];
  const shipTo = order.shipping_address ?? order.billing_address;
  const total = slip.lines.reduce((sum, l) => sum + l.quantity, 0);
  const store = slip.store;
  return (
    '<!doctype html>\n' +
    `<html lang="${slip.language}">\n<head>\n<meta charset="utf-8">\n` +
    `<meta http-equiv="Content-Security-Policy" content="${esc(CSP)}">\n` +
    '<meta name="referrer" content="no-referrer">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n' +
    `<title>${esc(`${t.title} ${order.order_id}`)}</title>\n<style>${STYLE}</style>\n</head>\n<body>\n` +
    '<header>\n<div class="store">\n' +
    (slip.logo ? `<img class="logo" src="${esc(slip.logo)}" alt="${esc(store.name)}">\n` : '') +
    `<div class="store-name">${esc(store.name)}</div>\n` +
    `<address>${joinLines([...(store.address ?? []), store.organizationNumber, store.email, store.phone, store.website])}</address>\n</div>\n` +
    `<div class="doc">\n<h1>${esc(t.title)}</h1>\n<dl>\n` +
    facts
      .filter(([, value]) => value)
      .map(([label, value]) => `<dt>${esc(label)}</dt><dd>${esc(value!)}</dd>\n`)
      .join('') +
    '</dl>\n</div>\n</header>\n' +
    '<section class="parties">\n' +
    `<div>\n<h2>${esc(t.shipTo)}</h2>\n<address>${addressBlock(shipTo)}</address>\n</div>\n` +
    pickupBlock(order, t.pickupPoint) +
    `<div>\n<h2>${esc(t.customer)}</h2>\n<address>${joinLines([personName(order.billing_address), order.billing_address?.organization_name, order.billing_address?.email, order.billing_address?.phone])}</address>\n</div>\n` +
    '</section>\n' +
    `<table>\n<thead><tr><th class="ref">${esc(t.articleNumber)}</th><th>${esc(t.item)}</th><th class="qty">${esc(t.quantity)}</th></tr></thead>\n<tbody>\n` +
    slip.lines
      .map((l) => `<tr><td class="ref">${esc(l.reference ?? '')}</td><td>${esc(l.name)}</td><td class="qty">${l.quantity}${l.unit ? ` ${esc(l.unit)}` : ''}</td></tr>\n`)
      .join('') +
    `</tbody>\n<tfoot><tr><td colspan="2">${esc(t.totalQuantity)}</td><td class="qty">${total}</td></tr></tfoot>\n</table>\n` +
    (slip.notItemised ? `<p class="note">${esc(t.notItemised)}</p>\n` : '') +
    '</body>\n</html>\n'
  );
}

/** The pickup point the shopper chose (name, address, the carrier's id), when the delivery has one. */
function pickupBlock(order: Order, heading: string): string {
  const location = order.selected_shipping_option?.location;
  if (!location || !(location.name || location.address || location.id)) return '';
  const body = joinLines([location.name, ...(location.address ? addressLines(location.address) : []), location.id]);
  return `<div class="pickup" data-pickup-point-id="${esc(location.id ?? '')}">\n<h2>${esc(heading)}</h2>\n<address>${body}</address>\n</div>\n`;
}

function addressBlock(address: Address | undefined): string {
  if (!address) return '';
  return joinLines([personName(address), address.organization_name, address.attention, ...addressLines(address), address.phone]);
}
