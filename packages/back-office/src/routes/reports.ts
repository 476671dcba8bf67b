/**
 * Reports of the orders page (`orders:view`): repeated orders (the same purchase
 * created more than once, with what to do about each copy) and orders whose
 * reservation runs out soon.
 */
import * as z from 'zod';
import type { Route } from '../http/route.js';
import { int, json, readQuery, text } from '../http/params.js';
import { expiringOrdersOf, repeatedOrdersOf } from '../reports.js';

const RepeatedQuery = z.strictObject({ windowMinutes: int(1, 43_200).optional(), createdFrom: text(40).optional() });
const ExpiringQuery = z.strictObject({ withinDays: int(0, 90).optional() });

export const reportsRoutes: Route[] = [
  {
    method: 'GET',
    path: '/reports/repeated-orders',
    permission: 'orders:view',
    async handle(ctx) {
      const q = readQuery(ctx.url, RepeatedQuery);
      return json({ groups: await repeatedOrdersOf(ctx.store, ctx.merchantId, { ...q, now: ctx.now() }) });
    },
  },
  {
    method: 'GET',
    path: '/reports/expiring-orders',
    permission: 'orders:view',
    async handle(ctx) {
      const q = readQuery(ctx.url, ExpiringQuery);
      return json({ orders: await expiringOrdersOf(ctx.store, ctx.merchantId, { ...q, now: ctx.now() }) });
    },
  },
];
