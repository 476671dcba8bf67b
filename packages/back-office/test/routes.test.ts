/**
 * The route modules of this package (insights, export, reports, settlements), called
 * as the handler calls them (`route.handle(ctx)`), with a real store (PGlite) holding
 * the sandbox's demo orders and a real SDK client talking to the sandbox over local HTTP.
 */
import { collectCsv, createKustomClient, createKustomStores, KustomValidationError, payoutsToCsv, type KustomClient, type Payout } from '@kustom/sdk';
import { DEFAULT_API_KEY } from '@kustom/sandbox';
import { startSandboxServer, type SandboxServer } from '@kustom/sandbox/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createActions, createNotifications, exportOrdersCsv, demographyOf, expiringOrdersOf, insightsOverviewOf, openStore, repeatedOrdersOf, type OrderStore, type User } from '../src/server.js';
import type { Route, RouteContext } from '../src/http/route.js';
import { can } from '../src/roles.js';
import { exportRoutes } from '../src/routes/export.js';
import { insightsRoutes } from '../src/routes/insights.js';
import { reportsRoutes } from '../src/routes/reports.js';
import { settlementsRoutes } from '../src/routes/settlements.js';

const M = 'demo-merchant';
let sandbox: SandboxServer;
let kustom: KustomClient;
let store: OrderStore;
let now: Date;
const admin: User = { id: 'u-admin', email: 'admin@shop.example', name: 'Admin', role: 'admin', external: false, expiresAt: null, merchantIds: [M] };

beforeAll(async () => {
  sandbox = await startSandboxServer({ port: 0, seed: 'demo' });
  kustom = createKustomClient({ apiKey: DEFAULT_API_KEY, baseUrl: sandbox.url, maxRetries: 0 });
  store = await openStore();
  const list = (await (await fetch(`${sandbox.url}/sandbox/v1/orders`)).json()) as { orders: { order_id: string }[] };
  for (const { order_id } of list.orders) await store.upsertOrder(M, await kustom.orders.get(order_id));
  now = new Date(((await (await fetch(`${sandbox.url}/sandbox/v1/clock`)).json()) as { now: string }).now);
});
afterAll(async () => {
  await store?.close();
  await sandbox?.close();
});

const all: Route[] = [...insightsRoutes, ...exportRoutes, ...reportsRoutes, ...settlementsRoutes];

function call(path: string, query: Record<string, string> = {}): Promise<Response> {
  const route = all.find((r) => r.path === path);
  if (!route) throw new Error(`no route ${path}`);
  const url = new URL(`https://shop.example/back-office${path}`);
  for (const [k, v] of Object.entries(query)) url.searchParams.append(k, v);
  const stores = createKustomStores({ [M]: { apiKey: DEFAULT_API_KEY, baseUrl: sandbox.url, maxRetries: 0 } });
  const ctx: RouteContext = {
    request: new Request(url), url, params: {}, user: admin, merchantId: M, store, kustom, now: () => now,
    stores, actions: createActions({ store, stores, now: () => now }), notifications: createNotifications({ store, now: () => now }),
    csrfToken: undefined, storeProfile: async (merchantId) => ({ name: merchantId }),
  };
  return route.handle(ctx);
}

async function refused(p: Promise<unknown>): Promise<string> {
  const e = await p.catch((x: unknown) => x);
  expect(e).toBeInstanceOf(KustomValidationError);
  return (e as KustomValidationError).field;
}

