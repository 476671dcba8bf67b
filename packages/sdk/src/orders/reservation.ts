import { objectArgument, orderArgument } from '../internal/arguments.js';
import type { Order } from '../schemas/index.js';
import { actionRule, effectiveStatus, extensionWindow, type RuleOrder } from './rules.js';
import { DAY_MS, toIso, toMillis } from './time.js';
import type { ActionReason, AtOptions } from './types.js';

/** An order's reservation (authorization) time, as the portal's "Expiry date" shows it. */
export interface Reservation {
  /** `expires_at` of the order: until then the amount can be captured. */
  expiresAt: string;
  /** Whole days left, rounded up (1 h left → 1); 0 once expired. */
  daysLeft: number;
  /** `expires_at` has passed (or the order is `EXPIRED`). */
  expired: boolean;
  /**
   * The reservation is open (`AUTHORIZED` / `PART_CAPTURED`) and ends within 3 days,
   * like the portal's "expiring orders" notification.
   */
  expiringSoon: boolean;
  /** `extend-authorization-time` would succeed now. */
  canExtend: boolean;
  /** Why not, when `canExtend` is false. */
  reason: ActionReason | undefined;
  /** The `expires_at` an extension now would set (now + 28 days, at most `extensionLimit`); `undefined` when it cannot. */
  nextExpiresAt: string | undefined;
  /** The latest `expires_at` any extension may produce: `created_at` + 90 days. */
  extensionLimit: string;
}

/**
 * The reservation time of an order and whether it can be extended now.
 *
 * Extension rules (facts page): only orders paid with the Klarna payment method
 * (see `isKlarnaPaymentMethod`); only `AUTHORIZED` / `PART_CAPTURED` with
 * something left to capture; never after expiry; not for purchases in ES, FR, IT,
 * PT. Each extension sets `expires_at` to now + 28 days, but never past
 * `created_at` + 90 days: from day 62 after the purchase on, an extension sets
 * `expires_at` to that limit, and once it is there, there is nothing more to extend
 * (`EXTENSION_LIMIT_REACHED`). An extension that would not move `expires_at` later
 * (right after the purchase or another extension) is refused (`NOTHING_TO_EXTEND`).
 *
 * @example
 * const r = reservation(order, { now: new Date() });
 * if (r.expiringSoon && r.canExtend) await client.orders.extendAuthorizationTime(order.order_id);
 */
export function reservation(order: RuleOrder & Pick<Order, 'expires_at'>, options: AtOptions): Reservation {
  orderArgument(order, 'order', ['status']);
  objectArgument(options, 'options', 'an options object with now');
  const now = toMillis(options.now, 'now');
  const expiresAt = toMillis(order.expires_at, 'expires_at');
  const status = effectiveStatus(order, now);
  const expired = status === 'EXPIRED' || now >= expiresAt;
  const daysLeft = expired ? 0 : Math.ceil((expiresAt - now) / DAY_MS);
  const open = status === 'AUTHORIZED' || status === 'PART_CAPTURED';
  const reason = actionRule(order, 'extend', now);
  const { limit, next } = extensionWindow(order, now);
  return {
    expiresAt: order.expires_at,
    daysLeft,
    expired,
    expiringSoon: open && !expired && daysLeft <= 3,
    canExtend: reason === undefined,
    reason,
    nextExpiresAt: reason === undefined ? toIso(next) : undefined,
    extensionLimit: toIso(limit),
  };
}
