/**
 * Repeated orders and expiring orders over the store. SQL narrows the orders to the
 * candidates (a superset of the answer, read through an index); the SDK's own
 * `findRepeatedOrders` and `expiringOrders` then decide, so the answer equals theirs
 * over all of the store's orders.
 */
import {
  expiringOrders,
  findRepeatedOrders,
  orderSearchRange,
  type ExpiringOrder,
  type ExpiringOrdersOptions,
  type Instant,
  type Order,
  type RepeatedOrderGroup,
  type RepeatedOrdersOptions,
} from '@kustom/sdk';
import { checkMerchant, invalid } from './order-query.js';
import type { OrderStore } from './store.js';

const DAY_MS = 86_400_000;

/**
 * The orders whose reservation runs out within `withinDays` of `now`, soonest first:
 * `expiringOrders` over the store's open orders expiring in that window.
 */
export async function expiringOrdersOf(store: OrderStore, merchantId: string, options: ExpiringOrdersOptions): Promise<ExpiringOrder[]> {
  checkMerchant(merchantId);
  // Checks the options as the SDK does (same errors) before reading anything.
  expiringOrders([], options);
  const now = instantMs(options.now);
  const within = options.withinDays ?? 3;
  // Days left are rounded up: everything the SDK can keep expires before now + within days (a day of margin each side).
  const rows = await store.db.query<{ body: Order }>(
    `SELECT body FROM orders
     WHERE merchant_id = $1 AND status IN ('AUTHORIZED', 'PART_CAPTURED') AND remaining_authorized_amount > 0
       AND expires_at > $2::timestamptz AND expires_at <= $3::timestamptz
     ORDER BY expires_at, order_id COLLATE "C"`,
    [merchantId, new Date(now - DAY_MS).toISOString(), new Date(now + (within + 1) * DAY_MS).toISOString()],
  );
  return expiringOrders(rows.map((r) => r.body), options);
}

export interface RepeatedOrdersOfOptions extends RepeatedOrdersOptions {
  /** Only orders created at or after this instant (e.g. the last 90 days). @default every order */
  createdFrom?: Instant | undefined;
}

/**
 * The same purchase created more than once, with what to do about each copy:
 * `findRepeatedOrders` over the store's orders (created since `createdFrom`).
 */
export async function repeatedOrdersOf(store: OrderStore, merchantId: string, options: RepeatedOrdersOfOptions = {}): Promise<RepeatedOrderGroup[]> {
  checkMerchant(merchantId);
  const { createdFrom, ...sdk } = options;
  findRepeatedOrders([], sdk);
  const from = createdFrom === undefined ? null : new Date(instantMs(createdFrom, 'createdFrom')).toISOString();
  const windowSeconds = (sdk.windowMinutes ?? 60) * 60;
  // A copy has the same customer (e-mail; or, without one, any order without one), currency and amount,
  // and another such order within the window: a superset of what the SDK groups.
  const rows = await store.db.query<{ body: Order }>(
    `SELECT o.body FROM orders o
     WHERE o.merchant_id = $1 AND o.status NOT IN ('CANCELLED', 'EXPIRED') AND ($2::timestamptz IS NULL OR o.created_at >= $2::timestamptz)
       AND EXISTS (
         SELECT 1 FROM orders p
         WHERE p.merchant_id = o.merchant_id AND p.order_id <> o.order_id AND p.status NOT IN ('CANCELLED', 'EXPIRED')
           AND ($2::timestamptz IS NULL OR p.created_at >= $2::timestamptz)
           AND (p.customer_key = o.customer_key OR (p.customer_key IS NULL AND o.customer_key IS NULL))
           AND p.purchase_currency = o.purchase_currency AND p.order_amount = o.order_amount
           AND p.created_at BETWEEN o.created_at - make_interval(secs => $3::float8) AND o.created_at + make_interval(secs => $3::float8)
       )`,
    [merchantId, from, windowSeconds],
  );
  return findRepeatedOrders(rows.map((r) => r.body), sdk);
}

/** An instant as the SDK reads it (a date-time without a zone is UTC, never the server's local time). */
function instantMs(value: Instant, field = 'now'): number {
  try {
    return orderSearchRange({ createdFrom: value }).from!;
  } catch {
    throw invalid(field, 'must be an ISO 8601 date or date-time, a Date or epoch milliseconds');
  }
}
