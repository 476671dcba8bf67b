/**
 * Insights routes (Admin and Super Admin: `insights:view`): the overview and the
 * Demography tab, computed in SQL over the store.
 */
import * as z from 'zod';
import type { Route } from '../http/route.js';
import { int, json, readQuery, text } from '../http/params.js';
import { demographyOf, insightsOverviewOf } from '../insights.js';

const period = { from: text(40), to: text(40), timeZone: text(64).optional() };
const OverviewQuery = z.strictObject({ ...period, compareFrom: text(40).optional(), compareTo: text(40).optional() });
const DemographyQuery = z.strictObject({ ...period, lapsedAfterDays: int(1, 3660).optional(), topCities: int(1, 100).optional() });

export const insightsRoutes: Route[] = [
  {
    method: 'GET',
    path: '/insights/overview',
    permission: 'insights:view',
    async handle(ctx) {
      return json(await insightsOverviewOf(ctx.store, ctx.merchantId, readQuery(ctx.url, OverviewQuery)));
    },
  },
  {
    method: 'GET',
    path: '/insights/demography',
    permission: 'insights:view',
    async handle(ctx) {
      return json(await demographyOf(ctx.store, ctx.merchantId, readQuery(ctx.url, DemographyQuery)));
    },
  },
];
