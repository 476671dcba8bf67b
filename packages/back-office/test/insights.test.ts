/**
 * Insights and reports in SQL equal the SDK's pure helpers over the same orders
 * (`insightsOverview`, `findRepeatedOrders`, `expiringOrders`), and the Demography tab
 * equals a plain reading of its definition; random order sets, on PGlite and on a
 * PostgreSQL server.
 */
import fc from 'fast-check';
import { expiringOrders, findRepeatedOrders, insightsOverview, KustomValidationError, type InsightsOptions, type Order } from '@kustom/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demographyOf, expiringOrdersOf, insightsOverviewOf, repeatedOrdersOf, type Demography, type DemographyOptions, type OrderStore } from '../src/server.js';
import { load, ordersArbitrary, propertyEngines } from './orders.js';

const engines = await propertyEngines('insights suite');
afterAll(() => engines.forEach((e) => e.stop()));

const zone = fc.constantFrom(undefined, 'UTC', 'Europe/Stockholm', 'America/New_York', 'Asia/Kolkata');
const insightsOptions: fc.Arbitrary<InsightsOptions> = fc.oneof(
  fc.record({ from: fc.constantFrom('2025-01-01', '2024-11-30'), to: fc.constantFrom('2025-01-10', '2025-12-31'), timeZone: zone }),
  fc.record({
    from: fc.constantFrom('2025-01-01', '2025-01-01T06:00:00.000Z'),
    to: fc.constantFrom('2025-02-01', '2025-06-30'),
    compareFrom: fc.constantFrom('2024-01-01', '2024-12-15'),
    compareTo: fc.constantFrom('2024-12-31', '2025-01-20'),
    timeZone: zone,
  }),
);

/** Orders and copies of some of them (a double click, a retried checkout) minutes to days later. */
const withCopies = ordersArbitrary(25, 5).chain((orders) =>
  fc
    .array(fc.record({ of: fc.nat({ max: orders.length - 1 }), minutes: fc.constantFrom(0, 1, 5, 59, 61, 900, 3000), status: fc.constantFrom('AUTHORIZED' as const, 'CAPTURED' as const) }), { maxLength: 10 })
    .map((copies) => [
      ...orders,
      ...copies.map((c, i): Order => {
        const o = orders[c.of]!;
        const captured = c.status === 'CAPTURED' ? o.order_amount : 0;
        return {
          ...o,
          order_id: `${o.order_id}-copy${i}`,
          status: c.status,
          captured_amount: captured,
          refunded_amount: 0,
          remaining_authorized_amount: o.order_amount - captured,
          created_at: new Date(Date.parse(o.created_at) + c.minutes * 60_000).toISOString(),
          expires_at: new Date(Date.parse(o.created_at) + 28 * 86_400_000).toISOString(),
          captures: captured ? [{ capture_id: `cap-${i}`, captured_amount: captured, captured_at: o.created_at, order_lines: o.order_lines }] : [],
          refunds: [],
        };
      }),
    ]),
);

const COUNTED = (o: Order) => !(o.status === 'CANCELLED' || (o.status === 'EXPIRED' && o.captured_amount === 0));

