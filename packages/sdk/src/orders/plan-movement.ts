/**
 * `planCapture` and `planRefund`: one engine, two directions. A capture moves
 * units from "authorized" to "captured", a refund from "captured" to "refunded";
 * everything else (spec checks, exact part totals, order-level limits) is shared.
 */
import { objectArgument, optionsArgument, orderArgument, shownArgument } from '../internal/arguments.js';
import { KustomValidationError, type KustomValidationIssue } from '../errors.js';
import { parseOrThrow } from '../internal/validate.js';
import { taxFromGross } from '../money.js';
import {
  CaptureRequest as CaptureRequestSchema,
  OrderLineType,
  RefundRequest as RefundRequestSchema,
  Subscription,
  type CaptureRequest,
  type Order,
  type OrderManagementLine,
  type RefundRequest,
  type ShippingInfo,
} from '../schemas/index.js';
import { lineBalances, lineMatcher, sliceLine, type LineBalance } from './balances.js';
import { KustomPlanError } from './errors.js';
import { actionRule, type RuleOrder } from './rules.js';
import { toMillis } from './time.js';
import type { Instant } from './types.js';

/** One line of a `{ kind: 'lines' }` spec. */
export interface PlanLine {
  /** The order line's `reference`; for a line without one, its `name`. */
  reference: string;
  /** How many units (a positive integer, at most what is left on that line). */
  quantity: number;
}

/** Everything that is left: every line's remaining units, or the remaining amount. */
export interface FullSpec {
  kind: 'full';
}
/** Some units of some lines, with exact part totals (see `lineSlice`). */
export interface LinesSpec {
  kind: 'lines';
  lines: readonly PlanLine[];
}
/** An amount that is not tied to order lines, with its tax rate (2500 = 25 %). */
export interface AmountSpec {
  kind: 'amount';
  /** Minor units, tax included; a positive integer. */
  amount: number;
  tax_rate: number;
  /** Shown to the customer; also the name of the one order line the body carries. */
  description: string;
}

interface CommonSpec {
  /** Shown to the customer (at most 255 characters). */
  description?: string | undefined;
  /** Your own reference, included in the settlement files (at most 255 characters). */
  reference?: string | undefined;
}

export type CaptureSpec = (FullSpec | LinesSpec | AmountSpec) &
  CommonSpec & {
    /** Shipping information sent with the capture. */
    shipping_info?: ShippingInfo[] | undefined;
  };

/**
 * A fee the merchant keeps when goods come back. The API models it as one refund
 * line of `type: 'return_fee'` with a negative amount: the refund's lines then sum
 * to `refunded_amount` = goods − fee.
 */
export interface ReturnFee {
  /** Minor units, tax included; a positive integer below the refunded goods. */
  amount: number;
  tax_rate: number;
  /** Line name shown to the customer. @default 'Return fee' */
  name?: string | undefined;
  reference?: string | undefined;
}

export type RefundSpec = (FullSpec | LinesSpec | AmountSpec) & CommonSpec & { return_fee?: ReturnFee | undefined };

export interface PlanOptions {
  /** The current time, to tell whether the reservation has expired. @default new Date() */
  now?: Instant | undefined;
}

type MovementOrder = RuleOrder & Pick<Order, 'order_lines' | 'captures' | 'refunds'>;

interface Direction {
  action: 'capture' | 'refund';
  /** The planner's name, for its errors. */
  context: 'planCapture' | 'planRefund';
  overCode: 'OVER_CAPTURE' | 'OVER_REFUND';
  verb: string;
  /** Units already moved on the line: the next part starts after them. */
  done(b: LineBalance): number;
  /** Units that may still move on the line. */
  left(b: LineBalance): number;
  /** Amount that may still move on the whole order. */
  available(order: MovementOrder): number;
}

const CAPTURE: Direction = {
  action: 'capture',
  context: 'planCapture',
  overCode: 'OVER_CAPTURE',
  verb: 'capture',
  done: (b) => b.capturedQuantity,
  left: (b) => b.quantityLeftToCapture,
  available: (o) => o.remaining_authorized_amount,
};

const REFUND: Direction = {
  action: 'refund',
  context: 'planRefund',
  overCode: 'OVER_REFUND',
  verb: 'refund',
  done: (b) => b.refundedQuantity,
  left: (b) => b.quantityLeftToRefund,
  available: (o) => o.captured_amount - o.refunded_amount,
};

