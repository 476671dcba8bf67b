/**
 * Repeated orders: the same purchase created more than once (a double click, a
 * retried checkout), each with its own order id and paid out on its own. The help
 * centre's fix: keep one, cancel the authorized copies, refund the captured ones.
 */
import { optionsArgument } from '../internal/arguments.js';
import { orderActions, orderStatusAt, type Instant } from '../orders/index.js';
import type { Order } from '../schemas/index.js';
import { orderInstant, parseInstant } from './dates.js';
import { invalidInput } from './errors.js';
import { drain, type OrdersSource } from './iterate.js';
import { customerEmail, foldText } from './order-fields.js';

export interface RepeatedOrdersOptions {
  /**
   * How close in time copies are: each copy is created at most this many minutes after
   * the first order of its group. 1 to 43200 (30 days).
   * @default 60
   */
  windowMinutes?: number | undefined;
  /**
   * The current time: an `AUTHORIZED` copy whose reservation has run out is expired
   * (nothing to undo), and the suggested actions are those allowed now.
   * @default the current time
   */
  now?: Instant | undefined;
}

/** What to do with one copy. Amounts in minor units of the group's currency. */
export interface RepeatedOrderCopy {
  order: Order;
  /**
   * - `cancel`: nothing is captured; cancelling it releases the whole authorization and costs nothing.
   * - `refund`: it was captured; refund `amount` (what was captured and not yet refunded).
   */
  action: 'cancel' | 'refund';
  /** `cancel`: the order amount; `refund`: captured − refunded. */
  amount: number;
  /** For a partly captured copy: the remaining authorization to release as well; otherwise 0. */
  release: number;
}

export interface RepeatedOrderGroup {
  /** The order to keep. No action is ever suggested for it. */
  keep: Order;
  /** The other copies of the same purchase, oldest first, each with the fix. */
  copies: RepeatedOrderCopy[];
  /** The shared `purchase_currency`, upper case. */
  currency: string;
  /** Who bought: the e-mail address, or the name when the orders carry none. */
  customer: string;
}

/**
 * Finds copies of the same purchase and says which order to keep and how to undo the
 * others, as the help centre advises.
 *
 * Two orders are copies when they have the same customer (the same e-mail address,
 * case-insensitive; without one, the same name and postal address, ignoring case and
 * accents), the same currency, the same `order_amount` and the same lines (type,
 * reference, name, quantity, unit price and total, in any order), and the later one
 * was created within `windowMinutes` of the group's first order. Orders that are
 * already undone (`CANCELLED`, `EXPIRED`, or `CLOSED` with everything refunded) are
 * not copies any more and are left out.
 *
 * The order to keep is the one furthest along: fully captured (or closed after
 * capture) before part captured before authorized; then the one with the most
 * captured and not refunded; then the earliest; then the smallest order id. Keeping
 * the most advanced order means the fewest refunds, and refunds are deducted from the
 * next payout while a cancellation costs nothing.
 *
 * Each copy gets `cancel` when nothing on it is captured, otherwise `refund` of
 * captured − refunded (plus `release` of what is still authorized on a partly
 * captured copy); the actions are checked with `orderActions`, so they are ones the
 * API will accept. Groups come newest first.
 *
 * Synchronous for an array or iterable, a Promise for an async iterable.
 *
 * @example
 * for (const { keep, copies } of findRepeatedOrders(orders, { windowMinutes: 30 })) {
 *   for (const copy of copies) {
 *     if (copy.action === 'cancel') await client.orders.cancel(copy.order.order_id);
 *     else await client.orders.refund(copy.order.order_id, { refunded_amount: copy.amount, description: `Repeated order of ${keep.order_id}` });
 *   }
 * }
 */
