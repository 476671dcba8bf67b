import { describe, expect, it } from 'vitest';
import { reservation } from '@kustom/sdk';
import { DAY, at, captured, makeOrder } from './fixtures.js';

describe('reservation', () => {
  const order = makeOrder(); // expires at day 28

  it('counts whole days left, rounded up, and says when the order can be extended to', () => {
    expect(reservation(order, { now: at(10) })).toEqual({
      expiresAt: order.expires_at,
      daysLeft: 18,
      expired: false,
      expiringSoon: false,
      canExtend: true,
      reason: undefined,
      nextExpiresAt: at(38).toISOString(),
      extensionLimit: at(90).toISOString(),
    });
    expect(reservation(order, { now: at(27.99) }).daysLeft).toBe(1);
  });

  it('is expiring soon within 3 days, like the portal notification', () => {
    expect(reservation(order, { now: new Date(at(25).getTime() - 1) })).toMatchObject({ daysLeft: 4, expiringSoon: false });
    expect(reservation(order, { now: at(25) })).toMatchObject({ daysLeft: 3, expiringSoon: true });
    expect(reservation(order, { now: at(27.5) })).toMatchObject({ daysLeft: 1, expiringSoon: true });
  });

  it('is expired from expires_at on, and cannot be extended then', () => {
    expect(reservation(order, { now: at(28) })).toMatchObject({ daysLeft: 0, expired: true, expiringSoon: false, canExtend: false, reason: 'EXPIRED', nextExpiresAt: undefined });
  });

  it('is never "expiring soon" once fully captured', () => {
    const full = captured(order, { captured_amount: 8400 });
    expect(reservation(full, { now: at(27) })).toMatchObject({ daysLeft: 1, expiringSoon: false, canExtend: false, reason: 'NOTHING_LEFT_TO_CAPTURE' });
  });

  it('gives the reason an extension is refused', () => {
    expect(reservation(makeOrder({ purchase_country: 'IT' }), { now: at(1) })).toMatchObject({ canExtend: false, reason: 'COUNTRY_NOT_SUPPORTED' });
    expect(reservation(makeOrder({ initial_payment_method: { type: 'CARD' } }), { now: at(1) })).toMatchObject({ canExtend: false, reason: 'NOT_KLARNA' });
    const late = makeOrder({ expires_at: at(85).toISOString() });
    expect(reservation(late, { now: at(63) })).toMatchObject({ canExtend: true, nextExpiresAt: at(90).toISOString(), daysLeft: 22 });
    expect(reservation(late, { now: at(60) })).toMatchObject({ canExtend: true, nextExpiresAt: at(88).toISOString() });
    expect(reservation(late, { now: at(56) })).toMatchObject({ canExtend: false, reason: 'NOTHING_TO_EXTEND', nextExpiresAt: undefined });
    const atLimit = makeOrder({ expires_at: at(90).toISOString() });
    expect(reservation(atLimit, { now: at(80) })).toMatchObject({ canExtend: false, reason: 'EXTENSION_LIMIT_REACHED', daysLeft: 10, expiringSoon: false });
    expect(reservation(atLimit, { now: at(88) })).toMatchObject({ canExtend: false, reason: 'EXTENSION_LIMIT_REACHED', daysLeft: 2, expiringSoon: true });
  });

  it('accepts epoch milliseconds and ISO strings for now', () => {
    expect(reservation(order, { now: at(10).getTime() }).daysLeft).toBe(18);
    expect(reservation(order, { now: new Date(Date.parse(order.created_at) + 10 * DAY).toISOString() }).daysLeft).toBe(18);
  });
});
