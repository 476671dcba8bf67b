import { KustomError, errorGuard } from '../errors.js';
import type { ActionReason, OrderAction } from './types.js';

/** Why a planner refused: a machine-readable code, stable across versions. */
export type KustomPlanErrorCode =
  /** The order's state does not allow the action at all; `reason` says why. */
  | 'ACTION_NOT_ALLOWED'
  /** The capture is more than what is left of the authorization. */
  | 'OVER_CAPTURE'
  /** The refund is more than what was captured and not yet refunded. */
  | 'OVER_REFUND'
  /** No order line has this reference (nor this name). */
  | 'UNKNOWN_REFERENCE'
  /** More units than are left to capture (or to refund) on that line. */
  | 'QUANTITY_EXCEEDS_REMAINING'
  /** The planned lines add up to a negative amount (only discount lines, say). */
  | 'NEGATIVE_AMOUNT'
  /** The return fee is as large as, or larger than, what is refunded. */
  | 'RETURN_FEE_EXCEEDS_REFUND'
  /** A new authorization amount below what was already captured. */
  | 'BELOW_CAPTURED'
  /** An edit changes or removes a line that was (partly) captured. */
  | 'LINE_ALREADY_CAPTURED';

export interface KustomPlanErrorInit {
  code: KustomPlanErrorCode;
  /** Path of the offending input, e.g. `lines[1].quantity`, `amount`, `order_lines[0]`. */
  field: string;
  message: string;
  action: OrderAction;
  /** With `ACTION_NOT_ALLOWED`: the same reason `orderActions` gives. */
  reason?: ActionReason | undefined;
}

/**
 * A planner (`planCapture`, `planRefund`, `planEdit`) refused to build a request
 * because the API would refuse it. Nothing was sent: planners never do I/O.
 *
 * @example
 * try {
 *   planCapture(order, { kind: 'lines', lines: [{ reference: 'SKU-1', quantity: 5 }] });
 * } catch (error) {
 *   if (isKustomPlanError(error) && error.code === 'QUANTITY_EXCEEDS_REMAINING') {
 *     console.log(error.field); // "lines[0].quantity"
 *   }
 * }
 */
export class KustomPlanError extends KustomError {
  override readonly name = 'KustomPlanError' as const;
  readonly code: KustomPlanErrorCode;
  /** Path of the offending input, e.g. `lines[1].quantity`. */
  readonly field: string;
  /** The action that was being planned. */
  readonly action: OrderAction;
  /** With `ACTION_NOT_ALLOWED`: why the order does not allow the action. */
  readonly reason: ActionReason | undefined;

  constructor(init: KustomPlanErrorInit) {
    super(`${init.action}: ${init.code}${init.field ? ` at ${init.field}` : ''}: ${init.message}`);
    this.code = init.code;
    this.field = init.field;
    this.action = init.action;
    this.reason = init.reason;
  }
}

/** True for a {@link KustomPlanError}, also one thrown by another copy of the SDK. */
export const isKustomPlanError = errorGuard(KustomPlanError, ['KustomPlanError']);
