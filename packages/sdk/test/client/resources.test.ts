/**
 * Every resource call against a real local HTTP server: method, path, headers and body
 * of the request, and what the call resolves to.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { KustomApiError, createKustomClient, type AddShippingInfoRequest, type KustomClient } from '@kustom/sdk';
import { startApiServer, type ApiServer, type Reply } from '../helpers/api-server.js';
import {
  CAPTURE_ID,
  ORDER_ID,
  REFUND_ID,
  capture,
  checkoutOrder,
  createBody,
  line,
  order,
  payoutPage,
  payoutSummary,
  refund,
} from '../helpers/fixtures.js';

const API_KEY = 'kco_test_api_0123456789abcdef';
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const OM = `/ordermanagement/v1/orders/${ORDER_ID}`;

let server: ApiServer;
let kustom: KustomClient;

beforeAll(async () => {
  server = await startApiServer();
  kustom = createKustomClient({ apiKey: API_KEY, baseUrl: server.url, maxRetries: 0 });
});
afterAll(() => server.close());
beforeEach(() => server.reset());

interface Case {
  name: string;
  call: (client: KustomClient) => Promise<unknown>;
  reply: Reply;
  method: 'GET' | 'POST' | 'PATCH';
  url: string;
  body?: unknown;
  result: unknown;
}

const noContent: Reply = { status: 204 };
const shipping: AddShippingInfoRequest = { shipping_info: [{ shipping_company: 'PostNord', shipping_method: 'PickUpPoint', tracking_number: '00370730253' }] };

const cases: Case[] = [
  // Checkout v3
  { name: 'checkout.orders.create', call: (c) => c.checkout.orders.create(createBody()), reply: { status: 201, body: checkoutOrder() }, method: 'POST', url: '/checkout/v3/orders', body: createBody(), result: checkoutOrder() },
  { name: 'checkout.orders.get', call: (c) => c.checkout.orders.get(ORDER_ID), reply: { body: checkoutOrder() }, method: 'GET', url: `/checkout/v3/orders/${ORDER_ID}`, result: checkoutOrder() },
  { name: 'checkout.orders.update', call: (c) => c.checkout.orders.update(ORDER_ID, { merchant_reference1: 'ORDER-1001' }), reply: { body: { ...checkoutOrder(), merchant_reference1: 'ORDER-1001' } }, method: 'POST', url: `/checkout/v3/orders/${ORDER_ID}`, body: { merchant_reference1: 'ORDER-1001' }, result: { ...checkoutOrder(), merchant_reference1: 'ORDER-1001' } },
  { name: 'checkout.orders.abort', call: (c) => c.checkout.orders.abort(ORDER_ID), reply: { body: checkoutOrder() }, method: 'POST', url: `/checkout/v3/orders/${ORDER_ID}/abort`, result: checkoutOrder() },
  // Order Management v1
  { name: 'orders.get', call: (c) => c.orders.get(ORDER_ID), reply: { body: order() }, method: 'GET', url: OM, result: order() },
  { name: 'orders.acknowledge', call: (c) => c.orders.acknowledge(ORDER_ID), reply: noContent, method: 'POST', url: `${OM}/acknowledge`, result: undefined },
  { name: 'orders.updateAuthorization', call: (c) => c.orders.updateAuthorization(ORDER_ID, { order_amount: 25000, order_lines: [{ ...line }] }), reply: noContent, method: 'PATCH', url: `${OM}/authorization`, body: { order_amount: 25000, order_lines: [line] }, result: undefined },
  { name: 'orders.updateMerchantReferences', call: (c) => c.orders.updateMerchantReferences(ORDER_ID, { merchant_reference1: 'A-1', merchant_reference2: 'B-2' }), reply: noContent, method: 'PATCH', url: `${OM}/merchant-references`, body: { merchant_reference1: 'A-1', merchant_reference2: 'B-2' }, result: undefined },
  { name: 'orders.updateCustomerDetails', call: (c) => c.orders.updateCustomerDetails(ORDER_ID, { shipping_address: { given_name: 'Ada', city: 'Stockholm', country: 'SE' } }), reply: noContent, method: 'PATCH', url: `${OM}/customer-details`, body: { shipping_address: { given_name: 'Ada', city: 'Stockholm', country: 'SE' } }, result: undefined },
  { name: 'orders.cancel', call: (c) => c.orders.cancel(ORDER_ID), reply: noContent, method: 'POST', url: `${OM}/cancel`, result: undefined },
  { name: 'orders.extendAuthorizationTime', call: (c) => c.orders.extendAuthorizationTime(ORDER_ID), reply: noContent, method: 'POST', url: `${OM}/extend-authorization-time`, result: undefined },
  { name: 'orders.releaseRemainingAuthorization', call: (c) => c.orders.releaseRemainingAuthorization(ORDER_ID), reply: noContent, method: 'POST', url: `${OM}/release-remaining-authorization`, result: undefined },
  { name: 'orders.addShippingInfo', call: (c) => c.orders.addShippingInfo(ORDER_ID, shipping), reply: noContent, method: 'POST', url: `${OM}/shipping-info`, body: shipping, result: undefined },
  {
    name: 'orders.capture',
    call: (c) => c.orders.capture(ORDER_ID, { captured_amount: 25000, reference: 'SHIP-1', order_lines: [{ ...line }] }),
    reply: { status: 201, headers: { 'Capture-Id': CAPTURE_ID, Location: `https://api.playground.kustom.co${OM}/captures/${CAPTURE_ID}` } },
    method: 'POST',
    url: `${OM}/captures`,
    body: { captured_amount: 25000, reference: 'SHIP-1', order_lines: [line] },
    result: { capture_id: CAPTURE_ID, location: `https://api.playground.kustom.co${OM}/captures/${CAPTURE_ID}` },
  },
  { name: 'orders.listCaptures', call: (c) => c.orders.listCaptures(ORDER_ID), reply: { body: [capture()] }, method: 'GET', url: `${OM}/captures`, result: [capture()] },
  { name: 'orders.getCapture', call: (c) => c.orders.getCapture(ORDER_ID, CAPTURE_ID), reply: { body: capture() }, method: 'GET', url: `${OM}/captures/${CAPTURE_ID}`, result: capture() },
  { name: 'orders.addCaptureShippingInfo', call: (c) => c.orders.addCaptureShippingInfo(ORDER_ID, CAPTURE_ID, shipping), reply: noContent, method: 'POST', url: `${OM}/captures/${CAPTURE_ID}/shipping-info`, body: shipping, result: undefined },
  {
    name: 'orders.refund',
    call: (c) => c.orders.refund(ORDER_ID, { refunded_amount: 12500, description: 'One mug returned' }),
    reply: { status: 201, headers: { 'Refund-Id': REFUND_ID, Location: `${OM}/refunds/${REFUND_ID}` } },
    method: 'POST',
    url: `${OM}/refunds`,
    body: { refunded_amount: 12500, description: 'One mug returned' },
    result: { refund_id: REFUND_ID, location: `${OM}/refunds/${REFUND_ID}` },
  },
  { name: 'orders.getRefund', call: (c) => c.orders.getRefund(ORDER_ID, REFUND_ID), reply: { body: refund() }, method: 'GET', url: `${OM}/refunds/${REFUND_ID}`, result: refund() },
  // Settlements v1
  { name: 'settlements.payouts.list (no query)', call: (c) => c.settlements.payouts.list(), reply: { body: payoutPage(0, 2, 2) }, method: 'GET', url: '/settlements/v1/payouts', result: payoutPage(0, 2, 2) },
  {
    name: 'settlements.payouts.list',
    call: (c) => c.settlements.payouts.list({ start_date: '2025-03-01T00:00:00Z', end_date: '2025-03-31T23:59:59Z', currency_code: 'SEK', size: 2, offset: 4 }),
    reply: { body: payoutPage(4, 2, 10) },
    method: 'GET',
    url: '/settlements/v1/payouts?start_date=2025-03-01T00%3A00%3A00Z&end_date=2025-03-31T23%3A59%3A59Z&currency_code=SEK&size=2&offset=4',
    result: payoutPage(4, 2, 10),
  },
  {
    name: 'settlements.payouts.summary',
    call: (c) => c.settlements.payouts.summary({ start_date: '2025-03-01T00:00:00Z', end_date: '2025-03-31T23:59:59Z' }),
    reply: { body: [payoutSummary()] },
    method: 'GET',
    url: '/settlements/v1/payouts/summary?start_date=2025-03-01T00%3A00%3A00Z&end_date=2025-03-31T23%3A59%3A59Z',
    result: [payoutSummary()],
  },
];

describe('resources', () => {
  it.each(cases)('$name → $method $url', async ({ call, reply, method, url, body, result }) => {
    server.reply(reply);
    await expect(call(kustom)).resolves.toEqual(result);

    expect(server.requests).toHaveLength(1);
    const [request] = server.requests;
    expect(request!.method).toBe(method);
    expect(request!.url).toBe(url);
    expect(request!.headers.authorization).toBe(`Basic ${API_KEY}`);
    expect(request!.headers.accept).toBe('application/json');
    if (method === 'GET') expect(request!.headers['klarna-idempotency-key']).toBeUndefined();
    else expect(request!.headers['klarna-idempotency-key']).toMatch(UUID_V4);
    if (body === undefined) {
      expect(request!.text).toBe('');
      expect(request!.headers['content-type']).toBeUndefined();
    } else {
      expect(request!.headers['content-type']).toBe('application/json');
      expect(request!.body).toEqual(body);
    }
  });

  it('covers every resource method of the issue', () => {
    const names = (group: object, prefix: string) => Object.keys(group).map((k) => `${prefix}.${k}`);
    const all = [
      ...names(kustom.checkout.orders, 'checkout.orders'),
      ...names(kustom.orders, 'orders'),
      ...names(kustom.settlements.payouts, 'settlements.payouts'),
    ].filter((n) => n !== 'settlements.payouts.iterate');
    const tested = new Set(cases.map((c) => c.name.split(' ')[0]));
    expect(all.filter((n) => !tested.has(n))).toEqual([]);
    expect(all).toHaveLength(4 + 15 + 2);
  });

  it('generates a new idempotency key for every write call', async () => {
    server.reply(noContent, noContent);
    await kustom.orders.acknowledge(ORDER_ID);
    await kustom.orders.acknowledge(ORDER_ID);
    const [a, b] = server.requests.map((r) => r.headers['klarna-idempotency-key']);
    expect(a).toMatch(UUID_V4);
    expect(b).toMatch(UUID_V4);
    expect(a).not.toBe(b);
  });

  it('makes UUID v4 keys where crypto.randomUUID is missing (insecure browser contexts)', async () => {
    Object.defineProperty(globalThis.crypto, 'randomUUID', { value: undefined, configurable: true });
    try {
      server.reply(noContent, noContent);
      await kustom.orders.cancel(ORDER_ID);
      await kustom.orders.cancel(ORDER_ID);
    } finally {
      delete (globalThis.crypto as { randomUUID?: unknown }).randomUUID;
    }
    expect(typeof globalThis.crypto.randomUUID).toBe('function');
    const [a, b] = server.requests.map((r) => r.headers['klarna-idempotency-key']);
    expect(a).toMatch(UUID_V4);
    expect(b).toMatch(UUID_V4);
    expect(a).not.toBe(b);
  });

  it('does not follow redirects with the secret key', async () => {
    server.reply({ status: 301, headers: { Location: 'https://elsewhere.example/steal' } });
    const error = await kustom.orders.capture(ORDER_ID, { captured_amount: 100 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KustomApiError);
    expect((error as KustomApiError).status).toBe(301);
    expect(server.requests).toHaveLength(1);
  });

  it('sends the idempotency key the caller gives', async () => {
    server.reply({ status: 201, headers: { 'Capture-Id': CAPTURE_ID, Location: `${OM}/captures/${CAPTURE_ID}` } });
    await kustom.orders.capture(ORDER_ID, { captured_amount: 100 }, { idempotencyKey: 'capture-ORDER-1001-1' });
    expect(server.requests[0]!.headers['klarna-idempotency-key']).toBe('capture-ORDER-1001-1');
  });

  it('percent-encodes path parameters', async () => {
    server.reply({ body: capture() });
    await kustom.orders.getCapture('a/b?c#d', 'ü ä');
    expect(server.requests[0]!.url).toBe('/ordermanagement/v1/orders/a%2Fb%3Fc%23d/captures/%C3%BC%20%C3%A4');
  });

  it('sends fields the schemas do not know yet unchanged', async () => {
    server.reply({ status: 201, body: checkoutOrder() });
    const body = { ...createBody(), future_field: { enabled: true } };
    await kustom.checkout.orders.create(body);
    expect(server.requests[0]!.body).toEqual(body);
  });

  it('sends username and password as HTTP Basic credentials', async () => {
    const client = createKustomClient({ username: 'K123456-abcd', password: 'sëcret:pw', baseUrl: server.url });
    server.reply({ body: order() });
    await client.orders.get(ORDER_ID);
    const header = server.requests[0]!.headers.authorization!;
    expect(header.startsWith('Basic ')).toBe(true);
    expect(Buffer.from(header.slice(6), 'base64').toString('utf8')).toBe('K123456-abcd:sëcret:pw');
  });

  it('keeps a path prefix of baseUrl and adds extra headers without letting them replace the SDK’s', async () => {
    const client = createKustomClient({
      apiKey: API_KEY,
      baseUrl: `${server.url}/proxy/kustom/`,
      headers: { 'Klarna-Integrator': 'my-platform', Authorization: 'Basic nope', 'Klarna-Idempotency-Key': 'fixed' },
      userAgent: 'my-shop/1.0',
    });
    expect(client.baseUrl).toBe(`${server.url}/proxy/kustom`);
    server.reply(noContent, noContent);
    await client.orders.cancel(ORDER_ID);
    await client.orders.cancel(ORDER_ID);
    const [first, second] = server.requests;
    expect(first!.url).toBe(`/proxy/kustom${OM}/cancel`);
    expect(first!.headers['klarna-integrator']).toBe('my-platform');
    expect(first!.headers['user-agent']).toBe('my-shop/1.0');
    expect(first!.headers.authorization).toBe(`Basic ${API_KEY}`);
    expect(first!.headers['klarna-idempotency-key']).not.toBe(second!.headers['klarna-idempotency-key']);
  });

  describe('settlements.payouts.iterate', () => {
    it('walks every page with offset, fetching a page only when needed', async () => {
      server.reply({ body: payoutPage(0, 2, 5) }, { body: payoutPage(2, 2, 5) }, { body: payoutPage(4, 1, 5) });
      const seen: string[] = [];
      for await (const p of kustom.settlements.payouts.iterate({ currency_code: 'SEK', size: 2 })) seen.push(p.payment_reference);
      expect(seen).toEqual(['XISA12340', 'XISA12341', 'XISA12342', 'XISA12343', 'XISA12344']);
      expect(server.requests.map((r) => r.url)).toEqual([
        '/settlements/v1/payouts?currency_code=SEK&size=2&offset=0',
        '/settlements/v1/payouts?currency_code=SEK&size=2&offset=2',
        '/settlements/v1/payouts?currency_code=SEK&size=2&offset=4',
      ]);
    });

    it('stops early when the caller breaks out', async () => {
      server.reply({ body: payoutPage(0, 2, 100) });
      for await (const p of kustom.settlements.payouts.iterate({ size: 2 })) {
        expect(p.payment_reference).toBe('XISA12340');
        break;
      }
      expect(server.requests).toHaveLength(1);
    });

    it('stops on an empty page', async () => {
      server.reply({ body: { payouts: [], pagination: { count: 0 } } });
      const all = [];
      for await (const p of kustom.settlements.payouts.iterate()) all.push(p);
      expect(all).toEqual([]);
      expect(server.requests).toHaveLength(1);
    });
  });
});
