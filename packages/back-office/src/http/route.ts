/**
 * The contract between the back-office handler and its route modules. Each area
 * (`routes/orders.ts`, `routes/insights.ts`, ...) exports a `Route[]`; the handler
 * matches method and path, authenticates, checks `permission` and store access for
 * `ctx.merchantId`, checks CSRF on writes, and only then calls `handle`.
 */
import type { KustomClient } from '@kustom/sdk';
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
}

export interface Route {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Relative to the handler's base path, with `:name` parameters: `/orders/:orderId/captures`. */
  path: string;
  permission: Permission;
  handle(ctx: RouteContext): Promise<Response>;
}