/** The Demography tab read straight off its definition, order by order. */
function demographyReference(orders: readonly Order[], from: number, to: number, timeZone: string, lapsedDays: number, top: number) {
  const localDay = (ms: number) => new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(ms);
  const counted = orders.filter(COUNTED);
  const inPeriod = counted.filter((o) => Date.parse(o.created_at) >= from && Date.parse(o.created_at) < to);
  const band = (o: Order) => {
    const dob = o.customer?.date_of_birth;
    if (!dob) return 'unknown';
    const [y, m, d] = localDay(Date.parse(o.created_at)).split('-').map(Number) as [number, number, number];
    const [by, bm, bd] = dob.split('-').map(Number) as [number, number, number];
    const age = y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
    return age < 18 ? 'under_18' : age < 25 ? '18_24' : age < 35 ? '25_34' : age < 45 ? '35_44' : age < 55 ? '45_54' : age < 65 ? '55_64' : '65_plus';
  };
  const gender = (o: Order) => ({ mr: 'male', mrs: 'female', ms: 'female' })[(o.billing_address?.title ?? '').toLowerCase()] ?? 'unknown';
  const tally = (keys: readonly string[], of: (o: Order) => string) => keys.map((k) => inPeriod.filter((o) => of(o) === k).length);
  const cities = new Map<string, { city: string; n: number }>();
  for (const o of inPeriod) {
    const c = (o.shipping_address?.city ?? o.billing_address?.city)!;
    const e = cities.get(c.toLowerCase()) ?? { city: c, n: 0 };
    e.n++;
    if (c < e.city) e.city = c;
    cities.set(c.toLowerCase(), e);
  }
  const buyers = new Map<string, number>();
  for (const o of inPeriod) {
    const email = o.billing_address?.email?.toLowerCase();
    if (email) buyers.set(email, (buyers.get(email) ?? 0) + 1);
  }
  const kinds = { new: [0, 0], returning: [0, 0], reactivated: [0, 0] } as Record<string, [number, number]>;
  const freq = [0, 0, 0, 0, 0];
  for (const [email, n] of buyers) {
    const earlier = counted.filter((o) => o.billing_address?.email?.toLowerCase() === email && Date.parse(o.created_at) < from).map((o) => Date.parse(o.created_at));
    const last = earlier.length ? Math.max(...earlier) : undefined;
    const kind = last === undefined ? 'new' : last >= from - lapsedDays * 86_400_000 ? 'returning' : 'reactivated';
    kinds[kind]![0]++;
    kinds[kind]![1] += n;
    freq[Math.min(n, 5) - 1]!++;
  }
  return {
    orderCount: inPeriod.length,
    ages: tally(['under_18', '18_24', '25_34', '35_44', '45_54', '55_64', '65_plus', 'unknown'], band),
    genders: tally(['female', 'male', 'unknown'], gender),
    topCities: [...cities.entries()]
      .sort(([a, x], [b, y]) => y.n - x.n || (a < b ? -1 : 1))
      .slice(0, top)
      .map(([, e]) => ({ city: e.city, orderCount: e.n })),
    customers: ['new', 'returning', 'reactivated'].map((k) => [kinds[k]![0], kinds[k]![1]]),
    frequency: freq,
    ordersWithoutCustomer: inPeriod.filter((o) => !o.billing_address?.email).length,
  };
}

const shape = (d: Demography) => ({
  orderCount: d.orderCount,
  ages: d.ageBands.map((a) => a.orderCount),
  genders: d.genders.map((g) => g.orderCount),
  topCities: d.topCities,
  customers: d.customers.map((c) => [c.customers, c.orderCount]),
  frequency: d.frequency.map((f) => f.customers),
  ordersWithoutCustomer: d.ordersWithoutCustomer,
});

