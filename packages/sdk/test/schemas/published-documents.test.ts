/**
 * The SDK against the published documents (`/work/shared/specs/*.openapi.yml`, read as
 * their README says; see `test/helpers/openapi-arbitrary.ts` for the readings):
 *
 * - every answer the documents allow, for every answer the SDK parses, passes the SDK's
 *   response schema, including enum values the documents do not list yet, every optional
 *   field left out, and fields no document names;
 * - every request the documents allow (with the order arithmetic their descriptions
 *   state) passes the SDK's request validation, through the real client, to an in-process
 *   fetch that answers as the API would.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createKustomClient, type KustomValidationError } from '@kustom/sdk';
import {
  Capture,
  CaptureList,
  CheckoutOrder,
  Order,
  Payout,
  PayoutCollection,
  PayoutSummaryList,
  Refund,
  toIssues,
} from '@kustom/sdk/schemas';
import { createGenerator, loadDocument } from '../helpers/openapi-arbitrary.js';
import { ORDER_ID, checkoutOrder } from '../helpers/fixtures.js';

const checkout = loadDocument('checkout-v3.openapi.yml');
const orderManagement = loadDocument('order-management-v1.openapi.yml');
const settlements = loadDocument('settlements-v1.openapi.yml');

/**
 * The fields `kustom-api.md` says every answer carries, where the document has no
 * `required` list (Order Management) or lists only what a request must send (Checkout).
 */
const ANSWER_FIELDS = {
  order: ['order_id', 'status'],
  MerchantOrderDto: [
    'order_id',
    'status',
    'order_amount',
    'original_order_amount',
    'captured_amount',
    'refunded_amount',
    'remaining_authorized_amount',
    'purchase_country',
    'purchase_currency',
    'created_at',
    'expires_at',
    'captures',
    'refunds',
    'order_lines',
  ],
  Capture: ['capture_id', 'captured_amount', 'captured_at'],
  Refund: ['refund_id', 'refunded_amount', 'refunded_at'],
} as const;

const RUNS = { numRuns: 100 };

/** The paths and messages of a failed parse, for a readable counterexample. */
function verdict(schema: { safeParse(v: unknown): { success: boolean; error?: unknown } }, value: unknown) {
  const result = schema.safeParse(value);
  return result.success ? [] : toIssues(result.error as never).map((i) => `${i.path}: ${i.message}`);
}

// Generating from whole documents takes seconds on a busy machine: the limit is generous, the runs fixed.
describe('answers the documents allow are read', { timeout: 120_000 }, () => {
  const answer = (doc: typeof checkout) => createGenerator(doc, { mode: 'answer', required: ANSWER_FIELDS });
  const orderAnswer = createGenerator(orderManagement, {
    mode: 'answer',
    required: ANSWER_FIELDS,
  })('MerchantOrderDto');
  const cases = [
    ['a checkout order (Checkout v3 `order`)', answer(checkout)('order'), CheckoutOrder],
    ['an order (Order Management `MerchantOrderDto`)', orderAnswer, Order],
    ['a capture (`Capture`)', answer(orderManagement)('Capture'), Capture],
    ['a list of captures (`Capture[]`)', fc.array(answer(orderManagement)('Capture'), { maxLength: 3 }), CaptureList],
    ['a refund (`Refund`)', answer(orderManagement)('Refund'), Refund],
    ['a page of payouts (`PayoutCollection`)', answer(settlements)('PayoutCollection'), PayoutCollection],
    ['a payout (`Payout`)', answer(settlements)('Payout'), Payout],
    ['payout summaries (`PayoutSummary[]`)', fc.array(answer(settlements)('PayoutSummary'), { maxLength: 3 }), PayoutSummaryList],
  ] as const;

  it.each(cases)('%s', (_name, arbitrary, schema) => {
    fc.assert(
      fc.property(arbitrary, (value) => {
        expect(verdict(schema, value)).toEqual([]);
      }),
      RUNS,
    );
  });

  it('the generator does produce what a liberal reader must take: unknown enum values, absent optional fields, unknown fields', () => {
    const orders = fc.sample(orderAnswer, { numRuns: 60, seed: 16 }) as Record<string, unknown>[];
    expect(orders.some((o) => !('klarna_reference' in o))).toBe(true);
    expect(orders.some((o) => 'field_added_later' in o)).toBe(true);
    const statuses = ['AUTHORIZED', 'PART_CAPTURED', 'CAPTURED', 'CANCELLED', 'EXPIRED', 'CLOSED'];
    expect(orders.some((o) => !statuses.includes(o.status as string))).toBe(true);
    const captures = fc.sample(answer(orderManagement)('Capture'), { numRuns: 100, seed: 16 }) as Record<string, unknown>[];
    const lines = captures.flatMap((c) => (c.order_lines as Record<string, unknown>[] | undefined) ?? []);
    expect(lines.some((l) => !('tax_rate' in l))).toBe(true);
    const types = ['physical', 'discount', 'shipping_fee', 'sales_tax', 'store_credit', 'gift_card', 'digital', 'surcharge', 'return_fee'];
    expect(lines.some((l) => typeof l.type === 'string' && !types.includes(l.type))).toBe(true);
    // An order's own lines too (what the planners copy): an unknown type and interval are read.
    const orderLines = orders.flatMap((o) => o.order_lines as Record<string, unknown>[]);
    expect(orderLines.some((l) => typeof l.type === 'string' && !types.includes(l.type))).toBe(true);
    const intervals = orderLines.flatMap((l) => (l.subscription ? [(l.subscription as { interval?: unknown }).interval] : []));
    expect(intervals.some((i) => typeof i === 'string' && !['DAY', 'WEEK', 'MONTH', 'YEAR'].includes(i))).toBe(true);
    const payouts = fc.sample(answer(settlements)('Payout'), { numRuns: 60, seed: 16 }) as Record<string, unknown>[];
    expect(payouts.some((p) => !['GROSS', 'NET', 'GROSS_FEE'].includes(p.merchant_settlement_type as string))).toBe(true);
    const checkouts = fc.sample(answer(checkout)('order'), { numRuns: 30, seed: 16 }) as Record<string, unknown>[];
    expect(checkouts.some((o) => !('merchant_urls' in o))).toBe(true);
  });
});

