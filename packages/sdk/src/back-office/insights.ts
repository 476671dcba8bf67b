/**
 * The Insights overview of the portal: revenue, orders, average order value, sales per
 * country against a comparison period, payment mix and a daily series. Per currency,
 * in integer minor units; amounts in different currencies are never added together.
 */
import { divideRounded } from '../money.js';
import type { Order } from '../schemas/index.js';
import type { Instant } from '../orders/index.js';
import { checkTimeZone, dayIndex, dayString, orderInstant, parseBound } from './dates.js';
import { invalidInput } from './errors.js';
import { drain, type OrdersSource } from './iterate.js';
import { paymentMethodOf } from './order-fields.js';

export interface InsightsOptions {
  /** Start of the period (inclusive). A date-only value is the start of that day in `timeZone`. */
  from: Instant;
  /** End of the period (exclusive). A date-only value includes that whole day in `timeZone`. */
  to: Instant;
  /** Start of the comparison period, e.g. the same dates a year earlier. Give both ends or neither. */
  compareFrom?: Instant | undefined;
  /** End of the comparison period. */
  compareTo?: Instant | undefined;
  /** The IANA time zone of the calendar days (daily series, date-only bounds). @default 'UTC' */
  timeZone?: string | undefined;
}

/**
 * A relative change in basis points, rounded half away from zero: `1250` is +12.5 %,
 * `-10000` is −100 %. `null` when the comparison value is 0 (no change can be stated).
 */
export type Change = number | null;

/** Sales of one period in one currency. Amounts in minor units. */
export interface InsightsTotals {
  /** Net revenue: `grossSales − refunded`. */
  revenue: number;
  /**
   * What the counted orders are worth before refunds: everything captured, plus what is
   * still authorized on open orders (`AUTHORIZED`, `PART_CAPTURED`). Released and expired
   * remainders and cancelled orders are not sales.
   */
  grossSales: number;
  /** Refunded on the counted orders. */
  refunded: number;
  /** Orders placed in the period, except cancelled ones and expired ones with nothing captured. */
  orderCount: number;
  /** `grossSales / orderCount`, rounded half away from zero to a whole minor unit; 0 without orders. */
  averageOrderValue: number;
}

export interface CountryInsights {
  /** `purchase_country`, upper case. */
  country: string;
  revenue: number;
  orderCount: number;
  /** Revenue in the comparison period; `undefined` without one. */
  previousRevenue: number | undefined;
  /** Revenue change against the comparison period; `undefined` without one. */
  revenueChange: Change | undefined;
}

export interface PaymentMixEntry {
  /** `initial_payment_method.type`, or `UNKNOWN` when the order does not say. */
  paymentMethod: string;
  orderCount: number;
  revenue: number;
  /** Share of the currency's orders, in basis points (rounded, so shares may not sum to exactly 10000). */
  orderShare: number;
}

export interface DailyInsights {
  /** The calendar day in `timeZone`, `YYYY-MM-DD`. */
  date: string;
  revenue: number;
  orderCount: number;
}

export interface CurrencyInsights extends InsightsTotals {
  /** ISO 4217, upper case. */
  currency: string;
  /** The comparison period's totals; `undefined` without one. */
  previous: InsightsTotals | undefined;
  /** Changes against the comparison period; `undefined` without one. */
  change: { revenue: Change; orderCount: Change; averageOrderValue: Change } | undefined;
  /** Sales per country, largest revenue first; countries sold to only in the comparison period are included (revenue 0). */
  countries: CountryInsights[];
  /** How the period's orders were paid, most orders first. */
  paymentMix: PaymentMixEntry[];
  /** One entry per calendar day of the period, days without orders included. */
  daily: DailyInsights[];
}

export interface InsightsOverview {
  /** The period as instants (ISO 8601, UTC): `from <= created_at < to`. */
  period: { from: string; to: string };
  comparePeriod: { from: string; to: string } | undefined;
  timeZone: string;
  /** One entry per currency seen in either period, by currency code. */
  currencies: CurrencyInsights[];
}