/**
 * The body of `POST /orders/{id}/captures` for `spec`, or a {@link KustomPlanError}.
 *
 * - `{ kind: 'full' }`: `captured_amount` = `remaining_authorized_amount`, with the
 *   remaining units of every line as `order_lines` (left out when earlier captures
 *   by amount make the lines not add up to the remaining amount).
 * - `{ kind: 'lines' }`: those units, with exact part totals (see `lineSlice`).
 *   Refuses `UNKNOWN_REFERENCE`, `QUANTITY_EXCEEDS_REMAINING`, `NEGATIVE_AMOUNT`, `OVER_CAPTURE`.
 * - `{ kind: 'amount' }`: that amount as one line named by `description`. Refuses `OVER_CAPTURE`.
 *
 * An order whose state does not allow a capture (see `orderActions`) gives
 * `ACTION_NOT_ALLOWED` with the same `reason`. Malformed input (a float, a
 * negative quantity) is a `KustomValidationError` naming the field.
 *
 * @example
 * const body = planCapture(order, { kind: 'lines', lines: [{ reference: 'SKU-1', quantity: 1 }] });
 * await client.orders.createCapture(order.order_id, body);
 */
export function planCapture(order: MovementOrder, spec: CaptureSpec, options: PlanOptions = {}): CaptureRequest {
  orderArgument(order);
  objectArgument(spec, 'spec', 'a capture spec');
  options = optionsArgument(options);
  const goods = planGoods(order, spec, CAPTURE, options);
  const body: CaptureRequest = { captured_amount: goods.amount };
  assign(body, 'description', spec.description);
  assign(body, 'reference', spec.reference);
  assign(body, 'order_lines', goods.lines);
  assign(body, 'shipping_info', spec.shipping_info);
  return parseOrThrow(CaptureRequestSchema, body, 'request', 'planCapture');
}

/**
 * The body of `POST /orders/{id}/refunds` for `spec`, or a {@link KustomPlanError}.
 * The kinds work as in {@link planCapture}, on what was captured and not yet
 * refunded (`OVER_REFUND` instead of `OVER_CAPTURE`).
 *
 * With `return_fee`, the body carries the refunded goods as lines plus one
 * `type: 'return_fee'` line of minus the fee, and `refunded_amount` is their sum
 * (goods − fee), as the API's "refund with return fee" asks. A fee as large as the
 * goods is refused (`RETURN_FEE_EXCEEDS_REFUND`). The API may limit return fees to
 * some markets and to orders captured in one capture; the facts page does not, so
 * neither does this planner.
 *
 * @example
 * const body = planRefund(order, {
 *   kind: 'lines',
 *   lines: [{ reference: 'SKU-1', quantity: 1 }],
 *   return_fee: { amount: 500, tax_rate: 2500 },
 * });
 */
export function planRefund(order: MovementOrder, spec: RefundSpec, options: PlanOptions = {}): RefundRequest {
  orderArgument(order);
  objectArgument(spec, 'spec', 'a refund spec');
  options = optionsArgument(options);
  const goods = planGoods(order, spec, REFUND, options);
  let refunded = goods.amount;
  let lines = goods.lines;
  if (spec.return_fee !== undefined) {
    const fee = spec.return_fee;
    checkInteger(fee.amount, 'return_fee.amount', 1);
    checkInteger(fee.tax_rate, 'return_fee.tax_rate', 0, 10_000);
    if (fee.amount >= goods.amount) {
      throw new KustomPlanError({
        code: 'RETURN_FEE_EXCEEDS_REFUND',
        field: 'return_fee.amount',
        action: 'refund',
        message: `the return fee ${fee.amount} must be below the refunded goods ${goods.amount}`,
      });
    }
    const feeLine: OrderManagementLine = {
      type: 'return_fee',
      name: fee.name ?? 'Return fee',
      quantity: 1,
      unit_price: -fee.amount,
      tax_rate: fee.tax_rate,
      total_amount: -fee.amount,
      total_tax_amount: taxFromGross(-fee.amount, fee.tax_rate),
    };
    assign(feeLine, 'reference', fee.reference);
    // The lines must sum to refunded_amount: without line detail the goods become one line.
    const goodsLines = lines ?? [{ name: spec.description ?? 'Refund', quantity: 1, unit_price: goods.amount, total_amount: goods.amount }];
    lines = [...goodsLines, feeLine];
    refunded = goods.amount - fee.amount;
  }
  const body: RefundRequest = { refunded_amount: refunded };
  assign(body, 'description', spec.description);
  assign(body, 'reference', spec.reference);
  assign(body, 'order_lines', lines);
  return parseOrThrow(RefundRequestSchema, body, 'request', 'planRefund');
}

