/**
 * What the back office reads off an order besides its own fields: who the customer
 * is, how they paid, and text folded for search and matching.
 */
import { badArgument, objectArgument, orderArgument } from '../internal/arguments.js';
import { addTax, statedTax } from '../orders/balances.js';
import type { Address, Order } from '../schemas/index.js';

/** A text field trimmed; `''` for anything that is not a string. */
const trimmed = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');
/** An optional nested object read as one (`undefined` for anything else). */
const part = <T>(value: T | undefined): T | undefined => (typeof value === 'object' && value !== null ? value : undefined);

/** The customer's name: billing address first, then shipping, then the organisation. */
export function customerName(order: Order): string {
  objectArgument(order, 'order', 'an order');
  return personName(part(order.billing_address)) || personName(part(order.shipping_address)) || trimmed(part(order.billing_address)?.organization_name);
}

/** The customer's e-mail address (billing first, then shipping), or `''`. */
export function customerEmail(order: Order): string {
  objectArgument(order, 'order', 'an order');
  return trimmed(part(order.billing_address)?.email) || trimmed(part(order.shipping_address)?.email);
}

/** The customer's phone number (billing first, then shipping), or `''`. */
export function customerPhone(order: Order): string {
  objectArgument(order, 'order', 'an order');
  return trimmed(part(order.billing_address)?.phone) || trimmed(part(order.shipping_address)?.phone);
}

/** `initial_payment_method.type` (`INVOICE`, `CARD`, …), or `''` when the order does not say. */
export function paymentMethodOf(order: Order): string {
  objectArgument(order, 'order', 'an order');
  const type = part(order.initial_payment_method)?.type;
  return typeof type === 'string' ? type : '';
}

/**
 * The sum of the order lines' tax (`total_tax_amount`, or the tax at `tax_rate`);
 * `undefined` (an empty cell) when some line states neither, rather than counting it as 0.
 */
export function orderTaxAmount(order: Order): number | undefined {
  orderArgument(order, 'order', ['order_lines']);
  let tax: number | undefined = 0;
  for (const line of order.order_lines) tax = addTax(tax, statedTax(line));
  return tax;
}

/** `given_name family_name` of an address, or `''`. */
export function personName(address: Address | undefined): string {
  if (typeof address !== 'object' || address === null) return '';
  const given = trimmed(address.given_name);
  const family = trimmed(address.family_name);
  return given && family ? `${given} ${family}` : given || family;
}

/**
 * The postal lines of an address, without the person: care of, street, postal code
 * and city, region, country. Empty parts are left out.
 */
export function addressLines(address: Address | undefined): string[] {
  if (typeof address !== 'object' || address === null) return [];
  const street = trimmed(address.street_address) || [address.street_name, address.street_number, address.house_extension].map(trimmed).filter(Boolean).join(' ');
  const town = [address.postal_code, address.city].map(trimmed).filter(Boolean).join(' ');
  const careOf = trimmed(address.care_of);
  return [careOf ? `c/o ${careOf}` : '', street, trimmed(address.street_address2), town, trimmed(address.region), trimmed(address.country).toUpperCase()].filter(Boolean);
}

// Letters that Unicode does not decompose into a base letter and a mark.
const FOLDED: Record<string, string> = { ø: 'o', æ: 'ae', œ: 'oe', ß: 'ss', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i' };
const UNFOLDED = /[øæœßłđðþı]/g;
const MARKS = /\p{M}+/gu;

/**
 * Text for case- and accent-insensitive comparison: `"Åsa Ødegård"` → `"asa odegard"`.
 * Compatibility forms fold too (full-width letters, ligatures).
 */
export function foldText(text: string): string {
  if (typeof text !== 'string') throw badArgument('text', 'must be a string', text);
  return text.normalize('NFKD').replace(MARKS, '').toLowerCase().replace(UNFOLDED, (c) => FOLDED[c]!);
}
