import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { KustomValidationError, foldText, orderSearchRange, orderSearchText, searchOrders, type Order, type OrderSearchQuery } from '@kustom/sdk';
import { COUNTRIES, CURRENCIES, METHODS, STATUSES, line, makeOrder, orderArbitrary } from './fixtures.js';

const ids = (orders: Order[]) => orders.map((o) => o.order_id);

async function* asAsync<T>(items: T[]): AsyncGenerator<T> {
  for (const item of items) yield item;
}

const orders = [
  makeOrder({ order_id: 'A1', created_at: '2024-05-01T08:00:00Z', status: 'AUTHORIZED', purchase_country: 'SE', lines: [line({ unit_price: 5000 })] }),
  makeOrder({
    order_id: 'B2',
    created_at: '2024-05-31T23:59:59Z',
    status: 'CAPTURED',
    purchase_country: 'NO',
    purchase_currency: 'NOK',
    lines: [line({ unit_price: 20000 })],
    billing_address: { given_name: 'Åsa', family_name: 'Ødegård', email: 'Asa.Odegard@Example.no' },
    shipping_address: { given_name: 'Per', family_name: 'Ødegård' },
    initial_payment_method: { type: 'CARD' },
  }),
  makeOrder({ order_id: 'C3', created_at: '2024-06-01T00:00:00Z', status: 'CANCELLED', merchant_reference1: 'WEB-777', lines: [line({ unit_price: 12000 })] }),
  makeOrder({ order_id: 'D4', created_at: '2024-04-30T23:00:00Z', status: 'PART_CAPTURED', klarna_reference: 'K-XYZ-42', lines: [line({ unit_price: 5000 })] }),
];

