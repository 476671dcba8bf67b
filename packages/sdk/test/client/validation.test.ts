/** Invalid input throws KustomValidationError naming the field, and no request leaves. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { KustomValidationError, createKustomClient, type CreateCheckoutOrderRequest, type KustomClient } from '@kustom/sdk';
import { startApiServer, type ApiServer } from '../helpers/api-server.js';
import { rejectionOf } from '../helpers/rejection.js';
import { ORDER_ID, checkoutOrder, createBody, line } from '../helpers/fixtures.js';

let server: ApiServer;
let kustom: KustomClient;

beforeAll(async () => {
  server = await startApiServer();
  kustom = createKustomClient({ apiKey: 'kco_test_api_validation', baseUrl: server.url });
});
afterAll(() => server.close());
beforeEach(() => {
  server.reset();
  // Were anything sent, it would get an answer: the tests prove that nothing is.
  server.reply({ status: 201, body: checkoutOrder() });
});

async function refused(promise: Promise<unknown>): Promise<KustomValidationError> {
  const error = await rejectionOf(promise, KustomValidationError);
  expect(error.side).toBe('request');
  expect(server.requests).toHaveLength(0);
  return error;
}

/** A body that TypeScript would refuse, as plain JavaScript callers can send it. */
const loose = (body: unknown) => body as CreateCheckoutOrderRequest;