/**
 * The Insights overview over the orders a merchant holds. Synchronous for an array or
 * iterable, a Promise for an async iterable; memory grows with the number of
 * currencies, countries, payment methods and days, not with the number of orders.
 *
 * What counts: an order belongs to the period its `created_at` falls in, with what
 * has happened to it since. Its gross sale is what was captured plus, while it is
 * open (`AUTHORIZED` / `PART_CAPTURED`), what is still authorized; its revenue is
 * that minus refunds. `CANCELLED` orders and `EXPIRED` ones with nothing captured are
 * not orders here.
 *
 * @example
 * const overview = insightsOverview(orders, {
 *   from: '2024-05-01', to: '2024-05-31',
 *   compareFrom: '2023-05-01', compareTo: '2023-05-31', // year over year
 *   timeZone: 'Europe/Stockholm',
 * });
 * for (const c of overview.currencies) console.log(c.currency, formatAmount(c.revenue, c.currency, 'sv-SE'), c.change?.revenue);
 */
export function insightsOverview(orders: Iterable<Order>, options: InsightsOptions): InsightsOverview;
export function insightsOverview(orders: AsyncIterable<Order>, options: InsightsOptions): Promise<InsightsOverview>;
export function insightsOverview(orders: OrdersSource<Order>, options: InsightsOptions): InsightsOverview | Promise<InsightsOverview>;
export function insightsOverview(orders: OrdersSource<Order>, options: InsightsOptions): InsightsOverview | Promise<InsightsOverview> {
  const { timeZone, from, to, compare, tallyOf, finish } = overviewBuilder(options);
  return drain(
    orders,
    (order, index) => {
      const created = orderInstant(order.created_at, `orders[${index}].created_at`);
      const inPeriod = created >= from && created < to;
      const inCompare = compare !== undefined && created >= compare[0] && created < compare[1];
      if (!inPeriod && !inCompare) return;
      const sale = saleOf(order, index);
      if (!sale) return;
      const tally = tallyOf(String(order.purchase_currency).toUpperCase());
      const country = String(order.purchase_country).toUpperCase();
      if (inPeriod) addCurrent(tally, country, paymentMethodOf(order) || 'UNKNOWN', dayIndex(created, timeZone), sale);
      if (inCompare) addPrevious(tally, country, sale);
    },
    finish,
  );
}

/**
 * Sales already summed by a database, one row per group: what `insightsOverview`
 * tallies order by order. `period` says which period the orders of the row were
 * created in; an order created in both periods (overlapping periods) is in two rows.
 */
export interface InsightsGroup {
  period: 'current' | 'compare';
  /** ISO 4217 (any case). */
  currency: string;
  /** `purchase_country` (any case). */
  country: string;
  /** `initial_payment_method.type`, `UNKNOWN` or `''` when the orders do not say (current period). */
  paymentMethod?: string | undefined;
  /** The calendar day in the options' `timeZone`, `YYYY-MM-DD` (current period). */
  day?: string | undefined;
  /** Orders counted (see {@link insightsOverview} for which count). */
  orderCount: number;
  /** Captured plus, on open orders, still authorized; minor units. */
  grossSales: number;
  /** Refunded; minor units. */
  refunded: number;
}

/**
 * The Insights overview from sales summed elsewhere (a SQL `GROUP BY`), with the
 * same options, checks, rounding and ordering as {@link insightsOverview}: a store
 * that sums the same orders gets the same overview.
 */
export function insightsOverviewFromGroups(groups: Iterable<InsightsGroup>, options: InsightsOptions): InsightsOverview {
  const { compare, tallyOf, finish } = overviewBuilder(options);
  let index = 0;
  for (const group of groups) {
    const field = (name: string) => `groups[${index}].${name}`;
    const sale: Sale = { gross: groupAmount(group.grossSales, field('grossSales')), refunded: groupAmount(group.refunded, field('refunded')) };
    const count = groupAmount(group.orderCount, field('orderCount'));
    const tally = tallyOf(String(group.currency).toUpperCase());
    const country = String(group.country).toUpperCase();
    if (group.period === 'current') {
      const day = typeof group.day === 'string' ? Date.parse(`${group.day}T00:00:00Z`) / DAY_MS : NaN;
      if (!Number.isSafeInteger(day)) throw invalidInput(field('day'), `must be a YYYY-MM-DD day, got ${String(group.day)}`, 'invalid_format');
      addCurrent(tally, country, group.paymentMethod || 'UNKNOWN', day, sale, count);
    } else if (group.period === 'compare' && compare) {
      addPrevious(tally, country, sale, count);
    } else {
      throw invalidInput(field('period'), compare ? 'must be "current" or "compare"' : 'must be "current" without a comparison period', 'invalid_value');
    }
    index++;
  }
  return finish();
}

