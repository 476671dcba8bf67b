/**
 * Where each order line stands: how much of it is authorized, captured, refunded,
 * and left to capture or refund. Captures and refunds carry their own copies of the
 * order lines; they are matched back to the order's lines by `reference`, falling
 * back to `name`.
 */
import { objectArgument, orderArgument } from '../internal/arguments.js';
import { divideRounded, taxFromGross } from '../money.js';
import type { Order, OrderManagementAnswerLine, OrderManagementLine, OrderManagementOrderLine } from '../schemas/index.js';

/**
 * The balance of one order line. Amounts in minor units, tax included.
 *
 * Order Management lets a line (of the order, a capture or a refund) leave out
 * `tax_rate` and `total_tax_amount`. The amounts never depend on them; a tax total
 * over parts whose tax is not stated is `undefined`, never a guessed 0.
 */
export interface LineBalance {
  /** Position of the line in `order.order_lines`. */
  index: number;
  reference: string | undefined;
  name: string;
  /**
   * The order line itself, as read: its `type` and `subscription.interval` may be values
   * the SDK does not know (the planners refuse to copy such a line into a request).
   */
  line: OrderManagementOrderLine;
  authorizedQuantity: number;
  capturedQuantity: number;
  refundedQuantity: number;
  quantityLeftToCapture: number;
  quantityLeftToRefund: number;
  authorizedAmount: number;
  capturedAmount: number;
  refundedAmount: number;
  amountLeftToCapture: number;
  amountLeftToRefund: number;
  /**
   * Tax included in `capturedAmount` / `refundedAmount`: `undefined` when a captured
   * (refunded) line placed here states neither `total_tax_amount` nor `tax_rate`.
   */
  capturedTaxAmount: number | undefined;
  refundedTaxAmount: number | undefined;
}

type LineKey = Pick<OrderManagementLine, 'name'> & { reference?: string | undefined };

/**
 * A lookup of the order lines that a capture, refund or edit line can stand for:
 * those with its `reference` when some line has it, otherwise those with its
 * `name`. Lines with both the same reference and the same name come first. Built
 * once per order, so matching is not quadratic in the number of lines.
 */
export function lineMatcher(lines: readonly LineKey[]): (target: LineKey) => number[] {
  const byReference = new Map<string, number[]>();
  const byName = new Map<string, number[]>();
  const add = (map: Map<string, number[]>, key: string, i: number) => {
    const list = map.get(key);
    if (list) list.push(i);
    else map.set(key, [i]);
  };
  lines.forEach((line, i) => {
    if (line.reference) add(byReference, line.reference, i);
    add(byName, line.name, i);
  });
  return (target) => {
    const sameReference = target.reference ? byReference.get(target.reference) : undefined;
    if (!sameReference) return byName.get(target.name) ?? [];
    return [
      ...sameReference.filter((i) => lines[i]!.name === target.name),
      ...sameReference.filter((i) => lines[i]!.name !== target.name),
    ];
  };
}

/**
 * Per order line: quantity and amount authorized, captured, refunded, left to
 * capture and left to refund.
 *
 * - A capture or refund line counts toward the first matching order line (see
 *   {@link lineMatcher}) that still has room, so two lines with the same
 *   reference fill up in order.
 * - `return_fee` lines of a refund are the merchant's fee, not goods: they do not
 *   count as refunded on any line.
 * - Captures and refunds made by amount, without `order_lines`, cannot be placed
 *   on a line: they show in the order's `captured_amount` / `refunded_amount` but
 *   not here. The planners check those order totals as well.
 *
 * @example
 * for (const b of lineBalances(order)) console.log(b.name, b.quantityLeftToCapture);
 */
export function lineBalances(order: Pick<Order, 'order_lines' | 'captures' | 'refunds'>): LineBalance[] {
  orderArgument(order, 'order', ['order_lines', 'captures', 'refunds']);
  const balances: LineBalance[] = order.order_lines.map((line, index) => ({
    index,
    reference: line.reference,
    name: line.name,
    line,
    authorizedQuantity: line.quantity,
    capturedQuantity: 0,
    refundedQuantity: 0,
    quantityLeftToCapture: line.quantity,
    quantityLeftToRefund: 0,
    authorizedAmount: line.total_amount,
    capturedAmount: 0,
    refundedAmount: 0,
    amountLeftToCapture: line.total_amount,
    amountLeftToRefund: 0,
    capturedTaxAmount: 0,
    refundedTaxAmount: 0,
  }));

  const match = lineMatcher(order.order_lines);
  const place = (moved: OrderManagementAnswerLine, kind: 'captured' | 'refunded') => {
    if (moved.type === 'return_fee') return;
    const candidates = match(moved);
    if (candidates.length === 0) return;
    const room = (b: LineBalance) =>
      kind === 'captured' ? b.authorizedQuantity - b.capturedQuantity : b.capturedQuantity - b.refundedQuantity;
    const target = balances[candidates.find((i) => room(balances[i]!) >= moved.quantity) ?? candidates[0]!]!;
    const tax = statedTax(moved);
    if (kind === 'captured') {
      target.capturedQuantity += moved.quantity;
      target.capturedAmount += moved.total_amount;
      target.capturedTaxAmount = addTax(target.capturedTaxAmount, tax);
    } else {
      target.refundedQuantity += moved.quantity;
      target.refundedAmount += moved.total_amount;
      target.refundedTaxAmount = addTax(target.refundedTaxAmount, tax);
    }
  };
  for (const capture of order.captures) for (const line of capture.order_lines ?? []) place(line, 'captured');
  for (const refund of order.refunds) for (const line of refund.order_lines ?? []) place(line, 'refunded');

  for (const b of balances) {
    b.quantityLeftToCapture = b.authorizedQuantity - b.capturedQuantity;
    b.amountLeftToCapture = b.authorizedAmount - b.capturedAmount;
    b.quantityLeftToRefund = b.capturedQuantity - b.refundedQuantity;
    b.amountLeftToRefund = b.capturedAmount - b.refundedAmount;
  }
  return balances;
}

