/** Order Management API v1 (`/ordermanagement/v1/orders/…`): the routes over `orders.ts`. */
import type { Route, RouteContext } from './core.js';
import { findCapture, findOrder, findRefund, orderActions, orderView, refundView } from './orders.js';
import { json, noContent } from './reply.js';

const BASE = '/ordermanagement/v1/orders/:order_id';
const order = (ctx: RouteContext) => findOrder(ctx.core, ctx.params.order_id!);
const orderUrl = (ctx: RouteContext) => `${ctx.baseUrl}/ordermanagement/v1/orders/${ctx.params.order_id}`;

/** A write answering 204 once the action is done. */
const action = (
  method: 'POST' | 'PATCH',
  suffix: string,
  run: (ctx: RouteContext) => void | Promise<void>,
): Route => ({
  method,
  path: `${BASE}${suffix}`,
  access: 'secret',
  write: true,
  async handle(ctx) {
    await run(ctx);
    return noContent();
  },
});

export const orderManagementRoutes: Route[] = [
  {
    method: 'GET',
    path: BASE,
    access: 'secret',
    handle: (ctx) => json(200, orderView(order(ctx), ctx.core.clock.nowMs())),
  },
  action('POST', '/acknowledge', (ctx) => orderActions.acknowledge(ctx.core, order(ctx))),
  action('PATCH', '/authorization', async (ctx) => orderActions.updateAuthorization(ctx.core, order(ctx), await ctx.json())),
  action('PATCH', '/merchant-references', async (ctx) => orderActions.updateMerchantReferences(ctx.core, order(ctx), await ctx.json())),
  action('PATCH', '/customer-details', async (ctx) => orderActions.updateCustomerDetails(ctx.core, order(ctx), await ctx.json())),
  action('POST', '/cancel', (ctx) => orderActions.cancel(ctx.core, order(ctx))),
  action('POST', '/extend-authorization-time', (ctx) => orderActions.extendAuthorizationTime(ctx.core, order(ctx))),
  action('POST', '/release-remaining-authorization', (ctx) => orderActions.releaseRemainingAuthorization(ctx.core, order(ctx))),
  action('POST', '/shipping-info', async (ctx) => orderActions.addShippingInfo(ctx.core, order(ctx), await ctx.json())),
  {
    method: 'POST',
    path: `${BASE}/captures`,
    access: 'secret',
    write: true,
    async handle(ctx) {
      const o = order(ctx);
      const capture = orderActions.capture(ctx.core, o, await ctx.json());
      return { status: 201, headers: { 'capture-id': capture.capture_id, location: `${orderUrl(ctx)}/captures/${capture.capture_id}` } };
    },
  },
  {
    method: 'GET',
    path: `${BASE}/captures`,
    access: 'secret',
    handle(ctx) {
      const view = orderView(order(ctx), ctx.core.clock.nowMs());
      return json(200, view.captures);
    },
  },
  {
    method: 'GET',
    path: `${BASE}/captures/:capture_id`,
    access: 'secret',
    handle(ctx) {
      const o = order(ctx);
      findCapture(o, ctx.params.capture_id!);
      const view = orderView(o, ctx.core.clock.nowMs());
      return json(200, view.captures.find((c) => c.capture_id === ctx.params.capture_id));
    },
  },
  action('POST', '/captures/:capture_id/shipping-info', async (ctx) =>
    orderActions.addCaptureShippingInfo(ctx.core, order(ctx), ctx.params.capture_id!, await ctx.json()),
  ),
  {
    method: 'POST',
    path: `${BASE}/refunds`,
    access: 'secret',
    write: true,
    async handle(ctx) {
      const refund = orderActions.refund(ctx.core, order(ctx), await ctx.json());
      return { status: 201, headers: { 'refund-id': refund.refund_id, location: `${orderUrl(ctx)}/refunds/${refund.refund_id}` } };
    },
  },
  {
    method: 'GET',
    path: `${BASE}/refunds/:refund_id`,
    access: 'secret',
    handle: (ctx) => json(200, refundView(findRefund(order(ctx), ctx.params.refund_id!))),
  },
];