const DAY_MS = 86_400_000;

function groupAmount(value: number, field: string): number {
  if (!Number.isSafeInteger(value)) throw invalidInput(field, `must be an integer, got ${String(value)}`, 'invalid_type');
  return value;
}

/** The checked options, the tallies and how they become the overview: shared by both entry points. */
function overviewBuilder(options: InsightsOptions) {
  if (!options || typeof options !== 'object') throw invalidInput('options', 'must be an object with from and to', 'invalid_type');
  const timeZone = checkTimeZone(options.timeZone);
  const [from, to] = period(options.from, options.to, 'from', 'to', timeZone);
  const firstDay = dayIndex(from, timeZone);
  const lastDay = dayIndex(to - 1, timeZone);
  if (lastDay - firstDay >= MAX_DAYS) throw invalidInput('to', `the period may span at most ${MAX_DAYS} days`, 'too_big');
  let compare: [number, number] | undefined;
  if (options.compareFrom !== undefined || options.compareTo !== undefined) {
    if (options.compareFrom === undefined) throw invalidInput('compareFrom', 'is required with compareTo', 'invalid_type');
    if (options.compareTo === undefined) throw invalidInput('compareTo', 'is required with compareFrom', 'invalid_type');
    compare = period(options.compareFrom, options.compareTo, 'compareFrom', 'compareTo', timeZone);
  }
  const byCurrency = new Map<string, CurrencyTally>();
  const tallyOf = (currency: string) => {
    let tally = byCurrency.get(currency);
    if (!tally) byCurrency.set(currency, (tally = newCurrencyTally()));
    return tally;
  };
  const finish = (): InsightsOverview => ({
    period: { from: iso(from), to: iso(to) },
    comparePeriod: compare && { from: iso(compare[0]), to: iso(compare[1]) },
    timeZone,
    currencies: [...byCurrency.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([currency, tally]) => currencyInsights(currency, tally, compare !== undefined, firstDay, lastDay)),
  });
  return { timeZone, from, to, compare, tallyOf, finish };
}

function addCurrent(tally: CurrencyTally, country: string, method: string, day: number, sale: Sale, count = 1): void {
  add(tally.current, sale, count);
  add(entry(tally.countries, country).current, sale, count);
  add(entry(tally.methods, method).current, sale, count);
  add(entry(tally.days, day).current, sale, count);
}

function addPrevious(tally: CurrencyTally, country: string, sale: Sale, count = 1): void {
  add(tally.previous, sale, count);
  add(entry(tally.countries, country).previous, sale, count);
}

const MAX_DAYS = 3660;

interface Sale {
  gross: number;
  refunded: number;
}
interface Tally {
  gross: number;
  refunded: number;
  count: number;
}
interface PairTally {
  current: Tally;
  previous: Tally;
}
interface CurrencyTally extends PairTally {
  countries: Map<string, PairTally>;
  methods: Map<string, PairTally>;
  days: Map<number, PairTally>;
}

const newTally = (): Tally => ({ gross: 0, refunded: 0, count: 0 });
const newPair = (): PairTally => ({ current: newTally(), previous: newTally() });
const newCurrencyTally = (): CurrencyTally => ({ ...newPair(), countries: new Map(), methods: new Map(), days: new Map() });

function entry<K>(map: Map<K, PairTally>, key: K): PairTally {
  let pair = map.get(key);
  if (!pair) map.set(key, (pair = newPair()));
  return pair;
}

function add(tally: Tally, sale: Sale, count = 1): void {
  tally.gross += sale.gross;
  tally.refunded += sale.refunded;
  tally.count += count;
}

/** What one order contributes, or `undefined` when it is not a sale (see {@link insightsOverview}). */
function saleOf(order: Order, index: number): Sale | undefined {
  const captured = amount(order.captured_amount, index, 'captured_amount');
  if (order.status === 'CANCELLED' || (order.status === 'EXPIRED' && captured === 0)) return undefined;
  const open = order.status === 'AUTHORIZED' || order.status === 'PART_CAPTURED';
  const authorized = open ? amount(order.remaining_authorized_amount, index, 'remaining_authorized_amount') : 0;
  return { gross: captured + authorized, refunded: amount(order.refunded_amount, index, 'refunded_amount') };
}

