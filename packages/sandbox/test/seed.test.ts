import { checkOrderArithmetic } from '@kustom/sdk';
import { Order } from '@kustom/sdk/schemas';
import { describe, expect, it } from 'vitest';
import { createSandbox } from '../src/index.js';
import { call, NOW } from './helpers.js';

const DAY = 86_400_000;

async function demo() {
  const sandbox = createSandbox({ seed: 'demo', now: NOW });
  const { body } = await call(sandbox, 'GET', '/sandbox/v1/orders');
  return { sandbox, orders: (body.orders as unknown[]).map((o) => Order.parse(o)) };
}

describe('--seed demo', () => {
  it('is deterministic', async () => {
    expect(createSandbox({ seed: 'demo', now: NOW }).snapshot()).toEqual(createSandbox({ seed: 'demo', now: NOW }).snapshot());
    const sandbox = createSandbox({ seed: 'demo', now: NOW });
    const first = sandbox.snapshot();
    sandbox.clock.advance({ days: 3 });
    await call(sandbox, 'POST', '/sandbox/v1/reset', {});
    expect(sandbox.snapshot()).toEqual(first);
  });

  it('has orders in every status, several countries, currencies and payment methods', async () => {
    const { orders } = await demo();
    expect(new Set(orders.map((o) => o.status))).toEqual(new Set(['AUTHORIZED', 'PART_CAPTURED', 'CAPTURED', 'CANCELLED', 'EXPIRED', 'CLOSED']));
    expect(new Set(orders.map((o) => o.purchase_country)).size).toBeGreaterThanOrEqual(10);
    expect(new Set(orders.map((o) => o.purchase_currency)).size).toBeGreaterThanOrEqual(6);
    expect(new Set(orders.map((o) => o.initial_payment_method?.description)).size).toBeGreaterThanOrEqual(8);
    expect(orders.some((o) => o.fraud_status === 'PENDING')).toBe(true);
    expect(orders.some((o) => o.refunds.length > 0 && o.status === 'CAPTURED')).toBe(true);
    for (const o of orders) expect(checkOrderArithmetic({ order_amount: o.order_amount, order_lines: o.order_lines })).toEqual([]);
  });

  it('has orders expiring within 3 days, and an extended one', async () => {
    const { orders } = await demo();
    const now = Date.parse(NOW);
    const expiring = orders.filter((o) => o.status === 'AUTHORIZED' && Date.parse(o.expires_at) - now < 3 * DAY);
    expect(expiring.length).toBeGreaterThanOrEqual(3);
    expect(orders.some((o) => Date.parse(o.expires_at) - Date.parse(o.created_at) > 28 * DAY)).toBe(true);
  });

  it('has repeated orders: the same customer and lines, minutes apart', async () => {
    const { orders } = await demo();
    const signature = (o: Order) => `${o.billing_address?.email}|${JSON.stringify(o.order_lines)}`;
    const bySignature = new Map<string, Order[]>();
    for (const o of orders) bySignature.set(signature(o), [...(bySignature.get(signature(o)) ?? []), o]);
    const groups = [...bySignature.values()].filter((g) => g.length > 1);
    expect(groups.length).toBeGreaterThanOrEqual(2);
    for (const group of groups) {
      const times = group.map((o) => Date.parse(o.created_at)).sort((a, b) => a - b);
      expect(times.at(-1)! - times[0]!).toBeLessThan(15 * 60_000);
      expect(new Set(group.map((o) => o.order_id)).size).toBe(group.length);
    }
  });

  it('feeds the settlements', async () => {
    const { sandbox } = await demo();
    const { body } = await call(sandbox, 'GET', '/settlements/v1/payouts?size=500');
    expect(body.pagination.total).toBeGreaterThan(10);
    expect(body.payouts.some((p: { totals: { return_amount: number } }) => p.totals.return_amount > 0)).toBe(true);
  });

  it('leaves open and aborted checkouts', async () => {
    const { sandbox } = await demo();
    const checkouts = sandbox.snapshot().checkouts;
    expect(checkouts.filter((c) => c.status === 'checkout_incomplete' && !c.aborted)).toHaveLength(1);
    expect(checkouts.filter((c) => c.aborted)).toHaveLength(1);
  });
});
