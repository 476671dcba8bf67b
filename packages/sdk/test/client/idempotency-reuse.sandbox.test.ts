/**
 * A caller-supplied idempotency key reused for another write: Kustom (and the sandbox)
 * replays the first answer to that key whatever the request, so without a check
 * `capture(B)` would resolve with order A's capture while B has nothing captured.
 * The SDK holds the answer's `Location` to the order and collection it asked about.
 */
import { describe, expect, it } from 'vitest';
import { createSandbox, DEFAULT_API_KEY } from '@kustom/sandbox';
import { createKustomClient, KustomValidationError, type Order } from '@kustom/sdk';

const BASE = 'http://sandbox.localhost';

async function twoAuthorizedOrders() {
  const sandbox = createSandbox({ seed: 'demo' });
  const client = createKustomClient({ apiKey: DEFAULT_API_KEY, baseUrl: BASE, fetch: sandbox.fetch, maxRetries: 0 });
  const list = (await (await sandbox.fetch(`${BASE}/sandbox/v1/orders`)).json()) as { orders: Array<{ order_id: string }> };
  const orders: Order[] = await Promise.all(list.orders.map((o) => client.orders.get(o.order_id)));
  const [a, b] = orders.filter((o) => o.status === 'AUTHORIZED' && o.fraud_status === 'ACCEPTED' && o.remaining_authorized_amount >= 100);
  return { client, a: a!, b: b! };
}

describe('an idempotency key reused on another order', () => {
  it('capture(B) with the key of capture(A) throws instead of returning A’s capture, and B has nothing captured', async () => {
    const { client, a, b } = await twoAuthorizedOrders();
    const key = 'capture-reused-1';
    const first = await client.orders.capture(a.order_id, { captured_amount: 100 }, { idempotencyKey: key });
    expect(first.location).toContain(`/orders/${a.order_id}/captures/`);

    const error = await client.orders.capture(b.order_id, { captured_amount: 100 }, { idempotencyKey: key }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KustomValidationError);
    expect(error).toMatchObject({ side: 'response', field: 'Location', idempotencyKey: key });
    expect((error as KustomValidationError).issues[0]!.code).toBe('idempotency_key_reused');
    expect((error as Error).message).toContain('same Klarna-Idempotency-Key (capture-reused-1)');
    expect((await client.orders.get(b.order_id)).captured_amount).toBe(0);
    expect((await client.orders.get(a.order_id)).captured_amount).toBe(100);
  });

  it('refund(B) with the key of capture(A) says the key was reused, not that a header is missing', async () => {
    const { client, a, b } = await twoAuthorizedOrders();
    const key = 'capture-then-refund';
    await client.orders.capture(a.order_id, { captured_amount: 100 }, { idempotencyKey: key });
    await client.orders.capture(b.order_id, { captured_amount: 100 });

    const error = (await client.orders.refund(b.order_id, { refunded_amount: 100 }, { idempotencyKey: key }).catch((e: unknown) => e)) as KustomValidationError;
    expect(error).toBeInstanceOf(KustomValidationError);
    expect(error.issues.map((i) => i.code)).toEqual(['idempotency_key_reused']);
    expect((await client.orders.get(b.order_id)).refunded_amount).toBe(0);
  });

  it('the same key on the same order still replays the first capture (a retry), once', async () => {
    const { client, a } = await twoAuthorizedOrders();
    const first = await client.orders.capture(a.order_id, { captured_amount: 100 }, { idempotencyKey: 'retry-1' });
    const again = await client.orders.capture(a.order_id, { captured_amount: 100 }, { idempotencyKey: 'retry-1' });
    expect(again).toEqual(first);
    expect((await client.orders.get(a.order_id)).captured_amount).toBe(100);
  });
});