function amount(value: number, index: number, field: string): number {
  if (!Number.isSafeInteger(value)) throw invalidInput(`orders[${index}].${field}`, `must be an integer in minor units, got ${String(value)}`, 'invalid_type');
  return value;
}

function totals(tally: Tally): InsightsTotals {
  return {
    revenue: tally.gross - tally.refunded,
    grossSales: tally.gross,
    refunded: tally.refunded,
    orderCount: tally.count,
    averageOrderValue: tally.count ? divideRounded(tally.gross, tally.count) : 0,
  };
}

function currencyInsights(currency: string, tally: CurrencyTally, comparing: boolean, firstDay: number, lastDay: number): CurrencyInsights {
  const current = totals(tally.current);
  const previous = comparing ? totals(tally.previous) : undefined;
  const countries: CountryInsights[] = [];
  for (const [country, pair] of tally.countries) {
    const revenue = pair.current.gross - pair.current.refunded;
    const previousRevenue = comparing ? pair.previous.gross - pair.previous.refunded : undefined;
    countries.push({
      country,
      revenue,
      orderCount: pair.current.count,
      previousRevenue,
      revenueChange: previousRevenue === undefined ? undefined : changeBasisPoints(revenue, previousRevenue),
    });
  }
  countries.sort((a, b) => b.revenue - a.revenue || (a.country < b.country ? -1 : a.country > b.country ? 1 : 0));
  const paymentMix: PaymentMixEntry[] = [...tally.methods]
    .map(([paymentMethod, pair]) => ({
      paymentMethod,
      orderCount: pair.current.count,
      revenue: pair.current.gross - pair.current.refunded,
      orderShare: divideRounded(pair.current.count * 10_000, current.orderCount),
    }))
    .sort((a, b) => b.orderCount - a.orderCount || b.revenue - a.revenue || (a.paymentMethod < b.paymentMethod ? -1 : 1));
  const daily: DailyInsights[] = [];
  for (let day = firstDay; day <= lastDay; day++) {
    const t = tally.days.get(day)?.current;
    daily.push({ date: dayString(day), revenue: t ? t.gross - t.refunded : 0, orderCount: t?.count ?? 0 });
  }
  return {
    currency,
    ...current,
    previous,
    change: previous && {
      revenue: changeBasisPoints(current.revenue, previous.revenue),
      orderCount: changeBasisPoints(current.orderCount, previous.orderCount),
      averageOrderValue: changeBasisPoints(current.averageOrderValue, previous.averageOrderValue),
    },
    countries,
    paymentMix,
    daily,
  };
}

/**
 * `(current − previous) / |previous|` in basis points, rounded half away from zero, in
 * exact integer arithmetic (BigInt once the product could pass 2^53).
 */
function changeBasisPoints(current: number, previous: number): Change {
  if (previous === 0) return null;
  const difference = current - previous;
  const denominator = Math.abs(previous);
  if (Math.abs(difference) <= Number.MAX_SAFE_INTEGER / 10_000) return divideRounded(difference * 10_000, denominator);
  const n = BigInt(difference) * 10_000n;
  const d = BigInt(denominator);
  const sign = n < 0n ? -1n : 1n;
  const magnitude = n < 0n ? -n : n;
  const quotient = magnitude / d;
  const rounded = 2n * (magnitude - quotient * d) >= d ? quotient + 1n : quotient;
  return Number(sign * rounded);
}

function period(fromValue: Instant, toValue: Instant, fromField: string, toField: string, timeZone: string): [number, number] {
  if (fromValue === undefined) throw invalidInput(fromField, 'is required', 'invalid_type');
  if (toValue === undefined) throw invalidInput(toField, 'is required', 'invalid_type');
  const from = parseBound(fromValue, fromField, 'start', timeZone);
  const to = parseBound(toValue, toField, 'end', timeZone);
  if (to <= from) throw invalidInput(toField, `must be after ${fromField}`, 'too_small');
  return [from, to];
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}
