import { CheckoutOrder, Order } from '@kustom/sdk/schemas';
import { describe, expect, it } from 'vitest';
import { AUTH, BASE, call, checkoutBody, KEY, line, testSandbox } from './helpers.js';

const base64 = (text: string) => btoa(text);

describe('authentication', () => {
  const sandbox = testSandbox();
  const get = (authorization?: string) =>
    sandbox.fetch(`${BASE}/checkout/v3/orders/7e1d3c8e-8f43-4c3a-9a55-2f2d6e9c1b00`, { headers: authorization ? { authorization } : {} });

  it.each([
    ['the API key itself', `Basic ${KEY}`],
    ['username and key', `Basic ${base64(`PK12345-sandbox:${KEY}`)}`],
    ['an empty username and the key', `Basic ${base64(`:${KEY}`)}`],
    ['a lower-case scheme', `basic ${KEY}`],
  ])('accepts %s', async (_, header) => {
    expect((await get(header)).status).toBe(404);
  });

  it.each([
    ['no header', undefined],
    ['a wrong key', 'Basic kco_test_api_wrong'],
    ['a wrong username', `Basic ${base64(`PK99999-other:${KEY}`)}`],
    ['the key base64-encoded alone', `Basic ${base64(KEY)}`],
    ['a Bearer token', `Bearer ${KEY}`],
    ['a live key', 'Basic kco_live_api_abc'],
    ['a public key', 'Basic kustom_pk_test_sandbox'],
  ])('refuses %s with 401 and the API error body', async (_, header) => {
    const response = await get(header);
    expect(response.status).toBe(401);
    const body = await response.json();
    expect(body).toEqual({ error_code: 'UNAUTHORIZED', error_messages: [expect.any(String)], correlation_id: expect.stringMatching(/^[0-9a-f-]{36}$/) });
  });
});

