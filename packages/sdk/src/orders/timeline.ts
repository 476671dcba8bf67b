import { optionsArgument, orderArgument } from '../internal/arguments.js';
import type { AnswerShippingInfo, Order, OrderManagementAnswerLine } from '../schemas/index.js';
import { effectiveStatus, extensionWindow } from './rules.js';
import { DAY_MS, RESERVATION_DAYS, toIso, toMillis } from './time.js';
import type { Instant, TimelineEventType } from './types.js';

/** One event of the order drawer's timeline. */
export interface TimelineEvent {
  type: TimelineEventType;
  /**
   * When it happened (ISO 8601), or `undefined` when the order does not say (see
   * `timing`). Events without a time sort after every event known to come before them.
   */
  at: string | undefined;
  /**
   * - `exact`: a timestamp of the API (`created_at`, `captured_at`, `refunded_at`, `expires_at`);
   * - `derived`: computed from the rules (the last extension happened at `expires_at` − 28 days);
   * - `unknown`: the order keeps no time for it (cancel, release, order-level shipping info).
   */
  timing: 'exact' | 'derived' | 'unknown';
  /** Minor units the event moved (authorized, captured, refunded, released, cancelled, left uncaptured at expiry). */
  amount: number | undefined;
  /** `capture_id` / `refund_id`. */
  id: string | undefined;
  /** The merchant's reference of a capture or refund. */
  reference: string | undefined;
  description: string | undefined;
  order_lines: OrderManagementAnswerLine[] | undefined;
  shipping_info: AnswerShippingInfo[] | undefined;
}

export interface TimelineOptions {
  /**
   * The current time: an open order whose `expires_at` has passed gets its
   * `expired` event even before the API reports `EXPIRED`. Without it only the
   * order's status counts.
   */
  now?: Instant | undefined;
}

/**
 * The order's events in time order, as the portal's order drawer shows them.
 *
 * The Order object has timestamps for the authorization (`created_at`), each
 * capture and each refund; the rest is derived:
 * - `extended`: `expires_at` later than `created_at` + 28 days. Each extension sets
 *   `expires_at` to its own time + 28 days, so the last extension happened at
 *   `expires_at` − 28 days (`timing: 'derived'`); earlier extensions leave no trace.
 *   One capped at `created_at` + 90 days happened on day 62 or later (`timing: 'unknown'`).
 * - `expired`: status `EXPIRED`, or open and past `expires_at`; at `expires_at`.
 * - `released`: status `CLOSED` with less captured than authorized; the amount is
 *   `order_amount − captured_amount`; no time (it follows the last capture).
 * - `cancelled`: status `CANCELLED`, amount `order_amount`; no time.
 * - `shippingInfo`: given with a capture, at the capture's time; added to the
 *   order, no time.
 * Events with the same time keep this order: authorized, captured, shipping info,
 * refunded, extended, released, cancelled, expired.
 *
 * @example
 * for (const e of orderTimeline(order)) console.log(e.at ?? '—', e.type, e.amount);
 */
export function orderTimeline(order: Order, options: TimelineOptions = {}): TimelineEvent[] {
  orderArgument(order, 'order', ['captures', 'refunds']);
  options = optionsArgument(options);
  const events: Array<TimelineEvent & { sortAt: number }> = [];
  const push = (event: Partial<TimelineEvent> & Pick<TimelineEvent, 'type' | 'timing'>, sortAt: number) =>
    events.push({
      at: undefined,
      amount: undefined,
      id: undefined,
      reference: undefined,
      description: undefined,
      order_lines: undefined,
      shipping_info: undefined,
      ...event,
      sortAt,
    });

  const created = toMillis(order.created_at, 'created_at');
  const expires = toMillis(order.expires_at, 'expires_at');
  push({ type: 'authorized', timing: 'exact', at: order.created_at, amount: order.original_order_amount }, created);

  let lastMove = created;
  const moves = [
    ...order.captures.map((c, i) => ({ type: 'captured' as const, id: c.capture_id, at: c.captured_at, field: `captures[${i}].captured_at`, amount: c.captured_amount, move: c, shipping: c.shipping_info })),
    ...order.refunds.map((r, i) => ({ type: 'refunded' as const, id: r.refund_id, at: r.refunded_at, field: `refunds[${i}].refunded_at`, amount: r.refunded_amount, move: r, shipping: undefined })),
  ];
  for (const { type, id, at, field, amount, move, shipping } of moves) {
    const ms = toMillis(at, field);
    lastMove = Math.max(lastMove, ms);
    const { reference, description, order_lines } = move;
    push({ type, timing: 'exact', at, amount, id, reference, description, order_lines }, ms);
    if (shipping?.length) push({ type: 'shippingInfo', timing: 'exact', at, id, shipping_info: shipping }, ms);
  }
  if (order.shipping_info?.length) {
    push({ type: 'shippingInfo', timing: 'unknown', shipping_info: order.shipping_info }, lastMove);
  }

  // Each extension sets expires_at to its own time + 28 days, capped at created_at + 90 days.
  const { limit } = extensionWindow(order, created);
  let extendedAt = created;
  if (expires >= limit) {
    extendedAt = limit - RESERVATION_DAYS * DAY_MS; // capped: on this day or later, exactly when is not kept
    push({ type: 'extended', timing: 'unknown' }, extendedAt);
  } else if (expires - RESERVATION_DAYS * DAY_MS >= created + 1000) {
    // API timestamps have whole seconds: a later second is an extension, not rounding.
    extendedAt = expires - RESERVATION_DAYS * DAY_MS;
    push({ type: 'extended', timing: 'derived', at: toIso(extendedAt) }, extendedAt);
  }

  const status = options.now === undefined ? order.status : effectiveStatus(order, toMillis(options.now, 'now'));
  if (status === 'CLOSED' && order.captured_amount < order.order_amount) {
    push({ type: 'released', timing: 'unknown', amount: order.order_amount - order.captured_amount }, lastMove);
  }
  if (status === 'CANCELLED') {
    push({ type: 'cancelled', timing: 'unknown', amount: order.order_amount }, Math.max(lastMove, extendedAt));
  }
  if (status === 'EXPIRED') {
    push({ type: 'expired', timing: 'exact', at: order.expires_at, amount: order.order_amount - order.captured_amount }, expires);
  }

  // Array.prototype.sort is stable: same-time events keep the order they were pushed in.
  return events.sort((a, b) => a.sortAt - b.sortAt).map(({ sortAt: _, ...event }) => event);
}
