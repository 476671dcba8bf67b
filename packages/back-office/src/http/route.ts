/**
 * The contract between the back-office handler and its route modules. Each area
 * (`routes/orders.ts`, `routes/insights.ts`, ...) exports a `Route[]`; the handler
 * matches method and path, authenticates, checks `permission` and store access for
 * `ctx.merchantId`, checks CSRF on writes, and only then calls `handle`.
 */
import type { KustomClient, KustomStores, PackingSlipStore } from '@kustom/sdk';
import type { Actions } from '../actions.js';
import type { Notifications } from '../notifications.js';
import { invalidField } from '../errors.js';
import type { Permission } from '../roles.js';
import type { OrderStore, User } from '../store.js';

export interface RouteContext {
  request: Request;
  url: URL;
  /** Path parameters (`/orders/:orderId` gives `params.orderId`). */
  params: Readonly<Record<string, string>>;
  /** The signed-in user; their role and store access are already checked. */
  user: User;
  /** The store (merchant id) the request acts on, one of `user.merchantIds`. */
  merchantId: string;
  store: OrderStore;
  /** The Kustom client of `merchantId` (its credentials never leave the server). */
  kustom: KustomClient;
  /** The time decisions are made at. */
  now(): Date;
  /** Every configured store's client (for `/me`: the stores the user reaches). */
  stores: KustomStores;
  /** The order actions (audit, idempotency, conflicts). */
  actions: Actions;
  /** Notices and e-mails (`export_ready` from the export, for instance). */
  notifications: Notifications;
  /** The session's CSRF token (for `/me`), when the handler manages sessions. */
  csrfToken: string | undefined;
  /** The store's name and address for packing slips. */
  storeProfile(merchantId: string): Promise<StoreProfile>;
}

/** The store's name and address on packing slips (the SDK's `PackingSlipStore`). */
export type StoreProfile = PackingSlipStore;

/**
 * What a route needs: a permission of the caller's role, or `'session'` for routes
 * every signed-in user with access to the store may use (`/me`, their own notices).
 */
export type RoutePermission = Permission | 'session';

export interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Relative to the handler's base path, with `:name` parameters: `/orders/:orderId/captures`. */
  path: string;
  permission: RoutePermission;
  handle(ctx: RouteContext): Promise<Response>;
}

/** A JSON answer with the back office's headers. */
export function json(data: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(data), { status, headers: { 'content-type': 'application/json; charset=utf-8', ...headers } });
}

const MAX_BODY = 1_048_576;

/**
 * The request's JSON body (an empty body is `{}`). Not JSON, or over 1 MiB, is a
 * `KustomValidationError` naming `body`; a write that is not `application/json` is
 * refused the same way (a cross-site form cannot send JSON).
 */
export async function readJson(request: Request): Promise<unknown> {
  const text = await request.text();
  if (text.length > MAX_BODY) throw invalidField('body', 'is larger than 1 MiB');
  if (!text.trim()) return {};
  if (!/^application\/json\b/i.test(request.headers.get('content-type') ?? '')) throw invalidField('body', 'must be sent as application/json');
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw invalidField('body', 'is not JSON');
  }
}
