/**
 * The storefront's back-office page views, as routes of `@kustom/back-office`'s handler
 * (so every one is behind its session, role, store-access, Origin and CSRF checks):
 *
 *   GET  /page/orders?q=&status=…        the orders page (orders:view)
 *   GET  /page/orders.csv?…              the export (orders:view)
 *   GET  /page/orders/:orderId           the drawer's order (orders:view)
 *   POST /page/orders/:orderId/actions   the drawer's actions (orders:act), through the
 *                                        package's actions: idempotency key, audit, conflicts
 *
 * Where the orders come from: the package's order store, fed by Kustom's push (a
 * completed checkout) and a backfill of the sandbox's demo orders; nothing is read per
 * order on a page view and nothing is kept in memory.
 */
import {
  expiringOrders,
  findRepeatedOrders,
  ordersToCsv,
  searchOrders,
  type Order,
  type OrderColumn,
  type OrderSearchQuery,
} from '@kustom/sdk';
import { BackOfficeError, json, readJson, type Route, type RouteContext } from '@kustom/back-office/server';
import type { ActionRequest, ActionResponse, OrderResponse, OrdersPageResponse } from '../src/api-types.js';
import { editedLines } from '../src/back-office/edit-lines.js';

export interface BackOfficePageOptions {
  /** The time decisions are made at (the sandbox's clock in the demo). */
  now(): Promise<Date>;
  /** The language of the back office. @default 'en' */
  locale?: string;
}

export const PAGE_SIZE = 20;
const TIME_ZONE = 'Europe/Stockholm';

/** Every order of the store, from the database. */
async function storedOrders(ctx: RouteContext): Promise<Order[]> {
  const rows = await ctx.store.db.query<{ body: Order }>('SELECT body FROM orders WHERE merchant_id = $1 ORDER BY created_at DESC, order_id DESC', [ctx.merchantId]);
  return rows.map((r) => r.body);
}

const list = (params: URLSearchParams, name: string) => {
  const values = params.getAll(name).flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
  return values.length ? values : undefined;
};
const text = (params: URLSearchParams, name: string) => params.get(name)?.trim() || undefined;

/** The orders page's query string as a `searchOrders` query; `searchOrders` itself refuses bad values, naming them. */
export function searchQuery(params: URLSearchParams): OrderSearchQuery {
  const sort = text(params, 'sort') as OrderColumn | undefined;
  const dir = text(params, 'dir');
  const page = Number(text(params, 'page') ?? 1);
  return {
    status: list(params, 'status') as OrderSearchQuery['status'],
    country: list(params, 'country'),
    currency: list(params, 'currency'),
    paymentMethod: list(params, 'payment'),
    createdFrom: text(params, 'from'),
    createdTo: text(params, 'to'),
    timeZone: TIME_ZONE,
    text: text(params, 'q'),
    sort: sort ? { by: sort, direction: dir === 'asc' ? 'asc' : 'desc' } : undefined,
    page: Number.isInteger(page) && page > 0 ? page : 1,
    pageSize: PAGE_SIZE,
  };
}

const distinct = (values: (string | undefined)[]) => [...new Set(values.filter((v): v is string => !!v))].sort();

