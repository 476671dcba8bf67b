/**
 * The status rules of the facts page, in one place. `orderActions`, `reservation`
 * and the planners all ask {@link actionRule}; none of them repeats a rule.
 */
import { objectArgument, orderArgument } from '../internal/arguments.js';
import { KnownOrderStatus, type InitialPaymentMethod, type Order, type OrderStatus } from '../schemas/index.js';
import { DAY_MS, EXTENSION_LIMIT_DAYS, RESERVATION_DAYS, toMillis } from './time.js';
import type { ActionReason, AtOptions, OrderAction } from './types.js';

/** The order fields the rules read. */
export type RuleOrder = Pick<
  Order,
  | 'status'
  | 'order_amount'
  | 'captured_amount'
  | 'refunded_amount'
  | 'remaining_authorized_amount'
  | 'purchase_country'
  | 'created_at'
  | 'expires_at'
  | 'initial_payment_method'
  | 'fraud_status'
>;

/** Purchase countries where the authorization cannot be extended. */
export const EXTENSION_UNSUPPORTED_COUNTRIES: readonly string[] = ['ES', 'FR', 'IT', 'PT'];

/**
 * `initial_payment_method.type` values that are Klarna's own payment products (the
 * published list of the Order Management API). The others on that list (`CARD`,
 * `SWISH`, `MOBILEPAY`, `ALTERNATIVE_PAYMENT_METHOD`, `OTHER`) are not Klarna.
 */
const KLARNA_PAYMENT_TYPES = new Set([
  'INVOICE',
  'INVOICE_BUSINESS',
  'ACCOUNT',
  'FIXED_AMOUNT',
  'FIXED_AMOUNT_BY_CARD',
  'FIXED_SUM_CREDIT',
  'PAY_IN_X',
  'PAY_LATER_IN_PARTS',
  'PAY_LATER_BY_CARD',
  'PAY_BY_CARD',
  'DEFERRED_INTEREST',
  'DIRECT_DEBIT',
  'BANK_TRANSFER',
]);

/**
 * Whether an order was paid with the Klarna payment method (only those can be
 * extended). Kustom Checkout offers Klarna next to cards, Swish, MobilePay and
 * others; the order tells which through `initial_payment_method`:
 *
 * - a `description` that names Klarna ("Klarna Pay later") is Klarna;
 * - otherwise `type` decides: Klarna's products (`INVOICE`, `PAY_LATER_IN_PARTS`,
 *   `FIXED_AMOUNT`, `ACCOUNT`, `DIRECT_DEBIT`, `PAY_BY_CARD`, …) are
 *   Klarna; `CARD`, `SWISH`, `MOBILEPAY`, `ALTERNATIVE_PAYMENT_METHOD`, `OTHER` are not;
 * - no `initial_payment_method` at all: not known to be Klarna, so no extension.
 */
export function isKlarnaPaymentMethod(method: InitialPaymentMethod | undefined): boolean {
  if (typeof method !== 'object' || method === null) return false;
  if (typeof method.description === 'string' && /klarna/i.test(method.description)) return true;
  return typeof method.type === 'string' && KLARNA_PAYMENT_TYPES.has(method.type.toUpperCase());
}

/** Whether `status` is one the documents list (an unknown one is read, but allows nothing). */
export function isKnownStatus(status: OrderStatus): status is KnownOrderStatus {
  return (KnownOrderStatus.options as readonly string[]).includes(status);
}

/** The reservation is open: the amount is authorized and (part of it) can still be captured. */
function isOpen(status: OrderStatus): boolean {
  return status === 'AUTHORIZED' || status === 'PART_CAPTURED';
}

/**
 * The status the order has at `now`. The API reports an `AUTHORIZED` or
 * `PART_CAPTURED` order whose `expires_at` has passed as `EXPIRED` the next time it
 * is read; this answers the same without reading it again. An order is expired from
 * the instant `expires_at` on ("can only be captured until this time").
 */
export function effectiveStatus<S extends OrderStatus>(order: { status: S; expires_at: Order['expires_at'] }, now: number): S | 'EXPIRED' {
  if (isOpen(order.status) && now >= toMillis(order.expires_at, 'expires_at')) return 'EXPIRED';
  return order.status;
}

/**
 * The order's status at `options.now`: `EXPIRED` for an `AUTHORIZED` /
 * `PART_CAPTURED` order past its `expires_at`, otherwise `order.status`.
 *
 * @example statusLabel(orderStatusAt(order, { now: new Date() }), 'de')
 */
