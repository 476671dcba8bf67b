/**
 * The back office's side: the orders page, the export, repeated and expiring orders,
 * the order drawer's actions and the packing slip, all with `@kustom/sdk`'s helpers.
 *
 * Where the orders come from: the Kustom API has no "list orders" call. A merchant
 * keeps the ids of the orders it created (here: in memory, as the shop creates them;
 * in production: your database, fed by the checkout and the push notifications) and
 * reads each with `orders.get`. For the demo data, which this server did not create,
 * the sandbox's `GET /sandbox/v1/orders` adds their ids.
 */
import {
  expiringOrders,
  findRepeatedOrders,
  isKustomNotFoundError,
  orderActions,
  ordersToCsv,
  planCapture,
  planEdit,
  planRefund,
  renderPackingSlip,
  searchOrders,
  type KustomClient,
  type Order,
  type OrderColumn,
  type OrderSearchQuery,
} from '@kustom/sdk';
import type { ActionResponse, OrderResponse, OrdersPageResponse } from '../src/api-types.js';
import { editedLines } from '../src/back-office/edit-lines.js';
import { HttpError } from './http.js';

export interface BackOfficeApiOptions {
  kustom: KustomClient;
  /** The order ids this back office knows. */
  orderIds(): Promise<string[]>;
  /** The time decisions are made at (the sandbox's clock in the demo). */
  now(): Promise<Date>;
  /** The store on the packing slip. */
  store: { name: string; address: string[]; email?: string };
  /** A PNG or JPEG data URL for the packing slip. */
  logo?: string | undefined;
  /** The language of the back office. @default 'en' */
  locale?: string;
}

export const PAGE_SIZE = 20;
const TIME_ZONE = 'Europe/Stockholm';

/** Reads orders a few at a time; ids without an Order Management order (checkouts never completed) are skipped. */
async function readOrders(kustom: KustomClient, ids: string[], concurrency = 8): Promise<Order[]> {
  const orders: (Order | undefined)[] = new Array(ids.length);
  let next = 0;
  async function worker() {
    while (next < ids.length) {
      const i = next++;
      orders[i] = await kustom.orders.get(ids[i]!).catch((error: unknown) => {
        if (isKustomNotFoundError(error)) return undefined;
        throw error;
      });
    }
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, ids.length) }, worker));
  return orders.filter((o): o is Order => o !== undefined);
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

export function createBackOfficeApi(options: BackOfficeApiOptions) {
  const { kustom } = options;
  const locale = options.locale ?? 'en';
  const load = async () => readOrders(kustom, await options.orderIds());

  async function view(orderId: string): Promise<OrderResponse> {
    const [order, now] = await Promise.all([kustom.orders.get(orderId), options.now()]);
    return { now: now.toISOString(), order };
  }

  return {
    /** GET /api/back-office/orders?q=&status=&country=&currency=&payment=&from=&to=&sort=&dir=&page= */
    async orders(params: URLSearchParams): Promise<OrdersPageResponse> {
      const query = searchQuery(params);
      const [orders, now] = await Promise.all([load(), options.now()]);
      const result = searchOrders(orders, query);
      return {
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
    },

    /** GET /api/back-office/orders.csv?…: every order matching the page's filters (all pages), streamed. */
    async *csv(params: URLSearchParams): AsyncGenerator<string> {
      const query = searchQuery(params);
      const orders = await load();
      const first = searchOrders(orders, { ...query, page: 1, pageSize: 1000 });
      async function* matching() {
        yield* first.items;
        for (let page = 2; page <= first.pageCount; page++) yield* searchOrders(orders, { ...query, page, pageSize: 1000 }).items;
      }
      // The SDK's default columns: references, dates (the expiry date too), status, customer, amounts.
      yield* ordersToCsv(matching(), { locale, bom: true });
    },

    /** GET /api/back-office/orders/{id} */
    order: view,

    /**
     * POST /api/back-office/orders/{id}/actions: plans the action with the SDK's helpers on
     * the order as Kustom has it now, sends it, and answers the order as Kustom then has it.
     * Cancel, release and extend carry no body; they are sent only when `orderActions`
     * allows them, and Kustom still has the last word.
     */
    async act(orderId: string, body: unknown): Promise<ActionResponse> {
      const request = (body ?? {}) as Record<string, unknown>;
      const [order, now] = await Promise.all([kustom.orders.get(orderId), options.now()]);
      const result: ActionResponse['result'] = {};
      const action = request.action;
      const allowedOrRefuse = (name: 'cancel' | 'release' | 'extend') => {
        const state = orderActions(order, { now, locale })[name];
        if (!state.allowed) throw new HttpError(409, 'ACTION_NOT_ALLOWED', state.message ?? `${state.label} is not allowed.`);
      };
      switch (action) {
        case 'capture': {
          const plan = planCapture(order, movementSpec(request.spec), { now });
          result.capture_id = (await kustom.orders.capture(orderId, plan)).capture_id;
          break;
        }
        case 'refund': {
          const plan = planRefund(order, movementSpec(request.spec), { now });
          result.refund_id = (await kustom.orders.refund(orderId, plan)).refund_id;
          break;
        }
        case 'edit': {
          const selection = lineSelection(request.lines, 'lines');
          await kustom.orders.updateAuthorization(orderId, planEdit(order, editedLines(order, selection), { now }));
          break;
        }
        case 'cancel':
          allowedOrRefuse('cancel');
          await kustom.orders.cancel(orderId);
          break;
        case 'release':
          allowedOrRefuse('release');
          await kustom.orders.releaseRemainingAuthorization(orderId);
          break;
        case 'extend':
          allowedOrRefuse('extend');
          await kustom.orders.extendAuthorizationTime(orderId);
          break;
        default:
          throw new HttpError(400, 'BAD_VALUE', 'Unknown action.', 'action');
      }
      return { ...(await view(orderId)), result };
    },

    /** GET /back-office/orders/{id}/packing-slip: a printable HTML document (captured lines only). */
    async packingSlip(orderId: string): Promise<string> {
      const order = await kustom.orders.get(orderId);
      return renderPackingSlip(order, { store: options.store, logo: options.logo, locale, timeZone: TIME_ZONE });
    },
  };
}

function lineSelection(value: unknown, field: string): { reference: string; quantity: number }[] {
  if (!Array.isArray(value) || value.length === 0) throw new HttpError(400, 'BAD_VALUE', 'Choose at least one line.', field);
  return value.map((item: unknown, i) => {
    const { reference, quantity } = (item ?? {}) as Record<string, unknown>;
    if (typeof reference !== 'string' || typeof quantity !== 'number') throw new HttpError(400, 'BAD_VALUE', 'Each line needs a reference and a quantity.', `${field}[${i}]`);
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
      throw new HttpError(400, 'BAD_VALUE', 'Choose full, lines or amount.', 'spec.kind');
  }
}
