/**
 * Random order sets for the property tests that hold the store's SQL equal to the
 * SDK's pure helpers. Built on the SDK's own test fixtures (`makeOrder`: valid, with
 * amounts that add up), with few distinct values so that ties, shared customers and
 * repeated purchases happen often.
 */
import fc from 'fast-check';
import { searchOrders, type Order, type OrderSearchQuery } from '@kustom/sdk';
import { line, makeOrder, STATUSES } from '../../sdk/test/back-office/fixtures.js';
import { openStore, type OrderPageQuery, type OrderStore } from '../src/server.js';
import { freshPgDatabase, startPostgres, type PgServer } from './engines.js';

export const NAMES = [
  ['Åsa', 'Ødegård'],
  ['Anna', 'Svensson'],
  ['Aino', 'Virtanen'],
  ['Jörg', 'Müller'],
  ['Bo', 'Ek'],
] as const;
export const PRODUCTS = ['Blue mug', 'Tea pot', 'Linen towel', 'Kaffe 100% arabica'] as const;
export const CITIES = ['Stockholm', 'Helsinki', 'Göteborg', 'Oslo'] as const;
export const TITLES = ['Mr', 'Mrs', 'Ms', undefined] as const;
const BASE = Date.UTC(2025, 0, 1);
const HOUR = 3_600_000;

const orderSpec = fc.record({
  status: fc.constantFrom(...STATUSES),
  currency: fc.constantFrom('SEK', 'EUR', 'NOK'),
  country: fc.constantFrom('SE', 'FI', 'no'),
  method: fc.constantFrom('INVOICE', 'CARD', 'card', undefined),
  // Few distinct instants (ties), milliseconds kept, across two years and time-zone edges.
  created: fc.oneof(fc.integer({ min: 0, max: 20 }).map((h) => BASE + h * 11 * HOUR), fc.integer({ min: -400 * 24, max: 400 * 24 }).map((h) => BASE + h * HOUR + 123)),
  name: fc.integer({ min: 0, max: NAMES.length - 1 }),
  email: fc.boolean(),
  products: fc.array(fc.integer({ min: 0, max: PRODUCTS.length - 1 }), { minLength: 1, maxLength: 2 }),
  price: fc.constantFrom(1000, 2500, 9900),
  quantity: fc.integer({ min: 1, max: 3 }),
  ref: fc.option(fc.constantFrom('SHOP-1', 'shop-2', 'X_9'), { nil: undefined }),
  dob: fc.option(fc.integer({ min: 1940, max: 2008 }).map((y) => `${y}-06-15`), { nil: undefined }),
  title: fc.constantFrom(...TITLES),
  city: fc.constantFrom(...CITIES),
  expiresInHours: fc.integer({ min: -48, max: 24 * 10 }),
});

/** `n` random orders with distinct ids (random order of ids, so ties are broken by id, not by creation). */
export const ordersArbitrary = (maxLength = 30, minLength = 0) =>
  fc.array(orderSpec, { maxLength, minLength }).chain((specs) =>
    fc.shuffledSubarray(specs.map((_, i) => i), { minLength: specs.length, maxLength: specs.length }).map((ids) =>
      specs.map((s, i): Order => {
        const [given, family] = NAMES[s.name]!;
        const created = new Date(s.created).toISOString();
        const address = {
          given_name: given,
          family_name: family,
          ...(s.email ? { email: `${given.toLowerCase()}.${family.toLowerCase()}@example.com` } : {}),
          ...(s.title ? { title: s.title } : {}),
          street_address: 'Storgatan 1',
          postal_code: '11122',
          city: s.city,
          country: 'SE',
        };
        return makeOrder({
          order_id: `o-${String(ids[i]).padStart(3, '0')}`,
          status: s.status,
          purchase_currency: s.currency,
          purchase_country: s.country,
          created_at: created,
          expires_at: new Date(s.created + s.expiresInHours * HOUR).toISOString(),
          merchant_reference1: s.ref,
          lines: s.products.map((p) => line({ name: PRODUCTS[p]!, reference: `SKU-${p}`, unit_price: s.price, quantity: s.quantity })),
          initial_payment_method: s.method ? { type: s.method } : undefined,
          billing_address: address,
          shipping_address: address,
          customer: s.dob ? { date_of_birth: s.dob } : undefined,
        });
      }),
    ),
  );

/** The engines of the property tests: PGlite always, PostgreSQL where a server runs. */
export async function propertyEngines(label: string): Promise<{ name: string; open: () => Promise<OrderStore>; skip: boolean; stop: () => void }[]> {
  const pg = await startPostgres();
  if (typeof pg === 'string') console.log(`SKIPPED PostgreSQL ${label}: ${pg}`);
  return [
    { name: 'PGlite', open: () => openStore(), skip: false, stop: () => {} },
    {
      name: 'PostgreSQL server',
      open: async () => openStore({ databaseUrl: await freshPgDatabase((pg as PgServer).url) }),
      skip: typeof pg === 'string',
      stop: () => typeof pg !== 'string' && pg.stop(),
    },
  ];
}

let merchant = 0;
/** Stores `orders` under a merchant id of their own; returns it. */
export async function load(store: OrderStore, orders: readonly Order[]): Promise<string> {
  const id = `m-${process.pid}-${++merchant}`;
  await store.db.transaction(async (tx) => {
    for (const o of orders) await store.upsertOrder(id, o, tx);
  });
  return id;
}

export const byId = (a: Order, b: Order) => (a.order_id < b.order_id ? -1 : a.order_id > b.order_id ? 1 : 0);

const AMOUNTS = new Set(['order_amount', 'captured_amount', 'refunded_amount', 'remaining_authorized_amount']);

/**
 * What the store promises for a query: `searchOrders`' result (all pages) with ties by
 * order id in the sort's direction, and a sort by an amount by currency first (same direction).
 */
export function expectedOrders(orders: readonly Order[], query: Omit<OrderPageQuery, 'merchantId'>): Order[] {
  const direction = query.sort ? (query.sort.direction ?? 'asc') : 'desc';
  const input = [...orders].sort(byId);
  if (direction === 'desc') input.reverse();
  const { after: _a, limit: _l, ...sdk } = query;
  const all = searchOrders(input, { ...(sdk as OrderSearchQuery), page: 1, pageSize: 1000 }).items;
  const sign = direction === 'asc' ? 1 : -1;
  if (query.sort && AMOUNTS.has(query.sort.by)) all.sort((a, b) => sign * (a.purchase_currency < b.purchase_currency ? -1 : a.purchase_currency > b.purchase_currency ? 1 : 0));
  return all;
}