describe('request validation', () => {
  it('a float amount', async () => {
    const body = createBody();
    body.order_lines[0]!.unit_price = 125.5;
    const error = await refused(kustom.checkout.orders.create(body));
    expect(error.field).toBe('order_lines[0].unit_price');
    expect(error.issues[0]!.message).toBe('must be an integer (minor units), got 125.5');
  });

  it('a missing field', async () => {
    const { merchant_urls, ...body } = createBody();
    const error = await refused(kustom.checkout.orders.create(loose({ ...body, merchant_urls: { ...merchant_urls, push: undefined } })));
    expect(error.field).toBe('merchant_urls.push');
    expect(error.issues[0]!.message).toBe('is required');
  });

  it('a bad field deep in a line', async () => {
    const body = createBody();
    body.order_lines.push({ ...line }, { ...line, tax_rate: -1 });
    body.order_amount = 75000;
    body.order_tax_amount = 15000;
    const error = await refused(kustom.checkout.orders.create(body));
    expect(error.field).toBe('order_lines[2].tax_rate');
    expect(error.message).toContain('order_lines[2].tax_rate');
  });

  it('1001 order lines', async () => {
    const body = createBody();
    body.order_lines = Array.from({ length: 1001 }, () => ({ ...line }));
    body.order_amount = 1001 * line.total_amount;
    body.order_tax_amount = 1001 * line.total_tax_amount;
    const error = await refused(kustom.checkout.orders.create(body));
    expect(error.field).toBe('order_lines');
    expect(error.issues[0]!.message).toBe('must have at most 1000 items');
  });

  it('bad arithmetic: a line total and the order sums', async () => {
    const body = createBody();
    body.order_lines[0]!.total_amount = 24000;
    const error = await refused(kustom.checkout.orders.create(body));
    expect(error.issues).toEqual([
      expect.objectContaining({ path: 'order_lines[0].total_amount', code: 'custom' }),
      expect.objectContaining({ path: 'order_amount', code: 'custom' }),
    ]);
    expect(error.issues[0]!.message).toContain('25000');
  });

  it('bad tax arithmetic on update', async () => {
    const error = await refused(kustom.checkout.orders.update(ORDER_ID, { order_lines: [{ ...line, total_tax_amount: 4998 }] }));
    expect(error.field).toBe('order_lines[0].total_tax_amount');
    expect(error.issues[0]!.code).toBe('custom');
    expect(error.issues[0]!.message).toBe(
      'must be within ±1 of total_amount − total_amount × 10000 / (10000 + tax_rate) (exactly 5000), got 4998',
    );
  });

  it.each([4999, 5001])('a line tax within ±1 of the exact one (%i for 5000) is sent, as the Checkout document allows', async (tax) => {
    server.reply({ body: checkoutOrder() });
    await kustom.checkout.orders.update(ORDER_ID, { order_lines: [{ ...line, total_tax_amount: tax }] });
    expect(server.requests).toHaveLength(1);
  });

  it('an authorization update whose amount is not the sum of its lines', async () => {
    const error = await refused(kustom.orders.updateAuthorization(ORDER_ID, { order_amount: 30000, order_lines: [{ ...line }] }));
    expect(error.field).toBe('order_amount');
  });

  it('a capture above 200 000 000 and a negative refund', async () => {
    expect((await refused(kustom.orders.capture(ORDER_ID, { captured_amount: 200_000_001 }))).field).toBe('captured_amount');
    expect((await refused(kustom.orders.refund(ORDER_ID, { refunded_amount: -1 }))).field).toBe('refunded_amount');
  });

  it('shipping info: none, or more than 500', async () => {
    expect((await refused(kustom.orders.addShippingInfo(ORDER_ID, { shipping_info: [] }))).field).toBe('shipping_info');
    const many = Array.from({ length: 501 }, () => ({ tracking_number: '1' }));
    expect((await refused(kustom.orders.addCaptureShippingInfo(ORDER_ID, 'c1', { shipping_info: many }))).field).toBe('shipping_info');
  });

  it('a merchant reference longer than 255 characters', async () => {
    const error = await refused(kustom.orders.updateMerchantReferences(ORDER_ID, { merchant_reference1: 'x'.repeat(256) }));
    expect(error.field).toBe('merchant_reference1');
  });

  it.each([
    ['an empty order id', () => kustom.orders.get(''), 'order_id'],
    ['a dot-dot order id', () => kustom.orders.cancel('..'), 'order_id'],
    ['a capture id that is not a string', () => kustom.orders.getCapture(ORDER_ID, 42 as unknown as string), 'capture_id'],
    ['an empty refund id', () => kustom.orders.getRefund(ORDER_ID, ''), 'refund_id'],
  ])('%s', async (_name, call, field) => {
    expect((await refused(call())).field).toBe(field);
  });

  it('settlement queries: size above 500, a summary without dates, a bad currency', async () => {
    expect((await refused(kustom.settlements.payouts.list({ size: 501 }))).field).toBe('size');
    expect((await refused(kustom.settlements.payouts.summary({ start_date: '2025-01-01' } as never))).field).toBe('end_date');
    expect((await refused(kustom.settlements.payouts.list({ currency_code: 'kronor' }))).field).toBe('currency_code');
  });

  it('an idempotency key that cannot travel in a header', async () => {
    const error = await refused(kustom.orders.acknowledge(ORDER_ID, { idempotencyKey: 'two words' }));
    expect(error.field).toBe('idempotencyKey');
  });

  it('reports every problem at once, in the API’s field names', async () => {
    const body = loose({ ...createBody(), purchase_country: 'Sweden', locale: 5, order_lines: [{ ...line, quantity: 1.5, name: '' }] });
    const error = await refused(kustom.checkout.orders.create(body));
    expect(error.issues.map((i) => i.path)).toEqual(['purchase_country', 'locale', 'order_lines[0].name', 'order_lines[0].quantity']);
    expect(error.issues.map((i) => i.message)).toEqual([
      'must be an ISO 3166-1 alpha-2 country code',
      'must be a string, got the number 5',
      'must be at least 1 character',
      'must be an integer (minor units), got 1.5',
    ]);
  });

  it('invalid per-call options send nothing', async () => {
    await expect(kustom.orders.get(ORDER_ID, { timeout: -1 })).rejects.toThrow(/timeout must be/);
    await expect(kustom.orders.get(ORDER_ID, { maxRetries: 1.5 })).rejects.toThrow(/maxRetries must be/);
    expect(server.requests).toHaveLength(0);
  });
});
