/**
 * The orders page as SQL: the filters, free text and sort of the SDK's `searchOrders`
 * (its `OrderSearchQuery`), with keyset pagination. The same builder serves the page
 * (`store.listOrders`) and the CSV export (`exportOrdersCsv`), so both list the same
 * orders in the same order.
 */
import { KustomValidationError, foldText, orderSearchRange, searchOrders, type OrderSearchQuery, type SortDirection } from '@kustom/sdk';

/** The columns the store sorts by (each has an index). */
export const ORDER_PAGE_SORTS = [
  'created_at',
  'expires_at',
  'status',
  'purchase_country',
  'purchase_currency',
  'order_amount',
  'captured_amount',
  'refunded_amount',
  'remaining_authorized_amount',
] as const;
export type OrderPageSort = (typeof ORDER_PAGE_SORTS)[number];

const AMOUNT_SORTS: ReadonlySet<string> = new Set(['order_amount', 'captured_amount', 'refunded_amount', 'remaining_authorized_amount']);

/**
 * The orders page's query: everything `searchOrders` takes, plus the store and a
 * keyset cursor.
 *
 * - Sorting: by one of {@link ORDER_PAGE_SORTS}; equal values are ordered by order id
 *   (code-point order) in the same direction, so every page boundary is exact. Codes
 *   (status, country, currency) sort in code-point order, which for these upper-case
 *   codes is the order `searchOrders` gives; `locale` is accepted and changes nothing.
 * - **Amounts are never compared across currencies**: a sort by an amount without a
 *   single `currency` filter sorts by currency first (A–Z ascending, Z–A descending),
 *   then by the amount. Filter on one currency to get that currency's orders by
 *   amount, exactly as `searchOrders` does.
 * - Paging: `after` (the `next` cursor of the previous page) is stable under inserts;
 *   `page` (1-based, offset) is accepted for parity with `searchOrders`, slower on deep pages.
 */
export interface OrderPageQuery extends Omit<OrderSearchQuery, 'sort' | 'page' | 'pageSize'> {
  merchantId: string;
  sort?: { by: OrderPageSort; direction?: SortDirection | undefined } | undefined;
  /** Keyset cursor returned as `next` by the previous page (same filters and sort). */
  after?: string | undefined;
  /** Orders per page, 1–1000. @default 25 */
  limit?: number | undefined;
  /** `searchOrders`' name for `limit`. */
  pageSize?: number | undefined;
  /** 1-based page (offset paging); not with `after`. @default 1 */
  page?: number | undefined;
}

export interface CompiledOrderQuery {
  /** `WHERE` conditions (joined with AND) and their parameters ($1 is the merchant id). */
  where: string[];
  params: unknown[];
  /** The sort keys: SQL expression, direction, the parameter cast of its cursor value. */
  keys: SortKey[];
  sortBy: OrderPageSort;
  direction: SortDirection;
  limit: number;
  offset: number;
}

interface SortKey {
  sql: string;
  dir: SortDirection;
  cast: string;
  column: string;
}

/** The select list of the sort keys as exact text (`k0`, `k1`, …): a cursor must hold microseconds, not a rounded Date. */
export function cursorColumns(compiled: CompiledOrderQuery): string {
  return compiled.keys.map((k, i) => `${k.column}::text AS k${i}`).join(', ');
}

export function invalid(path: string, message: string, code = 'custom'): KustomValidationError {
  return new KustomValidationError('request', [{ path, message, code }]);
}

/** The store (merchant id) a query acts on: a non-empty string. */
export function checkMerchant(merchantId: unknown): string {
  if (typeof merchantId !== 'string' || !merchantId) throw invalid('merchantId', 'is required');
  return merchantId;
}

const escapeLike = (word: string) => word.replace(/[\\%_]/g, (c) => `\\${c}`);

const list = (v: string | readonly string[]): string[] => (typeof v === 'string' ? [v] : [...v]);

/**
 * Checks a query exactly as `searchOrders` does (it is asked: the same typed errors,
 * naming the same fields) and compiles it to SQL.
 */
