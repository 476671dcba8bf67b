/**
 * Intake: how orders reach the store without a "list orders" call.
 *
 * - `handlePush(request)`: the handler of `merchant_urls.push`. Kustom calls it after a
 *   checkout completes, with the order id in the URL
 *   (`https://shop.example/back-office/push?store=PK12345&order_id={checkout.order.id}`).
 *   It reads the Order Management order with that store's credentials, stores it, and
 *   then acknowledges it (stored first: an order acknowledged but not stored would be
 *   lost, as Kustom stops pushing once acknowledged). An id Kustom does not know for
 *   that store (unknown, or another merchant's) is refused with 404 and nothing is written.
 * - `sync({ olderThan })`: re-reads the open orders (authorized, part captured) last read
 *   before `olderThan`, so an expired reservation or a change made elsewhere shows.
 * - `backfill(merchantId, orderIds)`: reads a list of ids a few at a time.
 *
 * Every read is stored with the time it started: an older read never overwrites a
 * newer one (out-of-order pushes), and the same body twice writes nothing.
 */
import { isKustomNotFoundError, type KustomStores, type Order } from '@kustom/sdk';
import type { Queryable } from './db.js';
import { BackOfficeError, BackOfficeNotFoundError, errorBody, invalidField } from './errors.js';
import type { Notifications } from './notifications.js';
import type { OrderStore } from './store.js';

export type StoreResult = 'inserted' | 'updated' | 'unchanged' | 'stale';

/**
 * Stores `order` as read from Kustom at `readAt`, in `tx`: refused as `stale` when a
 * read that started later is already stored. Returns what happened.
 */
export async function storeOrderRead(store: OrderStore, merchantId: string, order: Order, readAt: Date, tx: Queryable): Promise<StoreResult> {
  const fresh = await tx.query(
    `INSERT INTO order_reads (merchant_id, order_id, read_at) VALUES ($1, $2, $3)
     ON CONFLICT (merchant_id, order_id) DO UPDATE SET read_at = EXCLUDED.read_at WHERE order_reads.read_at <= EXCLUDED.read_at
     RETURNING merchant_id`,
    [merchantId, order.order_id, readAt.toISOString()],
  );
  if (fresh.length === 0) return 'stale';
  const existed = (await tx.query('SELECT 1 FROM orders WHERE merchant_id = $1 AND order_id = $2', [merchantId, order.order_id])).length > 0;
  const changed = await store.upsertOrder(merchantId, order, tx);
  return !existed ? 'inserted' : changed ? 'updated' : 'unchanged';
}

export interface IntakeOptions {
  store: OrderStore;
  stores: KustomStores;
  /** New orders notify the store's users (in the same transaction as the order). */
  notifications?: Notifications | undefined;
  /** Reads in flight at once in `sync` and `backfill`. @default 8 */
  concurrency?: number | undefined;
}

export interface IngestResult {
  orderId: string;
  result: StoreResult | 'not_found';
}

export interface BatchResult {
  read: number;
  inserted: number;
  updated: number;
  unchanged: number;
  notFound: number;
  failed: { orderId: string; error: string }[];
}

export interface Intake {
  handlePush(request: Request): Promise<Response>;
  /** Reads one order and stores it; `acknowledge` after storing (the push does). */
  ingest(merchantId: string, orderId: string, options?: { acknowledge?: boolean }): Promise<IngestResult>;
  sync(options: { olderThan: Date; merchantIds?: readonly string[] | undefined; concurrency?: number | undefined }): Promise<BatchResult>;
  backfill(merchantId: string, orderIds: readonly string[], options?: { concurrency?: number | undefined }): Promise<BatchResult>;
}

const ORDER_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,254}$/;

/** Runs `fn` over `items` with at most `limit` in flight. */
export async function eachLimited<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await fn(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
}