/** The goods a capture or refund moves: their amount and, when known, their lines. */
function planGoods(
  order: MovementOrder,
  spec: FullSpec | LinesSpec | AmountSpec,
  dir: Direction,
  options: PlanOptions,
): { amount: number; lines: OrderManagementLine[] | undefined } {
  const now = toMillis(options.now ?? new Date(), 'now');
  const reason = actionRule(order, dir.action, now);
  if (reason !== undefined) {
    throw new KustomPlanError({
      code: 'ACTION_NOT_ALLOWED',
      field: '',
      action: dir.action,
      reason,
      message: `the order does not allow a ${dir.verb} (${reason})`,
    });
  }
  const available = dir.available(order);
  const over = (field: string, amount: number) =>
    new KustomPlanError({
      code: dir.overCode,
      field,
      action: dir.action,
      message: `${amount} is more than the ${available} left to ${dir.verb}`,
    });

  switch (spec.kind) {
    case 'full': {
      const moving = lineBalances(order).filter((b) => dir.left(b) > 0);
      const lines = moving.map((b) => sliceLine(b.line, dir.done(b), dir.done(b) + dir.left(b)));
      const sum = lines.reduce((total, line) => total + line.total_amount, 0);
      if (lines.length === 0 || sum !== available) return { amount: available, lines: undefined };
      // Copied into the request: each must carry only values the request may send.
      return { amount: available, lines: sendableLines(lines, (i) => `order_lines[${moving[i]!.index}]`, dir.context) };
    }
    case 'lines': {
      if (!Array.isArray(spec.lines) || spec.lines.length === 0) invalid('lines', 'must list at least one line');
      const balances = lineBalances(order);
      const match = lineMatcher(order.order_lines);
      const planned = new Map<number, number>();
      const lines = spec.lines.map((wanted, i) => {
        if (typeof wanted.reference !== 'string' || wanted.reference === '') invalid(`lines[${i}].reference`, 'is required');
        checkInteger(wanted.quantity, `lines[${i}].quantity`, 1);
        const candidates = match({ reference: wanted.reference, name: wanted.reference });
        if (candidates.length === 0) {
          throw new KustomPlanError({
            code: 'UNKNOWN_REFERENCE',
            field: `lines[${i}].reference`,
            action: dir.action,
            message: `no order line has the reference or name ${JSON.stringify(wanted.reference)}`,
          });
        }
        const room = (index: number) => dir.left(balances[index]!) - (planned.get(index) ?? 0);
        const index = candidates.find((c) => room(c) >= wanted.quantity) ?? candidates[0]!;
        if (room(index) < wanted.quantity) {
          throw new KustomPlanError({
            code: 'QUANTITY_EXCEEDS_REMAINING',
            field: `lines[${i}].quantity`,
            action: dir.action,
            message: `${wanted.quantity} units of ${JSON.stringify(wanted.reference)}, but only ${Math.max(0, room(index))} are left to ${dir.verb}`,
          });
        }
        const from = dir.done(balances[index]!) + (planned.get(index) ?? 0);
        planned.set(index, (planned.get(index) ?? 0) + wanted.quantity);
        return sendableLine(sliceLine(balances[index]!.line, from, from + wanted.quantity), `order_lines[${index}]`, dir.context);
      });
      const amount = lines.reduce((total, line) => total + line.total_amount, 0);
      if (amount < 0) {
        throw new KustomPlanError({
          code: 'NEGATIVE_AMOUNT',
          field: 'lines',
          action: dir.action,
          message: `the lines add up to ${amount}; include the goods the discount belongs to`,
        });
      }
      if (amount > available) throw over('lines', amount);
      return { amount, lines };
    }
    case 'amount': {
      checkInteger(spec.amount, 'amount', 1, 200_000_000);
      checkInteger(spec.tax_rate, 'tax_rate', 0, 10_000);
      if (typeof spec.description !== 'string' || spec.description === '') invalid('description', 'is required');
      if (spec.amount > available) throw over('amount', spec.amount);
      const line: OrderManagementLine = {
        name: spec.description,
        quantity: 1,
        unit_price: spec.amount,
        tax_rate: spec.tax_rate,
        total_amount: spec.amount,
        total_tax_amount: taxFromGross(spec.amount, spec.tax_rate),
      };
      return { amount: spec.amount, lines: [line] };
    }
    default:
      return invalid('kind', `must be 'full', 'lines' or 'amount', got ${JSON.stringify((spec as { kind: unknown }).kind)}`);
  }
}

