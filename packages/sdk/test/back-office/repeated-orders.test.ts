import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { findRepeatedOrders, type Order, type RepeatedOrderGroup } from '@kustom/sdk';
import { STATUSES, line, makeOrder, invalidField } from './fixtures.js';

const now = '2024-05-02T00:00:00Z';
const minutes = (n: number) => new Date(Date.parse('2024-05-01T10:00:00Z') + n * 60_000).toISOString();
const cart = () => [line({ reference: 'SW-1', name: 'Sweater', unit_price: 129900 }), line({ reference: 'SC-2', name: 'Scarf', unit_price: 34900, quantity: 2 })];
const copy = (id: string, at: number, spec: Parameters<typeof makeOrder>[0] = {}) => makeOrder({ order_id: id, created_at: minutes(at), lines: cart(), ...spec });
const summary = (groups: RepeatedOrderGroup[]) =>
  groups.map((g) => ({ keep: g.keep.order_id, copies: g.copies.map((c) => `${c.order.order_id}:${c.action}:${c.amount}${c.release ? `+release:${c.release}` : ''}`) }));

describe('findRepeatedOrders', () => {
  it('keeps the captured order and cancels the authorized copies', () => {
    const orders = [copy('a', 0), copy('b', 4, { status: 'CAPTURED' }), copy('c', 9)];
    const groups = findRepeatedOrders(orders, { windowMinutes: 30, now });
    expect(summary(groups)).toEqual([{ keep: 'b', copies: ['a:cancel:199700', 'c:cancel:199700'] }]);
    expect(groups[0]).toMatchObject({ currency: 'SEK', customer: 'anna@example.com' });
  });

  it('refunds a captured copy, keeping the earliest of equals, and releases what a partial copy still holds', () => {
    const orders = [copy('late', 6, { status: 'CAPTURED' }), copy('early', 0, { status: 'CAPTURED' }), copy('part', 3, { status: 'PART_CAPTURED' })];
    expect(summary(findRepeatedOrders(orders, { windowMinutes: 10, now }))).toEqual([
      { keep: 'early', copies: ['part:refund:129900+release:69800', 'late:refund:199700'] },
    ]);
  });

  it('prefers the order furthest along, then the one with most captured', () => {
    const partly = copy('partly', 0, { status: 'PART_CAPTURED' });
    const authorized = copy('authorized', 1);
    const refundedSome: Order = { ...copy('captured-returned', 2, { status: 'CAPTURED' }), refunded_amount: 69800 };
    expect(findRepeatedOrders([partly, authorized], { now })[0]!.keep.order_id).toBe('partly');
    expect(findRepeatedOrders([partly, authorized, refundedSome], { now })[0]!.keep.order_id).toBe('captured-returned');
  });

  it('only groups the same customer, lines, amount and currency within the window', () => {
    const base = copy('base', 0);
    const cases: Record<string, Order> = {
      other_customer: copy('x1', 1, { billing_address: { given_name: 'Erik', family_name: 'J', email: 'erik@example.com' }, shipping_address: undefined }),
      other_lines: copy('x2', 1, { lines: [line({ reference: 'SW-1', name: 'Sweater', unit_price: 129900 })] }),
      other_quantity: copy('x3', 1, { lines: [line({ reference: 'SW-1', name: 'Sweater', unit_price: 129900 }), line({ reference: 'SC-2', name: 'Scarf', unit_price: 34900, quantity: 3 })] }),
      other_currency: copy('x4', 1, { purchase_currency: 'NOK' }),
      too_late: copy('x5', 61),
    };
    for (const [label, other] of Object.entries(cases)) expect({ label, groups: findRepeatedOrders([base, other], { windowMinutes: 60, now }) }).toEqual({ label, groups: [] });
    // Line order, e-mail case and surrounding spaces do not matter.
    const reordered = copy('same', 60, { lines: [...cart()].reverse(), billing_address: { email: '  ANNA@Example.com ' }, shipping_address: undefined });
    expect(summary(findRepeatedOrders([base, reordered], { windowMinutes: 60, now }))).toEqual([{ keep: 'base', copies: ['same:cancel:199700'] }]);
  });

  it('without an e-mail, matches name and postal address ignoring case, accents and spacing', () => {
    const address = { given_name: 'Åsa', family_name: 'Öberg', street_address: 'Sveavägen 12', postal_code: '113 50', city: 'Stockholm', country: 'SE' };
    const a = copy('a', 0, { billing_address: address, shipping_address: undefined });
    const b = copy('b', 5, { billing_address: { ...address, given_name: 'ASA', family_name: 'oberg', postal_code: '11350' }, shipping_address: undefined });
    const elsewhere = copy('c', 6, { billing_address: { ...address, street_address: 'Kungsgatan 4' }, shipping_address: undefined });
    expect(summary(findRepeatedOrders([a, b, elsewhere], { now }))).toEqual([{ keep: 'a', copies: ['b:cancel:199700'] }]);
    expect(findRepeatedOrders([a, b], { now })[0]!.customer).toBe('Åsa Öberg');
  });

  it('anchors the window at the first order of a group', () => {
    const orders = [copy('t0', 0), copy('t8', 8), copy('t16', 16), copy('t20', 20)];
    expect(summary(findRepeatedOrders(orders, { windowMinutes: 10, now }))).toEqual([
      { keep: 't16', copies: ['t20:cancel:199700'] },
      { keep: 't0', copies: ['t8:cancel:199700'] },
    ]);
  });

  it('leaves out what is already undone', () => {
    const kept = copy('kept', 0, { status: 'CAPTURED' });
    const undone = [
      copy('cancelled', 1, { status: 'CANCELLED' }),
      copy('expired', 2, { status: 'EXPIRED' }),
      copy('refunded', 3, { status: 'CLOSED' }),
      copy('ran-out', 4, { expires_at: '2024-05-01T23:00:00Z' }), // AUTHORIZED, but the reservation ended before now
    ];
    expect(findRepeatedOrders([kept, ...undone], { now })).toEqual([]);
    expect(summary(findRepeatedOrders([kept, ...undone], { now: '2024-05-01T12:00:00Z' }))).toEqual([{ keep: 'kept', copies: ['ran-out:cancel:199700'] }]);
  });

  it('answers an async source with a Promise', async () => {
    const orders = [copy('a', 0), copy('b', 1)];
    async function* source() {
      yield* orders;
    }
    await expect(findRepeatedOrders(source(), { now })).resolves.toEqual(findRepeatedOrders(orders, { now }));
  });

  it('refuses a bad window or a bad date', () => {
    const field = invalidField;
    expect(field(() => findRepeatedOrders([], { windowMinutes: 0 }))).toBe('windowMinutes');
    expect(field(() => findRepeatedOrders([], { windowMinutes: Number.NaN }))).toBe('windowMinutes');
    expect(field(() => findRepeatedOrders([], { now: 'tomorrow' }))).toBe('now');
    expect(field(() => findRepeatedOrders([copy('a', 0), { ...copy('b', 1), created_at: '?' }], { now }))).toBe('orders[1].created_at');
  });

  it('never touches the kept order, puts each order in one group at most, and suggests what the copy allows', () => {
    const purchase = fc.record({
      customer: fc.constantFrom('anna@example.com', 'erik@example.com'),
      quantity: fc.integer({ min: 1, max: 2 }),
    });
    const orderArb = fc.record({ purchase, status: fc.constantFrom(...STATUSES), at: fc.integer({ min: 0, max: 180 }) });
    fc.assert(
      fc.property(fc.array(orderArb, { maxLength: 20 }), fc.integer({ min: 1, max: 90 }), (specs, windowMinutes) => {
        const orders = specs.map((s, i) =>
          copy(`o${String(i).padStart(2, '0')}`, s.at, {
            status: s.status,
            lines: [line({ reference: 'X', quantity: s.purchase.quantity })],
            billing_address: { email: s.purchase.customer },
          }),
        );
        const groups = findRepeatedOrders(orders, { windowMinutes, now });
        const seen = new Set<string>();
        for (const group of groups) {
          const members = [group.keep, ...group.copies.map((c) => c.order)];
          for (const m of members) {
            expect(seen.has(m.order_id)).toBe(false);
            seen.add(m.order_id);
            expect(m.billing_address?.email).toBe(group.keep.billing_address?.email);
            expect(m.order_lines[0]!.quantity).toBe(group.keep.order_lines[0]!.quantity);
            expect(['CANCELLED', 'EXPIRED']).not.toContain(m.status);
          }
          expect(group.copies.map((c) => c.order)).not.toContain(group.keep);
          const times = members.map((m) => Date.parse(m.created_at));
          expect(Math.max(...times) - Math.min(...times)).toBeLessThanOrEqual(windowMinutes * 60_000);
          for (const c of group.copies) {
            if (c.action === 'cancel') {
              expect(c.order.captured_amount).toBe(0);
              expect(c.amount).toBe(c.order.order_amount);
            } else {
              expect(c.amount).toBe(c.order.captured_amount - c.order.refunded_amount);
              expect(c.amount).toBeGreaterThan(0);
            }
            // The kept order is at least as far along as every copy.
            const rank = (o: Order) => (o.status === 'CAPTURED' || o.status === 'CLOSED' ? 3 : o.status === 'PART_CAPTURED' ? 2 : 1);
            expect(rank(group.keep)).toBeGreaterThanOrEqual(rank(c.order));
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
