/**
 * The orders page in SQL equals the SDK's `searchOrders` over the same orders: random
 * order sets and random queries (filters, free text, date ranges in a time zone, every
 * sort the store offers), page by page with `page` and all the way with the keyset
 * cursor; on PGlite and on a PostgreSQL server.
 */
import fc from 'fast-check';
import { KustomValidationError, type Order } from '@kustom/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ORDER_PAGE_SORTS, type OrderPageQuery, type OrderStore } from '../src/server.js';
import { expectedOrders, load, NAMES, ordersArbitrary, PRODUCTS, propertyEngines } from './orders.js';

const engines = await propertyEngines('orders-page property suite');
afterAll(() => engines.forEach((e) => e.stop()));

const word = fc.constantFrom(
  ...NAMES.flat().map((n) => n.toUpperCase()),
  'asa odegard',
  'jorg',
  'mull',
  'example.com',
  'o-00',
  'shop-',
  'x_9',
  'arabica 100%',
  ...PRODUCTS.map((p) => p.split(' ')[0]!.toLowerCase()),
  'towel mug',
);
const sub = <T,>(values: readonly T[]) => fc.subarray([...values], { minLength: 1 });

/** A filter in about one query of four, so that most queries still find several orders. */
const rarely = <T,>(a: fc.Arbitrary<T>) => fc.oneof({ arbitrary: fc.constant(undefined), weight: 3 }, { arbitrary: a, weight: 1 });

const queryArbitrary: fc.Arbitrary<Omit<OrderPageQuery, 'merchantId'>> = fc
  .record({
    status: rarely(sub(['AUTHORIZED', 'PART_CAPTURED', 'CAPTURED', 'CANCELLED', 'EXPIRED', 'CLOSED'] as const)),
    currency: rarely(fc.oneof(fc.constantFrom('SEK', 'eur', 'NOK'), sub(['SEK', 'EUR']))),
    country: rarely(sub(['SE', 'FI', 'NO'])),
    paymentMethod: rarely(fc.oneof(fc.constant(''), sub(['invoice', 'CARD']))),
    minAmount: rarely(fc.constantFrom(2000, 5000)),
    maxAmount: rarely(fc.constantFrom(9900, 30000)),
    text: rarely(word),
    range: rarely(
      fc.record({
        createdFrom: fc.constantFrom('2025-01-01', '2024-12-01T10:00:00.000Z', '2025-03-30'),
        createdTo: fc.constantFrom('2025-04-05', '2025-12-31', '2026-01-31T00:00:00.000Z'),
        timeZone: fc.constantFrom('UTC', 'Europe/Stockholm', 'America/New_York'),
      }),
    ),
    sort: fc.option(fc.record({ by: fc.constantFrom(...ORDER_PAGE_SORTS), direction: fc.option(fc.constantFrom('asc' as const, 'desc' as const), { nil: undefined }) }), { nil: undefined }),
    pageSize: fc.integer({ min: 1, max: 7 }),
  })
  .map(({ range, ...q }) => ({ ...q, ...(range ?? {}) }) as Omit<OrderPageQuery, 'merchantId'>);

const expected = (orders: readonly Order[], query: Omit<OrderPageQuery, 'merchantId'>) => expectedOrders(orders, query).map((o) => o.order_id);

