/** Settlements API v1: what Kustom paid out, and what was deducted. */
import { json, type RequestOptions, type Transport } from '../internal/http.js';
import { queryParams } from '../internal/request-input.js';
import {
  PayoutCollection,
  PayoutSummaryList,
  PayoutSummaryQuery,
  PayoutsQuery,
  type Payout,
  type PayoutSummary,
} from '../schemas/settlements.js';

const BASE = '/settlements/v1/payouts';

/** `client.settlements.payouts` */
export interface PayoutsResource {
  /**
   * `GET /settlements/v1/payouts`: one page (`size` ≤ 500, default 20; `offset`).
   *
   * @example
   * const { payouts, pagination } = await kustom.settlements.payouts.list({ start_date: '2025-01-01T00:00:00Z', size: 100 });
   */
  list(query?: PayoutsQuery, options?: RequestOptions): Promise<PayoutCollection>;
  /**
   * Every payout from `query.offset` on, page after page (`size` per request), as an
   * async iterator. A page is fetched only when the previous one is used up.
   *
   * @example
   * for await (const payout of kustom.settlements.payouts.iterate({ start_date: '2025-01-01T00:00:00Z' })) { … }
   */
  iterate(query?: PayoutsQuery, options?: RequestOptions): AsyncIterableIterator<Payout>;
  /**
   * `GET /settlements/v1/payouts/summary`: totals per currency between two dates
   * (both required).
   */
  summary(query: PayoutSummaryQuery, options?: RequestOptions): Promise<PayoutSummary[]>;
}

export function payouts(send: Transport): PayoutsResource {
  const collection = json(PayoutCollection);
  const summaries = json(PayoutSummaryList);

  const list: PayoutsResource['list'] = async (query = {}, options) => {
    const operation = 'settlements.payouts.list';
    return send({ operation, method: 'GET', path: BASE, query: queryParams(PayoutsQuery, query, operation), read: collection }, options);
  };

  return {
    list,
    async *iterate(query = {}, options) {
      // `list` checks the query; null is read as no query, as `list` reads it.
      query ??= {};
      let offset = query.offset ?? 0;
      for (;;) {
        const page = await list({ ...query, offset }, options);
        yield* page.payouts;
        offset += page.payouts.length;
        const { next, total } = page.pagination;
        const more = total !== undefined ? offset < total : next !== undefined;
        if (page.payouts.length === 0 || !more) return;
      }
    },
    async summary(query, options) {
      const operation = 'settlements.payouts.summary';
      const params = queryParams(PayoutSummaryQuery, query, operation);
      return send({ operation, method: 'GET', path: `${BASE}/summary`, query: params, read: summaries }, options);
    },
  };
}
