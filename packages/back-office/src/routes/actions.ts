/** One route per order action: `POST /orders/:orderId/capture`, `/refund`, … (permission `orders:act`). */
import { invalidField } from '../errors.js';
import { json, readJson, type Route } from '../http/route.js';
import { ORDER_ACTION_NAMES } from '../actions.js';

/** `If-Match: "3"` (the ETag of `GET /orders/:orderId`) or `3`. */
function expectedVersion(request: Request): number | undefined {
  const h = request.headers.get('if-match');
  if (h === null) return undefined;
  const m = /^\s*(?:W\/)?"?(\d{1,15})"?\s*$/.exec(h);
  if (!m) throw invalidField('if-match', 'must be the order version the ETag gave, e.g. "3"');
  return Number(m[1]);
}

export const actionRoutes: Route[] = ORDER_ACTION_NAMES.map((action) => ({
  method: 'POST' as const,
  path: `/orders/:orderId/${action.replace(/_/g, '-')}`,
  permission: 'orders:act' as const,
  async handle(ctx) {
    const input = await readJson(ctx.request);
    const r = await ctx.actions.act({
      merchantId: ctx.merchantId,
      user: ctx.user,
      orderId: ctx.params.orderId!,
      action,
      input,
      idempotencyKey: ctx.request.headers.get('idempotency-key') ?? undefined,
      expectedVersion: expectedVersion(ctx.request),
    });
    return json({ order: r.order, version: r.version, audit: r.audit, replayed: r.replayed }, 200, r.version === undefined ? {} : { etag: `"${r.version}"` });
  },
}));
