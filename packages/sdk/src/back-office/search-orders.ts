/**
 * The orders page: filter, sort and paginate the orders a merchant holds.
 */
import { optionsArgument, orderArgument } from '../internal/arguments.js';
import { KnownOrderStatus, type Order, type OrderStatus } from '../schemas/index.js';
import type { Instant } from '../orders/index.js';
import { checkTimeZone, orderInstant, parseBound } from './dates.js';
import { invalidInput } from './errors.js';
import { drain, type OrdersSource } from './iterate.js';
import { ORDER_COLUMNS, ORDER_TABLE, type OrderColumn } from './order-columns.js';
import { foldText, paymentMethodOf } from './order-fields.js';

export type SortDirection = 'asc' | 'desc';

export interface OrderSearchQuery {
  /** One status or several (any of them). */
  status?: OrderStatus | readonly OrderStatus[] | undefined;
  /**
   * Orders created at or after this point. A date-only value (`2024-05-01`) means the
   * start of that day in `timeZone`.
   */
  createdFrom?: Instant | undefined;
  /**
   * Orders created before this point. A date-only value (`2024-05-31`) includes that
   * whole day in `timeZone`; a date-time is exclusive.
   */
  createdTo?: Instant | undefined;
  /** The IANA time zone of date-only bounds. @default 'UTC' */
  timeZone?: string | undefined;
  /** `purchase_country` (ISO 3166 alpha-2, any case): one or several. */
  country?: string | readonly string[] | undefined;
  /** `purchase_currency` (ISO 4217, any case): one or several. */
  currency?: string | readonly string[] | undefined;
  /** `initial_payment_method.type` (`INVOICE`, `CARD`, …, any case): one or several. */
  paymentMethod?: string | readonly string[] | undefined;
  /**
   * Smallest `order_amount`, in minor units, inclusive. Amounts are compared as they
   * are, so combine an amount range with `currency` when orders have several.
   */
  minAmount?: number | undefined;
  /** Largest `order_amount`, in minor units, inclusive. */
  maxAmount?: number | undefined;
  /**
   * Free text, case- and accent-insensitive (`"asa odegard"` finds Åsa Ødegård). Every
   * word must occur in one of: order id, merchant references, Klarna reference,
   * customer name or e-mail (billing or shipping address), product names (order lines).
   */
  text?: string | undefined;
  /**
   * The column to sort by and the direction. Empty values sort last in both
   * directions; equal values keep the input's order (the sort is stable). Text sorts
   * by `locale`'s collation, amounts by minor units, dates by instant.
   * @default { by: 'created_at', direction: 'desc' } (newest first); a `by` alone sorts ascending
   */
  sort?: { by: OrderColumn; direction?: SortDirection | undefined } | undefined;
  /** Locale of the text collation. @default 'en' */
  locale?: string | undefined;
  /** 1-based page number; past the last page gives no items. @default 1 */
  page?: number | undefined;
  /** Orders per page, 1–1000. @default 25 */
  pageSize?: number | undefined;
}

export interface OrderSearchResult {
  /** The orders of the requested page, sorted. */
  items: Order[];
  /** How many orders match the filters, over all pages. */
  total: number;
  page: number;
  pageSize: number;
  /** `ceil(total / pageSize)`; 0 when nothing matches. */
  pageCount: number;
}

/**
 * Filters, sorts and paginates orders, like the portal's orders page. Synchronous for
 * an array or iterable, a Promise for an async iterable. Only the matching orders are
 * kept in memory. The query is checked first: a bad value is a
 * `KustomValidationError` naming it (`field` is e.g. `createdFrom`).
 *
 * @example
 * const { items, total, pageCount } = searchOrders(orders, {
 *   status: ['AUTHORIZED', 'PART_CAPTURED'],
 *   country: 'SE',
 *   createdFrom: '2024-05-01',
 *   createdTo: '2024-05-31',
 *   text: 'anna svensson',
 *   sort: { by: 'order_amount', direction: 'desc' },
 *   page: 1,
 *   pageSize: 50,
 * });
 */