export function createIntake(options: IntakeOptions): Intake {
  const { store, stores, notifications } = options;
  const defaultConcurrency = options.concurrency ?? 8;

  function checkStore(merchantId: unknown, field: string): string {
    if (typeof merchantId !== 'string' || !stores.has(merchantId)) throw invalidField(field, `must be one of the configured stores (${stores.ids.join(', ')})`);
    return merchantId;
  }
  function checkOrderId(orderId: unknown, field: string): string {
    if (typeof orderId !== 'string' || !ORDER_ID.test(orderId)) throw invalidField(field, 'must be a Kustom order id');
    return orderId;
  }

  async function ingest(merchantId: string, orderId: string, opts: { acknowledge?: boolean } = {}): Promise<IngestResult> {
    checkStore(merchantId, 'store');
    checkOrderId(orderId, 'order_id');
    const kustom = stores.get(merchantId);
    // The machine's clock, never a moved one: it orders reads, whatever time the back office decides at.
    const readAt = new Date();
    let order: Order;
    try {
      order = await kustom.orders.get(orderId);
    } catch (error) {
      if (isKustomNotFoundError(error)) return { orderId, result: 'not_found' };
      throw error;
    }
    const result = await store.db.transaction(async (tx) => {
      const r = await storeOrderRead(store, merchantId, order, readAt, tx);
      if (r === 'inserted' && notifications) {
        await notifications.emit(
          {
            merchantId,
            kind: 'new_order',
            dedupeKey: order.order_id,
            title: `New order ${order.merchant_reference1 ?? order.order_id}`,
            text: `A new order (${order.order_id}) of ${order.order_amount} minor units ${order.purchase_currency.toUpperCase()} reached the back office.`,
            data: { orderId: order.order_id, amount: order.order_amount, currency: order.purchase_currency },
          },
          tx,
        );
      }
      return r;
    });
    if (opts.acknowledge) await kustom.orders.acknowledge(orderId);
    return { orderId, result };
  }

  async function batch(merchantId: string, ids: readonly string[], concurrency: number): Promise<BatchResult> {
    const out: BatchResult = { read: 0, inserted: 0, updated: 0, unchanged: 0, notFound: 0, failed: [] };
    await eachLimited(ids, concurrency, async (orderId) => {
      try {
        const r = await ingest(merchantId, orderId);
        out.read++;
        if (r.result === 'inserted') out.inserted++;
        else if (r.result === 'updated') out.updated++;
        else if (r.result === 'not_found') out.notFound++;
        else out.unchanged++;
      } catch (error) {
        out.failed.push({ orderId, error: error instanceof Error ? error.message : String(error) });
      }
    });
    return out;
  }

  return {
    ingest,
    async handlePush(request) {
      try {
        if (request.method !== 'POST') throw new BackOfficeError(405, 'METHOD_NOT_ALLOWED', 'The push is a POST.');
        const url = new URL(request.url);
        const merchantId = url.searchParams.get('store') ?? (stores.ids.length === 1 ? stores.ids[0] : undefined);
        checkStore(merchantId, 'store');
        const orderId = checkOrderId(url.searchParams.get('order_id'), 'order_id');
        const r = await ingest(merchantId!, orderId, { acknowledge: true });
        if (r.result === 'not_found') throw new BackOfficeNotFoundError(`Kustom has no order ${orderId} for store ${merchantId}.`, 'order_id');
        return Response.json({ order_id: orderId, result: r.result }, { status: 200 });
      } catch (error) {
        const { status, body } = errorBody(error);
        return Response.json(body, { status });
      }
    },
    async sync(opts) {
      if (!(opts?.olderThan instanceof Date) || Number.isNaN(opts.olderThan.getTime())) throw invalidField('olderThan', 'must be a Date');
      const ids = opts.merchantIds ? opts.merchantIds.map((m, i) => checkStore(m, `merchantIds[${i}]`)) : [...stores.ids];
      const total: BatchResult = { read: 0, inserted: 0, updated: 0, unchanged: 0, notFound: 0, failed: [] };
      for (const merchantId of ids) {
        const rows = await store.db.query<{ order_id: string }>(
          `SELECT o.order_id FROM orders o LEFT JOIN order_reads r ON r.merchant_id = o.merchant_id AND r.order_id = o.order_id
            WHERE o.merchant_id = $1 AND o.status IN ('AUTHORIZED', 'PART_CAPTURED') AND coalesce(r.read_at, o.updated_at) < $2
            ORDER BY o.order_id`,
          [merchantId, opts.olderThan.toISOString()],
        );
        const r = await batch(merchantId, rows.map((x) => x.order_id), opts.concurrency ?? defaultConcurrency);
        total.read += r.read;
        total.inserted += r.inserted;
        total.updated += r.updated;
        total.unchanged += r.unchanged;
        total.notFound += r.notFound;
        total.failed.push(...r.failed);
      }
      return total;
    },
    async backfill(merchantId, orderIds, opts = {}) {
      checkStore(merchantId, 'merchantId');
      if (!Array.isArray(orderIds)) throw invalidField('orderIds', 'must be an array of order ids');
      orderIds.forEach((id, i) => checkOrderId(id, `orderIds[${i}]`));
      return batch(merchantId, [...new Set(orderIds)], opts.concurrency ?? defaultConcurrency);
    },
  };
}
