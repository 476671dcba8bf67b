import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { insightsOverview, insightsOverviewFromGroups, type InsightsGroup, type InsightsOptions, type Order } from '@kustom/sdk';
import { line, makeOrder, orderArbitrary, invalidField } from './fixtures.js';

async function* asAsync<T>(items: T[]): AsyncGenerator<T> {
  for (const item of items) yield item;
}

const may = { from: '2024-05-01', to: '2024-05-03' };

describe('insightsOverview', () => {
  const orders: Order[] = [
    // In the period, SEK
    makeOrder({ order_id: 's1', status: 'CAPTURED', created_at: '2024-05-01T09:00:00Z', lines: [line({ unit_price: 10000 })] }),
    makeOrder({ order_id: 's2', status: 'AUTHORIZED', created_at: '2024-05-01T23:30:00Z', purchase_country: 'FI', lines: [line({ unit_price: 5001 })], initial_payment_method: { type: 'CARD' } }),
    makeOrder({ order_id: 's3', status: 'CANCELLED', created_at: '2024-05-02T10:00:00Z', lines: [line({ unit_price: 99999 })] }),
    makeOrder({ order_id: 's4', status: 'CLOSED', created_at: '2024-05-03T12:00:00Z', lines: [line({ unit_price: 4000 })] }), // fully refunded
    {
      ...makeOrder({ order_id: 's5', status: 'EXPIRED', created_at: '2024-05-02T08:00:00Z', lines: [line({ unit_price: 3000, quantity: 2 })], capturedQuantities: [1] }),
      remaining_authorized_amount: 0,
    },
    makeOrder({ order_id: 's6', status: 'EXPIRED', created_at: '2024-05-02T08:00:00Z', lines: [line({ unit_price: 7000 })] }), // nothing captured
    // In the period, EUR
    makeOrder({ order_id: 'e1', status: 'PART_CAPTURED', purchase_currency: 'EUR', purchase_country: 'DE', created_at: '2024-05-02T00:00:00Z', lines: [line({ unit_price: 2000 }), line({ unit_price: 500, reference: 'B' })] }),
    // Comparison period, SEK
    makeOrder({ order_id: 'p1', status: 'CAPTURED', created_at: '2023-05-01T09:00:00Z', lines: [line({ unit_price: 8000 })] }),
    makeOrder({ order_id: 'p2', status: 'CAPTURED', created_at: '2023-05-02T09:00:00Z', purchase_country: 'NO', lines: [line({ unit_price: 1000 })] }),
    // Outside both
    makeOrder({ order_id: 'x1', status: 'CAPTURED', created_at: '2024-06-01T00:00:00Z' }),
  ];

  it('adds up revenue, orders and average order value per currency, never across currencies', () => {
    const overview = insightsOverview(orders, { from: '2024-05-01', to: '2024-05-03', compareFrom: '2023-05-01', compareTo: '2023-05-03' });
    expect(overview.period).toEqual({ from: '2024-05-01T00:00:00.000Z', to: '2024-05-04T00:00:00.000Z' });
    expect(overview.currencies.map((c) => c.currency)).toEqual(['EUR', 'SEK']);
    const sek = overview.currencies[1]!;
    // s1 10000 captured + s2 5001 authorized + s4 4000 captured − 4000 refunded + s5 3000 captured
    expect(sek).toMatchObject({ grossSales: 22001, refunded: 4000, revenue: 18001, orderCount: 4, averageOrderValue: 5500 }); // 22001 / 4 = 5500.25
    expect(sek.previous).toEqual({ grossSales: 9000, refunded: 0, revenue: 9000, orderCount: 2, averageOrderValue: 4500 });
    expect(sek.change).toEqual({ revenue: 10001, orderCount: 10000, averageOrderValue: 2222 }); // +100.01 %, +100 %, +22.22 %
    expect(sek.countries).toEqual([
      { country: 'SE', revenue: 13000, orderCount: 3, previousRevenue: 8000, revenueChange: 6250 },
      { country: 'FI', revenue: 5001, orderCount: 1, previousRevenue: 0, revenueChange: null },
      { country: 'NO', revenue: 0, orderCount: 0, previousRevenue: 1000, revenueChange: -10000 },
    ]);
    expect(sek.paymentMix).toEqual([
      { paymentMethod: 'INVOICE', orderCount: 3, revenue: 13000, orderShare: 7500 },
      { paymentMethod: 'CARD', orderCount: 1, revenue: 5001, orderShare: 2500 },
    ]);
    expect(sek.daily).toEqual([
      { date: '2024-05-01', revenue: 15001, orderCount: 2 },
      { date: '2024-05-02', revenue: 3000, orderCount: 1 },
      { date: '2024-05-03', revenue: 0, orderCount: 1 },
    ]);
    const eur = overview.currencies[0]!;
    expect(eur).toMatchObject({ grossSales: 2500, revenue: 2500, orderCount: 1, averageOrderValue: 2500, previous: { orderCount: 0 }, change: { revenue: null } });
  });

  it('gives the same overview from sums made elsewhere (insightsOverviewFromGroups)', () => {
    const options: InsightsOptions = { ...may, compareFrom: '2023-05-01', compareTo: '2023-05-03', timeZone: 'Europe/Stockholm' };
    // What a database would sum: one group per order here (the counted ones, by the overview's rule).
    const groups: InsightsGroup[] = [];
    const day = (at: string) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Stockholm' }).format(Date.parse(at));
    for (const o of orders) {
      if (o.status === 'CANCELLED' || (o.status === 'EXPIRED' && o.captured_amount === 0)) continue;
      const open = o.status === 'AUTHORIZED' || o.status === 'PART_CAPTURED';
      const sums = { orderCount: 1, grossSales: o.captured_amount + (open ? o.remaining_authorized_amount : 0), refunded: o.refunded_amount };
      const at = Date.parse(o.created_at);
      const base = { currency: o.purchase_currency, country: o.purchase_country, ...sums };
      if (at >= Date.parse('2024-04-30T22:00:00Z') && at < Date.parse('2024-05-03T22:00:00Z')) groups.push({ ...base, period: 'current', paymentMethod: o.initial_payment_method?.type, day: day(o.created_at) });
      if (at >= Date.parse('2023-04-30T22:00:00Z') && at < Date.parse('2023-05-03T22:00:00Z')) groups.push({ ...base, period: 'compare' });
    }
    expect(groups.length).toBeGreaterThan(4);
    expect(insightsOverviewFromGroups(groups, options)).toEqual(insightsOverview(orders, options));
    expect(invalidField(() => insightsOverviewFromGroups([{ ...groups[0]!, day: 'May 1' }], options))).toBe('groups[0].day');
    expect(invalidField(() => insightsOverviewFromGroups([{ ...groups[0]!, orderCount: 1.5 }], options))).toBe('groups[0].orderCount');
    expect(invalidField(() => insightsOverviewFromGroups([{ ...groups[0]!, period: 'compare' }], may))).toBe('groups[0].period');
  });

  it('counts calendar days in the chosen time zone', () => {
    const overview = insightsOverview(orders, { ...may, timeZone: 'Europe/Stockholm' });
    const sek = overview.currencies.find((c) => c.currency === 'SEK')!;
    // s2 (23:30 UTC on 1 May) is 2 May in Stockholm.
    expect(sek.daily.map((d) => d.orderCount)).toEqual([1, 2, 1]);
    expect(overview.period.from).toBe('2024-04-30T22:00:00.000Z');
    expect(sek.change).toBeUndefined();
    expect(sek.countries[0]!.revenueChange).toBeUndefined();
  });

  it('gives the same answer for an async source', async () => {
    await expect(insightsOverview(asAsync(orders), may)).resolves.toEqual(insightsOverview(orders, may));
  });

  it('stays exact with amounts past 2^53 / 10000', () => {
    const big = (id: string, created_at: string, captured: number): Order => ({ ...makeOrder({ order_id: id, status: 'CAPTURED', created_at }), captured_amount: captured, refunded_amount: 0 });
    const overview = insightsOverview([big('a', '2024-05-01T00:00:00Z', 3_000_000_000_001), big('b', '2023-05-01T00:00:00Z', 1_000_000_000_000)], {
      ...may,
      compareFrom: '2023-05-01',
      compareTo: '2023-05-03',
    });
    expect(overview.currencies[0]!.change!.revenue).toBe(20_000); // +200.0000000001 % rounds to +200 %
  });

  it('refuses bad options and bad orders with typed errors naming the field', () => {
    const field = invalidField;
    expect(field(() => insightsOverview(orders, { to: '2024-05-01' } as InsightsOptions))).toBe('from');
    expect(field(() => insightsOverview(orders, { from: '2024-05-03', to: '2024-05-01' }))).toBe('to');
    expect(field(() => insightsOverview(orders, { ...may, compareTo: '2023-05-03' }))).toBe('compareFrom');
    expect(field(() => insightsOverview(orders, { ...may, compareFrom: '2023-05-03' }))).toBe('compareTo');
    expect(field(() => insightsOverview(orders, { ...may, timeZone: 'Nowhere/Town' }))).toBe('timeZone');
    expect(field(() => insightsOverview(orders, { from: '2000-01-01', to: '2024-01-01' }))).toBe('to');
    expect(field(() => insightsOverview([makeOrder(), { ...makeOrder({ created_at: '2024-05-01T10:00:00Z' }), refunded_amount: 0.5 }], may))).toBe('orders[1].refunded_amount');
    expect(field(() => insightsOverview([{ ...makeOrder(), created_at: 'nope' }], may))).toBe('orders[0].created_at');
  });

  it('always adds up: days, countries and payment methods sum to the totals, and each currency stands alone', () => {
    const options = { from: '2023-06-01', to: '2024-06-30', compareFrom: '2023-01-01', compareTo: '2023-12-31' };
    fc.assert(
      fc.property(fc.array(orderArbitrary, { maxLength: 40 }), (all) => {
        const overview = insightsOverview(all, options);
        for (const c of overview.currencies) {
          const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
          expect(sum(c.daily.map((d) => d.revenue))).toBe(c.revenue);
          expect(sum(c.daily.map((d) => d.orderCount))).toBe(c.orderCount);
          expect(sum(c.countries.map((d) => d.revenue))).toBe(c.revenue);
          expect(sum(c.countries.map((d) => d.previousRevenue ?? 0))).toBe(c.previous!.revenue);
          expect(sum(c.paymentMix.map((d) => d.orderCount))).toBe(c.orderCount);
          expect(Number.isInteger(c.averageOrderValue)).toBe(true);
          expect(Math.abs(c.averageOrderValue * c.orderCount - c.grossSales)).toBeLessThanOrEqual(c.orderCount / 2);
          // Orders in other currencies change nothing about this one.
          const alone = insightsOverview(
            all.filter((o) => o.purchase_currency === c.currency),
            options,
          );
          expect(alone.currencies).toEqual([c]);
          // Reference: the documented definition, written out per order.
          const inPeriod = all.filter(
            (o) => o.purchase_currency === c.currency && Date.parse(o.created_at) >= Date.parse('2023-06-01') && Date.parse(o.created_at) < Date.parse('2024-07-01'),
          );
          const counted = inPeriod.filter((o) => o.status !== 'CANCELLED' && !(o.status === 'EXPIRED' && o.captured_amount === 0));
          const gross = sum(counted.map((o) => o.captured_amount + (o.status === 'AUTHORIZED' || o.status === 'PART_CAPTURED' ? o.remaining_authorized_amount : 0)));
          expect(c.grossSales).toBe(gross);
          expect(c.revenue).toBe(gross - sum(counted.map((o) => o.refunded_amount)));
          expect(c.orderCount).toBe(counted.length);
        }
      }),
      { numRuns: 150 },
    );
  });
});