export function searchOrders(orders: Iterable<Order>, query?: OrderSearchQuery): OrderSearchResult;
export function searchOrders(orders: AsyncIterable<Order>, query?: OrderSearchQuery): Promise<OrderSearchResult>;
export function searchOrders(orders: OrdersSource<Order>, query?: OrderSearchQuery): OrderSearchResult | Promise<OrderSearchResult>;
export function searchOrders(orders: OrdersSource<Order>, query: OrderSearchQuery = {}): OrderSearchResult | Promise<OrderSearchResult> {
  query = optionsArgument(query, 'query');
  const matches = compileFilter(query);
  const sortBy = query.sort?.by ?? 'created_at';
  if (!ORDER_COLUMNS.includes(sortBy)) throw invalidInput('sort.by', `must be one of ${ORDER_COLUMNS.join(', ')}, got ${JSON.stringify(sortBy)}`, 'invalid_value');
  const direction = query.sort ? (query.sort.direction ?? 'asc') : 'desc';
  if (direction !== 'asc' && direction !== 'desc') throw invalidInput('sort.direction', `must be "asc" or "desc", got ${JSON.stringify(direction)}`, 'invalid_value');
  const page = checkCount(query.page ?? 1, 'page', 1, Number.MAX_SAFE_INTEGER);
  const pageSize = checkCount(query.pageSize ?? 25, 'pageSize', 1, 1000);
  let collator: Intl.Collator;
  try {
    collator = new Intl.Collator(query.locale ?? 'en', { sensitivity: 'base', numeric: true });
  } catch (error) {
    throw invalidInput('locale', `must be a BCP 47 locale, got ${JSON.stringify(query.locale)}`, 'invalid_value', error);
  }

  const column = ORDER_TABLE.columns[sortBy];
  const kept: Array<{ order: Order; key: string | number | undefined; index: number }> = [];
  return drain(
    orders,
    (order, index) => {
      if (!matches(order, index)) return;
      const raw = column.get(order);
      const key = raw === undefined || raw === '' ? undefined : column.kind === 'date' ? orderInstant(raw, `orders[${index}].${sortBy}`) : raw;
      kept.push({ order, key, index });
    },
    () => {
      const sign = direction === 'asc' ? 1 : -1;
      kept.sort((a, b) => {
        if (a.key === undefined || b.key === undefined) {
          if (a.key !== b.key) return a.key === undefined ? 1 : -1;
          return a.index - b.index;
        }
        const order = typeof a.key === 'string' ? collator.compare(a.key, b.key as string) : (a.key as number) - (b.key as number);
        return order === 0 ? a.index - b.index : sign * order;
      });
      const start = (page - 1) * pageSize;
      return {
        items: kept.slice(start, start + pageSize).map((entry) => entry.order),
        total: kept.length,
        page,
        pageSize,
        pageCount: Math.ceil(kept.length / pageSize),
      };
    },
  );
}

