import { KustomValidationError, type Order } from '@kustom/sdk';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS, migrate, openDb, openStore, type OrderStore } from '../src/server.js';
import { freshPgDatabase, startPostgres, type PgServer } from './engines.js';

function order(i: number, over: Partial<Order> = {}): Order {
  const amount = 1000 + i;
  return {
    order_id: `ord-${String(i).padStart(4, '0')}`,
    status: 'AUTHORIZED',
    order_amount: amount,
    original_order_amount: amount,
    captured_amount: 0,
    refunded_amount: 0,
    remaining_authorized_amount: amount,
    purchase_currency: 'SEK',
    purchase_country: 'SE',
    locale: 'sv-SE',
    created_at: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(),
    expires_at: new Date(Date.UTC(2026, 0, 29) + i * 60_000).toISOString(),
    order_lines: [{ type: 'physical', name: 'Mug', quantity: 1, unit_price: amount, tax_rate: 0, total_amount: amount, total_tax_amount: 0 }],
    billing_address: { given_name: i % 2 ? 'Åsa' : 'Bo', family_name: 'Ødegård', email: `c${i}@example.com` },
    captures: [],
    refunds: [],
    ...over,
  } as Order;
}

const pg = await startPostgres();
if (typeof pg === 'string') console.log(`SKIPPED PostgreSQL store suite: ${pg}`);
afterAll(() => {
  if (typeof pg !== 'string') pg.stop();
});

const engines: { name: string; open: () => Promise<{ url?: string; dataDir?: string }>; skip: boolean }[] = [
  { name: 'PGlite', open: async () => ({}), skip: false },
  { name: 'PostgreSQL server', open: async () => ({ url: await freshPgDatabase((pg as PgServer).url) }), skip: typeof pg === 'string' },
];