export function orderStatusAt(order: Pick<Order, 'status' | 'expires_at'>, options: AtOptions): OrderStatus {
  orderArgument(order, 'order', ['status']);
  objectArgument(options, 'options', 'an options object with now');
  return effectiveStatus(order, toMillis(options.now, 'now'));
}

/** The status's own reason for a terminal status, if it has one. */
function terminalReason(status: KnownOrderStatus): ActionReason | undefined {
  return status === 'CANCELLED' || status === 'EXPIRED' || status === 'CLOSED' ? status : undefined;
}

/**
 * What an extension at `now` would do. Each extension sets `expires_at` to now + 28
 * days, but never past `created_at` + 90 days (`limit`): `next` is the earlier of the
 * two. An extension that would not move `expires_at` later is refused.
 */
export function extensionWindow(order: Pick<Order, 'created_at'>, now: number): { limit: number; next: number } {
  const limit = toMillis(order.created_at, 'created_at') + EXTENSION_LIMIT_DAYS * DAY_MS;
  return { limit, next: Math.min(now + RESERVATION_DAYS * DAY_MS, limit) };
}

/**
 * Whether `action` is allowed on `order` at `now`: `undefined` when it is, otherwise
 * the reason. The table (facts page, "What each status allows"):
 *
 * | action | allowed when |
 * |---|---|
 * | capture | AUTHORIZED / PART_CAPTURED with `remaining_authorized_amount > 0` and `fraud_status` ACCEPTED (or absent) |
 * | refund | PART_CAPTURED / CAPTURED / CLOSED with `captured_amount > refunded_amount` |
 * | cancel | AUTHORIZED (no captures) |
 * | release | PART_CAPTURED with something left to capture |
 * | extend | AUTHORIZED / PART_CAPTURED, Klarna, not ES/FR/IT/PT, and min(now + 28 d, created_at + 90 d) > expires_at |
 * | edit | AUTHORIZED / PART_CAPTURED |
 * | updateCustomerDetails | AUTHORIZED |
 * | addShippingInfo | AUTHORIZED / PART_CAPTURED / CAPTURED |
 *
 * CANCELLED, EXPIRED (also: open past `expires_at`) and CLOSED allow nothing but
 * a refund of a CLOSED order that is not fully refunded. A status the SDK does not
 * know (the API may add one) allows nothing: reason `UNKNOWN_STATUS`.
 */
export function actionRule(order: RuleOrder, action: OrderAction, now: number): ActionReason | undefined {
  const known = order.status;
  if (!isKnownStatus(known)) return 'UNKNOWN_STATUS';
  const status = effectiveStatus({ status: known, expires_at: order.expires_at }, now);
  const terminal = terminalReason(status);
  const hasCaptures = order.captured_amount > 0;
  const open = isOpen(status);

  switch (action) {
    case 'refund':
      if (status === 'CANCELLED' || status === 'EXPIRED') return status;
      if (!hasCaptures) return 'NO_CAPTURES';
      return order.captured_amount > order.refunded_amount ? undefined : 'NOTHING_TO_REFUND';
    case 'capture':
      if (terminal) return terminal;
      if (!open || order.remaining_authorized_amount <= 0) return 'NOTHING_LEFT_TO_CAPTURE';
      return order.fraud_status === 'PENDING' ? 'FRAUD_PENDING' : order.fraud_status === 'REJECTED' ? 'FRAUD_REJECTED' : undefined;
    case 'edit':
      return terminal ?? (open ? undefined : 'NOTHING_LEFT_TO_CAPTURE');
    case 'cancel':
    case 'updateCustomerDetails':
      return terminal ?? (hasCaptures ? 'HAS_CAPTURES' : undefined);
    case 'release':
      if (terminal) return terminal;
      if (!hasCaptures) return 'NO_CAPTURES';
      return open && order.remaining_authorized_amount > 0 ? undefined : 'NOTHING_LEFT_TO_CAPTURE';
    case 'extend': {
      if (terminal) return terminal;
      if (!open) return 'NOTHING_LEFT_TO_CAPTURE';
      if (!isKlarnaPaymentMethod(order.initial_payment_method)) return 'NOT_KLARNA';
      if (EXTENSION_UNSUPPORTED_COUNTRIES.includes(String(order.purchase_country ?? '').toUpperCase())) return 'COUNTRY_NOT_SUPPORTED';
      const { limit, next } = extensionWindow(order, now);
      const expires = toMillis(order.expires_at, 'expires_at');
      if (next > expires) return undefined;
      return expires >= limit ? 'EXTENSION_LIMIT_REACHED' : 'NOTHING_TO_EXTEND';
    }
    case 'addShippingInfo':
      return terminal;
  }
}
