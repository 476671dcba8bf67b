import { isKustomPlanError, lineTotals, type KustomPlanError, orderTotals, type Capture, type Order, type OrderLine, type OrderStatus, type Refund } from '@kustom/sdk';

export const DAY = 86_400_000;
export const CREATED = '2025-03-01T10:00:00Z';
export const at = (days: number, from = CREATED) => new Date(Date.parse(from) + days * DAY);

const line = (l: Omit<OrderLine, 'total_amount' | 'total_tax_amount'>): OrderLine => ({ ...l, ...lineTotals(l) });

/** T-shirt 3 × 1000 − 100 = 2900 (tax 580), Jeans 5000 (1000), Shipping 500 (100): 8400. */
export const LINES: OrderLine[] = [
  line({ type: 'physical', reference: 'SKU-1', name: 'T-shirt', quantity: 3, unit_price: 1000, total_discount_amount: 100, tax_rate: 2500 }),
  line({ type: 'physical', reference: 'SKU-2', name: 'Jeans', quantity: 1, unit_price: 5000, tax_rate: 2500 }),
  line({ type: 'shipping_fee', reference: 'SHIP', name: 'Shipping', quantity: 1, unit_price: 500, tax_rate: 2500 }),
];

/** An authorized Swedish order paid with Klarna, created at {@link CREATED}, expiring 28 days later. */
export function makeOrder(overrides: Partial<Order> = {}): Order {
  const order_lines = overrides.order_lines ?? LINES;
  const { order_amount } = orderTotals(order_lines);
  return {
    order_id: 'f3392f8b-6116-4073-ab96-e330819e2c07',
    klarna_reference: 'K4MADNY',
    status: 'AUTHORIZED',
    fraud_status: 'ACCEPTED',
    order_amount,
    original_order_amount: order_amount,
    captured_amount: 0,
    refunded_amount: 0,
    remaining_authorized_amount: order_amount,
    purchase_country: 'SE',
    purchase_currency: 'SEK',
    locale: 'sv-SE',
    created_at: CREATED,
    expires_at: at(28).toISOString(),
    order_lines,
    captures: [],
    refunds: [],
    initial_payment_method: { type: 'INVOICE', description: 'Klarna Pay later' },
    ...overrides,
  };
}

/** The order after a capture with `body`, as the API records it (status from the amounts). */
export function captured(order: Order, body: { captured_amount: number; order_lines?: Capture['order_lines']; reference?: string }, when = at(1)): Order {
  const capture: Capture = {
    capture_id: `cap-${order.captures.length + 1}`,
    captured_amount: body.captured_amount,
    captured_at: when.toISOString(),
    ...(body.order_lines ? { order_lines: body.order_lines } : {}),
    ...(body.reference ? { reference: body.reference } : {}),
  };
  const captured_amount = order.captured_amount + body.captured_amount;
  const remaining_authorized_amount = order.order_amount - captured_amount;
  const status: OrderStatus = remaining_authorized_amount === 0 ? 'CAPTURED' : 'PART_CAPTURED';
  return { ...order, captures: [...order.captures, capture], captured_amount, remaining_authorized_amount, status };
}

/** The order after a refund with `body`. */
export function refunded(order: Order, body: { refunded_amount: number; order_lines?: Refund['order_lines'] }, when = at(2)): Order {
  const refund: Refund = {
    refund_id: `ref-${order.refunds.length + 1}`,
    refunded_amount: body.refunded_amount,
    refunded_at: when.toISOString(),
    ...(body.order_lines ? { order_lines: body.order_lines } : {}),
  };
  const refunded_amount = order.refunded_amount + body.refunded_amount;
  const closed = order.status === 'CAPTURED' && refunded_amount === order.captured_amount;
  return { ...order, refunds: [...order.refunds, refund], refunded_amount, status: closed ? 'CLOSED' : order.status };
}

/** The KustomPlanError that `run` throws (any other outcome fails the test). */
export function planError(run: () => unknown): KustomPlanError {
  try {
    run();
  } catch (error) {
    if (isKustomPlanError(error)) return error;
    throw error;
  }
  throw new Error('expected a KustomPlanError');
}
