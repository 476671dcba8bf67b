/**
 * Liberal in what it accepts: answers the published documents allow (and the facts
 * page's notes on where they are loose) parse, over a real local HTTP server. Unknown
 * enum values are data, kept as read; only what the SDK's arithmetic needs stays strict.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { KustomValidationError, createKustomClient, type KustomClient } from '@kustom/sdk';
import { startApiServer, type ApiServer } from '../helpers/api-server.js';
import { rejectionOf } from '../helpers/rejection.js';
import { ORDER_ID, checkoutOrder, createBody, line, order, payoutPage } from '../helpers/fixtures.js';

let server: ApiServer;
let kustom: KustomClient;

beforeAll(async () => {
  server = await startApiServer();
  kustom = createKustomClient({ apiKey: 'kco_test_api_lenient', baseUrl: server.url, maxRetries: 0 });
});
afterAll(() => server.close());
beforeEach(() => server.reset());

describe('answers the documents allow', () => {
  it.each(['CHECKOUT_INCOMPLETE', 'checkout_complete', 'created', 'checkout_paused'])('a checkout order with status %s keeps it as read', async (status) => {
    server.reply({ body: { ...checkoutOrder(), status } });
    expect((await kustom.checkout.orders.get(ORDER_ID)).status).toBe(status);
  });

  it('an order with a fraud status the SDK does not know yet', async () => {
    server.reply({ body: { ...order(), fraud_status: 'UNDER_REVIEW' } });
    expect((await kustom.orders.get(ORDER_ID)).fraud_status).toBe('UNDER_REVIEW');
  });

  it('order lines with unit_price up to 200 000 000 and an empty name and quantity_unit', async () => {
    const big = { ...line, name: '', quantity_unit: '', quantity: 1, unit_price: 200_000_000, total_amount: 200_000_000, total_tax_amount: 40_000_000 };
    server.reply({ body: { ...order(), order_lines: [big], order_amount: 200_000_000 } });
    const read = await kustom.orders.get(ORDER_ID);
    expect(read.order_lines[0]).toMatchObject({ name: '', quantity_unit: '', unit_price: 200_000_000 });
  });

  it('capture lines without tax_rate or total_tax_amount (optional in Order Management)', async () => {
    const { tax_rate: _rate, total_tax_amount: _tax, ...untaxed } = line;
    const base = order();
    server.reply({ body: { ...base, captures: [{ ...base.captures[0]!, order_lines: [untaxed] }] } });
    const read = await kustom.orders.get(ORDER_ID);
    expect(read.captures[0]!.order_lines![0]!.tax_rate).toBeUndefined();
  });

  it('addresses with street_number and house_extension of any length', async () => {
    const address = { given_name: 'Anna', street_name: 'Storgatan', street_number: '12 A, uppgång 3, port 4', house_extension: 'tredje våningen till vänster' };
    server.reply({ body: { ...order(), shipping_address: address } });
    expect((await kustom.orders.get(ORDER_ID)).shipping_address).toEqual(address);
  });

  it('a payout with a settlement type the SDK does not know yet', async () => {
    const page = payoutPage(0, 1, 1);
    server.reply({ body: { ...page, payouts: page.payouts.map((p) => ({ ...p, merchant_settlement_type: 'NET_FEE' })) } });
    const read = await kustom.settlements.payouts.list({ size: 1 });
    expect(read.payouts[0]!.merchant_settlement_type).toBe('NET_FEE');
  });

  it('what the arithmetic needs stays strict: a float amount in an answer is refused, naming the field', async () => {
    server.reply({ body: { ...order(), captured_amount: 250.5 } });
    const error = await rejectionOf(kustom.orders.get(ORDER_ID), KustomValidationError);
    expect(error.side).toBe('response');
    expect(error.field).toBe('captured_amount');
  });

  it('a status that is not a string is refused, naming the field', async () => {
    server.reply({ body: { ...checkoutOrder(), status: 7 } });
    const error = await rejectionOf(kustom.checkout.orders.get(ORDER_ID), KustomValidationError);
    expect(error.field).toBe('status');
  });
});

describe('requests follow each document', () => {
  it('Order Management takes a capture line with unit_price 200 000 000 and an empty quantity_unit', async () => {
    server.reply({ status: 201, headers: { 'Capture-Id': 'c1', Location: `/ordermanagement/v1/orders/${ORDER_ID}/captures/c1` } });
    const big = { ...line, quantity_unit: '', quantity: 1, unit_price: 200_000_000, total_amount: 200_000_000, total_tax_amount: 40_000_000 };
    await kustom.orders.capture(ORDER_ID, { captured_amount: 200_000_000, order_lines: [big] });
    expect(server.requests).toHaveLength(1);
  });

  it('Checkout keeps the facts page’s 100 000 000 cap on unit_price', async () => {
    const body = createBody();
    body.order_lines = [{ ...line, quantity: 1, unit_price: 100_000_001, total_amount: 100_000_001, total_tax_amount: 20_000_000 }];
    body.order_amount = 100_000_001;
    body.order_tax_amount = 20_000_000;
    const error = await rejectionOf(kustom.checkout.orders.create(body), KustomValidationError);
    expect(error.side).toBe('request');
    expect(error.field).toBe('order_lines[0].unit_price');
    expect(server.requests).toHaveLength(0);
  });
});

describe('what the documents forbid is refused before sending, naming the field', () => {
  const sub = { interval: 'MONTH', interval_count: 1 } as const;

  it('a capture line with a subscription but no name (required in Order Management)', async () => {
    const error = await rejectionOf(kustom.orders.capture(ORDER_ID, { captured_amount: 25000, order_lines: [{ ...line, subscription: sub }] }), KustomValidationError);
    expect(error).toMatchObject({ side: 'request', field: 'order_lines[0].subscription.name' });
    expect(server.requests).toHaveLength(0);
  });

  it('an authorization update line with a subscription but no name', async () => {
    const body = { order_amount: 25000, order_lines: [{ ...line, subscription: sub }] };
    const error = await rejectionOf(kustom.orders.updateAuthorization(ORDER_ID, body), KustomValidationError);
    expect(error.field).toBe('order_lines[0].subscription.name');
    expect(server.requests).toHaveLength(0);
  });

  it('a named subscription is sent', async () => {
    server.reply({ status: 201, headers: { 'Capture-Id': 'c1', Location: `/ordermanagement/v1/orders/${ORDER_ID}/captures/c1` } });
    await kustom.orders.capture(ORDER_ID, { captured_amount: 25000, order_lines: [{ ...line, subscription: { ...sub, name: 'Coffee club' } }] });
    expect(server.requests).toHaveLength(1);
  });

  it.each([
    ['quantity_unit', { quantity_unit: 'kilograms' }],
    // Arithmetic that holds (2 × 60 000 000 at 25 %), so only the document's bound is broken.
    ['total_amount', { quantity: 2, unit_price: 60_000_000, tax_rate: 2500, total_discount_amount: 0, total_amount: 120_000_000, total_tax_amount: 24_000_000 }],
  ])('a checkout line whose %s is outside the Checkout document (1-8 characters; at most 100 000 000)', async (field, change) => {
    const body = createBody();
    const changed = { ...body.order_lines[0]!, ...change };
    const totals = { order_amount: changed.total_amount, order_tax_amount: changed.total_tax_amount };
    const error = await rejectionOf(kustom.checkout.orders.create({ ...body, ...totals, order_lines: [changed] }), KustomValidationError);
    expect(error).toMatchObject({ side: 'request', field: `order_lines[0].${field}` });
    expect(error.issues).toHaveLength(1);
    expect(server.requests).toHaveLength(0);
  });

  it.each([
    ['color_button', { color_button: 'red' }],
    ['color_button_text', { color_button_text: '#FFF' }],
    ['allowed_customer_types', { allowed_customer_types: [] }],
    ['allowed_customer_types', { allowed_customer_types: ['person', 'organization', 'person'] }],
  ])('checkout options.%s outside the document', async (field, options) => {
    const error = await rejectionOf(kustom.checkout.orders.create({ ...createBody(), options }), KustomValidationError);
    expect(error).toMatchObject({ side: 'request', field: `options.${field}` });
    expect(server.requests).toHaveLength(0);
  });

  it('checkout options the document allows, and an answer with options the SDK would not send, both pass', async () => {
    server.reply({ status: 201, body: { ...checkoutOrder(), options: { color_button: 'red' } } });
    const options = { color_button: '#FF9900', color_button_text: '#ffffff', allowed_customer_types: ['person', 'organization'] };
    const read = await kustom.checkout.orders.create({ ...createBody(), options });
    expect(server.requests[0]!.body).toMatchObject({ options });
    expect(read.options).toEqual({ color_button: 'red' });
  });

  it('order_lines: [] on checkout create and update (the document has minItems 0)', async () => {
    server.reply({ status: 201, body: checkoutOrder() }, { body: checkoutOrder() });
    await kustom.checkout.orders.create({ ...createBody(), order_lines: [], order_amount: 0, order_tax_amount: 0 });
    await kustom.checkout.orders.update(ORDER_ID, { order_lines: [] });
    expect(server.requests.map((r) => (r.body as { order_lines: unknown[] }).order_lines)).toEqual([[], []]);
  });
});
