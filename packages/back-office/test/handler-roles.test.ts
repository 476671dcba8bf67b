/**
 * Every route in ROUTES with every role, allowed and refused, written over ROUTES so
 * routes added later are covered; no session is 401 everywhere; an expired external
 * user and a store the user does not reach are refused everywhere.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, can } from '../src/roles.js';
import { ROUTES, createIntake, type Route } from '../src/server.js';
import { startWithOrder, type TestBackOffice } from './handler-support.js';
import { MERCHANT } from './kustom.js';

let bo: TestBackOffice;
let orderId: string;
beforeAll(async () => {
  ({ bo, orderId } = await startWithOrder());
});
afterAll(() => bo?.close());

const pathOf = (route: Route) => route.path.replace(/:([A-Za-z]+)/g, (_, name: string) => (name === 'orderId' ? orderId : '1'));
const write = (route: Route) => route.method !== 'GET';

/** Everything a refused request must leave as it was. */
async function snapshot() {
  const q = async (sql: string) => JSON.stringify(await bo.store.db.query(sql));
  return {
    db: [
      await q('SELECT order_id, version, body FROM orders ORDER BY order_id'),
      await q('SELECT count(*) AS n FROM audit_log'),
      await q('SELECT * FROM store_settings ORDER BY merchant_id'),
      await q('SELECT * FROM notification_preferences ORDER BY user_id, merchant_id, kind'),
      await q('SELECT id, read_at FROM notices ORDER BY id'),
      await q('SELECT * FROM action_claims'),
    ],
    kustom: JSON.stringify(await bo.k.kustom.orders.get(orderId)),
  };
}

describe('every route with every role', () => {
  it('ROUTES has every action and area of this half', () => {
    const paths = ROUTES.map((r) => `${r.method} ${r.path}`);
    for (const p of ['GET /me', 'GET /orders', 'GET /orders/:orderId', 'POST /orders/:orderId/capture', 'POST /orders/:orderId/customer-details', 'GET /orders/:orderId/packing-slip', 'PUT /store/logo', 'GET /notices', 'PUT /notifications/preferences']) {
      expect(paths).toContain(p);
    }
  });

  for (const route of ROUTES) {
    it(`${route.method} ${route.path} (${route.permission})`, async () => {
      for (const role of ROLES) {
        const allowed = route.permission === 'session' || can(role, route.permission);
        const as = await bo.signIn(`u-${role}`);
        const before = allowed ? undefined : await snapshot();
        const res = await bo.request(route.method, pathOf(route), { as, body: write(route) ? {} : undefined });
        if (allowed) {
          expect([401, 403], `${role} is allowed ${route.method} ${route.path}, got ${res.status}`).not.toContain(res.status);
          expect(res.status, `${role} ${route.method} ${route.path}: ${res.status}`).toBeLessThan(500);
        } else {
          expect(res.status, `${role} must be refused ${route.method} ${route.path}`).toBe(403);
          expect(await res.json()).toMatchObject({ error: 'FORBIDDEN', permission: route.permission });
          expect(await snapshot()).toEqual(before);
        }
      }
    });
  }

  it('without a session every route answers 401 and changes nothing', async () => {
    const before = await snapshot();
    for (const route of ROUTES) {
      const res = await bo.request(route.method, pathOf(route), { body: write(route) ? {} : undefined, csrf: 'anything' });
      expect(res.status, `${route.method} ${route.path}`).toBe(401);
    }
    expect(await snapshot()).toEqual(before);
  });

  it('an external user past the expiry date is refused every route; so is a store the user does not reach', async () => {
    await bo.store.saveUser({ ...bo.users.external!, id: 'u-ext-old', email: 'old@partner.example', expiresAt: '2026-03-01T00:00:00.000Z' });
    await bo.store.saveUser({ ...bo.users.admin!, id: 'u-other', email: 'other@shop.example', merchantIds: ['PN99999'] });
    const old = await bo.signIn('u-ext-old');
    const admin = await bo.signIn('u-admin');
    const before = await snapshot();
    for (const route of ROUTES) {
      const a = await bo.request(route.method, pathOf(route), { as: old, body: write(route) ? {} : undefined });
      expect(a.status).toBe(403);
      expect((await a.json()).permission).toBe('access:expired');
      const b = await bo.request(route.method, pathOf(route), { as: admin, body: write(route) ? {} : undefined, headers: { 'kustom-store': 'PN99999' } });
      expect(b.status).toBe(403);
      expect((await b.json()).permission).toBe('store:PN99999');
    }
    expect(await snapshot()).toEqual(before);
  });

  it('Read Only is refused a capture with 403 naming orders:act and nothing moves; Admin captures', async () => {
    const ro = await bo.signIn('u-read_only');
    const before = await snapshot();
    const refused = await bo.request('POST', `/orders/${orderId}/capture`, { as: ro, body: { kind: 'full' } });
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ permission: 'orders:act' });
    expect(await snapshot()).toEqual(before);
    const o = await bo.k.newOrder();
    await createIntake({ store: bo.store, stores: bo.k.stores }).ingest(MERCHANT, o.order_id);
    const admin = await bo.signIn('u-admin');
    const page = await bo.request('GET', `/orders/${o.order_id}`, { as: admin });
    const etag = page.headers.get('etag')!;
    const ok = await bo.request('POST', `/orders/${o.order_id}/capture`, { as: admin, body: { kind: 'full' }, headers: { 'idempotency-key': 'admin-cap', 'if-match': etag } });
    expect(ok.status).toBe(200);
    const body = await ok.json();
    expect(body.order.status).toBe('CAPTURED');
    expect(body.audit).toMatchObject({ actor: 'u-admin', action: 'capture', idempotencyKey: 'admin-cap' });
    expect((await bo.k.kustom.orders.get(o.order_id)).status).toBe('CAPTURED');
    // The same If-Match again: the order changed, a clear conflict.
    const stale = await bo.request('POST', `/orders/${o.order_id}/refund`, { as: admin, body: { kind: 'full' }, headers: { 'if-match': etag } });
    expect(stale.status).toBe(409);
    expect(await stale.json()).toMatchObject({ error: 'ORDER_CHANGED', field: 'version' });
  });
});