export function compileOrderQuery(query: OrderPageQuery): CompiledOrderQuery {
  if (!query || typeof query !== 'object') throw invalid('query', 'must be an object');
  checkMerchant(query.merchantId);
  const sortBy = query.sort?.by ?? 'created_at';
  if (!(ORDER_PAGE_SORTS as readonly string[]).includes(sortBy)) {
    throw invalid('sort.by', `must be one of ${ORDER_PAGE_SORTS.join(', ')}, got ${JSON.stringify(sortBy)}`, 'invalid_value');
  }
  if (query.limit !== undefined && query.pageSize !== undefined && query.limit !== query.pageSize) throw invalid('pageSize', 'must equal limit when both are given');
  const limit = query.limit ?? query.pageSize ?? 25;
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000) throw invalid(query.limit !== undefined ? 'limit' : 'pageSize', 'must be an integer from 1 to 1000');
  if (query.after !== undefined && query.page !== undefined && query.page !== 1) throw invalid('page', 'cannot be combined with after (a cursor)');
  // Every other value is checked by the SDK's own search, on no orders.
  const { merchantId: _m, after: _a, limit: _l, ...sdkQuery } = query;
  searchOrders([], { ...sdkQuery, pageSize: limit });
  const direction: SortDirection = query.sort ? (query.sort.direction ?? 'asc') : 'desc';
  const page = query.page ?? 1;

  const where: string[] = ['merchant_id = $1'];
  const params: unknown[] = [query.merchantId];
  const add = (sql: (p: string) => string, v: unknown) => {
    params.push(v);
    where.push(sql(`$${params.length}`));
  };
  if (query.status !== undefined) add((p) => `status = ANY(${p}::text[])`, list(query.status));
  const { from, to } = orderSearchRange(query);
  if (from !== undefined) add((p) => `created_at >= ${p}::timestamptz`, new Date(from).toISOString());
  if (to !== undefined) add((p) => `created_at < ${p}::timestamptz`, new Date(to).toISOString());
  if (query.country !== undefined) add((p) => `purchase_country = ANY(${p}::text[])`, list(query.country).map((c) => c.toUpperCase()));
  const currencies = query.currency === undefined ? undefined : [...new Set(list(query.currency).map((c) => c.toUpperCase()))];
  // One currency is an equality: the planner then reads the amount index in order.
  if (currencies?.length === 1) add((p) => `purchase_currency = ${p}`, currencies[0]);
  else if (currencies) add((p) => `purchase_currency = ANY(${p}::text[])`, currencies);
  if (query.paymentMethod !== undefined) add((p) => `upper(coalesce(payment_method, '')) = ANY(${p}::text[])`, list(query.paymentMethod).map((c) => c.toUpperCase()));
  if (query.minAmount !== undefined) add((p) => `order_amount >= ${p}::bigint`, query.minAmount);
  if (query.maxAmount !== undefined) add((p) => `order_amount <= ${p}::bigint`, query.maxAmount);
  for (const word of foldText(query.text ?? '').split(/\s+/).filter(Boolean)) add((p) => `search_text LIKE ${p}`, `%${escapeLike(word)}%`);

  const keys: SortKey[] = [];
  const isText = sortBy === 'status' || sortBy === 'purchase_country' || sortBy === 'purchase_currency';
  // Amounts are compared within a currency only: by currency first, in the same direction (one index serves both).
  // Codes (upper-case letters and `_`) sort alike in every collation: the database's own lets the indexes serve.
  if (AMOUNT_SORTS.has(sortBy) && currencies?.length !== 1) keys.push({ sql: 'purchase_currency', dir: direction, cast: 'text', column: 'purchase_currency' });
  keys.push({
    sql: sortBy,
    dir: direction,
    cast: sortBy.endsWith('_at') ? 'timestamptz' : isText ? 'text' : 'bigint',
    column: sortBy,
  });
  keys.push({ sql: 'order_id COLLATE "C"', dir: direction, cast: 'text', column: 'order_id' });

  if (query.after !== undefined) {
    const values = decodeCursor(query.after, sortBy, direction, keys);
    where.push(keysetCondition(keys, values, params));
  }
  return { where, params, keys, sortBy, direction, limit, offset: query.after === undefined ? (page - 1) * limit : 0 };
}

/** `(k1, k2, …) after (v1, v2, …)`: every key shares the sort's direction, so one row comparison an index answers. */
function keysetCondition(keys: SortKey[], values: unknown[], params: unknown[]): string {
  const refs = keys.map((k, i) => {
    params.push(values[i]);
    return `$${params.length}::${k.cast}${k.column === 'order_id' ? ' COLLATE "C"' : ''}`;
  });
  return `(${keys.map((k) => k.sql).join(', ')}) ${keys[0]!.dir === 'asc' ? '>' : '<'} (${refs.join(', ')})`;
}

export function orderByClause(keys: readonly SortKey[]): string {
  return keys.map((k) => `${k.sql} ${k.dir === 'asc' ? 'ASC' : 'DESC'}`).join(', ');
}

/** The cursor of the row a page ends on. */
export function encodeCursor(compiled: CompiledOrderQuery, row: Record<string, unknown>): string {
  const values = compiled.keys.map((_, i) => String(row[`k${i}`]));
  return Buffer.from(JSON.stringify([compiled.sortBy, compiled.direction, ...values])).toString('base64url');
}

const CURSOR_VALUE: Readonly<Record<string, RegExp>> = {
  timestamptz: /^\d{4,}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?[+-]\d{2}(:\d{2}){0,2}$/,
  bigint: /^-?\d{1,18}$/,
  text: /^[^\u0000]*$/,
};

function decodeCursor(cursor: string, sortBy: string, direction: string, keys: readonly SortKey[]): string[] {
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (
      Array.isArray(v) &&
      v.length === keys.length + 2 &&
      v[0] === sortBy &&
      v[1] === direction &&
      keys.every((k, i) => typeof v[i + 2] === 'string' && CURSOR_VALUE[k.cast]!.test(v[i + 2] as string))
    ) {
      return v.slice(2) as string[];
    }
  } catch {
    // falls through
  }
  throw invalid('after', 'is not a cursor this store returned for this sort');
}