describe('searchOrders', () => {
  it('filters by status, country, currency and payment method (any case)', () => {
    expect(ids(searchOrders(orders, { status: ['AUTHORIZED', 'PART_CAPTURED'] }).items)).toEqual(['A1', 'D4']);
    expect(ids(searchOrders(orders, { country: 'no' }).items)).toEqual(['B2']);
    expect(ids(searchOrders(orders, { currency: ['sek'], status: 'CANCELLED' }).items)).toEqual(['C3']);
    expect(ids(searchOrders(orders, { paymentMethod: 'card' }).items)).toEqual(['B2']);
  });

  it('filters by creation date: a date-only end includes its whole day, in the given time zone', () => {
    expect(ids(searchOrders(orders, { createdFrom: '2024-05-01', createdTo: '2024-05-31' }).items)).toEqual(['B2', 'A1']);
    expect(ids(searchOrders(orders, { createdFrom: '2024-05-01T00:00:00Z', createdTo: '2024-05-31T23:59:59Z' }).items)).toEqual(['A1']);
    // 2024-04-30T23:00Z is already 1 May in Stockholm; 2024-05-31T23:59:59Z is 1 June there.
    expect(ids(searchOrders(orders, { createdFrom: '2024-05-01', createdTo: '2024-05-31', timeZone: 'Europe/Stockholm' }).items)).toEqual(['A1', 'D4']);
    expect(ids(searchOrders(orders, { createdFrom: new Date('2024-06-01T00:00:00Z') }).items)).toEqual(['C3']);
  });

  it('filters by amount range in minor units, inclusive', () => {
    expect(ids(searchOrders(orders, { minAmount: 5000, maxAmount: 12000, sort: { by: 'order_id' } }).items)).toEqual(['A1', 'C3', 'D4']);
  });

  it('finds free text in ids, references, names and e-mails, ignoring case and accents', () => {
    const find = (text: string) => ids(searchOrders(orders, { text, sort: { by: 'order_id' } }).items);
    expect(find('asa odegard')).toEqual(['B2']);
    expect(find('ÅSA')).toEqual(['B2']);
    expect(find('per ødegård')).toEqual(['B2']); // shipping name
    expect(find('example.no')).toEqual(['B2']);
    expect(find('web-777')).toEqual(['C3']);
    expect(find('xyz-42')).toEqual(['D4']);
    expect(find('c3')).toEqual(['C3']);
    expect(find('anna d4')).toEqual(['D4']); // words may match different fields
    expect(find('svensson ødegård')).toEqual([]); // every word must match
    expect(find('   ')).toEqual(['A1', 'B2', 'C3', 'D4']);
  });

  it('finds product names, and orderSearchText is the text it looks in (fields on lines of their own)', () => {
    const teapot = makeOrder({ order_id: 'T1', lines: [line({ name: 'Tea pot Ölands' }), line({ name: 'Blue mug', reference: 'B' })] });
    expect(ids(searchOrders([...orders, teapot], { text: 'olands mug' }).items)).toEqual(['T1']);
    expect(orderSearchText(teapot).split('\n')).toEqual(['t1', 'm-t1', 'kr-t1', 'anna', 'svensson', 'anna@example.com', 'anna', 'svensson', 'anna@example.com', 'tea pot olands', 'blue mug']);
    expect(orderSearchRange({ createdFrom: '2024-05-01', createdTo: '2024-05-01', timeZone: 'Europe/Stockholm' })).toEqual({
      from: Date.parse('2024-04-30T22:00:00Z'),
      to: Date.parse('2024-05-01T22:00:00Z'),
    });
  });

  it('sorts by any column, stably, with empty values last in both directions', () => {
    const tied = [
      makeOrder({ order_id: 'x1', merchant_reference2: 'b' }),
      makeOrder({ order_id: 'x2' }),
      makeOrder({ order_id: 'x3', merchant_reference2: 'a' }),
      makeOrder({ order_id: 'x4', merchant_reference2: 'B' }),
    ];
    expect(ids(searchOrders(tied, { sort: { by: 'merchant_reference2' } }).items)).toEqual(['x3', 'x1', 'x4', 'x2']);
    expect(ids(searchOrders(tied, { sort: { by: 'merchant_reference2', direction: 'desc' } }).items)).toEqual(['x1', 'x4', 'x3', 'x2']);
    expect(ids(searchOrders(orders).items)).toEqual(['C3', 'B2', 'A1', 'D4']); // default: newest first
    expect(ids(searchOrders(orders, { sort: { by: 'order_amount', direction: 'desc' } }).items)).toEqual(['B2', 'C3', 'A1', 'D4']);
    // Swedish collation puts Ö after Z; English treats it as O.
    const names = ['Zorn', 'Öberg', 'Olsson'].map((family_name, i) => makeOrder({ order_id: `n${i}`, billing_address: { given_name: 'A', family_name } }));
    expect(ids(searchOrders(names, { sort: { by: 'customer_name' }, locale: 'sv' }).items)).toEqual(['n2', 'n0', 'n1']);
    expect(ids(searchOrders(names, { sort: { by: 'customer_name' }, locale: 'en' }).items)).toEqual(['n1', 'n2', 'n0']);
  });

  it('paginates', () => {
    const page2 = searchOrders(orders, { pageSize: 3, page: 2, sort: { by: 'order_id' } });
    expect(page2).toMatchObject({ total: 4, page: 2, pageSize: 3, pageCount: 2 });
    expect(ids(page2.items)).toEqual(['D4']);
    expect(searchOrders(orders, { page: 9 }).items).toEqual([]);
    expect(searchOrders([], {})).toEqual({ items: [], total: 0, page: 1, pageSize: 25, pageCount: 0 });
  });

  it('answers an async source with a Promise of the same result', async () => {
    const query: OrderSearchQuery = { text: 'anna', sort: { by: 'created_at', direction: 'asc' } };
    await expect(searchOrders(asAsync(orders), query)).resolves.toEqual(searchOrders(orders, query));
  });

  it('refuses a bad query with a typed error naming the field', () => {
    const field = (query: OrderSearchQuery) => {
      try {
        searchOrders(orders, query);
        return 'no error';
      } catch (error) {
        expect(error).toBeInstanceOf(KustomValidationError);
        return (error as KustomValidationError).field;
      }
    };
    expect(field({ status: 'SHIPPED' as never })).toBe('status');
    expect(field({ createdFrom: '2024-02-30' })).toBe('createdFrom');
    expect(field({ createdFrom: '2024-06-01', createdTo: '2024-05-01' })).toBe('createdTo');
    expect(field({ createdTo: 'soon' })).toBe('createdTo');
    expect(field({ timeZone: 'Mars/Olympus' })).toBe('timeZone');
    expect(field({ minAmount: 10.5 })).toBe('minAmount');
    expect(field({ minAmount: 10, maxAmount: 5 })).toBe('maxAmount');
    expect(field({ sort: { by: 'password' as never } })).toBe('sort.by');
    expect(field({ sort: { by: 'order_id', direction: 'up' as never } })).toBe('sort.direction');
    expect(field({ page: 0 })).toBe('page');
    expect(field({ pageSize: 1001 })).toBe('pageSize');
    expect(field({ country: 5 as never })).toBe('country');
  });

  it('agrees with a naive filter-then-sort on random orders and queries', () => {
    const queryArbitrary = fc.record(
      {
        status: fc.subarray(STATUSES, { minLength: 1 }),
        country: fc.constantFrom(...COUNTRIES),
        currency: fc.subarray([...CURRENCIES], { minLength: 1 }),
        paymentMethod: fc.constantFrom(...METHODS),
        minAmount: fc.integer({ min: 0, max: 2_000_000 }),
        createdFrom: fc.integer({ min: Date.UTC(2023, 0, 1), max: Date.UTC(2025, 0, 1) }).map((ms) => new Date(ms).toISOString()),
        text: fc.constantFrom('test', 'å', 'order-0', 'M-', 'example'),
        sort: fc.record({ by: fc.constantFrom('created_at', 'order_amount', 'customer_email', 'merchant_reference1' as const), direction: fc.constantFrom('asc', 'desc' as const) }),
        pageSize: fc.integer({ min: 1, max: 5 }),
      },
      { requiredKeys: ['sort', 'pageSize'] },
    );
    fc.assert(
      fc.property(fc.array(orderArbitrary, { maxLength: 25 }), queryArbitrary, (all, query) => {
        const expected = all.filter(
          (o) =>
            (!query.status || query.status.includes(o.status)) &&
            (!query.country || o.purchase_country === query.country) &&
            (!query.currency || query.currency.includes(o.purchase_currency as never)) &&
            (!query.paymentMethod || o.initial_payment_method?.type === query.paymentMethod) &&
            (query.minAmount === undefined || o.order_amount >= query.minAmount) &&
            (!query.createdFrom || Date.parse(o.created_at) >= Date.parse(query.createdFrom)) &&
            (!query.text ||
              [o.order_id, o.merchant_reference1, o.merchant_reference2, o.klarna_reference, o.billing_address?.given_name, o.billing_address?.family_name, o.billing_address?.email, o.shipping_address?.given_name, o.shipping_address?.family_name, o.shipping_address?.email]
                .some((field) => field !== undefined && foldText(field).includes(foldText(query.text!)))),
        );
        const pages: Order[] = [];
        const first = searchOrders(all, query);
        expect(first.total).toBe(expected.length);
        for (let page = 1; page <= first.pageCount; page++) pages.push(...searchOrders(all, { ...query, page }).items);
        // Same set of orders, each exactly once.
        expect(ids(pages).sort()).toEqual(ids(expected).sort());
        // Sorted: non-empty keys in the requested direction, empties at the end.
        const key = (o: Order) => {
          const by = query.sort.by;
          return by === 'created_at' ? Date.parse(o.created_at) : by === 'order_amount' ? o.order_amount : by === 'customer_email' ? o.billing_address?.email || o.shipping_address?.email || '' : o.merchant_reference1 || '';
        };
        const keys = pages.map(key);
        const firstEmpty = keys.findIndex((k) => k === '');
        if (firstEmpty >= 0) expect(keys.slice(firstEmpty).every((k) => k === '')).toBe(true);
        const filled = firstEmpty >= 0 ? keys.slice(0, firstEmpty) : keys;
        const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });
        for (let i = 1; i < filled.length; i++) {
          const a = filled[i - 1]!;
          const b = filled[i]!;
          const cmp = typeof a === 'number' ? a - (b as number) : collator.compare(a, b as string);
          expect(query.sort.direction === 'asc' ? cmp <= 0 : cmp >= 0).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });
});
