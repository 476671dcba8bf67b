/**
 * The orders list as a CSV download (`orders:view`), streamed from the database with
 * the orders page's filters and sort, in the SDK's columns, languages and formula
 * neutralisation.
 */
import { ORDER_COLUMNS } from '@kustom/sdk';
import * as z from 'zod';
import type { Route } from '../http/route.js';
import { bool, csvDownload, delimiter, int, list, readQuery, text } from '../http/params.js';
import { csvByteStream, exportOrdersCsv } from '../export.js';
import { ORDER_PAGE_SORTS } from '../order-query.js';

/** The orders page's query as URL parameters (shared with the orders list route's shape). */
export const orderFilterParams = {
  status: list().optional(),
  createdFrom: text(40).optional(),
  createdTo: text(40).optional(),
  timeZone: text(64).optional(),
  country: list().optional(),
  currency: list().optional(),
  paymentMethod: list().optional(),
  minAmount: int(-Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER).optional(),
  maxAmount: int(-Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER).optional(),
  text: text(200).optional(),
  sort: z.enum(ORDER_PAGE_SORTS).optional(),
  direction: z.enum(['asc', 'desc']).optional(),
};
export const ORDER_FILTER_LISTS = ['status', 'country', 'currency', 'paymentMethod'];

const ExportQuery = z.strictObject({
  ...orderFilterParams,
  columns: z.array(z.enum(ORDER_COLUMNS as [string, ...string[]])).min(1).optional(),
  locale: text(35).optional(),
  delimiter: delimiter.optional(),
  bom: bool.optional(),
});

export const exportRoutes: Route[] = [
  {
    method: 'GET',
    path: '/exports/orders.csv',
    permission: 'orders:view',
    async handle(ctx) {
      const { sort, direction, columns, locale, delimiter: separator, bom, status, ...filters } = readQuery(ctx.url, ExportQuery, [...ORDER_FILTER_LISTS, 'columns']);
      // Query and CSV options are checked here, before the response starts.
      const chunks = exportOrdersCsv(
        ctx.store,
        { ...filters, ...(status ? { status: status as never } : {}), merchantId: ctx.merchantId, ...(sort ? { sort: { by: sort, direction } } : {}) },
        { columns: columns as never, locale, delimiter: separator, bom },
      );
      const day = ctx.now().toISOString().slice(0, 10);
      return csvDownload(csvByteStream(chunks), `orders-${ctx.merchantId}-${day}.csv`);
    },
  },
];