// --- requests ---------------------------------------------------------------------

type Line = {
  quantity: number;
  unit_price: number;
  tax_rate?: number;
  total_amount: number;
  total_discount_amount?: number;
  total_tax_amount?: number;
  type?: string;
};

/**
 * What the descriptions add to a generated line: `total_amount = quantity × unit_price −
 * total_discount_amount` and a `total_tax_amount` within ±1 of `total_amount −
 * total_amount × 10000 / (10000 + tax_rate)`, not negative (the lines' totals are not, and
 * `order_tax_amount` must not be). `pick` chooses
 * where in that ±1 the tax falls; amounts are kept small enough for any order to fit
 * the documents' maxima.
 */
function withArithmetic(line: Line, pick: number): Line {
  const quantity = line.quantity % 20;
  const unit_price = Math.abs(line.unit_price) % 5_000_000;
  const gross = quantity * unit_price;
  const discount = line.total_discount_amount === undefined ? undefined : Math.abs(line.total_discount_amount) % (gross + 1);
  const total_amount = gross - (discount ?? 0);
  const result: Line = { ...line, quantity, unit_price, total_amount };
  if (discount !== undefined) result.total_discount_amount = discount;
  if (line.tax_rate === undefined && line.total_tax_amount !== undefined) {
    // A tax without a rate (Order Management allows either alone): no rule to meet but ≥ 0.
    result.total_tax_amount = Math.abs(line.total_tax_amount) % (total_amount + 1);
  } else if (line.tax_rate !== undefined) {
    const tax_rate = Math.abs(line.tax_rate ?? 0) % 10_001;
    const exact = total_amount - (total_amount * 10000) / (10000 + tax_rate);
    const candidates = [Math.floor(exact) - 1, Math.floor(exact), Math.ceil(exact), Math.ceil(exact) + 1].filter((t) => Math.abs(t - exact) <= 1 && t >= 0);
    result.tax_rate = tax_rate;
    result.total_tax_amount = candidates[pick % candidates.length]!;
  }
  return result;
}

const lines = (value: unknown, pick: number) => (value as Line[]).map((l) => withArithmetic(l, pick));
const sum = (ls: Line[], field: 'total_amount' | 'total_tax_amount') => ls.reduce((s, l) => s + (l[field] ?? 0), 0);

/** A client whose fetch answers every write as the API does, and remembers what it was sent. */
function clientAnswering() {
  const sent: unknown[] = [];
  const kustom = createKustomClient({
    apiKey: 'kco_test_api_documents',
    baseUrl: 'http://documents.local',
    maxRetries: 0,
    fetch: async (request) => {
      sent.push(await request.json());
      const { pathname } = new URL(request.url);
      if (pathname.startsWith('/checkout/')) return Response.json(checkoutOrder(), { status: pathname.endsWith('/orders') ? 201 : 200 });
      for (const [collection, header] of [['captures', 'Capture-Id'], ['refunds', 'Refund-Id']] as const) {
        if (pathname.endsWith(`/${collection}`)) return new Response(null, { status: 201, headers: { [header]: 'x1', Location: `${pathname}/x1` } });
      }
      return new Response(null, { status: 204 });
    },
  });
  return { kustom, sent };
}

