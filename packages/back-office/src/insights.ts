/**
 * The Insights tabs computed in SQL: the overview (summed by `GROUP BY`, then shaped
 * by the SDK's `insightsOverviewFromGroups`, so it equals `insightsOverview` over the
 * same orders) and the Demography tab (age and gender where the checkout gave them,
 * top cities, new / returning / reactivated customers, purchase frequency).
 */
import { insightsOverviewFromGroups, type InsightsGroup, type InsightsOptions, type InsightsOverview } from '@kustom/sdk';
import { checkMerchant, invalid } from './order-query.js';
import type { OrderStore } from './store.js';

/**
 * The orders Insights counts, as SQL: not cancelled, not expired with nothing
 * captured (the SDK's rule). Its gross sale: captured plus, while open, still authorized.
 */
const COUNTED = `NOT (status = 'CANCELLED' OR (status = 'EXPIRED' AND captured_amount = 0))`;
const GROSS = `captured_amount + CASE WHEN status IN ('AUTHORIZED', 'PART_CAPTURED') THEN remaining_authorized_amount ELSE 0 END`;

/**
 * The Insights overview of one store, as `insightsOverview` gives it over the same
 * orders (same options, same checks and errors, same numbers).
 */
export async function insightsOverviewOf(store: OrderStore, merchantId: string, options: InsightsOptions): Promise<InsightsOverview> {
  checkMerchant(merchantId);
  // Checks the options exactly as the SDK does and resolves the periods.
  const empty = insightsOverviewFromGroups([], options);
  const { period, comparePeriod, timeZone } = empty;
  type Row = { period: 'current' | 'compare'; currency: string; country: string; method: string; day: string | null; n: unknown; gross: unknown; refunded: unknown };
  // One scan per period over the created-at index (it includes every column summed: an index-only scan).
  const sums = `count(*) AS n, sum(${GROSS})::bigint AS gross, sum(refunded_amount)::bigint AS refunded`;
  const inRange = `merchant_id = $1 AND created_at >= $2::timestamptz AND created_at < $3::timestamptz AND ${COUNTED}`;
  const [current, previous] = await Promise.all([
    store.db.query<Row>(
      `SELECT 'current' AS period, currency, country, method, to_char(day, 'YYYY-MM-DD') AS day, n, gross, refunded FROM (
         SELECT purchase_currency AS currency, purchase_country AS country, coalesce(payment_method, '') AS method,
                (created_at AT TIME ZONE $4)::date AS day, ${sums}
         FROM orders WHERE ${inRange} GROUP BY 1, 2, 3, 4) g`,
      [merchantId, period.from, period.to, timeZone],
    ),
    comparePeriod
      ? store.db.query<Row>(
          `SELECT 'compare' AS period, purchase_currency AS currency, purchase_country AS country, '' AS method, NULL AS day, ${sums}
           FROM orders WHERE ${inRange} GROUP BY 2, 3`,
          [merchantId, comparePeriod.from, comparePeriod.to],
        )
      : Promise.resolve([] as Row[]),
  ]);
  const rows = [...current, ...previous];
  const groups: InsightsGroup[] = rows.map((r) => ({
    period: r.period,
    currency: r.currency,
    country: r.country,
    paymentMethod: r.method,
    day: r.day ?? undefined,
    orderCount: Number(r.n),
    grossSales: Number(r.gross),
    refunded: Number(r.refunded),
  }));
  return insightsOverviewFromGroups(groups, options);
}

export const AGE_BANDS = ['under_18', '18_24', '25_34', '35_44', '45_54', '55_64', '65_plus', 'unknown'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];
export const GENDERS = ['female', 'male', 'unknown'] as const;
export type Gender = (typeof GENDERS)[number];
export const CUSTOMER_KINDS = ['new', 'returning', 'reactivated'] as const;
export type CustomerKind = (typeof CUSTOMER_KINDS)[number];
export const FREQUENCIES = ['1', '2', '3', '4', '5_plus'] as const;

export interface DemographyOptions {
  /** Start of the period (inclusive), as for the overview. */
  from: InsightsOptions['from'];
  /** End of the period (exclusive); a date-only value includes that day. */
  to: InsightsOptions['to'];
  /** @default 'UTC' */
  timeZone?: string | undefined;
  /**
   * A customer whose last earlier order is older than this many days is
   * `reactivated`, not `returning`. 1–3660. @default 365
   */
  lapsedAfterDays?: number | undefined;
  /** How many cities. 1–100. @default 10 */
  topCities?: number | undefined;
}

export interface Demography {
  period: { from: string; to: string };
  timeZone: string;
  /** Orders counted (the overview's rule), all currencies. */
  orderCount: number;
  /** Orders by the customer's age on the order day, from the date of birth given at checkout (`customer.date_of_birth`); `unknown` without one. */
  ageBands: { band: AgeBand; orderCount: number }[];
  /**
   * Orders by gender. The Order Management order has no gender field; it comes from
   * the title the checkout asked for (`Mr` / `Mrs` / `Ms`, `Herr` / `Fru`, …); `unknown` without one.
   */
  genders: { gender: Gender; orderCount: number }[];
  /** The cities ordered to most (shipping city, else billing; case-insensitive), most orders first, then by name. */
  topCities: { city: string; orderCount: number }[];
  /**
   * Customers (by e-mail address) who ordered in the period: `new` had no earlier
   * order, `returning` had one within `lapsedAfterDays` before the period,
   * `reactivated` only longer ago.
   */
  customers: { kind: CustomerKind; customers: number; orderCount: number }[];
  /** Customers by how many orders they placed in the period. */
  frequency: { orders: (typeof FREQUENCIES)[number]; customers: number }[];
  /** Counted orders without an e-mail address: in the age, gender and city figures, not in the customer figures. */
  ordersWithoutCustomer: number;
}

