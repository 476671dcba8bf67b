/**
 * `@kustom/sdk` against the sandbox over real HTTP (and once in-process): the whole
 * path a merchant runs, plus the SDK's retries meeting the sandbox's faults. Proves
 * the two agree on the wire format, the headers, the errors and idempotency.
 */
import {
  createKustomClient,
  isKustomNotAllowedError,
  isKustomNotFoundError,
  lineBalances,
  planCapture,
  planEdit,
  planRefund,
  type KustomClient,
  type OrderManagementLine,
  type RetryEvent,
} from '@kustom/sdk';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandboxServer, type SandboxServer } from '../src/server.js';
import { createSandbox } from '../src/index.js';
import { checkoutBody, KEY, line, NOW } from './helpers.js';

let server: SandboxServer;
let kustom: KustomClient;
let retries: RetryEvent[];

beforeAll(async () => {
  server = await startSandboxServer({ port: 0, now: NOW });
});
afterAll(async () => {
  await server.close();
});
beforeEach(() => {
  server.sandbox.reset();
  retries = [];
  kustom = createKustomClient({
    apiKey: KEY,
    baseUrl: server.url,
    retryBackoff: { initialDelay: 1, maxDelay: 5 },
    onRetry: (event) => retries.push(event),
  });
});

const control = (path: string, body?: unknown) =>
  fetch(`${server.url}/sandbox/v1${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body ?? {}),
  }).then(async (r) => {
    expect(r.status, await r.clone().text()).toBeLessThan(300);
    return r.json();
  });

async function authorized(lines = [line('Sweater', 1, 100000), line('Scarf', 2, 25000)]) {
  const checkout = await kustom.checkout.orders.create(checkoutBody(lines, { merchant_reference1: '10001' }));
  await control(`/checkouts/${checkout.order_id}/complete`, { payment_method: 'klarna' });
  return checkout.order_id;
}

describe('@kustom/sdk over HTTP', () => {
  it('checkout → complete → capture → refund → payout', async () => {
    const created = await kustom.checkout.orders.create(checkoutBody());
    expect(created.status).toBe('checkout_incomplete');
    const updated = await kustom.checkout.orders.update(created.order_id, { merchant_reference1: 'A-1' });
    expect(updated.merchant_reference1).toBe('A-1');
    expect((await kustom.checkout.orders.get(created.order_id)).merchant_reference1).toBe('A-1');
    await control(`/checkouts/${created.order_id}/complete`);

    const order = await kustom.orders.get(created.order_id);
    expect(order).toMatchObject({ status: 'AUTHORIZED', order_amount: 25000, remaining_authorized_amount: 25000 });
    await kustom.orders.acknowledge(order.order_id);
    await kustom.orders.updateMerchantReferences(order.order_id, { merchant_reference2: 'ERP-7' });

    const capture = await kustom.orders.capture(order.order_id, { captured_amount: 25000, description: 'Shipped' });
    expect(capture.location).toBe(`${server.url}/ordermanagement/v1/orders/${order.order_id}/captures/${capture.capture_id}`);
    expect((await kustom.orders.getCapture(order.order_id, capture.capture_id)).captured_amount).toBe(25000);
    expect(await kustom.orders.listCaptures(order.order_id)).toHaveLength(1);
    await kustom.orders.addCaptureShippingInfo(order.order_id, capture.capture_id, { shipping_info: [{ tracking_number: 'PN1' }] });

    const refund = await kustom.orders.refund(order.order_id, { refunded_amount: 5000, description: 'Returned mug' });
    expect((await kustom.orders.getRefund(order.order_id, refund.refund_id)).refunded_amount).toBe(5000);
    expect(await kustom.orders.get(order.order_id)).toMatchObject({ status: 'CAPTURED', captured_amount: 25000, refunded_amount: 5000 });

    await control('/clock', { advance_days: 3 });
    const { payouts } = await kustom.settlements.payouts.list({ currency_code: 'SEK' });
    expect(payouts[0]!.totals).toMatchObject({ sale_amount: 25000, return_amount: 5000, commission_amount: 373 });
    const summary = await kustom.settlements.payouts.summary({ start_date: '2025-03-01', end_date: '2025-03-31' });
    expect(summary[0]!.summary_total_sale_amount).toBe(25000);
    const all = [];
    for await (const payout of kustom.settlements.payouts.iterate({ size: 1 })) all.push(payout);
    expect(all).toHaveLength(1);
    expect(retries).toEqual([]);
  });

  it('authorization updates, extension, release and cancel', async () => {
    const id = await authorized();
    await kustom.orders.updateAuthorization(id, { order_amount: 150000, order_lines: [line('Sweater', 1, 100000), line('Scarf', 2, 25000)] });
    await kustom.orders.capture(id, { captured_amount: 100000 });
    await control('/clock', { advance_days: 10 });
    await kustom.orders.extendAuthorizationTime(id);
    expect((await kustom.orders.get(id)).expires_at).toBe('2025-04-10T10:00:00Z');
    await kustom.orders.releaseRemainingAuthorization(id);
    expect((await kustom.orders.get(id)).status).toBe('CLOSED');
    const other = await authorized();
    await kustom.orders.updateCustomerDetails(other, { shipping_address: { given_name: 'Ada', country: 'SE' } });
    await kustom.orders.addShippingInfo(other, { shipping_info: [{ shipping_company: 'Budbee' }] });
    await kustom.orders.cancel(other);
    expect((await kustom.orders.get(other)).status).toBe('CANCELLED');
  });

  it('turns refusals into typed errors with the API code and message', async () => {
    const id = await authorized();
    await kustom.orders.capture(id, { captured_amount: 100000 });
    const overCapture = await kustom.orders.capture(id, { captured_amount: 50001 }).catch((e: unknown) => e);
    expect(isKustomNotAllowedError(overCapture)).toBe(true);
    expect(overCapture).toMatchObject({
      status: 403,
      error_code: 'CAPTURE_NOT_ALLOWED',
      error_messages: ['Captured amount 50001 is higher than the remaining authorized amount 50000.'],
    });
    const below = await kustom.orders.updateAuthorization(id, { order_amount: 99999 }).catch((e: unknown) => e);
    expect(below).toMatchObject({ error_code: 'NOT_ALLOWED', error_messages: ['Resulting authorization amount 99999 cannot be less than the captured amount 100000'] });
    const missing = await kustom.orders.get('7e1d3c8e-8f43-4c3a-9a55-2f2d6e9c1b00').catch((e: unknown) => e);
    expect(isKustomNotFoundError(missing) && missing.error_code).toBe('NO_SUCH_ORDER');
    expect(retries).toEqual([]);
  });

  it('retries 503 and 429 with the same idempotency key, and captures once', async () => {
    const id = await authorized();
    server.sandbox.faults.add({ status: 503, retry_after: 0, method: 'POST', path: '/ordermanagement/v1/orders/*/captures', times: 1 });
    server.sandbox.faults.add({ status: 429, retry_after: 0, method: 'POST', path: '/ordermanagement/v1/orders/*/captures', times: 1 });
    const capture = await kustom.orders.capture(id, { captured_amount: 1000 });
    expect(retries.map((r) => [r.retry, r.error.name])).toEqual([
      [1, 'KustomServerError'],
      [2, 'KustomRateLimitError'],
    ]);
    expect(new Set(retries.map((r) => r.idempotencyKey)).size).toBe(1);
    const order = await kustom.orders.get(id);
    expect(order.captures.map((c) => c.capture_id)).toEqual([capture.capture_id]);
  });

  it('recovers from a connection dropped after the commit: the retry replays, nothing doubles', async () => {
    const id = await authorized();
    server.sandbox.faults.add({ drop_after_commit: true, method: 'POST', path: '/ordermanagement/v1/orders/*/refunds', times: 1 });
    await kustom.orders.capture(id, { captured_amount: 100000 });
    const refund = await kustom.orders.refund(id, { refunded_amount: 30000 });
    expect(retries.map((r) => r.error.name)).toEqual(['KustomConnectionError']);
    const order = await kustom.orders.get(id);
    expect(order.refunds.map((r) => r.refund_id)).toEqual([refund.refund_id]);
    expect(order.refunded_amount).toBe(30000);
  });

  it('authenticates with username and password (the API key)', async () => {
    const byPassword = createKustomClient({ username: 'PK12345-sandbox', password: KEY, baseUrl: server.url });
    expect((await byPassword.settlements.payouts.list()).payouts).toEqual([]);
    const wrong = createKustomClient({ username: 'PK12345-sandbox', password: 'kco_test_api_wrong', baseUrl: server.url, maxRetries: 0 });
    await expect(wrong.settlements.payouts.list()).rejects.toMatchObject({ status: 401 });
  });
});

describe('@kustom/sdk on the in-process handler', () => {
  it('retries a dropped connection (a TypeError from fetch) and replays', async () => {
    const sandbox = createSandbox({ now: NOW });
    const client = createKustomClient({
      apiKey: KEY,
      baseUrl: 'http://sandbox.localhost',
      fetch: (request) => sandbox.fetch(request),
      retryBackoff: { initialDelay: 1, maxDelay: 5 },
    });
    const checkout = await client.checkout.orders.create(checkoutBody());
    sandbox.completeCheckout(checkout.order_id);
    sandbox.faults.add({ drop_after_commit: true, path: '/ordermanagement/v1/orders/*/captures', times: 1 });
    const capture = await client.orders.capture(checkout.order_id, { captured_amount: 25000 });
    const order = await client.orders.get(checkout.order_id);
    expect(order.captures.map((c) => c.capture_id)).toEqual([capture.capture_id]);
    expect(order.status).toBe('CAPTURED');
  });
});

/**
 * An Order Management order whose lines state no tax (the document makes `tax_rate` and
 * `total_tax_amount` optional; an authorization update may leave them out): the sandbox
 * accepts and keeps such lines, the SDK reads them, and its balances and planners carry
 * no invented tax into what they build, while a line that states its tax keeps the
 * exact arithmetic.
 */
// 3 × 999 (no tax stated), 2 × 25000 − 1000 (no tax stated), and one line that states its tax.
const untaxedSweater: OrderManagementLine = { reference: 'SW-1', name: 'Sweater', quantity: 3, unit_price: 999, total_amount: 2997 };
const untaxedScarf: OrderManagementLine = { reference: 'SC-1', name: 'Scarf', quantity: 2, unit_price: 25000, total_discount_amount: 1000, total_amount: 49000 };
const taxedMug = { reference: 'MUG-1', ...line('Mug', 3, 999, 2500) }; // total 2997, tax 599

const noTaxFields = (l: object) => !('tax_rate' in l) && !('total_tax_amount' in l);

describe('an order whose lines state no tax, against the sandbox over HTTP', () => {
  it('is kept by the sandbox and read by the SDK; balances say the tax is unknown, never 0', async () => {
    const id = await authorized([line('Sweater', 3, 40000), line('Scarf', 2, 25000)]);
    const lines = [untaxedSweater, untaxedScarf, taxedMug];
    await kustom.orders.updateAuthorization(id, { order_amount: 2997 + 49000 + 2997, order_lines: lines });

    const order = await kustom.orders.get(id);
    expect(order.order_amount).toBe(54994);
    expect(order.order_lines).toEqual(lines);
    expect(noTaxFields(order.order_lines[0]!)).toBe(true);
    const [sweater, , mug] = lineBalances(order);
    expect(sweater).toMatchObject({ authorizedAmount: 2997, amountLeftToCapture: 2997, capturedTaxAmount: 0 });
    expect(mug).toMatchObject({ authorizedAmount: 2997, capturedTaxAmount: 0 });
  });

  it('is captured in parts, refunded and edited with no tax invented, exact where the tax is stated', async () => {
    const id = await authorized([line('Sweater', 3, 40000), line('Scarf', 2, 25000)]);
    await kustom.orders.updateAuthorization(id, { order_amount: 54994, order_lines: [untaxedSweater, untaxedScarf, taxedMug] });
    let order = await kustom.orders.get(id);

    // Capture one sweater and one mug: the sweater's part carries no tax, the mug's its exact share.
    const capture = planCapture(order, { kind: 'lines', lines: [{ reference: 'SW-1', quantity: 1 }, { reference: 'MUG-1', quantity: 1 }] }, { now: NOW });
    expect(capture.captured_amount).toBe(999 + 999);
    expect(noTaxFields(capture.order_lines![0]!)).toBe(true);
    expect(capture.order_lines![0]).toMatchObject({ reference: 'SW-1', quantity: 1, total_amount: 999 });
    expect(capture.order_lines![1]).toMatchObject({ reference: 'MUG-1', quantity: 1, total_amount: 999, tax_rate: 2500, total_tax_amount: 200 });
    await kustom.orders.capture(id, capture);

    order = await kustom.orders.get(id);
    expect(order).toMatchObject({ status: 'PART_CAPTURED', captured_amount: 1998, remaining_authorized_amount: 54994 - 1998 });
    expect(noTaxFields(order.captures[0]!.order_lines![0]!)).toBe(true);
    let [sweater, scarf, mug] = lineBalances(order);
    expect(sweater).toMatchObject({ capturedQuantity: 1, capturedAmount: 999, capturedTaxAmount: undefined, quantityLeftToCapture: 2 });
    expect(scarf).toMatchObject({ capturedQuantity: 0, capturedTaxAmount: 0 });
    expect(mug).toMatchObject({ capturedQuantity: 1, capturedAmount: 999, capturedTaxAmount: 200 });

    // Refund that sweater: no tax on the refund line either.
    const refund = planRefund(order, { kind: 'lines', lines: [{ reference: 'SW-1', quantity: 1 }] }, { now: NOW });
    expect(refund.refunded_amount).toBe(999);
    expect(noTaxFields(refund.order_lines![0]!)).toBe(true);
    await kustom.orders.refund(id, refund);
    order = await kustom.orders.get(id);
    expect(order.refunded_amount).toBe(999);
    [sweater] = lineBalances(order);
    expect(sweater).toMatchObject({ refundedQuantity: 1, refundedAmount: 999, refundedTaxAmount: undefined, amountLeftToRefund: 0 });

    // Edit: one scarf instead of two. Its new total is computed; no tax is made up for it.
    const { total_amount: _, ...scarfInput } = untaxedScarf;
    const edit = planEdit(order, [order.order_lines[0]!, { ...scarfInput, quantity: 1, total_discount_amount: 500 }, order.order_lines[2]!], { now: NOW });
    expect(edit.order_lines![1]).toEqual({ reference: 'SC-1', name: 'Scarf', quantity: 1, unit_price: 25000, total_discount_amount: 500, total_amount: 24500 });
    expect(edit.order_amount).toBe(2997 + 24500 + 2997);
    await kustom.orders.updateAuthorization(id, edit);
    order = await kustom.orders.get(id);
    expect(order.order_amount).toBe(30494);
    expect(order.order_lines[1]).toEqual(edit.order_lines![1]);

    // Capture the rest: the untaxed lines' remaining parts carry no tax, the mug's the rest of its 599.
    const rest = planCapture(order, { kind: 'full' }, { now: NOW });
    expect(rest.captured_amount).toBe(30494 - 1998);
    const [sweaterRest, scarfRest, mugRest] = rest.order_lines!;
    expect(noTaxFields(sweaterRest!) && noTaxFields(scarfRest!)).toBe(true);
    expect(sweaterRest).toMatchObject({ quantity: 2, total_amount: 1998 });
    expect(mugRest).toMatchObject({ quantity: 2, total_amount: 1998, total_tax_amount: 599 - 200 });
    await kustom.orders.capture(id, rest);
    order = await kustom.orders.get(id);
    expect(order).toMatchObject({ status: 'CAPTURED', captured_amount: 30494, remaining_authorized_amount: 0 });
    expect(lineBalances(order).map((b) => b.capturedTaxAmount)).toEqual([undefined, undefined, 599]);
  });
});