/** Runs a property whose every request must pass the SDK's validation and be sent as given. */
async function mustBeSent<T>(arbitrary: fc.Arbitrary<T>, call: (kustom: ReturnType<typeof clientAnswering>['kustom'], body: T) => Promise<unknown>) {
  await fc.assert(
    fc.asyncProperty(arbitrary, async (body) => {
      const { kustom, sent } = clientAnswering();
      const refused = await call(kustom, body).then(
        () => undefined,
        (e: KustomValidationError) => e.issues?.map((i) => `${i.path}: ${i.message}`) ?? e,
      );
      expect(refused).toBeUndefined();
      expect(sent).toEqual([JSON.parse(JSON.stringify(body))]);
    }),
    RUNS,
  );
}

describe('requests the documents allow are sent', { timeout: 120_000 }, () => {
  const request = (doc: typeof checkout) => createGenerator(doc, { mode: 'request' });
  const pick = fc.nat(3);

  /**
   * A checkout order: the document's `required` list, plus `merchant_urls` (which
   * `kustom-api.md` requires on create), with the arithmetic the descriptions state.
   */
  const checkoutBody = fc
    .tuple(createGenerator(checkout, { mode: 'request', required: { order: ['merchant_urls'] } })('order'), pick)
    .map(([order, p]) => {
      const body = order as Record<string, unknown>;
      const ls = lines(body.order_lines, p);
      return { ...body, order_lines: ls, order_amount: sum(ls, 'total_amount'), order_tax_amount: sum(ls, 'total_tax_amount') };
    });

  it('checkout.orders.create (Checkout v3 `order`)', async () => {
    await mustBeSent(checkoutBody, (kustom, body) => kustom.checkout.orders.create(body as never));
  });

  it('checkout.orders.update (the same document, while incomplete)', async () => {
    await mustBeSent(checkoutBody, (kustom, body) => kustom.checkout.orders.update(ORDER_ID, body as never));
  });

  const withLines = (name: string, amountField: string) =>
    fc.tuple(request(orderManagement)(name), pick).map(([value, p]) => {
      const body = value as Record<string, unknown>;
      if (!body.order_lines) return body;
      const ls = lines(body.order_lines, p);
      // A capture or refund of lines is for their total; an authorization is the new order amount.
      return { ...body, order_lines: ls, [amountField]: sum(ls, 'total_amount') };
    });

  it('orders.capture (`CaptureObject`)', async () => {
    await mustBeSent(withLines('CaptureObject', 'captured_amount'), (kustom, body) => kustom.orders.capture(ORDER_ID, body as never));
  });

  it('orders.refund (`RefundObject`)', async () => {
    await mustBeSent(withLines('RefundObject', 'refunded_amount'), (kustom, body) => kustom.orders.refund(ORDER_ID, body as never));
  });

  it('orders.updateAuthorization (`Update authorization`)', async () => {
    const authorization = request(orderManagement)('Update authorization');
    const body = fc.tuple(authorization, pick).map(([value, p]) => {
      const b = value as Record<string, unknown>;
      if (!b.order_lines) return b;
      const ls = lines(b.order_lines, p);
      return { ...b, order_lines: ls, order_amount: sum(ls, 'total_amount') };
    });
    await mustBeSent(body, (kustom, b) => kustom.orders.updateAuthorization(ORDER_ID, b as never));
  });

  it('orders.addShippingInfo and addCaptureShippingInfo (`UpdateShippingInfo`)', async () => {
    const body = request(orderManagement)('UpdateShippingInfo');
    await mustBeSent(body, (kustom, b) => kustom.orders.addShippingInfo(ORDER_ID, b as never));
    await mustBeSent(body, (kustom, b) => kustom.orders.addCaptureShippingInfo(ORDER_ID, 'x1', b as never));
  });

  it('orders.updateCustomerDetails (`UpdateConsumer`)', async () => {
    await mustBeSent(request(orderManagement)('UpdateConsumer'), (kustom, body) => kustom.orders.updateCustomerDetails(ORDER_ID, body as never));
  });

  it('orders.updateMerchantReferences (`Update merchant references`)', async () => {
    await mustBeSent(request(orderManagement)('Update merchant references'), (kustom, body) => kustom.orders.updateMerchantReferences(ORDER_ID, body as never));
  });
});