/** The Demography tab of one store, computed in SQL. */
export async function demographyOf(store: OrderStore, merchantId: string, options: DemographyOptions): Promise<Demography> {
  checkMerchant(merchantId);
  if (!options || typeof options !== 'object') throw invalid('options', 'must be an object with from and to');
  const { period, timeZone } = insightsOverviewFromGroups([], { from: options.from, to: options.to, timeZone: options.timeZone });
  const lapsed = options.lapsedAfterDays ?? 365;
  if (!Number.isSafeInteger(lapsed) || lapsed < 1 || lapsed > 3660) throw invalid('lapsedAfterDays', 'must be a whole number of days from 1 to 3660');
  const top = options.topCities ?? 10;
  if (!Number.isSafeInteger(top) || top < 1 || top > 100) throw invalid('topCities', 'must be an integer from 1 to 100');
  const params = [merchantId, period.from, period.to, timeZone];
  const inPeriod = `merchant_id = $1 AND ${COUNTED} AND created_at >= $2::timestamptz AND created_at < $3::timestamptz`;

  const [segments, cities, customers] = await Promise.all([
    store.db.query<{ band: AgeBand; gender: Gender; n: unknown }>(
      `SELECT CASE
                WHEN birth_date IS NULL THEN 'unknown'
                ELSE (SELECT CASE WHEN a < 18 THEN 'under_18' WHEN a < 25 THEN '18_24' WHEN a < 35 THEN '25_34' WHEN a < 45 THEN '35_44'
                                  WHEN a < 55 THEN '45_54' WHEN a < 65 THEN '55_64' ELSE '65_plus' END
                      FROM (SELECT date_part('year', age((created_at AT TIME ZONE $4)::date, birth_date)) AS a) x)
              END AS band,
              coalesce(gender, 'unknown') AS gender, count(*) AS n
       FROM orders WHERE ${inPeriod} GROUP BY 1, 2`,
      params,
    ),
    store.db.query<{ city: string; n: unknown }>(
      `SELECT min(city) AS city, count(*) AS n FROM orders WHERE ${inPeriod} AND city IS NOT NULL
       GROUP BY lower(city) ORDER BY n DESC, lower(city) COLLATE "C" LIMIT $4::int`,
      [merchantId, period.from, period.to, top],
    ),
    store.db.query<{ kind: CustomerKind | null; orders: unknown; customers: unknown; total: unknown }>(
      `WITH buyers AS (
         SELECT customer_key, count(*) AS orders, min(created_at) AS first FROM orders
         WHERE ${inPeriod} AND customer_key IS NOT NULL GROUP BY customer_key
       ), classified AS (
         SELECT b.orders,
                CASE WHEN p.last IS NULL THEN 'new' WHEN p.last >= $2::timestamptz - make_interval(days => $4::int) THEN 'returning' ELSE 'reactivated' END AS kind
         FROM buyers b
         LEFT JOIN LATERAL (
           SELECT max(created_at) AS last FROM orders o
           WHERE o.merchant_id = $1 AND o.customer_key = b.customer_key AND o.created_at < $2::timestamptz
             AND NOT (o.status = 'CANCELLED' OR (o.status = 'EXPIRED' AND o.captured_amount = 0))
         ) p ON true
       )
       SELECT kind, least(orders, 5) AS orders, count(*) AS customers, sum(orders) AS total FROM classified GROUP BY kind, least(orders, 5)`,
      [merchantId, period.from, period.to, lapsed],
    ),
  ]);

  const count = <K extends string>(keys: readonly K[], rows: { key: K; n: number }[]) =>
    keys.map((key) => ({ key, n: rows.filter((r) => r.key === key).reduce((s, r) => s + r.n, 0) }));
  const seg = segments.map((r) => ({ band: r.band, gender: (GENDERS as readonly string[]).includes(r.gender) ? r.gender : 'unknown', n: Number(r.n) }));
  const orderCount = seg.reduce((s, r) => s + r.n, 0);
  const cust = customers.map((r) => ({ kind: r.kind!, orders: Number(r.orders), customers: Number(r.customers), total: Number(r.total) }));
  const withCustomer = cust.reduce((s, r) => s + r.total, 0);
  return {
    period,
    timeZone,
    orderCount,
    ageBands: count(AGE_BANDS, seg.map((r) => ({ key: r.band, n: r.n }))).map(({ key, n }) => ({ band: key, orderCount: n })),
    genders: count(GENDERS, seg.map((r) => ({ key: r.gender as Gender, n: r.n }))).map(({ key, n }) => ({ gender: key, orderCount: n })),
    topCities: cities.map((r) => ({ city: r.city, orderCount: Number(r.n) })),
    customers: CUSTOMER_KINDS.map((kind) => {
      const rows = cust.filter((r) => r.kind === kind);
      return { kind, customers: rows.reduce((s, r) => s + r.customers, 0), orderCount: rows.reduce((s, r) => s + r.total, 0) };
    }),
    frequency: FREQUENCIES.map((orders, i) => ({ orders, customers: cust.filter((r) => r.orders === i + 1).reduce((s, r) => s + r.customers, 0) })),
    ordersWithoutCustomer: orderCount - withCustomer,
  };
}
