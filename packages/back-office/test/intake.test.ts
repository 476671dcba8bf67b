import { KustomValidationError } from '@kustom/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIntake, createNotifications, openStore, type OrderStore } from '../src/server.js';
import { storeEngines } from './engines.js';
import { MERCHANT, startKustom, type TestKustom } from './kustom.js';

const { engines, stop } = await storeEngines('intake suite');
afterAll(stop);

for (const engine of engines) {
  describe.skipIf(engine.skip)(`intake on ${engine.name}`, () => {
    let store: OrderStore;
    let k: TestKustom;
    beforeAll(async () => {
      store = await openStore({ databaseUrl: await engine.databaseUrl() });
      k = await startKustom();
      await store.saveUser({ id: 'u-admin', email: 'admin@shop.example', name: 'Ada', role: 'admin', external: false, expiresAt: null, merchantIds: [MERCHANT] });
    });
    afterAll(async () => {
      await store?.close();
      await k?.close();
    });
    const push = (query: string, method = 'POST') => new Request(`https://shop.example/back-office/push?${query}`, { method });
    const count = async (sql: string) => Number((await store.db.query<{ n: number }>(sql))[0]!.n);

    it('stores a pushed order, acknowledges it, notifies once; a repeated push changes nothing', async () => {
      const notifications = createNotifications({ store });
      const intake = createIntake({ store, stores: k.stores, notifications });
      const order = await k.newOrder();
      const r1 = await intake.handlePush(push(`store=${MERCHANT}&order_id=${order.order_id}`));
      expect(r1.status).toBe(200);
      expect(await r1.json()).toEqual({ order_id: order.order_id, result: 'inserted' });
      expect(await store.getOrder(MERCHANT, order.order_id)).toEqual(order);
      const version = async () => (await store.db.query<{ version: number }>('SELECT version FROM orders WHERE order_id = $1', [order.order_id]))[0]!.version;
      const v1 = await version();
      const r2 = await intake.handlePush(push(`store=${MERCHANT}&order_id=${order.order_id}`));
      expect(await r2.json()).toEqual({ order_id: order.order_id, result: 'unchanged' });
      expect(await version()).toBe(v1);
      const admin = (await store.getUser('u-admin'))!;
      const notices = await notifications.notices(admin, MERCHANT);
      expect(notices.filter((n) => n.kind === 'new_order' && (n.data as { orderId: string }).orderId === order.order_id)).toHaveLength(1);
    });

    it('a push after a change outside the back office stores what Kustom says now (out of order changes nothing twice)', async () => {
      const intake = createIntake({ store, stores: k.stores });
      const order = await k.newOrder();
      await k.kustom.orders.capture(order.order_id, { captured_amount: 1000 });
      // The push of the original checkout arrives late: it reads the order as it is now.
      expect((await (await intake.handlePush(push(`store=${MERCHANT}&order_id=${order.order_id}`))).json()).result).toBe('inserted');
      expect((await store.getOrder(MERCHANT, order.order_id))?.status).toBe('PART_CAPTURED');
      expect((await (await intake.handlePush(push(`store=${MERCHANT}&order_id=${order.order_id}`))).json()).result).toBe('unchanged');
    });

    it('an older read never overwrites a newer one', async () => {
      const intake = createIntake({ store, stores: k.stores });
      const order = await k.newOrder();
      const early = new Date(Date.now() - 60_000);
      await intake.ingest(MERCHANT, order.order_id);
      const { storeOrderRead } = await import('../src/intake.js');
      const stale = await store.db.transaction((tx) => storeOrderRead(store, MERCHANT, { ...order, status: 'CANCELLED' }, early, tx));
      expect(stale).toBe('stale');
      expect((await store.getOrder(MERCHANT, order.order_id))?.status).toBe('AUTHORIZED');
    });

    it('refuses an unknown or foreign order id, a bad id and an unknown store without writing', async () => {
      const intake = createIntake({ store, stores: k.stores });
      const before = await count('SELECT count(*)::int AS n FROM orders');
      const unknown = await intake.handlePush(push(`store=${MERCHANT}&order_id=3fa85f64-5717-4562-b3fc-2c963f66afa6`));
      expect(unknown.status).toBe(404);
      expect((await unknown.json()).field).toBe('order_id');
      const bad = await intake.handlePush(push(`store=${MERCHANT}&order_id=${encodeURIComponent('../etc')}`));
      expect(bad.status).toBe(400);
      expect((await bad.json()).field).toBe('order_id');
      const missing = await intake.handlePush(push(`store=${MERCHANT}`));
      expect((await missing.json()).field).toBe('order_id');
      // With several stores configured, the push names its store.
      const noStore = await intake.handlePush(push('order_id=abc'));
      expect(noStore.status).toBe(400);
      expect((await noStore.json()).field).toBe('store');
      const foreign = await intake.handlePush(push(`store=PN99999&order_id=abc`));
      expect(foreign.status).toBe(400);
      expect((await foreign.json()).field).toBe('store');
      expect((await intake.handlePush(push(`store=${MERCHANT}&order_id=abc`, 'GET'))).status).toBe(405);
      expect(await count('SELECT count(*)::int AS n FROM orders')).toBe(before);
      await expect(intake.backfill(MERCHANT, ['ok', 'no/slash'])).rejects.toSatisfy((e) => e instanceof KustomValidationError && e.field === 'orderIds[1]');
      await expect(intake.sync({ olderThan: 'yesterday' as unknown as Date })).rejects.toSatisfy((e) => e instanceof KustomValidationError && e.field === 'olderThan');
    });

    it('backfills a list with bounded concurrency; sync re-reads open orders and sees an expiry', async () => {
      const intake = createIntake({ store, stores: k.stores, concurrency: 3 });
      const orders = await Promise.all(Array.from({ length: 7 }, () => k.newOrder()));
      const r = await intake.backfill(MERCHANT, [...orders.map((o) => o.order_id), '3fa85f64-5717-4562-b3fc-2c963f66afa6']);
      expect(r).toMatchObject({ read: 8, inserted: 7, notFound: 1, failed: [] });
      // 29 days later every open order has expired; sync re-reads them.
      k.server.sandbox.clock.advance({ days: 29 });
      const s = await intake.sync({ olderThan: new Date(Date.now() + 1000) });
      expect(s.failed).toEqual([]);
      expect(s.updated).toBeGreaterThanOrEqual(7);
      for (const o of orders) expect((await store.getOrder(MERCHANT, o.order_id))?.status).toBe('EXPIRED');
      // Nothing open is left to re-read.
      expect((await intake.sync({ olderThan: new Date(Date.now() + 1000) })).read).toBe(0);
      k.server.sandbox.clock.set('2026-03-02T10:00:00Z');
    });
  });
}
