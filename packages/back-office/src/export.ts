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

/** Order fields no export column reads; left in the database (a smaller row to send and parse). */
const NEVER_READ = ['captures', 'refunds', 'shipping_info', 'merchant_data', 'customer'];

/**
 * Every order the query matches (all pages; `page`, `pageSize`, `limit` and `after` are
 * ignored), in the query's sort, read in keyset batches. The next batch is read while
 * the current one is consumed.
 */
export function iterateOrders(store: OrderStore, query: OrderPageQuery, options: { batchSize?: number | undefined; columns?: readonly OrderColumn[] | undefined } = {}): AsyncIterable<Order> {
  const { page: _p, pageSize: _s, limit: _l, after: _a, ...rest } = query;
  const base = compileOrderQuery(rest);
  const batchSize = options.batchSize ?? 2000;
  if (!Number.isSafeInteger(batchSize) || batchSize < 100 || batchSize > 10_000) throw invalid('batchSize', 'must be an integer from 100 to 10000');
  const columns = options.columns ?? DEFAULT_ORDER_COLUMNS;
  // The tax column sums the order lines; nothing else needs them.
  const dropped = Array.isArray(columns) && columns.includes('order_tax_amount') ? NEVER_READ : [...NEVER_READ, 'order_lines'];

  const read = async (after: string | undefined) => {
    const q = after === undefined ? base : compileOrderQuery({ ...rest, after });
    const params = [...q.params, dropped, batchSize];
    const rows = await store.db.query<Record<string, unknown> & { body: Order }>(
      `SELECT body - $${params.length - 1}::text[] AS body, ${cursorColumns(q)} FROM orders WHERE ${q.where.join(' AND ')}
       ORDER BY ${orderByClause(q.keys)} LIMIT $${params.length}`,
      params,
    );
    const last = rows[rows.length - 1];
    return { orders: rows.map((r) => r.body), next: rows.length === batchSize && last ? encodeCursor(q, last) : undefined };
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
  return ordersToCsv(iterateOrders(store, query, { batchSize, columns: csv.columns }), csv);
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
