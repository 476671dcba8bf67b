/**
 * Repeated-order detection on the sandbox's `--seed demo` data, read the way a
 * merchant's back office reads it: order ids from the sandbox's test-control list,
 * each order through `GET /ordermanagement/v1/orders/{id}` with the SDK client.
 * Then the suggested fixes are applied through the API, after which nothing is left
 * to fix.
 */
import { describe, expect, it } from 'vitest';
import { createSandbox, DEFAULT_API_KEY } from '@kustom/sandbox';
import { createKustomClient, findRepeatedOrders, type KustomClient, type Order } from '@kustom/sdk';

const BASE = 'http://sandbox.localhost';

async function demo() {
  const sandbox = createSandbox({ seed: 'demo' });
  const client = createKustomClient({ apiKey: DEFAULT_API_KEY, baseUrl: BASE, fetch: sandbox.fetch, maxRetries: 0 });
  const list = (await (await sandbox.fetch(`${BASE}/sandbox/v1/orders`)).json()) as { orders: Array<{ order_id: string }> };
  const clock = (await (await sandbox.fetch(`${BASE}/sandbox/v1/clock`)).json()) as { now: string };
  return { client, ids: list.orders.map((o) => o.order_id), now: clock.now };
}

/** The orders one by one, as the API gives them: an async source. */
async function* ordersOf(client: KustomClient, ids: readonly string[]): AsyncGenerator<Order> {
  for (const id of ids) yield await client.orders.get(id);
}

describe('findRepeatedOrders on the sandbox demo seed', { timeout: 30_000 }, () => {
  it('finds the repeated purchases, keeps the shipped one and fixes the rest', async () => {
    const { client, ids, now } = await demo();
    expect(ids.length).toBeGreaterThan(20);

    const groups = await findRepeatedOrders(ordersOf(client, ids), { windowMinutes: 30, now });
    expect(groups.map((g) => g.customer)).toEqual(['astrid.lindqvist@example.com', 'aino.virtanen@example.com']);

    // Astrid placed the same order three times minutes apart; the first one shipped.
    const [triple, pair] = groups;
    expect(triple!.keep.status).toBe('CAPTURED');
    expect(triple!.copies.map((c) => [c.order.status, c.action, c.amount, c.release])).toEqual([
      ['AUTHORIZED', 'cancel', triple!.keep.order_amount, 0],
      ['AUTHORIZED', 'cancel', triple!.keep.order_amount, 0],
    ]);
    for (const c of triple!.copies) expect(Date.parse(c.order.created_at)).toBeGreaterThan(Date.parse(triple!.keep.created_at));

    // Aino's pair was captured twice: keep the earlier one, refund the other in full.
    expect(pair!.keep.status).toBe('CAPTURED');
    expect(pair!.copies).toHaveLength(1);
    expect(pair!.copies[0]).toMatchObject({ action: 'refund', amount: pair!.copies[0]!.order.captured_amount, release: 0 });
    expect(Date.parse(pair!.keep.created_at)).toBeLessThan(Date.parse(pair!.copies[0]!.order.created_at));

    // Apply the advice through the API; the kept orders are never touched.
    for (const group of groups) {
      for (const c of group.copies) {
        if (c.action === 'cancel') await client.orders.cancel(c.order.order_id);
        else await client.orders.refund(c.order.order_id, { refunded_amount: c.amount, description: `Repeated order of ${group.keep.order_id}` });
      }
    }
    const after = await Promise.all(ids.map((id) => client.orders.get(id)));
    expect(findRepeatedOrders(after, { windowMinutes: 30, now })).toEqual([]);
    for (const group of groups) {
      const kept = after.find((o) => o.order_id === group.keep.order_id)!;
      expect(kept).toEqual(group.keep);
      for (const c of group.copies) expect(after.find((o) => o.order_id === c.order.order_id)!.status).toBe(c.action === 'cancel' ? 'CANCELLED' : 'CLOSED');
    }
  });
});