/**
 * The tax a line states: its `total_tax_amount`, else the tax of its `total_amount` at
 * its `tax_rate`, else `undefined` (the line says nothing about tax).
 */
export function statedTax(line: Pick<OrderManagementLine, 'total_amount' | 'tax_rate' | 'total_tax_amount'>): number | undefined {
  return line.total_tax_amount ?? (line.tax_rate === undefined ? undefined : taxFromGross(line.total_amount, line.tax_rate));
}

/** A sum of taxes that is `undefined` as soon as one of them is unknown. */
export function addTax(sum: number | undefined, tax: number | undefined): number | undefined {
  return sum === undefined || tax === undefined ? undefined : sum + tax;
}

/** The totals of a run of a line's units, as an API order line carries them. */
export interface LineSliceTotals {
  quantity: number;
  total_amount: number;
  total_discount_amount: number;
  /**
   * Absent when the run's tax cannot be known: the line has no `tax_rate`, and the
   * run is not the whole line with a `total_tax_amount`.
   */
  total_tax_amount?: number;
}

/**
 * Totals of the units `from + 1 … to` of `line` (0 ≤ from ≤ to ≤ quantity), so that
 * capturing or refunding a line in parts adds up exactly to the line.
 *
 * The rule is cumulative: for the first `m` units,
 * `discount(m) = round(total_discount_amount × m / quantity)` (halves away from zero),
 * `amount(m) = m × unit_price − discount(m)` and `tax(m)` is the tax of `amount(m)`
 * by the facts page's rounding rule; `amount(quantity)` and `tax(quantity)` are the
 * line's own `total_amount` and `total_tax_amount`. A part is the difference
 * `x(to) − x(from)`, so the parts of any split always sum to the line, every part
 * satisfies `total_amount = quantity × unit_price − total_discount_amount`, and the
 * discount is spread as evenly as whole minor units allow.
 *
 * @example
 * // 3 × 1000 with a 100 discount (total 2900): one unit is 967 (discount 33),
 * // the next two are 1933 (discount 67): 967 + 1933 = 2900.
 */
export function lineSlice(line: OrderManagementOrderLine, from: number, to: number): LineSliceTotals {
  objectArgument(line, 'line', 'an order line');
  const a = cumulative(line, from);
  const b = cumulative(line, to);
  const totals: LineSliceTotals = {
    quantity: to - from,
    total_amount: b.amount - a.amount,
    total_discount_amount: b.discount - a.discount,
  };
  if (a.tax !== undefined && b.tax !== undefined) totals.total_tax_amount = b.tax - a.tax;
  return totals;
}

function cumulative(line: OrderManagementOrderLine, units: number): { amount: number; discount: number; tax: number | undefined } {
  if (units === 0) return { amount: 0, discount: 0, tax: 0 };
  const discountTotal = line.total_discount_amount ?? 0;
  if (units === line.quantity) {
    return { amount: line.total_amount, discount: discountTotal, tax: statedTax(line) };
  }
  const discount = divideRounded(discountTotal * units, line.quantity);
  const amount = units * line.unit_price - discount;
  return { amount, discount, tax: line.tax_rate === undefined ? undefined : taxFromGross(amount, line.tax_rate) };
}

/**
 * An order line for `from + 1 … to` of `line`, with its totals from {@link lineSlice}.
 *
 * Per-line rounding means a part's share of the line's tax (which makes the parts
 * sum to the line) can differ by a minor unit or two from the tax rule applied to the
 * part alone (3 × 999 at 25 % has 599 tax, one unit alone 200). The API checks the
 * rule only on lines that state a `tax_rate` (it is optional on capture and refund
 * lines), so such a part carries `total_tax_amount` without `tax_rate`; every other
 * part carries both. A part whose tax is not known (see {@link LineSliceTotals})
 * carries neither: Order Management takes capture and refund lines without tax.
 */
export function sliceLine(line: OrderManagementOrderLine, from: number, to: number): OrderManagementOrderLine {
  const totals = lineSlice(line, from, to);
  const { total_discount_amount, tax_rate, total_tax_amount, ...rest } = { ...line, ...totals };
  const part: OrderManagementOrderLine = rest;
  if (total_discount_amount || line.total_discount_amount !== undefined) part.total_discount_amount = total_discount_amount;
  if (totals.total_tax_amount === undefined) return part;
  part.total_tax_amount = totals.total_tax_amount;
  if (tax_rate !== undefined && totals.total_tax_amount === taxFromGross(totals.total_amount, tax_rate)) part.tax_rate = tax_rate;
  return part;
}