export function backOfficePageRoutes(options: BackOfficePageOptions): Route[] {
  const locale = options.locale ?? 'en';
  const bad = (message: string, field: string) => new BackOfficeError(400, 'BAD_VALUE', message, { field });

  async function view(ctx: RouteContext, orderId: string): Promise<OrderResponse> {
    const order = await ctx.store.getOrder(ctx.merchantId, orderId);
    if (!order) throw new BackOfficeError(404, 'NOT_FOUND', 'No such order in this store.', { field: 'orderId' });
    return { now: (await options.now()).toISOString(), order };
  }

  return [
    {
      method: 'GET',
      path: '/page/orders',
      permission: 'orders:view',
      async handle(ctx) {
        const query = searchQuery(ctx.url.searchParams);
        const [orders, now] = await Promise.all([storedOrders(ctx), options.now()]);
        const result = searchOrders(orders, query);
        const body: OrdersPageResponse = {
          now: now.toISOString(),
          result,
          facets: {
            statuses: distinct(orders.map((o) => o.status)),
            countries: distinct(orders.map((o) => o.purchase_country?.toUpperCase())),
            currencies: distinct(orders.map((o) => o.purchase_currency?.toUpperCase())),
            paymentMethods: distinct(orders.map((o) => o.initial_payment_method?.type)),
          },
          known: orders.length,
          expiring: expiringOrders(orders, { now }),
          repeated: findRepeatedOrders(orders, { windowMinutes: 60, now }),
        };
        return json(body);
      },
    },
    {
      method: 'GET',
      path: '/page/orders.csv',
      permission: 'orders:view',
      async handle(ctx) {
        const query = searchQuery(ctx.url.searchParams);
        const orders = await storedOrders(ctx);
        const first = searchOrders(orders, { ...query, page: 1, pageSize: 1000 }); // a bad filter fails here, before the headers
        async function* matching() {
          yield* first.items;
          for (let page = 2; page <= first.pageCount; page++) yield* searchOrders(orders, { ...query, page, pageSize: 1000 }).items;
        }
        const chunks = ordersToCsv(matching(), { locale, bom: true })[Symbol.asyncIterator]();
        const encoder = new TextEncoder();
        const stream = new ReadableStream<Uint8Array>({
          async pull(controller) {
            const next = await chunks.next();
            if (next.done) controller.close();
            else controller.enqueue(encoder.encode(next.value));
          },
        });
        const day = new Date().toISOString().slice(0, 10);
        return new Response(stream, {
          headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="orders-${day}.csv"` },
        });
      },
    },
    {
      method: 'GET',
      path: '/page/orders/:orderId',
      permission: 'orders:view',
      handle: async (ctx) => json(await view(ctx, ctx.params.orderId!)),
    },
    {
      method: 'POST',
      path: '/page/orders/:orderId/actions',
      permission: 'orders:act',
      /**
       * The drawer's choice, done by the package's actions (planned with the SDK's
       * helpers on the stored order, sent with an idempotency key, re-read, stored with
       * its audit entry); answers the order as Kustom then has it.
       */
      async handle(ctx) {
        const orderId = ctx.params.orderId!;
        const request = ((await readJson(ctx.request)) ?? {}) as ActionRequest & Record<string, unknown>;
        const stored = await view(ctx, orderId);
        let input: unknown;
        switch (request.action) {
          case 'capture':
          case 'refund':
            input = movementSpec(request.spec);
            break;
          case 'edit':
            input = { order_lines: editedLines(stored.order, lineSelection(request.lines, 'lines')) };
            break;
          case 'cancel':
          case 'release':
          case 'extend':
            input = {};
            break;
          default:
            throw bad('Unknown action.', 'action');
        }
        const r = await ctx.actions.act({
          merchantId: ctx.merchantId,
          user: ctx.user,
          orderId,
          action: request.action,
          input,
          idempotencyKey: ctx.request.headers.get('idempotency-key') ?? undefined,
        });
        const answer = (r.audit.response ?? {}) as { capture_id?: string; refund_id?: string };
        const result: ActionResponse['result'] = {};
        if (answer.capture_id) result.capture_id = answer.capture_id;
        if (answer.refund_id) result.refund_id = answer.refund_id;
        const body: ActionResponse = { ...(await view(ctx, orderId)), result };
        return json(body);
      },
    },
  ];
}

function lineSelection(value: unknown, field: string): { reference: string; quantity: number }[] {
  if (!Array.isArray(value) || value.length === 0) throw new BackOfficeError(400, 'BAD_VALUE', 'Choose at least one line.', { field });
  return value.map((item: unknown, i) => {
    const { reference, quantity } = (item ?? {}) as Record<string, unknown>;
    if (typeof reference !== 'string' || typeof quantity !== 'number') throw new BackOfficeError(400, 'BAD_VALUE', 'Each line needs a reference and a quantity.', { field: `${field}[${i}]` });
    return { reference, quantity };
  });
}

/** The page's choice as a planner spec; the planner checks the values and names what is wrong. */
function movementSpec(value: unknown) {
  const spec = (value ?? {}) as Record<string, unknown>;
  switch (spec.kind) {
    case 'full':
      return { kind: 'full' as const };
    case 'lines':
      return { kind: 'lines' as const, lines: lineSelection(spec.lines, 'lines') };
    case 'amount':
      return { kind: 'amount' as const, amount: spec.amount as number, tax_rate: spec.tax_rate as number, description: String(spec.description ?? '') };
    default:
      throw new BackOfficeError(400, 'BAD_VALUE', 'Choose full, lines or amount.', { field: 'spec.kind' });
  }
}
