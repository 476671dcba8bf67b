import type { KnownOrderStatus } from '../../schemas/index.js';
import type { ActionReason, OrderAction, TimelineEventType } from '../types.js';

/**
 * Everything the order helpers say to people, in one language. Each locale file
 * implements this interface, so a missing string is a type error.
 */
export interface OrderTranslation {
  /** The portal's status labels (a status the SDK does not know is shown as it is). */
  status: Record<KnownOrderStatus, string>;
  /** The name of each action, as on a button. */
  action: Record<OrderAction, string>;
  /** Why an action is not allowed, as one sentence. */
  reason: Record<ActionReason, string>;
  /** The name of each timeline event. */
  event: Record<TimelineEventType, string>;
}
