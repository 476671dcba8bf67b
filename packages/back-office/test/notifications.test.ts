import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIntake, createNotifications, openStore, type EmailMessage, type OrderStore } from '../src/server.js';
import { storeEngines } from './engines.js';
import { MERCHANT, startKustom, type TestKustom } from './kustom.js';

const { engines, stop } = await storeEngines('notifications suite');
afterAll(stop);

for (const engine of engines) {
  describe.skipIf(engine.skip)(`notifications on ${engine.name}`, () => {
    let store: OrderStore;
    let k: TestKustom;
    const clock = { at: Date.parse('2026-03-02T10:00:00Z') };
    beforeAll(async () => {
      store = await openStore({ databaseUrl: await engine.databaseUrl() });
      k = await startKustom();
      const base = { external: false, expiresAt: null, merchantIds: [MERCHANT] };
      await store.saveUser({ ...base, id: 'a', email: 'a@shop.example', name: 'A', role: 'admin' });
      await store.saveUser({ ...base, id: 'b', email: 'b@shop.example', name: 'B', role: 'user' });
      await store.saveUser({ ...base, id: 'c', email: 'c@shop.example', name: 'C', role: 'user', merchantIds: ['PN99999'] });
      await store.saveUser({ ...base, id: 'x', email: 'x@partner.example', name: 'X', role: 'external', external: true, expiresAt: '2026-03-01T00:00:00Z' });
    });
    afterAll(async () => {
      await store?.close();
      await k?.close();
    });

    it('a failing e-mail hook loses nothing: retried with backoff until sent once; the home-page notice stays', async () => {
      let failures = 2;
      const sent: EmailMessage[] = [];
      const n = createNotifications({
        store,
        mailClock: () => new Date(clock.at),
        retryDelayMs: 1000,
        notify: (m) => {
          if (failures-- > 0) throw new Error('SMTP down');
          sent.push(m);
        },
      });
      const a = (await store.getUser('a'))!;
      await n.setPreferences(a, { preferences: [{ merchantId: MERCHANT, kind: 'new_order', home: true, email: true }] });
      const intake = createIntake({ store, stores: k.stores, notifications: n });
      const o = await k.newOrder();
      await intake.ingest(MERCHANT, o.order_id);
      await intake.ingest(MERCHANT, o.order_id); // repeated: no second notice or e-mail
      expect(await n.flush()).toEqual({ sent: 0, failed: 1 });
      expect(await n.flush()).toEqual({ sent: 0, failed: 0 }); // not due yet
      clock.at += 1000;
      expect(await n.flush()).toEqual({ sent: 0, failed: 1 });
      clock.at += 1999;
      expect(await n.flush()).toEqual({ sent: 0, failed: 0 });
      clock.at += 1;
      expect(await n.flush()).toEqual({ sent: 1, failed: 0 });
      expect(await n.flush()).toEqual({ sent: 0, failed: 0 });
      expect(sent).toEqual([expect.objectContaining({ to: 'a@shop.example', kind: 'new_order', merchantId: MERCHANT, userId: 'a' })]);
      expect(sent[0]!.text).toContain(o.order_id);
      const notices = await n.notices(a, MERCHANT);
      expect(notices.filter((x) => (x.data as { orderId: string }).orderId === o.order_id)).toHaveLength(1);
      // B (home only, the default) got a notice and no e-mail; C (another store) and X (expired) nothing.
      for (const [id, count] of [['b', 1], ['c', 0], ['x', 0]] as const) {
        const u = (await store.getUser(id))!;
        expect((await n.notices(u, MERCHANT)).filter((x) => (x.data as { orderId: string }).orderId === o.order_id), id).toHaveLength(count);
      }
      const mails = await store.db.query<{ recipient: string }>('SELECT recipient FROM outbox WHERE dedupe_key = $1', [o.order_id]);
      expect(mails.map((m) => m.recipient)).toEqual(['a@shop.example']);
    });

    it('expiring orders within 3 days notify once per order and expiry date', async () => {
      const n = createNotifications({ store, now: () => k.server.sandbox.clock.now() });
      const intake = createIntake({ store, stores: k.stores });
      const o = await k.newOrder();
      k.server.sandbox.clock.advance({ days: 26 }); // expires in 2 days
      await intake.ingest(MERCHANT, o.order_id);
      expect(await n.checkExpiring(MERCHANT)).toBeGreaterThan(0);
      expect(await n.checkExpiring(MERCHANT)).toBe(0);
      const b = (await store.getUser('b'))!;
      const mine = (await n.notices(b, MERCHANT)).filter((x) => x.kind === 'expiring_orders' && (x.data as { orderId: string }).orderId === o.order_id);
      expect(mine).toHaveLength(1);
      k.server.sandbox.clock.set('2026-03-02T10:00:00Z');
    });

    it('preferences name a bad field', async () => {
      const n = createNotifications({ store });
      const a = (await store.getUser('a'))!;
      await expect(n.setPreferences(a, { preferences: [{ merchantId: MERCHANT, kind: 'weather', home: true, email: false }] })).rejects.toMatchObject({ field: 'preferences[0].kind' });
      await expect(n.setPreferences(a, { preferences: [{ merchantId: MERCHANT, kind: 'new_order', home: 'yes', email: false }] })).rejects.toMatchObject({ field: 'preferences[0].home' });
    });
  });
}
