/**
 * What the back office reads off an order besides its own fields: who the customer
 * is, how they paid, and text folded for search and matching.
 */
import type { Address, Order } from '../schemas/index.js';

/** The customer's name: billing address first, then shipping, then the organisation. */
export function customerName(order: Order): string {
  return personName(order.billing_address) || personName(order.shipping_address) || order.billing_address?.organization_name?.trim() || '';
}

/** The customer's e-mail address (billing first, then shipping), or `''`. */
export function customerEmail(order: Order): string {
  return (order.billing_address?.email || order.shipping_address?.email || '').trim();
}

/** The customer's phone number (billing first, then shipping), or `''`. */
export function customerPhone(order: Order): string {
  return (order.billing_address?.phone || order.shipping_address?.phone || '').trim();
}

/** `initial_payment_method.type` (`INVOICE`, `CARD`, …), or `''` when the order does not say. */
export function paymentMethodOf(order: Order): string {
  return order.initial_payment_method?.type ?? '';
}

/** The sum of the order lines' `total_tax_amount`. */
export function orderTaxAmount(order: Order): number {
  let tax = 0;
  for (const line of order.order_lines) tax += line.total_tax_amount;
  return tax;
}

/** `given_name family_name` of an address, or `''`. */
export function personName(address: Address | undefined): string {
  if (!address) return '';
  const given = address.given_name?.trim() ?? '';
  const family = address.family_name?.trim() ?? '';
  return given && family ? `${given} ${family}` : given || family;
}

/**
 * The postal lines of an address, without the person: care of, street, postal code
 * and city, region, country. Empty parts are left out.
 */
export function addressLines(address: Address | undefined): string[] {
  if (!address) return [];
  const street = address.street_address?.trim() || [address.street_name, address.street_number, address.house_extension].map((p) => p?.trim()).filter(Boolean).join(' ');
  const town = [address.postal_code, address.city].map((p) => p?.trim()).filter(Boolean).join(' ');
  return [address.care_of ? `c/o ${address.care_of.trim()}` : '', street, address.street_address2?.trim() ?? '', town, address.region?.trim() ?? '', address.country?.trim().toUpperCase() ?? ''].filter(Boolean);
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
  return text.normalize('NFKD').replace(MARKS, '').toLowerCase().replace(UNFOLDED, (c) => FOLDED[c]!);
}