describe('Checkout API', () => {
  it('creates an order: 201, Location, checkout_incomplete, html_snippet', async () => {
    const sandbox = testSandbox();
    const answer = await call(sandbox, 'POST', '/checkout/v3/orders', checkoutBody());
    expect(answer.status).toBe(201);
    const order = CheckoutOrder.parse(answer.body);
    expect(order.order_id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(answer.headers.get('location')).toBe(`${BASE}/checkout/v3/orders/${order.order_id}`);
    expect(order.status).toBe('checkout_incomplete');
    expect(order.html_snippet).toContain(order.order_id);
    expect(order.started_at).toBe('2025-03-03T10:00:00Z');
    expect((await call(sandbox, 'GET', `/checkout/v3/orders/${order.order_id}`)).body).toEqual(answer.body);
  });

  it('is deterministic: the same seed gives the same ids', async () => {
    const ids = async () => (await call(testSandbox(), 'POST', '/checkout/v3/orders', checkoutBody())).body.order_id;
    expect(await ids()).toBe(await ids());
    const other = await call(testSandbox({ randomSeed: 2 }), 'POST', '/checkout/v3/orders', checkoutBody());
    expect(other.body.order_id).not.toBe(await ids());
  });

  it.each([4999, 5001])('takes a line tax within ±1 of the exact one (%i for 5000), as the Checkout document allows', async (tax) => {
    const sandbox = testSandbox();
    const body = checkoutBody([{ ...line('Mug', 2, 12500), total_tax_amount: tax }]);
    const answer = await call(sandbox, 'POST', '/checkout/v3/orders', { ...body, order_tax_amount: tax });
    expect(answer.status).toBe(201);
  });

  it.each([
    ['a line total', checkoutBody([{ ...line('Mug', 2, 12500), total_amount: 24000 }]), 'order_lines[0].total_amount'],
    ['a line tax more than 1 off', checkoutBody([{ ...line('Mug', 2, 12500), total_tax_amount: 4998 }]), 'order_lines[0].total_tax_amount'],
    ['the order amount', { ...checkoutBody(), order_amount: 25001 }, 'order_amount'],
    ['the order tax', { ...checkoutBody(), order_tax_amount: 1 }, 'order_tax_amount'],
    ['a float amount', checkoutBody([{ ...line('Mug', 2, 12500), unit_price: 125.5 }]), 'order_lines[0].unit_price'],
    ['a missing name', checkoutBody([{ ...line('Mug', 1, 100), name: undefined as unknown as string }]), 'order_lines[0].name'],
    ['a tax rate above 100 %', checkoutBody([line('Mug', 1, 100, 10001)]), 'order_lines[0].tax_rate'],
    ['an unsupported country', checkoutBody(undefined, { purchase_country: 'JP' }), 'purchase_country'],
    ['a missing merchant URL', { ...checkoutBody(), merchant_urls: { terms: 'x', checkout: 'x', confirmation: 'x' } }, 'merchant_urls.push'],
    [
      'a shipping option tax',
      checkoutBody(undefined, { shipping_options: [{ id: 'pn', name: 'PostNord', price: 4900, tax_amount: 1000, tax_rate: 2500 }] }),
      'shipping_options[0].tax_amount',
    ],
    ['1001 lines', checkoutBody(Array.from({ length: 1001 }, () => line('Pin', 1, 100))), 'order_lines'],
  ])('refuses %s with 400 BAD_VALUE naming the field', async (_, body, field) => {
    const sandbox = testSandbox();
    const answer = await call(sandbox, 'POST', '/checkout/v3/orders', body);
    expect(answer.status).toBe(400);
    expect(answer.body.error_code).toBe('BAD_VALUE');
    expect(answer.body.error_messages.join('\n')).toContain(`Bad value: ${field}`);
    expect(sandbox.snapshot().checkouts).toHaveLength(0);
  });

  it('accepts 1000 lines', async () => {
    const answer = await call(testSandbox(), 'POST', '/checkout/v3/orders', checkoutBody(Array.from({ length: 1000 }, () => line('Pin', 1, 100))));
    expect(answer.status).toBe(201);
  });

  it('refuses a body that is not JSON', async () => {
    const answer = await call(testSandbox(), 'POST', '/checkout/v3/orders', '{nope');
    expect([answer.status, answer.body.error_code]).toEqual([400, 'BAD_VALUE']);
  });

  it('answers 404 NOT_FOUND and 400 INVALID_ORDER_ID', async () => {
    const sandbox = testSandbox();
    expect((await call(sandbox, 'GET', '/checkout/v3/orders/7e1d3c8e-8f43-4c3a-9a55-2f2d6e9c1b00')).body.error_code).toBe('NOT_FOUND');
    const invalid = await call(sandbox, 'GET', '/checkout/v3/orders/..%2Fetc');
    expect([invalid.status, invalid.body.error_code]).toEqual([400, 'INVALID_ORDER_ID']);
  });

  it('updates while incomplete, keeping fields not sent, checking the merged order', async () => {
    const sandbox = testSandbox();
    const { body: created } = await call(sandbox, 'POST', '/checkout/v3/orders', checkoutBody());
    sandbox.clock.advance({ minutes: 5 });
    const lines = [line('Mug', 3, 12500)];
    const mismatch = await call(sandbox, 'POST', `/checkout/v3/orders/${created.order_id}`, { order_lines: lines });
    expect(mismatch.status).toBe(400);
    expect(mismatch.body.error_messages.join()).toContain('Bad value: order_amount');
    const updated = await call(sandbox, 'POST', `/checkout/v3/orders/${created.order_id}`, {
      order_lines: lines,
      order_amount: 37500,
      order_tax_amount: 7500,
    });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ order_amount: 37500, locale: 'sv-SE', last_modified_at: '2025-03-03T10:05:00Z' });
  });

  it('completes through the control: checkout_complete and an AUTHORIZED order for 28 days', async () => {
    const sandbox = testSandbox();
    const body = checkoutBody(undefined, {
      merchant_reference1: '10001',
      shipping_options: [
        { id: 'pn', name: 'PostNord Ombud', price: 4900, tax_amount: 980, tax_rate: 2500, preselected: true, shipping_method: 'PickUpPoint' },
        { id: 'home', name: 'Budbee', price: 6900, tax_amount: 1380, tax_rate: 2500 },
      ],
    });
    const { body: created } = await call(sandbox, 'POST', '/checkout/v3/orders', body);
    const completed = await call(sandbox, 'POST', `/sandbox/v1/checkouts/${created.order_id}/complete`, { payment_method: 'swish' });
    expect(completed.status).toBe(200);
    const order = Order.parse(completed.body);
    expect(order).toMatchObject({
      order_id: created.order_id,
      status: 'AUTHORIZED',
      fraud_status: 'ACCEPTED',
      order_amount: 29900,
      original_order_amount: 29900,
      remaining_authorized_amount: 29900,
      created_at: '2025-03-03T10:00:00Z',
      expires_at: '2025-03-31T10:00:00Z',
      merchant_reference1: '10001',
      initial_payment_method: { type: 'SWISH', description: 'Swish' },
      selected_shipping_option: { id: 'pn', price: 4900 },
      billing_address: { given_name: 'Testperson-se', family_name: 'Approved', country: 'SE' },
    });
    expect(order.klarna_reference).toMatch(/^[A-Z0-9]{7}$/);
    expect(order.order_lines.at(-1)).toMatchObject({ type: 'shipping_fee', total_amount: 4900, total_tax_amount: 980 });
    const checkout = await call(sandbox, 'GET', `/checkout/v3/orders/${created.order_id}`);
    expect(checkout.body).toMatchObject({ status: 'checkout_complete', order_amount: 29900, completed_at: '2025-03-03T10:00:00Z' });
    // Read-only from now on.
    const update = await call(sandbox, 'POST', `/checkout/v3/orders/${created.order_id}`, { merchant_reference2: 'x' });
    expect([update.status, update.body.error_code]).toEqual([403, 'READ_ONLY_ORDER']);
    expect((await call(sandbox, 'POST', `/sandbox/v1/checkouts/${created.order_id}/complete`)).status).toBe(403);
    expect((await call(sandbox, 'POST', `/checkout/v3/orders/${created.order_id}/abort`)).status).toBe(403);
  });

  it.each([
    [{ payment_method: 'vipps' }, 'payment_method'],
    [{ payment_method: 'cash' }, 'payment_method'],
    [{ fraud_status: 'MAYBE' }, 'fraud_status'],
    [{ shipping_option_id: 'nope' }, 'shipping_option_id'],
  ])('refuses to complete with %j', async (input, field) => {
    const sandbox = testSandbox();
    const { body: created } = await call(sandbox, 'POST', '/checkout/v3/orders', checkoutBody());
    const answer = await call(sandbox, 'POST', `/sandbox/v1/checkouts/${created.order_id}/complete`, input);
    expect(answer.status).toBe(400);
    expect(answer.body.error_messages.join()).toContain(`Bad value: ${field}`);
    expect((await call(sandbox, 'GET', `/checkout/v3/orders/${created.order_id}`)).body.status).toBe('checkout_incomplete');
  });

  it('aborts: read-only afterwards, and never completes', async () => {
    const sandbox = testSandbox();
    const { body: created } = await call(sandbox, 'POST', '/checkout/v3/orders', checkoutBody());
    expect((await call(sandbox, 'POST', `/checkout/v3/orders/${created.order_id}/abort`)).status).toBe(200);
    expect((await call(sandbox, 'POST', `/checkout/v3/orders/${created.order_id}`, { merchant_reference1: 'x' })).status).toBe(403);
    expect((await call(sandbox, 'POST', `/sandbox/v1/checkouts/${created.order_id}/complete`)).body.error_code).toBe('READ_ONLY_ORDER');
  });

  it('answers 405 for a wrong method and 404 for an unknown route', async () => {
    const sandbox = testSandbox();
    expect((await sandbox.fetch(`${BASE}/checkout/v3/orders`, { method: 'DELETE', headers: AUTH })).status).toBe(405);
    expect((await sandbox.fetch(`${BASE}/checkout/v4/orders`, { headers: AUTH })).status).toBe(404);
  });
});
