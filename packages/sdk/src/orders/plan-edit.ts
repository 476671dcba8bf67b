import { arrayArgument, objectArgument, optionsArgument, orderArgument } from '../internal/arguments.js';
import { KustomValidationError, isKustomValidationError } from '../errors.js';
import { parseOrThrow } from '../internal/validate.js';
import { checkOrderArithmetic, lineTotals, orderTotals } from '../money.js';
import {
  UpdateAuthorizationRequest as UpdateAuthorizationRequestSchema,
  type Order,
  type OrderManagementLine,
  type OrderManagementOrderLine,
  type UpdateAuthorizationRequest,
} from '../schemas/index.js';
import { lineBalances, lineMatcher } from './balances.js';
import { KustomPlanError } from './errors.js';
import { assign, sendableLines, type PlanOptions } from './plan-movement.js';
import { actionRule, type RuleOrder } from './rules.js';
import { toMillis } from './time.js';

/**
 * An order line for an edit: the totals are computed when left out (and checked when
 * given). A line without `tax_rate` (Order Management allows it) gets its
 * `total_amount` only; a `total_tax_amount` given with it is sent as given, and none is invented.
 * Typed as an order's line as read, so that `order.order_lines` can be passed back; a
 * `type` or `subscription.interval` the SDK does not know is refused at run time
 * (`KustomValidationError` naming `order_lines[i].type`), never sent.
 */
export type EditLine = Omit<OrderManagementOrderLine, 'total_amount' | 'total_tax_amount'> &
  Partial<Pick<OrderManagementOrderLine, 'total_amount' | 'total_tax_amount'>>;

export interface PlanEditOptions extends PlanOptions {
  /** Shown to the customer with the change (at most 255 characters). */
  description?: string | undefined;
}

type EditOrder = RuleOrder & Pick<Order, 'order_lines' | 'captures' | 'refunds'>;

/**
 * The body of `PATCH /orders/{id}/authorization` (`updateAuthorization`) that makes
 * the order's lines `newLines`: each line's `total_amount` / `total_tax_amount`
 * filled in by `lineTotals`, `order_amount` their sum. A line without `tax_rate`
 * gets no computed tax (see {@link EditLine}).
 *
 * Refuses (`KustomPlanError`):
 * - `ACTION_NOT_ALLOWED`: the order cannot be edited (only `AUTHORIZED` and
 *   `PART_CAPTURED` orders with something left to capture can);
 * - `LINE_ALREADY_CAPTURED`: a line with captures is changed or left out. A line
 *   that was captured, even in part, must come back unchanged (same reference,
 *   name, quantity, unit price, tax rate, discount), so that what was captured
 *   still adds up;
 * - `BELOW_CAPTURED`: the new `order_amount` is below `captured_amount`.
 *
 * Totals given in `newLines` that break the line arithmetic are a
 * `KustomValidationError` naming the field (`order_lines[1].total_amount`), and so is
 * a line whose `type` or `subscription.interval` the SDK does not know (an order's line
 * read with a value added to the API later): it is refused, not sent.
 *
 * @example
 * const body = planEdit(order, [...order.order_lines.slice(0, 2), { name: 'Socks', quantity: 1, unit_price: 9900, tax_rate: 2500 }]);
 * await client.orders.updateAuthorization(order.order_id, body);
 */
export function planEdit(order: EditOrder, newLines: readonly EditLine[], options: PlanEditOptions = {}): UpdateAuthorizationRequest {
  orderArgument(order);
  arrayArgument(newLines, 'lines', (line, path) => objectArgument(line, path, 'an order line'));
  options = optionsArgument(options);
  const now = toMillis(options.now ?? new Date(), 'now');
  const reason = actionRule(order, 'edit', now);
  if (reason !== undefined) {
    throw new KustomPlanError({ code: 'ACTION_NOT_ALLOWED', field: '', action: 'edit', reason, message: `the order cannot be edited (${reason})` });
  }

  const sendable = sendableLines(newLines, (i) => `order_lines[${i}]`, 'planEdit');
  const lines: OrderManagementLine[] = sendable.map((line, i) => {
    try {
      if (line.tax_rate !== undefined) return { ...line, ...lineTotals({ ...line, tax_rate: line.tax_rate }) };
      // No rate, no computed tax: only the amount (lineTotals checks the inputs; its tax at rate 0 is dropped).
      return { ...line, total_amount: lineTotals({ ...line, tax_rate: 0 }).total_amount };
    } catch (error) {
      if (!isKustomValidationError(error)) throw error;
      throw new KustomValidationError(
        'request',
        error.issues.map((issue) => ({ ...issue, path: `order_lines[${i}].${issue.path}` })),
        'planEdit',
      );
    }
  });
  const broken = checkOrderArithmetic({ order_lines: sendable });
  if (broken.length > 0) {
    throw new KustomValidationError('request', broken.map((issue) => ({ ...issue, code: 'custom' })), 'planEdit');
  }

  const used = new Set<number>();
  const match = lineMatcher(lines);
  for (const balance of lineBalances(order)) {
    if (balance.capturedQuantity === 0 && balance.capturedAmount === 0) continue;
    const candidates = match(balance.line).filter((j) => !used.has(j));
    const same = candidates.find((j) => sameAmounts(lines[j]!, balance.line));
    if (same !== undefined) {
      used.add(same);
      continue;
    }
    const label = JSON.stringify(balance.reference ?? balance.name);
    throw new KustomPlanError({
      code: 'LINE_ALREADY_CAPTURED',
      field: candidates.length > 0 ? `order_lines[${candidates[0]}]` : 'order_lines',
      action: 'edit',
      message:
        candidates.length > 0
          ? `line ${label} has captures (${balance.capturedQuantity} units) and cannot change`
          : `line ${label} has captures (${balance.capturedQuantity} units) and cannot be removed`,
    });
  }

  const { order_amount } = orderTotals(lines);
  if (order_amount < order.captured_amount) {
    throw new KustomPlanError({
      code: 'BELOW_CAPTURED',
      field: 'order_amount',
      action: 'edit',
      message: `Resulting authorization amount ${order_amount} cannot be less than the captured amount ${order.captured_amount}`,
    });
  }
  const body: UpdateAuthorizationRequest = { order_amount, order_lines: lines };
  assign(body, 'description', options.description);
  return parseOrThrow(UpdateAuthorizationRequestSchema, body, 'request', 'planEdit');
}

function sameAmounts(a: OrderManagementOrderLine, b: OrderManagementOrderLine): boolean {
  return (
    a.name === b.name &&
    a.reference === b.reference &&
    a.quantity === b.quantity &&
    a.unit_price === b.unit_price &&
    a.tax_rate === b.tax_rate &&
    (a.total_discount_amount ?? 0) === (b.total_discount_amount ?? 0) &&
    a.total_amount === b.total_amount &&
    a.total_tax_amount === b.total_tax_amount
  );
}