/** A line as read, whose `type` and `subscription.interval` may be values the SDK does not know. */
type ReadLine = { type?: string | undefined; subscription?: { interval: string } | undefined };
/** The same line with the values a request may carry. */
export type Sendable<L extends ReadLine> = Omit<L, 'type' | 'subscription'> & Pick<OrderManagementLine, 'type' | 'subscription'>;

const SENDABLE_TYPES: ReadonlySet<string> = new Set(OrderLineType.options);
const SENDABLE_INTERVALS: ReadonlySet<string> = new Set(Subscription.shape.interval.options);

/**
 * `line` (an order's line as read, at `path`) for a request, or a
 * `KustomValidationError` naming `path.type` or `path.subscription.interval`: an
 * order's line may carry a `type` or `interval` the SDK does not know yet (data when
 * read), but a request carries only the values the documents list, so such a line is
 * refused before anything is sent rather than sent as read.
 */
export function sendableLine<L extends ReadLine>(line: L, path: string, context: string): Sendable<L> {
  return sendableLines([line], () => path, context)[0]!;
}

/** {@link sendableLine} over `lines` (at `pathOf(i)`), refusing with every such line's issues at once. */
export function sendableLines<L extends ReadLine>(lines: readonly L[], pathOf: (i: number) => string, context: string): Sendable<L>[] {
  const issues: KustomValidationIssue[] = [];
  lines.forEach((line, i) => unknownValues(line, pathOf(i), issues));
  if (issues.length > 0) throw new KustomValidationError('request', issues, context);
  return lines as readonly Sendable<L>[] as Sendable<L>[];
}

function unknownValues(line: ReadLine, path: string, issues: KustomValidationIssue[]): void {
  const refuse = (field: string, value: unknown, known: ReadonlySet<string>, what: string) =>
    issues.push({
      path: `${path}.${field}`,
      code: 'invalid_value',
      message: `is ${JSON.stringify(value)}, ${what} the SDK does not know: it is kept when read but cannot be sent (one of ${[...known].map((v) => JSON.stringify(v)).join(', ')})`,
    });
  // Not a string: left to the request schema (`must be one of …`).
  if (typeof line.type === 'string' && !SENDABLE_TYPES.has(line.type)) refuse('type', line.type, SENDABLE_TYPES, 'a line type');
  const interval = typeof line.subscription === 'object' && line.subscription !== null ? line.subscription.interval : undefined;
  if (typeof interval === 'string' && !SENDABLE_INTERVALS.has(interval)) refuse('subscription.interval', interval, SENDABLE_INTERVALS, 'a subscription interval');
}

export function invalid(path: string, message: string): never {
  throw new KustomValidationError('request', [{ path, message, code: 'custom' }]);
}

export function checkInteger(value: unknown, path: string, min: number, max = Number.MAX_SAFE_INTEGER): void {
  if (!Number.isSafeInteger(value)) invalid(path, `must be an integer, got ${shownArgument(value)}`);
  if ((value as number) < min) invalid(path, `must be at least ${min}, got ${shownArgument(value)}`);
  if ((value as number) > max) invalid(path, `must be at most ${max}, got ${shownArgument(value)}`);
}

/** Sets `target[key]` only when `value` is defined, so bodies carry no `undefined` keys. */
export function assign<T extends object, K extends keyof T>(target: T, key: K, value: T[K] | undefined): void {
  if (value !== undefined) target[key] = value;
}
