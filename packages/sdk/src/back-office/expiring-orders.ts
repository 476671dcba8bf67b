/**
 * The portal's "expiring orders" notification: open orders whose reservation ends
 * soon, so the merchant captures (or extends) them before the money is lost.
 */
import { reservation, type Instant, type Reservation } from '../orders/index.js';
import type { Order } from '../schemas/index.js';
import { orderInstant, parseInstant } from './dates.js';
import { invalidInput } from './errors.js';
import { drain, type OrdersSource } from './iterate.js';

export interface ExpiringOrdersOptions {
  /** The current time. */
  now: Instant;
  /** How far ahead to look, in whole days (0–90). The portal notifies 3 days ahead. @default 3 */
  withinDays?: number | undefined;
}

export interface ExpiringOrder {
  order: Order;
  /** The order's reservation at `now`, from `reservation()`: days left, whether and how far it can be extended. */
  reservation: Reservation;
  /** What is lost if nothing is done: the remaining authorized amount, in minor units of `currency`. */
  amountAtRisk: number;
  currency: string;
}

/**
 * The orders whose reservation runs out within `withinDays` days of `now`: still open
 * (`AUTHORIZED` or `PART_CAPTURED`, not yet past `expires_at`) with an amount left to
 * capture, soonest first (then by order id). Expiry comes from the order helpers'
 * `reservation()`, so this list, the order drawer and `orderActions` agree; with the
 * default 3 days it is exactly the orders whose `reservation().expiringSoon` is true.
 *
 * Synchronous for an array or iterable, a Promise for an async iterable.
 *
 * @example
 * for (const { order, reservation, amountAtRisk, currency } of expiringOrders(orders, { now: new Date() })) {
 *   notify(`${order.order_id}: ${formatAmount(amountAtRisk, currency)} expires in ${reservation.daysLeft} d` +
 *     (reservation.canExtend ? ' (can be extended)' : ''));
 * }
 */
export function expiringOrders(orders: Iterable<Order>, options: ExpiringOrdersOptions): ExpiringOrder[];
export function expiringOrders(orders: AsyncIterable<Order>, options: ExpiringOrdersOptions): Promise<ExpiringOrder[]>;
export function expiringOrders(orders: OrdersSource<Order>, options: ExpiringOrdersOptions): ExpiringOrder[] | Promise<ExpiringOrder[]>;
export function expiringOrders(orders: OrdersSource<Order>, options: ExpiringOrdersOptions): ExpiringOrder[] | Promise<ExpiringOrder[]> {
  if (!options || typeof options !== 'object') throw invalidInput('options', 'must be an object with now', 'invalid_type');
  if (options.now === undefined) throw invalidInput('now', 'is required', 'invalid_type');
  const now = parseInstant(options.now, 'now');
  const withinDays = options.withinDays ?? 3;
  if (!Number.isSafeInteger(withinDays) || withinDays < 0 || withinDays > 90) {
    throw invalidInput('withinDays', `must be a whole number of days from 0 to 90, got ${String(withinDays)}`, 'invalid_value');
  }
  const found: Array<ExpiringOrder & { expires: number }> = [];
  return drain(
    orders,
    (order, index) => {
      if (order.status !== 'AUTHORIZED' && order.status !== 'PART_CAPTURED') return;
      if (!(order.remaining_authorized_amount > 0)) return;
      const expires = orderInstant(order.expires_at, `orders[${index}].expires_at`);
      const r = reservation(order, { now });
      if (r.expired || r.daysLeft > withinDays) return;
      found.push({ order, reservation: r, amountAtRisk: order.remaining_authorized_amount, currency: order.purchase_currency.toUpperCase(), expires });
    },
    () =>
      found
        .sort((a, b) => a.expires - b.expires || (a.order.order_id < b.order.order_id ? -1 : a.order.order_id > b.order.order_id ? 1 : 0))
        .map(({ expires: _expires, ...entry }) => entry),
  );
}