/** The query's filters as one predicate; every value is checked here, once. */
function compileFilter(query: OrderSearchQuery): (order: Order, index: number) => boolean {
  const tests: Array<(order: Order, index: number) => boolean> = [];

  if (query.status !== undefined) {
    const statuses = new Set(list(query.status, 'status'));
    statuses.forEach((status) => {
      if (!KnownOrderStatus.options.includes(status as KnownOrderStatus)) {
        throw invalidInput('status', `must be one of ${KnownOrderStatus.options.join(', ')}, got ${JSON.stringify(status)}`, 'invalid_value');
      }
    });
    tests.push((order) => statuses.has(order.status));
  }

  const { from, to } = orderSearchRange(query);
  if (from !== undefined || to !== undefined) {
    tests.push((order, index) => {
      const created = orderInstant(order.created_at, `orders[${index}].created_at`);
      return (from === undefined || created >= from) && (to === undefined || created < to);
    });
  }

  // A code the order does not hold as a string matches nothing (an order read leniently).
  const code = (value: unknown) => (typeof value === 'string' ? value.toUpperCase() : '');
  const upperSet = (value: string | readonly string[] | undefined, field: string) =>
    value === undefined ? undefined : new Set(list(value, field).map((v) => v.toUpperCase()));
  const countries = upperSet(query.country, 'country');
  if (countries) tests.push((order) => countries.has(code(order.purchase_country)));
  const currencies = upperSet(query.currency, 'currency');
  if (currencies) tests.push((order) => currencies.has(code(order.purchase_currency)));
  const methods = upperSet(query.paymentMethod, 'paymentMethod');
  if (methods) tests.push((order) => methods.has(code(paymentMethodOf(order))));

  const min = query.minAmount === undefined ? undefined : checkAmount(query.minAmount, 'minAmount');
  const max = query.maxAmount === undefined ? undefined : checkAmount(query.maxAmount, 'maxAmount');
  if (min !== undefined && max !== undefined && min > max) throw invalidInput('maxAmount', 'must not be below minAmount', 'too_small');
  if (min !== undefined) tests.push((order) => order.order_amount >= min);
  if (max !== undefined) tests.push((order) => order.order_amount <= max);

  if (query.text !== undefined) {
    if (typeof query.text !== 'string') throw invalidInput('text', 'must be a string', 'invalid_type');
    const words = foldText(query.text).split(/\s+/).filter(Boolean);
    if (words.length) {
      tests.push((order) => {
        const haystack = orderSearchText(order);
        return words.every((word) => haystack.includes(word));
      });
    }
  }

  return (order, index) => tests.every((test) => test(order, index));
}

/**
 * The created-at range of a query as epoch milliseconds (`from <= created_at < to`),
 * date-only bounds resolved in the query's `timeZone`, checked as `searchOrders`
 * checks them (a `KustomValidationError` naming `createdFrom`, `createdTo` or
 * `timeZone`). For stores that run the same query in a database.
 */
export function orderSearchRange(query: Pick<OrderSearchQuery, 'createdFrom' | 'createdTo' | 'timeZone'>): { from: number | undefined; to: number | undefined } {
  query = optionsArgument(query, 'query');
  const timeZone = checkTimeZone(query.timeZone);
  const from = query.createdFrom === undefined ? undefined : parseBound(query.createdFrom, 'createdFrom', 'start', timeZone);
  const to = query.createdTo === undefined ? undefined : parseBound(query.createdTo, 'createdTo', 'end', timeZone);
  if (from !== undefined && to !== undefined && from >= to) throw invalidInput('createdTo', 'must be after createdFrom', 'too_small');
  return { from, to };
}

/**
 * The folded text that free-text search looks in: order id, merchant and Klarna
 * references, names, organisation and e-mail of both addresses, product names. Fields
 * are kept apart by line breaks, so a search word (which never holds white space)
 * cannot span two. A store can keep it in an indexed column and match each word with
 * a substring test, as `searchOrders` does.
 */
export function orderSearchText(order: Order): string {
  orderArgument(order, 'order', ['order_lines']);
  const parts = [order.order_id, order.merchant_reference1, order.merchant_reference2, order.klarna_reference];
  for (const address of [order.billing_address, order.shipping_address]) {
    if (!address) continue;
    parts.push(address.given_name, address.family_name, address.organization_name, address.email);
  }
  for (const line of order.order_lines ?? []) parts.push(line.name);
  return foldText(parts.filter(Boolean).join('\n'));
}

function list<T extends string>(value: T | readonly T[], field: string): T[] {
  const values = typeof value === 'string' ? [value] : Array.isArray(value) ? [...value] : undefined;
  if (!values || values.some((v) => typeof v !== 'string')) throw invalidInput(field, 'must be a string or an array of strings', 'invalid_type');
  return values;
}

function checkAmount(value: number, field: string): number {
  if (!Number.isSafeInteger(value)) throw invalidInput(field, `must be an integer in minor units, got ${String(value)}`, 'invalid_type');
  return value;
}

function checkCount(value: number, field: string, min: number, max: number): number {
  if (!Number.isSafeInteger(value) || value < min || value > max) throw invalidInput(field, `must be an integer from ${min} to ${max}, got ${String(value)}`, 'invalid_value');
  return value;
}