for (const engine of engines) {
  describe.skipIf(engine.skip)(`insights and reports on ${engine.name}`, () => {
    let store: OrderStore;
    beforeAll(async () => {
      store = await engine.open();
    });
    afterAll(() => store?.close());

    it('the overview equals insightsOverview over the same orders', async () => {
      let withSales = 0;
      await fc.assert(
        fc.asyncProperty(ordersArbitrary(40, 5), fc.array(insightsOptions, { minLength: 1, maxLength: 3 }), async (orders, optionsList) => {
          const merchantId = await load(store, orders);
          for (const options of optionsList) {
            const want = insightsOverview(orders, options);
            if (want.currencies.some((c) => c.orderCount > 1)) withSales++;
            expect(await insightsOverviewOf(store, merchantId, options)).toEqual(want);
          }
        }),
        { numRuns: 20 },
      );
      expect(withSales).toBeGreaterThan(10);
    });

    it('the Demography tab: age bands, genders, top cities, new / returning / reactivated customers, purchase frequency', async () => {
      const options = fc.record({
        from: fc.constantFrom('2025-01-01', '2025-02-01'),
        to: fc.constantFrom('2025-06-30', '2025-12-31'),
        timeZone: fc.constantFrom('UTC', 'Europe/Stockholm', 'Pacific/Auckland'),
        lapsedAfterDays: fc.constantFrom(10, 60, 365),
        topCities: fc.constantFrom(1, 3, 10),
      });
      await fc.assert(
        fc.asyncProperty(ordersArbitrary(40, 10), options, async (orders, o) => {
          const merchantId = await load(store, orders);
          const got = await demographyOf(store, merchantId, o as DemographyOptions);
          expect(shape(got)).toEqual(demographyReference(orders, Date.parse(got.period.from), Date.parse(got.period.to), o.timeZone, o.lapsedAfterDays, o.topCities));
        }),
        { numRuns: 20 },
      );
    });

    it('expiring orders equal expiringOrders over the same orders', async () => {
      let found = 0;
      await fc.assert(
        fc.asyncProperty(ordersArbitrary(40, 5), fc.nat(), fc.integer({ min: -30, max: 12 * 24 }), fc.integer({ min: 0, max: 10 }), async (orders, pick, hours, withinDays) => {
          const merchantId = await load(store, orders);
          // Some hours before (or just after) the expiry of one order, an open one where there is one: near the edges of the window.
          const open = orders.filter((o) => o.status === 'AUTHORIZED' || o.status === 'PART_CAPTURED');
          const near = open.length ? open : orders;
          const now = new Date(Date.parse(near[pick % near.length]!.expires_at) - (hours % ((withinDays + 2) * 24)) * 3_600_000).toISOString();
          const want = expiringOrders(orders, { now, withinDays });
          found += want.length;
          expect(await expiringOrdersOf(store, merchantId, { now, withinDays })).toEqual(want);
        }),
        { numRuns: 30 },
      );
      expect(found).toBeGreaterThan(5);
    });

    it('repeated orders equal findRepeatedOrders over the same orders', async () => {
      let groups = 0;
      await fc.assert(
        fc.asyncProperty(withCopies, fc.constantFrom(1, 60, 600, 43_200), fc.integer({ min: -10, max: 30 }), async (orders, windowMinutes, days) => {
          const merchantId = await load(store, orders);
          const now = new Date(Date.UTC(2025, 0, 1) + days * 86_400_000).toISOString();
          const want = findRepeatedOrders(orders, { windowMinutes, now });
          groups += want.length;
          expect(await repeatedOrdersOf(store, merchantId, { windowMinutes, now })).toEqual(want);
        }),
        { numRuns: 25 },
      );
      expect(groups).toBeGreaterThan(5);
    });

    it('refuses bad options with the SDK’s typed errors, naming the field', async () => {
      const field = async (p: Promise<unknown>) => {
        const e = await p.catch((x: unknown) => x);
        expect(e).toBeInstanceOf(KustomValidationError);
        return (e as KustomValidationError).field;
      };
      expect(await field(insightsOverviewOf(store, 'm', { from: '2025-02-01', to: '2025-01-01' }))).toBe('to');
      expect(await field(insightsOverviewOf(store, 'm', { from: '2025-01-01', to: '2025-02-01', compareFrom: '2024-01-01' }))).toBe('compareTo');
      expect(await field(insightsOverviewOf(store, 'm', { from: '2025-01-01', to: '2025-02-01', timeZone: 'Nowhere' }))).toBe('timeZone');
      expect(await field(demographyOf(store, 'm', { from: '2025-01-01', to: '2025-02-01', lapsedAfterDays: 0 }))).toBe('lapsedAfterDays');
      expect(await field(expiringOrdersOf(store, 'm', { now: 'soon' }))).toBe('now');
      expect(await field(expiringOrdersOf(store, 'm', { now: '2025-01-01', withinDays: 91 }))).toBe('withinDays');
      expect(await field(repeatedOrdersOf(store, 'm', { windowMinutes: 0 }))).toBe('windowMinutes');
      expect(await field(repeatedOrdersOf(store, '', {}))).toBe('merchantId');
    });
  });
}
