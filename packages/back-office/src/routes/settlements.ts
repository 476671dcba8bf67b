/**
 * Settlements (`settlements:view`): payouts and their summary read from Kustom through
 * the store's SDK client (`ctx.kustom`; its credentials never leave the server), and
 * the payouts as a CSV download.
 */
import { payoutsToCsv, type Payout } from '@kustom/sdk';
import * as z from 'zod';
import type { Route } from '../http/route.js';
import { bool, csvDownload, delimiter, int, json, readQuery, text } from '../http/params.js';
import { csvByteStream } from '../export.js';

const dates = { start_date: text(40).optional(), end_date: text(40).optional(), currency_code: text(3).optional() };
const PayoutsQuery = z.strictObject({ ...dates, size: int(1, 500).optional(), offset: int(0, 1_000_000_000).optional() });
const SummaryQuery = z.strictObject({ ...dates, start_date: text(40), end_date: text(40) });
const CsvQuery = z.strictObject({
  ...dates,
  locale: text(35).optional(),
  delimiter: delimiter.optional(),
  bom: bool.optional(),
});
const PAGE = 500;

export const settlementsRoutes: Route[] = [
  {
    method: 'GET',
    path: '/settlements/payouts',
    permission: 'settlements:view',
    async handle(ctx) {
      return json(await ctx.kustom.settlements.payouts.list(readQuery(ctx.url, PayoutsQuery)));
    },
  },
  {
    method: 'GET',
    path: '/settlements/summary',
    permission: 'settlements:view',
    async handle(ctx) {
      return json({ summary: await ctx.kustom.settlements.payouts.summary(readQuery(ctx.url, SummaryQuery)) });
    },
  },
  {
    method: 'GET',
    path: '/settlements/payouts.csv',
    permission: 'settlements:view',
    async handle(ctx) {
      const { locale, delimiter: separator, bom, ...query } = readQuery(ctx.url, CsvQuery);
      // The first page is read before the response starts: a refused query or a Kustom error is still a status code.
      const first = await ctx.kustom.settlements.payouts.list({ ...query, size: PAGE, offset: 0 });
      const { total, next } = first.pagination;
      const more = first.payouts.length > 0 && (total !== undefined ? first.payouts.length < total : next !== undefined);
      async function* all(): AsyncGenerator<Payout> {
        yield* first.payouts;
        if (more) yield* ctx.kustom.settlements.payouts.iterate({ ...query, size: PAGE, offset: first.payouts.length });
      }
      const chunks = payoutsToCsv(all(), { locale, delimiter: separator, bom });
      return csvDownload(csvByteStream(chunks), `payouts-${ctx.merchantId}-${ctx.now().toISOString().slice(0, 10)}.csv`);
    },
  },
];