for (const engine of engines) {
  describe.skipIf(engine.skip)(`the order store on ${engine.name}`, () => {
    let store: OrderStore;
    let url: string | undefined;
    beforeAll(async () => {
      url = (await engine.open()).url;
      store = await openStore({ databaseUrl: url });
    });
    afterAll(() => store?.close());

    it('migrates an empty database once; running the migrations again applies nothing', async () => {
      expect(await migrate(store.db)).toEqual([]);
      const rows = await store.db.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
      expect(rows.map((r) => r.version)).toEqual(MIGRATIONS.map((m) => m.version));
    });

    it('two instances starting at once apply each migration once', async () => {
      if (!url) return; // one PGlite instance owns its data directory: there is no second instance to race
      const u = await freshPgDatabase(url);
      const [a, b] = await Promise.all([openDb({ databaseUrl: u }), openDb({ databaseUrl: u })]);
      const [ra, rb] = await Promise.all([migrate(a), migrate(b)]);
      expect([...ra, ...rb].sort()).toEqual(MIGRATIONS.map((m) => m.version));
      await Promise.all([a.close(), b.close()]);
    });

    it('upserts an order idempotently: the same body twice writes once', async () => {
      const o = order(1);
      expect(await store.upsertOrder('m1', o)).toBe(true);
      expect(await store.upsertOrder('m1', o)).toBe(false);
      expect(await store.upsertOrder('m1', { ...o, status: 'CAPTURED' })).toBe(true);
      expect((await store.getOrder('m1', o.order_id))?.status).toBe('CAPTURED');
      expect(await store.getOrder('m2', o.order_id)).toBeUndefined();
    });

    it('refuses a bad order with a typed error naming the field, and writes nothing', async () => {
      const bad = { ...order(2), order_amount: 'ten' };
      const e = await store.upsertOrder('m1', bad).catch((x: unknown) => x);
      expect(e).toBeInstanceOf(KustomValidationError);
      expect((e as KustomValidationError).field).toBe('order_amount');
      expect(await store.getOrder('m1', 'ord-0002')).toBeUndefined();
    });

    it('pages newest first with a keyset cursor that stays stable under inserts', async () => {
      for (let i = 10; i < 40; i++) await store.upsertOrder('m3', order(i, { status: i % 3 ? 'AUTHORIZED' : 'CAPTURED' }));
      const p1 = await store.listOrders({ merchantId: 'm3', limit: 10 });
      expect(p1.orders.map((o) => o.order_id)).toEqual(Array.from({ length: 10 }, (_, k) => `ord-00${39 - k}`));
      // A newer order arriving between pages does not shift the next page.
      await store.upsertOrder('m3', order(99));
      const p2 = await store.listOrders({ merchantId: 'm3', limit: 10, after: p1.next! });
      expect(p2.orders.map((o) => o.order_id)).toEqual(Array.from({ length: 10 }, (_, k) => `ord-00${29 - k}`));
      const p3 = await store.listOrders({ merchantId: 'm3', limit: 10, after: p2.next! });
      expect(p3.next).toBeNull();
      expect(p3.orders).toHaveLength(10);
      const captured = await store.listOrders({ merchantId: 'm3', status: ['CAPTURED'], limit: 100 });
      expect(captured.orders.every((o) => o.status === 'CAPTURED')).toBe(true);
      expect(captured.orders).toHaveLength(10);
    });

    it('searches names and e-mails case- and accent-insensitively', async () => {
      const r = await store.listOrders({ merchantId: 'm3', text: 'ASA odegard', limit: 100 });
      expect(r.orders.length).toBeGreaterThan(0);
      expect(r.orders.every((o) => o.billing_address?.given_name === 'Åsa')).toBe(true);
      expect((await store.listOrders({ merchantId: 'm3', text: 'c11@example.com' })).orders.map((o) => o.order_id)).toEqual(['ord-0011']);
    });

    it('refuses a forged cursor and a bad page size by name', async () => {
      await expect(store.listOrders({ merchantId: 'm3', after: 'nope' })).rejects.toMatchObject({ field: 'after' });
      await expect(store.listOrders({ merchantId: 'm3', limit: 0 })).rejects.toMatchObject({ field: 'limit' });
    });

    it('keeps an append-only audit log with unique idempotency keys', async () => {
      const e = await store.appendAudit({ merchantId: 'm1', orderId: 'ord-0001', actor: 'u1', action: 'capture', request: { amount: 1001 }, idempotencyKey: 'k1', response: { ok: true } });
      expect(e.id).toBeGreaterThan(0);
      await expect(store.appendAudit({ merchantId: 'm1', orderId: 'ord-0001', actor: 'u1', action: 'capture', idempotencyKey: 'k1' })).rejects.toThrow();
      await expect(store.db.query('UPDATE audit_log SET action = $1', ['refund'])).rejects.toThrow(/append-only/);
      await expect(store.db.query('DELETE FROM audit_log')).rejects.toThrow(/append-only/);
      expect((await store.auditFor('m1', 'ord-0001')).map((a) => a.action)).toEqual(['capture']);
      expect((await store.findAuditByKey('m1', 'k1'))?.request).toEqual({ amount: 1001 });
    });

    it('writes an order and its audit entry in one transaction: a failure leaves neither', async () => {
      await expect(
        store.db.transaction(async (tx) => {
          await store.upsertOrder('m1', order(500), tx);
          await store.appendAudit({ merchantId: 'm1', orderId: 'ord-0500', actor: 'u1', action: 'capture', idempotencyKey: 'k1' }, tx);
        }),
      ).rejects.toThrow();
      expect(await store.getOrder('m1', 'ord-0500')).toBeUndefined();
      expect(await store.auditFor('m1', 'ord-0500')).toEqual([]);
    });

    it('saves users with their store access and never deletes them', async () => {
      await store.saveUser({ id: 'u1', email: 'Ro@Shop.example', name: 'Ro', role: 'read_only', external: false, expiresAt: null, merchantIds: ['m2', 'm1'] });
      expect(await store.getUserByEmail('ro@shop.example')).toMatchObject({ id: 'u1', merchantIds: ['m1', 'm2'], role: 'read_only' });
      await expect(store.db.query('DELETE FROM users')).rejects.toThrow(/never deleted/);
      await expect(store.saveUser({ id: 'u2', email: 'nope', name: 'x', role: 'user', external: false, expiresAt: null, merchantIds: [] })).rejects.toMatchObject({ field: 'email' });
    });
  });
}

describe('a PGlite data directory', () => {
  it('keeps orders, users and audit entries across a restart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kustom-pglite-'));
    try {
      const a = await openStore({ dataDir: dir });
      await a.upsertOrder('m1', order(7));
      await a.appendAudit({ merchantId: 'm1', orderId: 'ord-0007', actor: 'u1', action: 'capture' });
      await a.saveUser({ id: 'u1', email: 'a@b.example', name: 'A', role: 'admin', external: false, expiresAt: null, merchantIds: ['m1'] });
      await a.close();
      const b = await openStore({ dataDir: dir });
      expect((await b.getOrder('m1', 'ord-0007'))?.order_id).toBe('ord-0007');
      expect(await b.auditFor('m1', 'ord-0007')).toHaveLength(1);
      expect((await b.getUser('u1'))?.merchantIds).toEqual(['m1']);
      await b.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
