import { objectArgument, orderArgument } from '../internal/arguments.js';
import type { Order } from '../schemas/index.js';
import { orderTranslation } from './localize.js';
import { actionRule, type RuleOrder } from './rules.js';
import { toMillis } from './time.js';
import { ORDER_ACTIONS, type ActionReason, type AtOptions, type OrderAction } from './types.js';

/** What one action can do on an order right now. */
export interface OrderActionState {
  action: OrderAction;
  allowed: boolean;
  /** Why not, when `allowed` is false. */
  reason: ActionReason | undefined;
  /** The action's name in the chosen language, for a button. */
  label: string;
  /** Why not, as one sentence in the chosen language; `undefined` when allowed. */
  message: string | undefined;
  /**
   * When allowed: the most it can move, in minor units. Capture and release: the
   * remaining authorized amount; refund: captured minus refunded; cancel: the
   * order amount. `undefined` for the other actions.
   */
  maxAmount: number | undefined;
}

export type OrderActions = { readonly [A in OrderAction]: OrderActionState };

export interface OrderActionsOptions extends AtOptions {
  /** BCP 47 tag for `label` and `message` (en, sv, fi, da, nb, de; others fall back to English). @default 'en' */
  locale?: string | undefined;
}

/**
 * Every action of the order drawer, allowed or not, with the reason and a message
 * in the merchant's language. It applies the status table of the facts page, and
 * treats an `AUTHORIZED` / `PART_CAPTURED` order whose `expires_at` has passed as
 * `EXPIRED`, as the API reports it on the next read.
 *
 * @example
 * const actions = orderActions(order, { now: new Date(), locale: 'sv-SE' });
 * if (!actions.cancel.allowed) console.log(actions.cancel.message); // "En del av ordern har redan debiterats."
 */
export function orderActions(order: RuleOrder & Pick<Order, 'order_amount'>, options: OrderActionsOptions): OrderActions {
  orderArgument(order, 'order', ['status']);
  objectArgument(options, 'options', 'an options object with now');
  const now = toMillis(options.now, 'now');
  const t = orderTranslation(options.locale);
  const state = (action: OrderAction): OrderActionState => {
    const reason = actionRule(order, action, now);
    return {
      action,
      allowed: reason === undefined,
      reason,
      label: t.action[action],
      message: reason && t.reason[reason],
      maxAmount: reason === undefined ? maxAmount(order, action) : undefined,
    };
  };
  return Object.fromEntries(ORDER_ACTIONS.map((action) => [action, state(action)])) as unknown as OrderActions;
}

function maxAmount(order: RuleOrder, action: OrderAction): number | undefined {
  switch (action) {
    case 'capture':
    case 'release':
      return order.remaining_authorized_amount;
    case 'refund':
      return order.captured_amount - order.refunded_amount;
    case 'cancel':
      return order.order_amount;
    default:
      return undefined;
  }
}
