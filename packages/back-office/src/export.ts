/**
 * The orders list as CSV, streamed from the database: the orders page's query read in
 * keyset batches (memory holds about two batches, whatever the number of orders),
 * formatted by the SDK's own `ordersToCsv` (its columns, six header languages,
 * delimiters and formula neutralisation), so the file is byte for byte what
 * `ordersToCsv` writes for the same orders.
 */
import { DEFAULT_ORDER_COLUMNS, ordersToCsv, type Order, type OrderColumn, type OrdersCsvOptions } from '@kustom/sdk';
import { compileOrderQuery, cursorColumns, encodeCursor, invalid, orderByClause, type OrderPageQuery } from './order-query.js';
import type { OrderStore } from './store.js';

export interface ExportOrdersOptions extends OrdersCsvOptions {
  /** Orders read per query, 100–10000. @default 2000 */
  batchSize?: number | undefined;
}

/**
 * The order fields each export column reads (through the SDK's column getters): what
 * the store keeps in the small `summary` column, so an export carries the two
 * addresses and a few scalars instead of the whole order with its lines, captures and
 * refunds. The byte-identity test over random column choices holds this table to the getters.
 */
export const FIELDS_OF: Readonly<Record<OrderColumn, readonly string[]>> = {
  order_id: ['order_id'],
  merchant_reference1: ['merchant_reference1'],
  merchant_reference2: ['merchant_reference2'],
  klarna_reference: ['klarna_reference'],
  created_at: ['created_at'],
  expires_at: ['expires_at'],
  status: ['status'],
  fraud_status: ['fraud_status'],
  customer_name: ['billing_address', 'shipping_address'],
  customer_email: ['billing_address', 'shipping_address'],
  customer_phone: ['billing_address', 'shipping_address'],
  shipping_address: ['billing_address', 'shipping_address'],
  shipping_method: ['selected_shipping_option'],
  payment_method: ['initial_payment_method'],
  purchase_country: ['purchase_country'],
  purchase_currency: ['purchase_currency'],
  order_amount: ['order_amount'],
  order_tax_amount: ['order_lines'],
  original_order_amount: ['original_order_amount'],
  captured_amount: ['captured_amount'],
  refunded_amount: ['refunded_amount'],
  remaining_authorized_amount: ['remaining_authorized_amount'],
};
/** The fields the store keeps in `summary`: what every export column but the tax sum reads. */
export const SUMMARY_FIELDS: readonly string[] = [...new Set(Object.values(FIELDS_OF).flat())].filter((f) => f !== 'order_lines');

/** An order's `summary` column. */
export function summaryOf(order: Order): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of SUMMARY_FIELDS) {
    const v = (order as unknown as Record<string, unknown>)[f];
    if (v !== undefined) out[f] = v;
  }
  return out;
}

/**
 * Every order the query matches (all pages; `page`, `pageSize`, `limit` and `after` are
 * ignored), in the query's sort, read in keyset batches; the next batch is read while
 * the current one is consumed. With `columns` (and no tax column), each order holds
 * only the fields the export columns read (its `summary`).
 */
export function iterateOrders(
  store: OrderStore,
  query: OrderPageQuery,
  options: { batchSize?: number | undefined; columns?: readonly OrderColumn[] | undefined } = {},
): AsyncIterable<Order> {
  const { page: _p, pageSize: _s, limit: _l, after: _a, ...rest } = query;
  const base = compileOrderQuery(rest);
  const batchSize = options.batchSize ?? 2000;
  if (!Number.isSafeInteger(batchSize) || batchSize < 100 || batchSize > 10_000) throw invalid('batchSize', 'must be an integer from 100 to 10000');
  const columns: readonly OrderColumn[] | undefined = Array.isArray(options.columns) ? options.columns : options.columns === undefined ? undefined : DEFAULT_ORDER_COLUMNS;
  // Without the tax column, the summary holds every field the columns read; with it, the whole body.
  const select = columns && !columns.includes('order_tax_amount') ? 'summary AS body' : 'body';
  const toOrder = (row: Record<string, unknown>) => row.body as Order;

  const read = async (after: string | undefined) => {
    const q = after === undefined ? base : compileOrderQuery({ ...rest, after });
    const params = [...q.params, batchSize];
    const rows = await store.db.query<Record<string, unknown>>(
      `SELECT ${select}, ${cursorColumns(q)} FROM orders WHERE ${q.where.join(' AND ')}
       ORDER BY ${orderByClause(q.keys)} LIMIT $${params.length}`,
      params,
    );
    const last = rows[rows.length - 1];
    return { orders: rows.map(toOrder), next: rows.length === batchSize && last ? encodeCursor(q, last) : undefined };
  };

  return {
    async *[Symbol.asyncIterator]() {
      let pending: ReturnType<typeof read> | undefined = read(undefined);
      try {
        while (pending) {
          const batch: Awaited<ReturnType<typeof read>> = await pending;
          pending = batch.next === undefined ? undefined : read(batch.next);
          yield* batch.orders;
        }
      } finally {
        // A reader that stops early leaves a batch in flight: its failure is nobody's to handle.
        pending?.catch(() => undefined);
      }
    },
  };
}

/**
 * The query's orders as CSV chunks (strings). Both the query and the CSV options are
 * checked when this is called: a bad value is a `KustomValidationError` naming it,
 * before any byte is produced.
 *
 * @example
 * const csv = exportOrdersCsv(store, { merchantId, status: 'CAPTURED' }, { locale: 'sv', delimiter: ';', bom: true });
 * await pipeline(Readable.from(csv), createWriteStream('orders.csv'));
 */
export function exportOrdersCsv(store: OrderStore, query: OrderPageQuery, options: ExportOrdersOptions = {}): AsyncIterable<string> {
  const { batchSize, ...csv } = options;
  return ordersToCsv(iterateOrders(store, query, { batchSize, columns: csv.columns ?? DEFAULT_ORDER_COLUMNS }), csv);
}

/** CSV chunks as a byte stream (UTF-8), for a `Response` body. */
export function csvByteStream(chunks: AsyncIterable<string>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const iterator = chunks[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { value, done } = await iterator.next();
      if (done) controller.close();
      else controller.enqueue(encoder.encode(value));
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}
