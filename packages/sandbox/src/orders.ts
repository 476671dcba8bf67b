/**
 * Order Management: the rules of the facts page in one place. The status is derived
 * from the order's amounts, its flags and the clock, never stored, so moving the
 * clock past `expires_at` makes an order `EXPIRED` on its next read.
 *
 * | status          | when                                                                  |
 * |-----------------|-----------------------------------------------------------------------|
 * | `CANCELLED`     | cancelled                                                             |
 * | `CLOSED`        | released after captures, or everything captured was refunded and      |
 * |                 | nothing remains authorized                                            |
 * | `CAPTURED`      | the whole order amount is captured                                    |
 * | `EXPIRED`       | `expires_at` passed before full capture                               |
 * | `PART_CAPTURED` | some amount captured, the rest still authorized                       |
 * | `AUTHORIZED`    | nothing captured yet                                                  |
 *
 * `CANCELLED`, `EXPIRED` and `CLOSED` allow nothing (the help centre's table), except
 * refunding a `CLOSED` order that is not refunded in full, and reading or relabelling
 * (`merchant-references`, which the API refuses on cancelled orders only).
 */
import {
  AddShippingInfoRequest,
  CaptureRequest,
  RefundRequest,
  UpdateAuthorizationRequest,
  UpdateCustomerDetailsRequest,
  UpdateMerchantReferencesRequest,
  type Capture,
  type Order,
  type OrderManagementLine,
  type KnownOrderStatus,
  type Refund,
} from '@kustom/sdk/schemas';
import { EXTENSION_UNSUPPORTED_COUNTRIES, isKlarnaPaymentMethod } from '@kustom/sdk';
import { DAY_MS, isoSeconds } from './clock.js';
import type { Core } from './core.js';
import { assertOrderId, RESERVATION_DAYS } from './checkout.js';
import { fail } from './reply.js';
import type { CaptureRecord, OrderRecord, RefundRecord } from './store.js';
import { assertArithmetic, badValueMessages, parseBody, type FieldIssue } from './validation.js';

/** An authorization can be extended up to this many days after the original authorization. */
export const EXTENSION_LIMIT_DAYS = 90;
/**
 * Purchase countries where the authorization time cannot be extended (ES, FR, IT, PT),
 * and which payment methods are Klarna's: the SDK's definitions, so that its helpers
 * and the sandbox never disagree about which orders can be extended.
 */
export const NO_EXTENSION_COUNTRIES: readonly string[] = EXTENSION_UNSUPPORTED_COUNTRIES;

export const capturedAmount = (o: OrderRecord) => o.captures.reduce((total, c) => total + c.captured_amount, 0);
export const refundedAmount = (o: OrderRecord) => o.refunds.reduce((total, r) => total + r.refunded_amount, 0);

export function orderStatus(o: OrderRecord, now: number): KnownOrderStatus {
  if (o.cancelled_at !== undefined) return 'CANCELLED';
  const captured = capturedAmount(o);
  const fullyCaptured = o.captures.length > 0 && captured >= o.order_amount;
  const expired = o.released_at === undefined && !fullyCaptured && now >= o.expires_at;
  const authorizationOpen = o.released_at === undefined && !expired && !fullyCaptured;
  if (captured > 0 && refundedAmount(o) >= captured && !authorizationOpen) return 'CLOSED';
  if (o.released_at !== undefined) return 'CLOSED';
  if (fullyCaptured) return 'CAPTURED';
  if (expired) return 'EXPIRED';
  return captured > 0 ? 'PART_CAPTURED' : 'AUTHORIZED';
}

const OPEN: readonly KnownOrderStatus[] = ['AUTHORIZED', 'PART_CAPTURED'];

export function remainingAuthorized(o: OrderRecord, now: number): number {
  return OPEN.includes(orderStatus(o, now)) ? o.order_amount - capturedAmount(o) : 0;
}

/** Each capture's share of the refunds, oldest capture first. */
function refundedPerCapture(o: OrderRecord): Map<string, number> {
  let left = refundedAmount(o);
  const shares = new Map<string, number>();
  for (const c of o.captures) {
    const share = Math.min(c.captured_amount, left);
    shares.set(c.capture_id, share);
    left -= share;
  }
  return shares;
}

