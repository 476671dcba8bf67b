import { KustomValidationError, type Order } from '@kustom/sdk';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BackOfficeConflictError, BackOfficePendingError, createActions, createIntake, openStore, type Actions, type OrderStore } from '../src/server.js';
import { storeEngines } from './engines.js';
import { MERCHANT, startKustom, type TestKustom } from './kustom.js';

const { engines, stop } = await storeEngines('actions suite');
afterAll(stop);

const ADMIN = { id: 'u-admin', email: 'admin@shop.example' };
const BOB = { id: 'u-bob', email: 'bob@shop.example' };

for (const engine of engines) {
  describe.skipIf(engine.skip)(`order actions on ${engine.name}`, () => {
    let store: OrderStore;
    let k: TestKustom;
    let actions: Actions;
    beforeAll(async () => {
      store = await openStore({ databaseUrl: await engine.databaseUrl() });
      k = await startKustom();
      actions = createActions({ store, stores: k.stores, now: () => k.server.sandbox.clock.now() });
    });
    afterAll(async () => {
      await store?.close();
      await k?.close();
    });

    async function stored(): Promise<Order> {
      const o = await k.newOrder();
      await createIntake({ store, stores: k.stores }).ingest(MERCHANT, o.order_id);
      return o;
    }
    const audit = (orderId: string) => store.auditFor(MERCHANT, orderId);
    const claims = async () => (await store.db.query('SELECT * FROM action_claims')).length;
    const kustomOrder = (id: string) => k.kustom.orders.get(id);

    it('captures, stores what Kustom says and audits it in one go; the same key again moves nothing', async () => {
      const o = await stored();
      const r = await actions.act({ merchantId: MERCHANT, user: ADMIN, orderId: o.order_id, action: 'capture', input: { kind: 'full' }, idempotencyKey: 'cap-1' });
      expect(r.replayed).toBe(false);
      expect(r.order).toEqual(await kustomOrder(o.order_id));
      expect(r.order?.status).toBe('CAPTURED');
      const [entry, ...rest] = await audit(o.order_id);
      expect(rest).toEqual([]);
      expect(entry).toMatchObject({ merchantId: MERCHANT, actor: ADMIN.id, action: 'capture', idempotencyKey: 'cap-1' });
      expect(entry!.request).toMatchObject({ input: { kind: 'full' }, body: { captured_amount: o.order_amount } });
      expect((entry!.response as { capture_id: string }).capture_id).toBe(r.order?.captures?.[0]?.capture_id);
      const again = await actions.act({ merchantId: MERCHANT, user: ADMIN, orderId: o.order_id, action: 'capture', input: { kind: 'full' }, idempotencyKey: 'cap-1' });
      expect(again.replayed).toBe(true);
      expect((await kustomOrder(o.order_id)).captures).toHaveLength(1);
      expect(await audit(o.order_id)).toHaveLength(1);
      // The key belongs to that action: reused for another, it is a conflict naming the field.
      const reuse = await actions.act({ merchantId: MERCHANT, user: ADMIN, orderId: o.order_id, action: 'refund', input: { kind: 'full' }, idempotencyKey: 'cap-1' }).catch((e: unknown) => e);
      expect(reuse).toBeInstanceOf(BackOfficeConflictError);
      expect((reuse as BackOfficeConflictError).field).toBe('idempotency_key');
    });

    it('bad input is a typed error naming the field, with no call, no claim and no audit entry', async () => {
      const o = await stored();
      const cases: [string, unknown, string][] = [
        ['capture', { kind: 'lines', lines: [{ reference: 'SKU-1', quantity: 0 }] }, 'lines[0].quantity'],
        ['capture', { kind: 'amount', amount: 10.5, tax_rate: 2500, description: 'x' }, 'amount'],
        ['capture', { kind: 'lines', lines: [{ reference: 'SKU-1', quantity: 99 }] }, 'lines[0].quantity'],
        ['refund', { kind: 'everything' }, 'kind'],
        ['shipping_info', { shipping_info: [] }, 'shipping_info'],
        ['merchant_references', { merchant_reference1: 'x'.repeat(300) }, 'merchant_reference1'],
        ['customer_details', {}, 'shipping_address'],
        ['edit', { order_lines: 'all' }, 'order_lines'],
        ['teleport', {}, 'action'],
      ];
      for (const [action, input, field] of cases) {
        const e = await actions.act({ merchantId: MERCHANT, user: ADMIN, orderId: o.order_id, action, input }).catch((x: unknown) => x);
        expect(e, `${action} ${JSON.stringify(input)}`).toHaveProperty('field', field);
        if (action !== 'capture' || field !== 'lines[0].quantity' || (input as { lines: { quantity: number }[] }).lines[0]!.quantity === 0) {
          expect(e).toBeInstanceOf(KustomValidationError);
        }
      }
      const key = await actions.act({ merchantId: MERCHANT, user: ADMIN, orderId: o.order_id, action: 'cancel', input: {}, idempotencyKey: 'has space' }).catch((x: unknown) => x);
      expect(key).toHaveProperty('field', 'idempotency_key');
      expect(await audit(o.order_id)).toEqual([]);
      expect(await claims()).toBe(0);
      expect((await kustomOrder(o.order_id)).status).toBe('AUTHORIZED');
    });

    it('a refusal by the rules or by Kustom records nothing and frees the order; the store then shows Kustom’s state', async () => {
      const o = await stored();
      // The SDK's rules refuse a release with nothing captured, before any call.
      const early = await actions.act({ merchantId: MERCHANT, user: ADMIN, orderId: o.order_id, action: 'release', input: {} }).catch((x: unknown) => x);
      expect(early).toMatchObject({ status: 409, code: 'ACTION_NOT_ALLOWED' });
      // Cancelled elsewhere (the portal): the stored copy still says AUTHORIZED, Kustom refuses the capture.
      await k.kustom.orders.cancel(o.order_id);
      const e = await actions.act({ merchantId: MERCHANT, user: ADMIN, orderId: o.order_id, action: 'capture', input: { kind: 'full' } }).catch((x: unknown) => x);
      expect(e).toMatchObject({ status: 403, error_code: 'CAPTURE_NOT_ALLOWED' });
      expect(await audit(o.order_id)).toEqual([]);
      expect(await claims()).toBe(0);
      expect((await store.getOrder(MERCHANT, o.order_id))?.status).toBe('CANCELLED');
      const o2 = await stored();
      const ok = await actions.act({ merchantId: MERCHANT, user: ADMIN, orderId: o2.order_id, action: 'merchant_references', input: { merchant_reference2: 'PO-7' } });
      expect(ok.order?.merchant_reference2).toBe('PO-7');
    });

    it('Kustom failing (503 on every attempt, or the connection dropped after the write) is pending; the retry with the same key finishes it once', async () => {
      for (const fault of [{ status: 503 as const, retry_after: 0 }, { drop_after_commit: true }]) {
        const o = await stored();
        k.server.sandbox.faults.add({ ...fault, method: 'POST', path: '/ordermanagement/v1/orders/*/captures', times: 3 });
        const e = await actions.act({ merchantId: MERCHANT, user: ADMIN, orderId: o.order_id, action: 'capture', input: { kind: 'full' }, idempotencyKey: `pend-${fault.status ?? 'drop'}` }).catch((x: unknown) => x);
        expect(e).toBeInstanceOf(BackOfficePendingError);
        expect((e as BackOfficePendingError).idempotencyKey).toBe(`pend-${fault.status ?? 'drop'}`);
        expect(await audit(o.order_id)).toEqual([]);
        // The store shows what Kustom has, whatever happened.
        expect(await store.getOrder(MERCHANT, o.order_id)).toEqual(await kustomOrder(o.order_id));
        // Someone else cannot act while it is pending.
        const other = await actions.act({ merchantId: MERCHANT, user: BOB, orderId: o.order_id, action: 'merchant_references', input: { merchant_reference2: 'x' } }).catch((x: unknown) => x);
        expect(other).toMatchObject({ status: 409, code: 'ORDER_BUSY' });
        k.server.sandbox.faults.clear();
        const r = await actions.act({ merchantId: MERCHANT, user: ADMIN, orderId: o.order_id, action: 'capture', input: { kind: 'full' }, idempotencyKey: `pend-${fault.status ?? 'drop'}` });
        expect(r.order?.status).toBe('CAPTURED');
        expect((await kustomOrder(o.order_id)).captures).toHaveLength(1);
        expect(await audit(o.order_id)).toHaveLength(1);
        expect(await store.getOrder(MERCHANT, o.order_id)).toEqual(await kustomOrder(o.order_id));
      }
      expect(await claims()).toBe(0);
    });

    it('resume() finishes a pending action with its own key', async () => {
      const o = await stored();
      k.server.sandbox.faults.add({ drop_after_commit: true, method: 'POST', path: '/ordermanagement/v1/orders/*/cancel', times: 3 });
      await expect(actions.act({ merchantId: MERCHANT, user: ADMIN, orderId: o.order_id, action: 'cancel', input: {} })).rejects.toBeInstanceOf(BackOfficePendingError);
      k.server.sandbox.faults.clear();
      expect(await actions.resume({ olderThanMs: -1000 })).toEqual({ done: 1, refused: 0, pending: 0 });
      expect((await audit(o.order_id)).map((a) => a.action)).toEqual(['cancel']);
      expect((await store.getOrder(MERCHANT, o.order_id))?.status).toBe('CANCELLED');
    });

    it('two users capturing one order at once: one wins, the other gets a conflict, money moves once', async () => {
      const o = await stored();
      const version = (await store.db.query<{ version: number }>('SELECT version FROM orders WHERE order_id = $1', [o.order_id]))[0]!.version;
      const results = await Promise.allSettled(
        [ADMIN, BOB].map((user) => actions.act({ merchantId: MERCHANT, user, orderId: o.order_id, action: 'capture', input: { kind: 'full' }, expectedVersion: version })),
      );
      const won = results.filter((r) => r.status === 'fulfilled');
      const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(1);
      expect(lost[0]!.reason).toBeInstanceOf(BackOfficeConflictError);
      expect(['ORDER_BUSY', 'ORDER_CHANGED']).toContain((lost[0]!.reason as BackOfficeConflictError).code);
      expect((await kustomOrder(o.order_id)).captures).toHaveLength(1);
      expect(await audit(o.order_id)).toHaveLength(1);
      // Acting on a version that is no longer the stored one is a conflict too.
      const stale = await actions.act({ merchantId: MERCHANT, user: BOB, orderId: o.order_id, action: 'refund', input: { kind: 'full' }, expectedVersion: version }).catch((x: unknown) => x);
      expect(stale).toMatchObject({ status: 409, code: 'ORDER_CHANGED', field: 'version' });
    });

    it('property: random actions under random faults, each retried with its key, leave the store equal to Kustom and one audit entry per action done', async () => {
      const act = fc.record({
        action: fc.constantFrom('capture', 'refund', 'cancel', 'release', 'extend', 'merchant_references', 'shipping_info'),
        kind: fc.constantFrom('full', 'lines', 'amount'),
        fault: fc.constantFrom('none', 'none', '503', 'drop'),
      });
      let run = 0;
      await fc.assert(
        fc.asyncProperty(fc.array(act, { minLength: 1, maxLength: 6 }), async (steps) => {
          run++;
          const o = await stored();
          let done = 0;
          for (const [i, s] of steps.entries()) {
            const key = `p${run}-${i}`;
            const input =
              s.action === 'capture' || s.action === 'refund'
                ? s.kind === 'lines'
                  ? { kind: 'lines', lines: [{ reference: 'SKU-1', quantity: 1 }] }
                  : s.kind === 'amount'
                    ? { kind: 'amount', amount: 1000, tax_rate: 2500, description: 'Part' }
                    : { kind: 'full' }
                : s.action === 'merchant_references'
                  ? { merchant_reference1: `ref-${i}` }
                  : s.action === 'shipping_info'
                    ? { shipping_info: [{ shipping_company: 'PostNord', tracking_number: `T${i}` }] }
                    : {};
            if (s.fault !== 'none') k.server.sandbox.faults.add({ ...(s.fault === '503' ? { status: 503 as const, retry_after: 0 } : { drop_after_commit: true }), method: s.action === 'merchant_references' ? 'PATCH' : 'POST', times: 3 });
            const attempt = () => actions.act({ merchantId: MERCHANT, user: ADMIN, orderId: o.order_id, action: s.action, input, idempotencyKey: key });
            let outcome = await attempt().then(() => 'done', (e: unknown) => e);
            k.server.sandbox.faults.clear();
            if (outcome instanceof BackOfficePendingError) outcome = await attempt().then(() => 'done', (e: unknown) => e);
            if (outcome === 'done') done++;
            else expect(outcome).not.toBeInstanceOf(BackOfficePendingError);
          }
          const kustom = await kustomOrder(o.order_id);
          expect(await store.getOrder(MERCHANT, o.order_id)).toEqual(kustom);
          const entries = await audit(o.order_id);
          expect(entries).toHaveLength(done);
          expect(entries.filter((e) => e.action === 'capture')).toHaveLength(kustom.captures?.length ?? 0);
          expect(entries.filter((e) => e.action === 'refund')).toHaveLength(kustom.refunds?.length ?? 0);
          expect(await claims()).toBe(0);
        }),
        { numRuns: 12, seed: 11 },
      );
    });
  });
}
