/** The orders page, one order with its timeline and audit, the packing slip and the store's logo. */
import { checkLogo, orderActions, orderTimeline, renderPackingSlip, type Order } from '@kustom/sdk';
import * as z from 'zod';
import { BackOfficeNotFoundError } from '../errors.js';
import { json, readJson, type Route } from '../http/route.js';
import type { OrderPageQuery } from '../store.js';
import { parseInput } from '../validate.js';

/** Query parameters this module reads itself; every other one is passed on to `listOrders` as it came. */
const LISTS = ['status', 'currency', 'country'] as const;
const RESERVED = new Set(['store']);

/**
 * The URL's query as an `OrderPageQuery`: `status`, `currency`, `country` as lists
 * (repeated or comma-separated), `q` (or `text`), `after`, `limit`; any other parameter
 * is passed through (one value as a string, repeated as an array) for `listOrders` to
 * read or refuse, so the query can grow without this route changing.
 */
export function orderQueryFromUrl(url: URL, merchantId: string): OrderPageQuery {
  const query: Record<string, unknown> = {};
  for (const key of new Set(url.searchParams.keys())) {
    if (RESERVED.has(key)) continue;
    const all = url.searchParams.getAll(key);
    query[key] = all.length > 1 ? all : all[0];
  }
  for (const key of LISTS) {
    const values = url.searchParams.getAll(key).flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
    query[key] = values.length ? values : undefined;
  }
  if (query.q !== undefined) {
    query.text = query.q;
    delete query.q;
  }
  if (typeof query.limit === 'string') query.limit = /^\d+$/.test(query.limit) ? Number(query.limit) : query.limit;
  return { ...query, merchantId } as OrderPageQuery;
}

async function storedOrder(ctx: Parameters<Route['handle']>[0]): Promise<{ body: Order; version: number }> {
  const row = (
    await ctx.store.db.query<{ body: Order; version: number }>('SELECT body, version FROM orders WHERE merchant_id = $1 AND order_id = $2', [
      ctx.merchantId,
      ctx.params.orderId,
    ])
  )[0];
  if (!row) throw new BackOfficeNotFoundError(`No order ${ctx.params.orderId} in this store.`, 'orderId');
  return row;
}

export async function storeLogo(ctx: Parameters<Route['handle']>[0]): Promise<string | undefined> {
  const rows = await ctx.store.db.query<{ logo: string | null }>('SELECT logo FROM store_settings WHERE merchant_id = $1', [ctx.merchantId]);
  return rows[0]?.logo ?? undefined;
}

const LogoInput = z.object({ logo: z.string().nullable() });

export const orderRoutes: Route[] = [
  {
    method: 'GET',
    path: '/orders',
    permission: 'orders:view',
    async handle(ctx) {
      return json(await ctx.store.listOrders(orderQueryFromUrl(ctx.url, ctx.merchantId)));
    },
  },
  {
    method: 'GET',
    path: '/orders/:orderId',
    permission: 'orders:view',
    async handle(ctx) {
      const { body: order, version } = await storedOrder(ctx);
      const now = ctx.now();
      const locale = ctx.url.searchParams.get('locale') ?? 'en';
      return json(
        {
          order,
          version,
          timeline: orderTimeline(order, { now }),
          audit: await ctx.store.auditFor(ctx.merchantId, order.order_id),
          actions: orderActions(order, { now, locale }),
          now: now.toISOString(),
        },
        200,
        { etag: `"${version}"` },
      );
    },
  },
  {
    method: 'GET',
    path: '/orders/:orderId/packing-slip',
    permission: 'orders:view',
    async handle(ctx) {
      const { body: order } = await storedOrder(ctx);
      const html = renderPackingSlip(order, {
        store: await ctx.storeProfile(ctx.merchantId),
        logo: await storeLogo(ctx),
        locale: ctx.url.searchParams.get('locale') ?? undefined,
        captureId: ctx.url.searchParams.get('capture_id') ?? undefined,
      });
      return new Response(html, {
        headers: {
          'content-type': 'text/html; charset=utf-8',
          'content-security-policy': "default-src 'none'; img-src data:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
        },
      });
    },
  },
  {
    method: 'PUT',
    path: '/store/logo',
    permission: 'store:settings',
    async handle(ctx) {
      const { logo } = parseInput(LogoInput, await readJson(ctx.request));
      // The SDK's own check: a PNG or JPEG data URL whose bytes match, within its size limit (naming `logo`).
      if (logo !== null) checkLogo(logo);
      await ctx.store.db.query(
        `INSERT INTO store_settings (merchant_id, logo, updated_at) VALUES ($1, $2, now())
         ON CONFLICT (merchant_id) DO UPDATE SET logo = EXCLUDED.logo, updated_at = now()`,
        [ctx.merchantId, logo],
      );
      return json({ merchantId: ctx.merchantId, logo: logo !== null });
    },
  },
];