export function findRepeatedOrders(orders: Iterable<Order>, options?: RepeatedOrdersOptions): RepeatedOrderGroup[];
export function findRepeatedOrders(orders: AsyncIterable<Order>, options?: RepeatedOrdersOptions): Promise<RepeatedOrderGroup[]>;
export function findRepeatedOrders(orders: OrdersSource<Order>, options?: RepeatedOrdersOptions): RepeatedOrderGroup[] | Promise<RepeatedOrderGroup[]>;
export function findRepeatedOrders(orders: OrdersSource<Order>, options: RepeatedOrdersOptions = {}): RepeatedOrderGroup[] | Promise<RepeatedOrderGroup[]> {
  options = optionsArgument(options);
  const windowMinutes = options.windowMinutes ?? 60;
  if (typeof windowMinutes !== 'number' || !(windowMinutes >= 1 && windowMinutes <= 43_200)) {
    throw invalidInput('windowMinutes', `must be a number of minutes from 1 to 43200, got ${String(windowMinutes)}`, 'invalid_value');
  }
  const windowMs = windowMinutes * 60_000;
  const now = options.now === undefined ? Date.now() : parseInstant(options.now, 'now');

  const purchases = new Map<string, Candidate[]>();
  return drain(
    orders,
    (order, index) => {
      const created = orderInstant(order.created_at, `orders[${index}].created_at`);
      if (!isLive(order, now)) return;
      const customer = customerKey(order);
      if (!customer) return;
      const key = `${customer.key}\u0001${purchaseKey(order)}`;
      let list = purchases.get(key);
      if (!list) purchases.set(key, (list = []));
      list.push({ order, created, customer: customer.label });
    },
    () => {
      const groups: Array<RepeatedOrderGroup & { latest: number }> = [];
      for (const candidates of purchases.values()) {
        if (candidates.length < 2) continue;
        candidates.sort((a, b) => a.created - b.created || compareIds(a.order, b.order));
        // Anchored windows: a group spans at most windowMinutes from its first order.
        let start = 0;
        for (let i = 1; i <= candidates.length; i++) {
          if (i < candidates.length && candidates[i]!.created - candidates[start]!.created <= windowMs) continue;
          if (i - start >= 2) {
            const group = resolve(candidates.slice(start, i), now);
            if (group) groups.push(group);
          }
          start = i;
        }
      }
      return groups
        .sort((a, b) => b.latest - a.latest || compareIds(a.keep, b.keep))
        .map(({ latest: _latest, ...group }) => group);
    },
  );
}

interface Candidate {
  order: Order;
  created: number;
  customer: string;
}

/** Still stands: not cancelled, not expired (also by time), not closed with everything refunded. */
function isLive(order: Order, now: number): boolean {
  const status = orderStatusAt(order, { now });
  if (status === 'CANCELLED' || status === 'EXPIRED') return false;
  if (status === 'CLOSED') return order.captured_amount - order.refunded_amount > 0;
  return true;
}

/** How far along an order is, for choosing the one to keep. */
function fulfilment(order: Order): number {
  return order.status === 'CAPTURED' || order.status === 'CLOSED' ? 3 : order.status === 'PART_CAPTURED' ? 2 : 1;
}

function resolve(candidates: Candidate[], now: number): (RepeatedOrderGroup & { latest: number }) | undefined {
  const keep = [...candidates].sort(
    (a, b) =>
      fulfilment(b.order) - fulfilment(a.order) ||
      b.order.captured_amount - b.order.refunded_amount - (a.order.captured_amount - a.order.refunded_amount) ||
      a.created - b.created ||
      compareIds(a.order, b.order),
  )[0]!;
  const copies: RepeatedOrderCopy[] = [];
  for (const candidate of candidates) {
    if (candidate === keep) continue;
    const actions = orderActions(candidate.order, { now });
    const release = actions.release.allowed ? (actions.release.maxAmount ?? 0) : 0;
    if (candidate.order.captured_amount === 0 && actions.cancel.allowed) {
      copies.push({ order: candidate.order, action: 'cancel', amount: actions.cancel.maxAmount ?? candidate.order.order_amount, release: 0 });
    } else if (actions.refund.allowed) {
      copies.push({ order: candidate.order, action: 'refund', amount: actions.refund.maxAmount ?? 0, release });
    }
  }
  if (copies.length === 0) return undefined;
  return {
    keep: keep.order,
    copies,
    currency: keep.order.purchase_currency.toUpperCase(),
    customer: keep.customer,
    latest: candidates[candidates.length - 1]!.created,
  };
}

/** The customer: the e-mail address, or name and postal address; `undefined` when the order names neither. */
function customerKey(order: Order): { key: string; label: string } | undefined {
  const email = customerEmail(order).toLowerCase();
  if (email) return { key: `e:${email}`, label: email };
  const address = order.billing_address ?? order.shipping_address;
  if (!address) return undefined;
  const name = [address.given_name, address.family_name].map((p) => p?.trim()).filter(Boolean).join(' ') || address.organization_name?.trim() || '';
  const street = address.street_address ?? [address.street_name, address.street_number].filter(Boolean).join(' ');
  const postal = (address.postal_code ?? '').replace(/\s+/g, '');
  if (!name || !(street || postal)) return undefined;
  const key = [name, street, postal, address.city, address.country].map((p) => foldText(p ?? '').replace(/\s+/g, ' ').trim()).join('\u0002');
  return { key: `a:${key}`, label: name };
}

/** Currency, amount and the lines as a multiset. */
function purchaseKey(order: Order): string {
  const lines = order.order_lines.map((l) => [l.type ?? '', l.reference ?? '', l.name, l.quantity, l.unit_price, l.total_amount].join('\u0003')).sort();
  return [order.purchase_currency.toUpperCase(), order.order_amount, ...lines].join('\u0002');
}

function compareIds(a: Order, b: Order): number {
  return a.order_id < b.order_id ? -1 : a.order_id > b.order_id ? 1 : 0;
}