for (const engine of engines) {
  describe.skipIf(engine.skip)(`the orders page on ${engine.name}`, () => {
    let store: OrderStore;
    beforeAll(async () => {
      store = await engine.open();
    });
    afterAll(() => store?.close());

    it('equals searchOrders on random orders and queries, by page and by keyset cursor', async () => {
      let queriesWithSeveral = 0;
      await fc.assert(
        fc.asyncProperty(ordersArbitrary(30, 5), fc.array(queryArbitrary, { minLength: 1, maxLength: 4 }), async (orders, queries) => {
          const merchantId = await load(store, orders);
          for (const query of queries) {
            const want = expected(orders, query);
            if (want.length > 1) queriesWithSeveral++;
            // Keyset: every page through `next` (plus an order inserted between pages that is newer than all).
            const got: string[] = [];
            let after: string | undefined;
            for (let guard = 0; guard < 100; guard++) {
              const page = await store.listOrders({ ...query, merchantId, after });
              got.push(...page.orders.map((o) => o.order_id));
              if (!page.next) break;
              after = page.next;
            }
            expect(got).toEqual(want);
            // Offset pages, as searchOrders numbers them.
            const size = query.pageSize ?? 25;
            for (let page = 1; page <= Math.ceil(want.length / size) + 1; page++) {
              const r = await store.listOrders({ ...query, merchantId, page });
              expect(r.orders.map((o) => o.order_id)).toEqual(want.slice((page - 1) * size, page * size));
            }
          }
        }),
        { numRuns: 25 },
      );
      // The property is not vacuous: many queries found several orders to order and page.
      expect(queriesWithSeveral).toBeGreaterThan(15);
    });

    it('keeps every sort stable under inserts: a page boundary never moves', async () => {
      const orders = fc.sample(ordersArbitrary(40, 30), { numRuns: 1, seed: 7 })[0]!;
      const merchantId = await load(store, orders);
      for (const by of ORDER_PAGE_SORTS) {
        for (const direction of ['asc', 'desc'] as const) {
          const first = await store.listOrders({ merchantId, sort: { by, direction }, limit: 5 });
          const before = await store.listOrders({ merchantId, sort: { by, direction }, limit: 1000, after: first.next! });
          // New orders on both sides of the boundary, then the same cursor again.
          const tag = `-ins-${by}-${direction}-`;
          for (const [i, o] of orders.slice(0, 6).entries()) await store.upsertOrder(merchantId, { ...o, order_id: `${o.order_id}${tag}${i}` });
          const again = await store.listOrders({ merchantId, sort: { by, direction }, limit: 1000, after: first.next! });
          const seen = new Set(first.orders.map((o) => o.order_id));
          expect(again.orders.some((o) => seen.has(o.order_id))).toBe(false);
          expect(again.orders.map((o) => o.order_id).filter((id) => !id.includes(tag))).toEqual(before.orders.map((o) => o.order_id));
        }
      }
    });

    it('refuses bad queries with a typed error naming the field, as searchOrders does', async () => {
      const bad: [Record<string, unknown>, string][] = [
        [{ status: 'SHIPPED' }, 'status'],
        [{ createdFrom: '2025-02-30' }, 'createdFrom'],
        [{ createdFrom: '2025-02-01', createdTo: '2025-01-01' }, 'createdTo'],
        [{ timeZone: 'Mars/Olympus' }, 'timeZone'],
        [{ minAmount: 1.5 }, 'minAmount'],
        [{ minAmount: 10, maxAmount: 5 }, 'maxAmount'],
        [{ sort: { by: 'customer_name' } }, 'sort.by'],
        [{ sort: { by: 'created_at', direction: 'up' } }, 'sort.direction'],
        [{ limit: 0 }, 'limit'],
        [{ pageSize: 5000 }, 'pageSize'],
        [{ page: 0 }, 'page'],
        [{ text: 5 }, 'text'],
        [{ after: 'nope' }, 'after'],
        [{ merchantId: '' }, 'merchantId'],
      ];
      for (const [q, field] of bad) {
        const e = await store.listOrders({ merchantId: 'm', ...q } as OrderPageQuery).catch((x: unknown) => x);
        expect(e, JSON.stringify(q)).toBeInstanceOf(KustomValidationError);
        expect((e as KustomValidationError).field).toBe(field);
      }
      // A cursor of one sort is refused by another.
      const merchantId = await load(store, fc.sample(ordersArbitrary(10, 4), { numRuns: 1, seed: 3 })[0]!);
      const p = await store.listOrders({ merchantId, limit: 1 });
      await expect(store.listOrders({ merchantId, after: p.next!, sort: { by: 'status' } })).rejects.toMatchObject({ field: 'after' });
    });
  });
}
