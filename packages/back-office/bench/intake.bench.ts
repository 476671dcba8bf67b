/**
 * `npm run bench -w @kustom/back-office` (with the store benchmark): push intake against
 * the sandbox over real local HTTP. Each push reads the Order Management order, stores
 * it and acknowledges it, as `handlePush` does for Kustom's `merchant_urls.push`.
 * Prints orders per second, one push at a time and with pushes arriving in parallel;
 * asserts nothing.
 *
 * KUSTOM_BENCH_PUSHES (default 2000) and KUSTOM_BENCH_ENGINES (`pglite,postgres`;
 * postgres needs KUSTOM_BENCH_DATABASE_URL) narrow a run.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { it } from 'vitest';
import { createIntake, openDb, openStore, type OrderStore } from '../src/server.js';
import { MERCHANT, startKustom } from '../test/kustom.js';

const N = Number(process.env.KUSTOM_BENCH_PUSHES ?? 2000);
const ENGINES = (process.env.KUSTOM_BENCH_ENGINES ?? 'pglite,postgres').split(',');

it(`push intake: ${N} orders from the sandbox`, async () => {
  const k = await startKustom();
  const ids: string[] = [];
  const t0 = performance.now();
  for (let i = 0; i < N; i++) ids.push((await k.newOrder({ lines: 1 + (i % 4) })).order_id);
  console.log(`  ${N} checkouts completed in the sandbox: ${((performance.now() - t0) / 1000).toFixed(1)} s (setup, not measured)`);
  try {
    for (const engine of ENGINES) {
      const url = engine === 'postgres' ? process.env.KUSTOM_BENCH_DATABASE_URL : undefined;
      if (engine === 'postgres' && !url) {
        console.log('  postgres: skipped (KUSTOM_BENCH_DATABASE_URL is not set)');
        continue;
      }
      for (const parallel of [1, 8]) {
        // A store of its own each time: PGlite in a temp directory, or a database created (and dropped) on the server.
        const dir = mkdtempSync(join(tmpdir(), 'bo-intake-'));
        const name = `kustom_bench_intake_${process.pid}_${parallel}`;
        const admin = url ? await openDb({ databaseUrl: url }) : undefined;
        let store: OrderStore;
        if (admin && url) {
          await admin.exec(`DROP DATABASE IF EXISTS ${name}`);
          await admin.exec(`CREATE DATABASE ${name}`);
          const u = new URL(url);
          u.pathname = `/${name}`;
          store = await openStore({ databaseUrl: u.toString() });
        } else store = await openStore({ dataDir: dir });
        const intake = createIntake({ store, stores: k.stores });
        const push = (id: string) => intake.handlePush(new Request(`https://shop.example/push?store=${MERCHANT}&order_id=${id}`, { method: 'POST' }));
        let next = 0;
        let failed = 0;
        const t = performance.now();
        await Promise.all(
          Array.from({ length: parallel }, async () => {
            while (next < ids.length) {
              const r = await push(ids[next++]!);
              if (r.status >= 300) failed++;
              await r.body?.cancel();
            }
          }),
        );
        const s = (performance.now() - t) / 1000;
        const [{ n }] = await store.db.query<{ n: unknown }>('SELECT count(*) AS n FROM orders WHERE merchant_id = $1', [MERCHANT]);
        console.log(`  ${engine.padEnd(8)} ${String(parallel).padStart(2)} at once: ${Math.round(N / s)} orders/s (${s.toFixed(1)} s; ${n} stored, ${failed} refused)`);
        await store.close();
        if (admin) {
          await admin.exec(`DROP DATABASE IF EXISTS ${name}`);
          await admin.close();
        }
        rmSync(dir, { recursive: true, force: true });
      }
    }
  } finally {
    await k.close();
  }
});
