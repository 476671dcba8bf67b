/** Orders for the back-office tests: valid by the `Order` schema, with amounts that add up. */
import fc from 'fast-check';
import { expect } from 'vitest';
import { Order as OrderSchema } from '@kustom/sdk/schemas';
import { KustomValidationError, lineTotals, type Order, type OrderLine, type OrderStatus, type Address } from '@kustom/sdk';

export interface LineSpec {
  name?: string;
  reference?: string;
  quantity?: number;
  unit_price?: number;
  tax_rate?: number;
  type?: OrderLine['type'];
}

export function line(spec: LineSpec = {}): OrderLine {
  const base = {
    type: spec.type ?? ('physical' as const),
    reference: spec.reference ?? 'SKU-1',
    name: spec.name ?? 'Blue mug',
    quantity: spec.quantity ?? 1,
    unit_price: spec.unit_price ?? 10000,
    tax_rate: spec.tax_rate ?? 2500,
  };
  return { ...base, ...lineTotals(base) };
}

export interface OrderSpec extends Partial<Omit<Order, 'order_lines'>> {
  lines?: OrderLine[];
  /** How much of each line (by index) is captured; default follows the status. */
  capturedQuantities?: number[];
}

let counter = 0;

/**
 * A consistent order: `AUTHORIZED` has nothing captured, `CAPTURED` everything (one
 * capture with its lines), `PART_CAPTURED` the quantities given (default: the first
 * line), `CLOSED` everything captured and refunded, `CANCELLED` / `EXPIRED` nothing.
 */
export function makeOrder(spec: OrderSpec = {}): Order {
  const lines = spec.lines ?? [line()];
  const status: OrderStatus = spec.status ?? 'AUTHORIZED';
  const order_amount = lines.reduce((sum, l) => sum + l.total_amount, 0);
  const id = spec.order_id ?? `order-${String(++counter).padStart(5, '0')}`;
  const created_at = spec.created_at ?? '2024-05-01T10:00:00.000Z';
  const quantities =
    spec.capturedQuantities ??
    (status === 'CAPTURED' || status === 'CLOSED' ? lines.map((l) => l.quantity) : status === 'PART_CAPTURED' ? lines.map((l, i) => (i === 0 ? l.quantity : 0)) : lines.map(() => 0));
  const capturedLines = lines
    .map((l, i) => ({ ...l, quantity: quantities[i] ?? 0, ...lineTotals({ ...l, quantity: quantities[i] ?? 0 }) }))
    .filter((l) => l.quantity > 0);
  const captured_amount = capturedLines.reduce((sum, l) => sum + l.total_amount, 0);
  const refunded_amount = status === 'CLOSED' ? captured_amount : 0;
  const billing: Address = {
    given_name: 'Anna',
    family_name: 'Svensson',
    email: 'anna@example.com',
    street_address: 'Storgatan 1',
    postal_code: '11122',
    city: 'Stockholm',
    country: 'SE',
  };
  const order: Order = {
    order_id: id,
    klarna_reference: `KR-${id}`,
    merchant_reference1: `M-${id}`,
    status,
    fraud_status: 'ACCEPTED',
    order_amount,
    original_order_amount: order_amount,
    captured_amount,
    refunded_amount,
    remaining_authorized_amount: status === 'AUTHORIZED' || status === 'PART_CAPTURED' ? order_amount - captured_amount : 0,
    purchase_country: 'SE',
    purchase_currency: 'SEK',
    locale: 'sv-SE',
    created_at,
    expires_at: spec.expires_at ?? new Date(Date.parse(created_at) + 28 * 86_400_000).toISOString(),
    order_lines: lines,
    captures: capturedLines.length
      ? [{ capture_id: `cap-${id}`, captured_amount, captured_at: created_at, order_lines: capturedLines }]
      : [],
    refunds: refunded_amount ? [{ refund_id: `ref-${id}`, refunded_amount, refunded_at: created_at }] : [],
    initial_payment_method: { type: 'INVOICE', description: 'Pay later' },
    billing_address: billing,
    shipping_address: billing,
    ...withoutHelpers(spec),
  };
  return OrderSchema.parse(order);
}

function withoutHelpers(spec: OrderSpec): Partial<Order> {
  const { lines: _lines, capturedQuantities: _q, ...rest } = spec;
  return rest;
}

export const CURRENCIES = ['SEK', 'EUR', 'NOK', 'DKK', 'JPY', 'KWD', 'USD'] as const;
export const COUNTRIES = ['SE', 'FI', 'NO', 'DK', 'DE', 'AT', 'NL', 'US'] as const;
export const STATUSES: OrderStatus[] = ['AUTHORIZED', 'PART_CAPTURED', 'CAPTURED', 'CANCELLED', 'EXPIRED', 'CLOSED'];
export const METHODS = ['INVOICE', 'CARD', 'SWISH', 'PAY_LATER_IN_PARTS', 'DIRECT_DEBIT'] as const;

/** Text that a spreadsheet or a parser might trip over. */
export const hostileText = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.constantFrom('=1+1', '+1', '-1', '@SUM(A1)', '\t=1', '\r=1', '＝1+1', '=HYPERLINK("http://x","y")', 'a,b', 'a;b', 'a"b', 'line\r\nbreak', 'Åsa Ødegård', ' ', "'quoted"),
  fc.string({ unit: fc.constantFrom('=', '+', '-', '@', '"', ',', ';', '\t', '\r', '\n', 'a', 'å', ' ', '|'), maxLength: 12 }),
);

/** Random valid orders with hostile text in every free-text field. */
export const orderArbitrary: fc.Arbitrary<Order> = fc
  .record({
    status: fc.constantFrom(...STATUSES),
    currency: fc.constantFrom(...CURRENCIES),
    country: fc.constantFrom(...COUNTRIES),
    method: fc.option(fc.constantFrom(...METHODS), { nil: undefined }),
    created: fc.integer({ min: Date.UTC(2023, 0, 1), max: Date.UTC(2025, 0, 1) }),
    ref1: fc.option(hostileText.filter((s) => s.length <= 255), { nil: undefined }),
    given: hostileText.filter((s) => s.length <= 100),
    email: fc.option(fc.emailAddress().filter((s) => s.length <= 100), { nil: undefined }),
    lines: fc.array(
      fc.record({ name: hostileText.filter((s) => s.length > 0 && s.length <= 255), quantity: fc.integer({ min: 1, max: 5 }), unit_price: fc.integer({ min: 0, max: 2_000_000 }) }),
      { minLength: 1, maxLength: 4 },
    ),
  })
  .map((r) =>
    makeOrder({
      status: r.status,
      purchase_currency: r.currency,
      purchase_country: r.country,
      created_at: new Date(r.created).toISOString(),
      merchant_reference1: r.ref1,
      lines: r.lines.map((l, i) => line({ ...l, reference: `SKU-${i}` })),
      initial_payment_method: r.method ? { type: r.method } : undefined,
      billing_address: { given_name: r.given, family_name: 'Test', ...(r.email ? { email: r.email } : {}) },
    }),
  );

/**
 * The `field` of the `KustomValidationError` that `fn` throws, or `'no error'`. Any
 * other error fails the test.
 */
export function invalidField(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(KustomValidationError);
    return (error as KustomValidationError).field;
  }
  return 'no error';
}
