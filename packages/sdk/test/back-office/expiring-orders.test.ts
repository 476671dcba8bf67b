import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { expiringOrders, reservation, type Order } from '@kustom/sdk';
import { line, makeOrder, orderArbitrary, invalidField } from './fixtures.js';

const now = '2024-05-20T12:00:00Z';
const at = (iso: string, spec: Parameters<typeof makeOrder>[0] = {}) => makeOrder({ created_at: '2024-05-01T12:00:00Z', expires_at: iso, ...spec });

describe('expiringOrders', () => {
  const orders: Order[] = [
    at('2024-05-23T12:00:00Z', { order_id: 'edge-3d' }), // exactly 3 days left: included
    at('2024-05-23T12:00:01Z', { order_id: 'over-3d' }),
    at('2024-05-20T13:00:00Z', { order_id: 'one-hour', status: 'PART_CAPTURED', purchase_currency: 'eur', lines: [line(), line({ reference: 'B', unit_price: 2500 })] }),
    at('2024-05-21T00:00:00Z', { order_id: 'card', initial_payment_method: { type: 'CARD' } }),
    at('2024-05-20T12:00:00Z', { order_id: 'now-expired' }),
    at('2024-05-21T12:00:00Z', { order_id: 'captured', status: 'CAPTURED' }),
    at('2024-05-21T12:00:00Z', { order_id: 'cancelled', status: 'CANCELLED' }),
    at('2024-05-21T12:00:00Z', { order_id: 'expired', status: 'EXPIRED' }),
  ];

  it('lists open orders expiring within 3 days, soonest first, with the amount at risk', () => {
    const list = expiringOrders(orders, { now });
    expect(list.map((e) => e.order.order_id)).toEqual(['one-hour', 'card', 'edge-3d']);
    const [first, second] = list;
    expect(first).toMatchObject({ amountAtRisk: 2500, currency: 'EUR' });
    expect(first!.amountAtRisk).toBe(first!.order.remaining_authorized_amount);
    expect(first!.reservation).toEqual(reservation(first!.order, { now }));
    expect(first!.reservation).toMatchObject({ daysLeft: 1, canExtend: true });
    expect(second!.reservation).toMatchObject({ canExtend: false, reason: 'NOT_KLARNA' });
  });

  it('looks as far ahead as asked', () => {
    expect(expiringOrders(orders, { now, withinDays: 4 }).map((e) => e.order.order_id)).toContain('over-3d');
    expect(expiringOrders(orders, { now, withinDays: 0 })).toEqual([]);
  });

  it('answers an async source with a Promise', async () => {
    async function* source() {
      yield* orders;
    }
    await expect(expiringOrders(source(), { now: new Date(now) })).resolves.toEqual(expiringOrders(orders, { now: Date.parse(now) }));
  });

  it('refuses bad options and names a bad expiry', () => {
    const field = invalidField;
    expect(field(() => expiringOrders(orders, {} as never))).toBe('now');
    expect(field(() => expiringOrders(orders, { now: 'later' }))).toBe('now');
    expect(field(() => expiringOrders(orders, { now, withinDays: 1.5 }))).toBe('withinDays');
    expect(field(() => expiringOrders(orders, { now, withinDays: -1 }))).toBe('withinDays');
    expect(field(() => expiringOrders([makeOrder(), { ...makeOrder(), expires_at: 'soon' }], { now }))).toBe('orders[1].expires_at');
  });

  it('with the default window, is exactly the orders whose reservation is expiring soon', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(orderArbitrary, fc.integer({ min: -5 * 86_400_000, max: 10 * 86_400_000 })).map(([order, offset]) => ({
            ...order,
            expires_at: new Date(Date.parse(now) + offset).toISOString(),
          })),
          { maxLength: 30 },
        ),
        (all) => {
          const list = expiringOrders(all, { now });
          const expected = all.filter((o) => reservation(o, { now }).expiringSoon && o.remaining_authorized_amount > 0);
          expect(list.map((e) => e.order).sort((a, b) => a.order_id.localeCompare(b.order_id))).toEqual([...expected].sort((a, b) => a.order_id.localeCompare(b.order_id)));
          for (let i = 1; i < list.length; i++) expect(Date.parse(list[i - 1]!.order.expires_at)).toBeLessThanOrEqual(Date.parse(list[i]!.order.expires_at));
        },
      ),
      { numRuns: 200 },
    );
  });
});
