import { describe, expect, it } from 'vitest';
import { orderTimeline, type Order } from '@kustom/sdk';
import { CREATED, at, captured, makeOrder, refunded } from './fixtures.js';

const summary = (order: Order, now?: Date) =>
  orderTimeline(order, now ? { now } : {}).map((e) => [e.type, e.at, e.timing, e.amount]);

describe('orderTimeline', () => {
  it('starts with the authorization', () => {
    expect(summary(makeOrder())).toEqual([['authorized', CREATED, 'exact', 8400]]);
  });

  it('lists captures, their shipping info and refunds in time order', () => {
    let order = captured(makeOrder(), { captured_amount: 5000, reference: 'parcel-1' }, at(2));
    order = { ...order, captures: [{ ...order.captures[0]!, shipping_info: [{ tracking_number: 'T1' }] }] };
    order = captured(order, { captured_amount: 3400 }, at(4));
    order = refunded(order, { refunded_amount: 1000 }, at(3)); // a refund between the captures
    const events = orderTimeline(order);
    expect(events.map((e) => [e.type, e.at, e.amount])).toEqual([
      ['authorized', CREATED, 8400],
      ['captured', at(2).toISOString(), 5000],
      ['shippingInfo', at(2).toISOString(), undefined],
      ['refunded', at(3).toISOString(), 1000],
      ['captured', at(4).toISOString(), 3400],
    ]);
    expect(events[1]).toMatchObject({ id: 'cap-1', reference: 'parcel-1' });
    expect(events[2]!.shipping_info).toEqual([{ tracking_number: 'T1' }]);
    expect(events[3]).toMatchObject({ id: 'ref-1' });
  });

  it('derives the last extension from expires_at − 28 days', () => {
    const order = makeOrder({ expires_at: at(20 + 28).toISOString() });
    expect(summary(order)).toEqual([
      ['authorized', CREATED, 'exact', 8400],
      ['extended', at(20).toISOString(), 'derived', undefined],
    ]);
  });

  it('cannot tell when an extension capped at created_at + 90 days happened', () => {
    expect(summary(makeOrder({ expires_at: at(90).toISOString() })).at(-1)).toEqual(['extended', undefined, 'unknown', undefined]);
    expect(summary(makeOrder({ expires_at: new Date(at(28).getTime() + 500).toISOString() }))).toHaveLength(1); // rounding, not an extension
  });

  it('adds release, cancel and expiry, which have no event log of their own', () => {
    const part = captured(makeOrder(), { captured_amount: 2900 }, at(1));
    expect(summary({ ...part, status: 'CLOSED', remaining_authorized_amount: 0 }).at(-1)).toEqual(['released', undefined, 'unknown', 5500]);
    expect(summary({ ...makeOrder(), status: 'CANCELLED' }).at(-1)).toEqual(['cancelled', undefined, 'unknown', 8400]);
    expect(summary({ ...part, status: 'EXPIRED' }).at(-1)).toEqual(['expired', at(28).toISOString(), 'exact', 5500]);
    // Past expires_at the order is expired even before the API says so, when now is given.
    expect(summary(part, at(29)).at(-1)).toEqual(['expired', at(28).toISOString(), 'exact', 5500]);
    expect(summary(part).at(-1)![0]).toBe('captured');
  });

  it('does not call a full refund a release', () => {
    const closed = refunded(captured(makeOrder(), { captured_amount: 8400 }), { refunded_amount: 8400 });
    expect(closed.status).toBe('CLOSED');
    expect(summary(closed).map((e) => e[0])).toEqual(['authorized', 'captured', 'refunded']);
  });

  it('puts order-level shipping info, which has no time, after the last capture', () => {
    const order = { ...captured(makeOrder(), { captured_amount: 8400 }, at(1)), shipping_info: [{ shipping_company: 'DHL' }] };
    expect(summary(order).at(-1)).toEqual(['shippingInfo', undefined, 'unknown', undefined]);
  });
});