const optional = <K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> =>
  (value === undefined ? {} : { [key]: value }) as Partial<Record<K, V>>;

export function captureView(c: CaptureRecord, refunded: number): Capture {
  return {
    capture_id: c.capture_id,
    klarna_reference: c.klarna_reference,
    captured_amount: c.captured_amount,
    captured_at: isoSeconds(c.captured_at),
    ...optional('description', c.description),
    ...optional('reference', c.reference),
    ...optional('order_lines', c.order_lines),
    refunded_amount: refunded,
    ...optional('billing_address', c.billing_address),
    ...optional('shipping_address', c.shipping_address),
    shipping_info: c.shipping_info,
  };
}

export function refundView(r: RefundRecord): Refund {
  return {
    refund_id: r.refund_id,
    refunded_amount: r.refunded_amount,
    refunded_at: isoSeconds(r.refunded_at),
    ...optional('description', r.description),
    ...optional('reference', r.reference),
    ...optional('order_lines', r.order_lines),
  };
}

export function orderView(o: OrderRecord, now: number): Order {
  const shares = refundedPerCapture(o);
  return {
    order_id: o.order_id,
    klarna_reference: o.klarna_reference,
    ...optional('merchant_reference1', o.merchant_reference1),
    ...optional('merchant_reference2', o.merchant_reference2),
    ...optional('merchant_data', o.merchant_data),
    status: orderStatus(o, now),
    fraud_status: o.fraud_status,
    order_amount: o.order_amount,
    original_order_amount: o.original_order_amount,
    captured_amount: capturedAmount(o),
    refunded_amount: refundedAmount(o),
    remaining_authorized_amount: remainingAuthorized(o, now),
    purchase_country: o.purchase_country,
    purchase_currency: o.purchase_currency,
    locale: o.locale,
    created_at: isoSeconds(o.created_at),
    expires_at: isoSeconds(o.expires_at),
    order_lines: o.order_lines,
    captures: o.captures.map((c) => captureView(c, shares.get(c.capture_id) ?? 0)),
    refunds: o.refunds.map(refundView),
    initial_payment_method: o.initial_payment_method,
    ...optional('selected_shipping_option', o.selected_shipping_option),
    shipping_info: o.shipping_info,
    ...optional('billing_address', o.billing_address),
    ...optional('shipping_address', o.shipping_address),
  };
}

export function findOrder(core: Core, id: string): OrderRecord {
  assertOrderId(id);
  return core.stores.orders.get(id.toLowerCase()) ?? fail(404, 'NO_SUCH_ORDER', `No such order: ${id}`);
}

export function findCapture(o: OrderRecord, id: string): CaptureRecord {
  return o.captures.find((c) => c.capture_id === id) ?? fail(404, 'NO_SUCH_CAPTURE', `No such capture: ${id} on order ${o.order_id}`);
}

export function findRefund(o: OrderRecord, id: string): RefundRecord {
  return o.refunds.find((r) => r.refund_id === id) ?? fail(404, 'NOT_FOUND', `No such refund: ${id} on order ${o.order_id}`);
}

/** Shipping information belongs to orders that can still ship: not CANCELLED, EXPIRED or CLOSED ("nothing"). */
function assertShippable(o: OrderRecord, now: number): void {
  const status = orderStatus(o, now);
  if (status === 'CANCELLED' || status === 'EXPIRED' || status === 'CLOSED') {
    fail(403, 'NOT_ALLOWED', `Add shipping info not allowed: the order is ${status}.`);
  }
}

/** Optional capture or refund lines must add up, and to the amount when given. */
function checkLines(lines: OrderManagementLine[] | undefined, amount: number, field: string): void {
  if (!lines?.length) return;
  assertArithmetic({ order_lines: lines });
  const total = lines.reduce((t, l) => t + l.total_amount, 0);
  if (total !== amount) {
    const issue: FieldIssue = { path: field, message: `must equal the sum of the order_lines' total_amount = ${total}, got ${amount}` };
    fail(400, 'BAD_VALUE', ...badValueMessages([issue]));
  }
}

