/**
 * Test controls under `/sandbox/v1/…`: clearly not part of the real API. They need
 * no credentials (the sandbox is a local tool), but a browser request from an origin
 * that is not allowed is refused, so a random web page cannot reset your data.
 *
 * | route | what it does |
 * |---|---|
 * | `GET /sandbox/v1` | merchant id, usernames, public keys, clock |
 * | `POST /sandbox/v1/checkouts/{order_id}/complete` | complete a checkout as the customer would → the Order Management order, `AUTHORIZED` |
 * | `POST /sandbox/v1/orders/{order_id}/fraud-status` | resolve a `PENDING` fraud status (`{ fraud_status }`) |
 * | `GET /sandbox/v1/orders` | every Order Management order (newest first) |
 * | `GET /sandbox/v1/clock`, `POST /sandbox/v1/clock` | read or move the clock: `{ advance_days }`, `{ advance_ms }` or `{ set }` |
 * | `POST /sandbox/v1/reset` | reset all state (`{ seed: 'demo' | 'empty' }`) |
 * | `GET/POST/DELETE /sandbox/v1/faults`, `DELETE /sandbox/v1/faults/{id}` | fault rules |
 */
import { KnownFraudStatus } from '@kustom/sdk/schemas';
import * as z from 'zod/mini';
import { completeCheckout, CompleteCheckoutRequest, findCheckout } from './checkout.js';
import type { SeedName } from './config.js';
import type { Core, Route } from './core.js';
import { parseFaultRule, type FaultRule, type FaultRuleInput } from './faults.js';
import { findOrder, orderView } from './orders.js';
import { fail, json, noContent } from './reply.js';
import { parseBody } from './validation.js';

export interface ControlHooks {
  reset(seed?: SeedName): void;
  addFault(rule: FaultRuleInput): FaultRule;
  removeFault(id: string): boolean;
  clearFaults(): void;
}

const ClockRequest = z.object({
  advance_days: z.optional(z.number().check(z.minimum(-3650), z.maximum(3650))),
  advance_ms: z.optional(z.int()),
  set: z.optional(z.string()),
});

const ResetRequest = z.object({ seed: z.optional(z.enum(['demo', 'empty'])) });
const FraudStatusRequest = z.object({ fraud_status: KnownFraudStatus });

const clockView = (core: Core) => ({ now: core.clock.now().toISOString(), frozen: core.clock.frozen });

export function controlRoutes(hooks: ControlHooks): Route[] {
  return [
    {
      method: 'GET',
      path: '/sandbox/v1',
      access: 'open',
      handle: (ctx) =>
        json(200, {
          merchant_id: ctx.core.config.merchantId,
          usernames: ctx.core.config.apiKeys.flatMap((k) => (k.username ? [k.username] : [])),
          public_keys: ctx.core.config.publicKeys.map((k) => ({ key: k.key, allowed_origins: k.allowedOrigins })),
          clock: clockView(ctx.core),
        }),
    },
    {
      method: 'POST',
      path: '/sandbox/v1/checkouts/:order_id/complete',
      access: 'open',
      write: true,
      async handle(ctx) {
        const input = parseBody(CompleteCheckoutRequest, (await ctx.json({ optional: true })) ?? {});
        const order = completeCheckout(ctx.core, findCheckout(ctx.core, ctx.params.order_id!), input);
        return json(200, orderView(order, ctx.core.clock.nowMs()));
      },
    },
    {
      method: 'POST',
      path: '/sandbox/v1/orders/:order_id/fraud-status',
      access: 'open',
      write: true,
      async handle(ctx) {
        const { fraud_status } = parseBody(FraudStatusRequest, await ctx.json());
        const order = findOrder(ctx.core, ctx.params.order_id!);
        order.fraud_status = fraud_status;
        ctx.core.changed();
        return json(200, orderView(order, ctx.core.clock.nowMs()));
      },
    },
    {
      method: 'GET',
      path: '/sandbox/v1/orders',
      access: 'open',
      handle(ctx) {
        const now = ctx.core.clock.nowMs();
        const orders = [...ctx.core.stores.orders.values()].sort((a, b) => b.created_at - a.created_at);
        return json(200, { orders: orders.map((o) => orderView(o, now)) });
      },
    },
    { method: 'GET', path: '/sandbox/v1/clock', access: 'open', handle: (ctx) => json(200, clockView(ctx.core)) },
    {
      method: 'POST',
      path: '/sandbox/v1/clock',
      access: 'open',
      write: true,
      async handle(ctx) {
        const body = parseBody(ClockRequest, await ctx.json());
        const { clock } = ctx.core;
        if (body.set !== undefined) {
          const ms = Date.parse(body.set);
          if (Number.isNaN(ms)) fail(400, 'BAD_VALUE', 'Bad value: set (must be an ISO 8601 date-time)');
          clock.set(ms);
        }
        if (body.advance_days !== undefined) clock.advance({ days: body.advance_days });
        if (body.advance_ms !== undefined) clock.advance(body.advance_ms);
        if (body.set === undefined && body.advance_days === undefined && body.advance_ms === undefined) {
          fail(400, 'BAD_VALUE', 'Bad value: body (give advance_days, advance_ms or set)');
        }
        ctx.core.changed();
        return json(200, clockView(ctx.core));
      },
    },
    {
      method: 'POST',
      path: '/sandbox/v1/reset',
      access: 'open',
      write: true,
      async handle(ctx) {
        const { seed } = parseBody(ResetRequest, (await ctx.json({ optional: true })) ?? {});
        hooks.reset(seed);
        return json(200, { seed: seed ?? ctx.core.config.seed, clock: clockView(ctx.core) });
      },
    },
    { method: 'GET', path: '/sandbox/v1/faults', access: 'open', handle: (ctx) => json(200, { faults: ctx.core.stores.faults }) },
    {
      method: 'POST',
      path: '/sandbox/v1/faults',
      access: 'open',
      write: true,
      async handle(ctx) {
        return json(201, hooks.addFault(parseFaultRule(await ctx.json())));
      },
    },
    {
      method: 'DELETE',
      path: '/sandbox/v1/faults',
      access: 'open',
      write: true,
      handle() {
        hooks.clearFaults();
        return noContent();
      },
    },
    {
      method: 'DELETE',
      path: '/sandbox/v1/faults/:id',
      access: 'open',
      write: true,
      handle: (ctx) => (hooks.removeFault(ctx.params.id!) ? noContent() : fail(404, 'NOT_FOUND', `No fault rule ${ctx.params.id}`)),
    },
  ];
}