describe('the route modules', () => {
  it('each names the permission the portal gives it', () => {
    expect(Object.fromEntries(all.map((r) => [`${r.method} ${r.path}`, r.permission]))).toEqual({
      'GET /insights/overview': 'insights:view',
      'GET /insights/demography': 'insights:view',
      'GET /exports/orders.csv': 'orders:view',
      'GET /reports/repeated-orders': 'orders:view',
      'GET /reports/expiring-orders': 'orders:view',
      'GET /settlements/payouts': 'settlements:view',
      'GET /settlements/summary': 'settlements:view',
      'GET /settlements/payouts.csv': 'settlements:view',
    });
    // Insights are Admin and Super Admin only; Read Only sees orders and settlements.
    expect(can('read_only', 'insights:view')).toBe(false);
    expect(can('read_only', 'settlements:view')).toBe(true);
    expect(can('user', 'settlements:view')).toBe(false);
  });

  it('insights: the overview and the Demography tab of the stored orders', async () => {
    const q = { from: '2020-01-01', to: now.toISOString().slice(0, 10), timeZone: 'Europe/Stockholm' };
    const r = await call('/insights/overview', q);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const body = await r.json();
    expect(body).toEqual(JSON.parse(JSON.stringify(await insightsOverviewOf(store, M, q))));
    expect((body as { currencies: unknown[] }).currencies.length).toBeGreaterThan(0);
    const d = await (await call('/insights/demography', { ...q, topCities: '3' })).json();
    expect(d).toEqual(JSON.parse(JSON.stringify(await demographyOf(store, M, { ...q, topCities: 3 }))));
    expect(await refused(call('/insights/overview', { to: '2025-01-01' }))).toBe('from');
    expect(await refused(call('/insights/overview', { from: '2025-02-01', to: '2025-01-01' }))).toBe('to');
    expect(await refused(call('/insights/demography', { from: '2025-01-01', to: '2025-02-01', topCities: 'many' }))).toBe('topCities');
    expect(await refused(call('/insights/overview', { from: '2025-01-01', to: '2025-02-01', color: 'red' }))).toBe('color');
  });

  it('export: a streamed CSV download equal to exportOrdersCsv, with the filters and options of the URL', async () => {
    const r = await call('/exports/orders.csv', { status: 'CAPTURED,AUTHORIZED', sort: 'order_amount', direction: 'desc', locale: 'sv', delimiter: 'semicolon', bom: 'true' });
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(r.headers.get('content-disposition')).toBe(`attachment; filename="orders-${M}-${now.toISOString().slice(0, 10)}.csv"`);
    expect(r.headers.get('cache-control')).toBe('no-store');
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await r.arrayBuffer());
    const want = await collectCsv(
      exportOrdersCsv(store, { merchantId: M, status: ['CAPTURED', 'AUTHORIZED'], sort: { by: 'order_amount', direction: 'desc' } }, { locale: 'sv', delimiter: ';', bom: true }),
    );
    expect(text).toBe(want);
    expect(text.startsWith('\uFEFFOrder-ID;')).toBe(true);
    expect(text.split('\r\n').length).toBeGreaterThan(3);
    expect(await refused(call('/exports/orders.csv', { status: 'SHIPPED' }))).toBe('status');
    expect(await refused(call('/exports/orders.csv', { columns: 'order_id,password' }))).toBe('columns.1');
    expect(await refused(call('/exports/orders.csv', { delimiter: ',' }))).toBe('delimiter');
    expect(await refused(call('/exports/orders.csv', { minAmount: '1.5' }))).toBe('minAmount');
  });

  it('reports: repeated and expiring orders at the handler’s time', async () => {
    const repeated = await (await call('/reports/repeated-orders', { windowMinutes: '30' })).json();
    expect(repeated).toEqual(JSON.parse(JSON.stringify({ groups: await repeatedOrdersOf(store, M, { windowMinutes: 30, now }) })));
    expect((repeated as { groups: unknown[] }).groups.length).toBeGreaterThan(0);
    const expiring = await (await call('/reports/expiring-orders', { withinDays: '30' })).json();
    expect(expiring).toEqual(JSON.parse(JSON.stringify({ orders: await expiringOrdersOf(store, M, { now, withinDays: 30 }) })));
    expect(await refused(call('/reports/repeated-orders', { windowMinutes: '0' }))).toBe('windowMinutes');
    expect(await refused(call('/reports/expiring-orders', { withinDays: '91' }))).toBe('withinDays');
  });

  it('settlements: payouts, summary and the payouts CSV through the store’s Kustom client', async () => {
    const payouts: Payout[] = [];
    for await (const p of kustom.settlements.payouts.iterate({ size: 500 })) payouts.push(p);
    expect(payouts.length).toBeGreaterThan(0);
    const page = await (await call('/settlements/payouts', { size: '2' })).json();
    expect(page).toEqual(JSON.parse(JSON.stringify(await kustom.settlements.payouts.list({ size: 2 }))));
    const range = { start_date: '2000-01-01T00:00:00Z', end_date: `${now.toISOString().slice(0, 19)}Z` };
    const summary = await (await call('/settlements/summary', range)).json();
    expect(summary).toEqual(JSON.parse(JSON.stringify({ summary: await kustom.settlements.payouts.summary(range) })));
    const csv = await call('/settlements/payouts.csv', { locale: 'fi' });
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(await csv.text()).toBe(await collectCsv(payoutsToCsv(payouts, { locale: 'fi' })));
    expect(await refused(call('/settlements/summary', { start_date: '2025-01-01' }))).toBe('end_date');
    expect(await refused(call('/settlements/payouts', { size: '501' }))).toBe('size');
  });
});