const rawHas = (body: unknown, key: string) => typeof body === 'object' && body !== null && Object.hasOwn(body, key);

/** The Order Management actions. Each validates, checks the status rules, then mutates. */
export const orderActions = {
  acknowledge(core: Core, o: OrderRecord): void {
    if (o.acknowledged_at === undefined) {
      o.acknowledged_at = core.clock.nowMs();
      core.changed();
    }
  },

  updateAuthorization(core: Core, o: OrderRecord, raw: unknown): void {
    const body = parseBody(UpdateAuthorizationRequest, raw);
    if (body.order_lines) assertArithmetic({ order_amount: body.order_amount, order_lines: body.order_lines });
    const status = orderStatus(o, core.clock.nowMs());
    if (!OPEN.includes(status)) fail(403, 'NOT_ALLOWED', `Update authorization not allowed: the order is ${status}.`);
    const captured = capturedAmount(o);
    if (body.order_amount < captured) {
      fail(403, 'NOT_ALLOWED', `Resulting authorization amount ${body.order_amount} cannot be less than the captured amount ${captured}`);
    }
    o.order_amount = body.order_amount;
    if (body.order_lines) o.order_lines = body.order_lines;
    core.changed();
  },

  updateMerchantReferences(core: Core, o: OrderRecord, raw: unknown): void {
    const body = parseBody(UpdateMerchantReferencesRequest, raw);
    if (o.cancelled_at !== undefined) fail(403, 'NOT_ALLOWED', 'Can not update a cancelled order.');
    if (body.merchant_reference1 !== undefined) o.merchant_reference1 = body.merchant_reference1;
    if (body.merchant_reference2 !== undefined) o.merchant_reference2 = body.merchant_reference2;
    core.changed();
  },

  updateCustomerDetails(core: Core, o: OrderRecord, raw: unknown): void {
    const body = parseBody(UpdateCustomerDetailsRequest, raw);
    if (rawHas(raw, 'billing_address')) fail(403, 'NOT_ALLOWED', 'Billing address cannot be updated.');
    const status = orderStatus(o, core.clock.nowMs());
    if (status !== 'AUTHORIZED') fail(403, 'NOT_ALLOWED', `Update customer details not allowed: the order is ${status}.`);
    if (body.shipping_address) o.shipping_address = body.shipping_address;
    core.changed();
  },

  cancel(core: Core, o: OrderRecord): void {
    const status = orderStatus(o, core.clock.nowMs());
    if (status !== 'AUTHORIZED') {
      const why =
        status === 'PART_CAPTURED' || status === 'CAPTURED'
          ? 'the order has captures; release the remaining authorization instead'
          : `the order is ${status}`;
      fail(403, 'CANCEL_NOT_ALLOWED', `Cancel not allowed: ${why}.`);
    }
    o.cancelled_at = core.clock.nowMs();
    core.changed();
  },

  extendAuthorizationTime(core: Core, o: OrderRecord): void {
    const now = core.clock.nowMs();
    const status = orderStatus(o, now);
    if (!OPEN.includes(status)) fail(403, 'NOT_ALLOWED', `Extend authorization time not allowed: the order is ${status}.`);
    if (!isKlarnaPaymentMethod(o.initial_payment_method)) {
      fail(
        403,
        'NOT_ALLOWED',
        `Extend authorization time is only allowed for orders paid with the Klarna payment method (this order: ${o.initial_payment_method.description ?? o.initial_payment_method.type}).`,
      );
    }
    if (NO_EXTENSION_COUNTRIES.includes(o.purchase_country)) {
      fail(403, 'NOT_ALLOWED', `Extend authorization time is not available for purchases in ${o.purchase_country}.`);
    }
    const limit = o.created_at + EXTENSION_LIMIT_DAYS * DAY_MS;
    const next = Math.min(now + RESERVATION_DAYS * DAY_MS, limit);
    if (next <= o.expires_at) {
      fail(
        403,
        'NOT_ALLOWED',
        `Extend authorization time not allowed: the authorization cannot be extended past ${isoSeconds(limit)}, ${EXTENSION_LIMIT_DAYS} days after the original authorization.`,
      );
    }
    o.expires_at = next;
    core.changed();
  },

  releaseRemainingAuthorization(core: Core, o: OrderRecord): void {
    const status = orderStatus(o, core.clock.nowMs());
    if (status !== 'PART_CAPTURED') {
      const why =
        status === 'AUTHORIZED'
          ? 'the order has no captures; cancel it instead'
          : status === 'CAPTURED'
            ? 'nothing remains authorized'
            : `the order is ${status}`;
      fail(403, 'NOT_ALLOWED', `Release remaining authorization not allowed: ${why}.`);
    }
    o.released_at = core.clock.nowMs();
    core.changed();
  },

  addShippingInfo(core: Core, o: OrderRecord, raw: unknown): void {
    const body = parseBody(AddShippingInfoRequest, raw);
    assertShippable(o, core.clock.nowMs());
    o.shipping_info.push(...body.shipping_info);
    core.changed();
  },

  capture(core: Core, o: OrderRecord, raw: unknown): CaptureRecord {
    const body = parseBody(CaptureRequest, raw);
    checkLines(body.order_lines, body.captured_amount, 'captured_amount');
    const now = core.clock.nowMs();
    const status = orderStatus(o, now);
    if (!OPEN.includes(status)) fail(403, 'CAPTURE_NOT_ALLOWED', `Capture not allowed: the order is ${status}.`);
    if (o.fraud_status !== 'ACCEPTED') {
      fail(403, 'CAPTURE_NOT_ALLOWED', `Capture not allowed: the order's fraud_status is ${o.fraud_status}.`);
    }
    const remaining = o.order_amount - capturedAmount(o);
    if (body.captured_amount > remaining) {
      fail(403, 'CAPTURE_NOT_ALLOWED', `Captured amount ${body.captured_amount} is higher than the remaining authorized amount ${remaining}.`);
    }
    const capture: CaptureRecord = {
      capture_id: core.ids.uuid(),
      klarna_reference: `${o.klarna_reference}-${o.captures.length + 1}`,
      captured_amount: body.captured_amount,
      captured_at: now,
      ...optional('description', body.description),
      ...optional('reference', body.reference),
      ...optional('order_lines', body.order_lines),
      shipping_info: body.shipping_info ?? [],
      ...optional('billing_address', o.billing_address),
      ...optional('shipping_address', o.shipping_address),
    };
    o.captures.push(capture);
    core.changed();
    return capture;
  },

  addCaptureShippingInfo(core: Core, o: OrderRecord, captureId: string, raw: unknown): void {
    const body = parseBody(AddShippingInfoRequest, raw);
    const capture = findCapture(o, captureId);
    assertShippable(o, core.clock.nowMs());
    capture.shipping_info.push(...body.shipping_info);
    core.changed();
  },

  refund(core: Core, o: OrderRecord, raw: unknown): RefundRecord {
    const body = parseBody(RefundRequest, raw);
    checkLines(body.order_lines, body.refunded_amount, 'refunded_amount');
    const status = orderStatus(o, core.clock.nowMs());
    if (status === 'CANCELLED' || status === 'EXPIRED') fail(403, 'REFUND_NOT_ALLOWED', `Refund not allowed: the order is ${status}.`);
    const captured = capturedAmount(o);
    const refundable = captured - refundedAmount(o);
    if (captured === 0) fail(403, 'REFUND_NOT_ALLOWED', 'Refund not allowed: the order has no captures.');
    if (refundable === 0) fail(403, 'REFUND_NOT_ALLOWED', 'Refund not allowed: everything captured is already refunded.');
    if (body.refunded_amount > refundable) {
      fail(403, 'REFUND_NOT_ALLOWED', `Refunded amount ${body.refunded_amount} is higher than the captured amount not yet refunded ${refundable}.`);
    }
    const refund: RefundRecord = {
      refund_id: core.ids.uuid(),
      refunded_amount: body.refunded_amount,
      refunded_at: core.clock.nowMs(),
      ...optional('description', body.description),
      ...optional('reference', body.reference),
      ...optional('order_lines', body.order_lines),
    };
    o.refunds.push(refund);
    core.changed();
    return refund;
  },
};
