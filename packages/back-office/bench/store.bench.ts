/**
 * `npm run bench -w @kustom/back-office`: the order store with 1 000 000 orders, on
 * PGlite (data directory on disk) and on a PostgreSQL server
 * (`KUSTOM_BENCH_DATABASE_URL`; a database of its own is created and dropped there).
 * Prints the figures; asserts nothing (speed is reported, never tested).
 *
 * KUSTOM_BENCH_ORDERS (default 1000000) and KUSTOM_BENCH_ENGINES (`pglite,postgres`) narrow a run.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isDeepStrictEqual } from 'node:util';
import { join } from 'node:path';
import { orderSearchText, type Order } from '@kustom/sdk';
import { it } from 'vitest';
import { summaryOf } from '../src/export.js';
import { demographyOf, exportOrdersCsv, insightsOverviewOf, openDb, openStore, type OrderPageQuery, type OrderStore } from '../src/server.js';
import { CUSTOMERS, customer, insertOrders, orderIndexes, SPAN_MS, START } from './generate.js';

const N = Number(process.env.KUSTOM_BENCH_ORDERS ?? 1_000_000);
const ENGINES = (process.env.KUSTOM_BENCH_ENGINES ?? 'pglite,postgres').split(',');
const M = 'bench-merchant';

const log = (...a: unknown[]) => console.log(...a);
const ms = (t: number) => `${t.toFixed(1)} ms`;

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
}

async function timed<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const t = performance.now();
  const r = await fn();
  return [performance.now() - t, r];
}

/** Runs `fn` for each of `inputs` (after 3 warm-up runs) and prints p50 / p95 / max. */
async function latency<T>(label: string, inputs: T[], fn: (x: T) => Promise<unknown>): Promise<number> {
  for (const x of inputs.slice(0, 3)) await fn(x);
  const times: number[] = [];
  for (const x of inputs) times.push((await timed(() => fn(x)))[0]);
  const p95 = percentile(times, 95);
  log(`  ${label.padEnd(58)} p50 ${ms(percentile(times, 50)).padStart(10)}  p95 ${ms(p95).padStart(10)}  max ${ms(Math.max(...times)).padStart(10)}  (n=${times.length})`);
  return p95;
}

async function load(store: OrderStore): Promise<void> {
  const db = store.db;
  const [{ n }] = await db.query<{ n: unknown }>('SELECT count(*) AS n FROM orders WHERE merchant_id = $1', [M]);
  if (Number(n) === N) {
    log(`  ${N} orders already loaded`);
    return;
  }
  const indexes = orderIndexes();
  for (const i of indexes) await db.exec(`DROP INDEX IF EXISTS ${i.name}`);
  const batch = 50_000;
  const [tLoad] = await timed(async () => {
    for (let from = 1; from <= N; from += batch) await insertOrders(db, M, from, Math.min(N, from + batch - 1), N);
  });
  log(`  generated and inserted ${N} orders: ${(tLoad / 1000).toFixed(1)} s (${Math.round(N / (tLoad / 1000))} rows/s)`);
  for (const i of indexes) {
    const [t] = await timed(() => db.exec(i.sql));
    log(`  index ${i.name.padEnd(28)} ${(t / 1000).toFixed(1)} s`);
  }
  const [tA] = await timed(() => db.exec('VACUUM ANALYZE orders'));
  log(`  VACUUM ANALYZE ${(tA / 1000).toFixed(1)} s`);
  const [{ size }] = await db.query<{ size: string }>(`SELECT pg_size_pretty(pg_total_relation_size('orders')) AS size`);
  log(`  orders table with indexes: ${size}`);
  // The generated rows are what upsertOrder would have written: a sample checked against the SDK.
  const sample = await db.query<{ body: Order; search_text: string; summary: unknown }>('SELECT body, search_text, summary FROM orders WHERE merchant_id = $1 ORDER BY random() LIMIT 200', [M]);
  const wrong = sample.filter((r) => orderSearchText(r.body) !== r.search_text || !isDeepStrictEqual(summaryOf(r.body), r.summary)).length;
  log(`  sample of 200: ${wrong} with a search_text or summary other than upsertOrder's`);
}

async function measure(engine: string, store: OrderStore): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  const day = 86_400_000;
  const lastDay = START + SPAN_MS;
  const pick = <T,>(xs: readonly T[], i: number) => xs[i % xs.length]!;
  const runs = Array.from({ length: 40 }, (_, i) => i);

  log(`\n[${engine}] orders page: filter + sort + one page of 20`);
  const page = (q: Omit<OrderPageQuery, 'merchantId'>) => store.listOrders({ merchantId: M, limit: 20, ...q });
  out.pageDefault = await latency('newest first, no filter', runs, () => page({}));
  out.pageStatus = await latency('status AUTHORIZED + country SE, newest first', runs, (i) =>
    page({ status: pick(['AUTHORIZED', 'PART_CAPTURED', 'CAPTURED'] as const, i), country: 'SE' }),
  );
  out.pageRange = await latency('last 90 days of a month window, status, newest first', runs, (i) =>
    page({ status: 'CAPTURED', createdFrom: new Date(lastDay - (90 + i) * day).toISOString().slice(0, 10), createdTo: new Date(lastDay - i * day).toISOString().slice(0, 10), timeZone: 'Europe/Stockholm' }),
  );
  out.pageAmount = await latency('currency SEK, by amount descending', runs, (i) => page({ currency: pick(['SEK', 'EUR', 'NOK'], i), sort: { by: 'order_amount', direction: 'desc' } }));
  out.pageAmountAll = await latency('all currencies by amount (currency first), ascending', runs, () => page({ sort: { by: 'order_amount' } }));
  out.pageStatusSort = await latency('by status, method INVOICE + min amount', runs, (i) => page({ sort: { by: 'status', direction: pick(['asc', 'desc'] as const, i) }, paymentMethod: 'INVOICE', minAmount: 50_000 }));
  out.pageExpiring = await latency('open orders by expiry date', runs, () => page({ status: ['AUTHORIZED', 'PART_CAPTURED'], sort: { by: 'expires_at' } }));
  // Deep keyset paging: page 2 through 10 of a filtered sort (each one page of 20).
  const cursors: string[] = [];
  let next: string | null = (await page({ country: 'FI', sort: { by: 'created_at', direction: 'desc' } })).next;
  for (let i = 0; i < 40 && next; i++) {
    cursors.push(next);
    next = (await page({ country: 'FI', sort: { by: 'created_at', direction: 'desc' }, after: next })).next;
  }
  out.pageCursor = await latency('keyset: the next page of country FI, newest first', cursors, (after) => page({ country: 'FI', sort: { by: 'created_at', direction: 'desc' }, after }));

  log(`\n[${engine}] free-text search (one page of 20, newest first)`);
  const people = Array.from({ length: 40 }, (_, i) => customer((i * 1543) % CUSTOMERS));
  out.searchName = await latency('given + family name ("anna svensson")', runs, (i) => page({ text: `${people[i]!.given} ${people[i]!.family}` }));
  out.searchEmail = await latency('an e-mail address', runs, (i) => page({ text: people[i]!.email }));
  out.searchFamily = await latency('a family name and a status', runs, (i) => page({ text: people[i]!.family, status: 'AUTHORIZED' }));
  out.searchOrderRef = await latency('a merchant reference (order number)', runs, (i) => page({ text: `SHOP-${100000 + ((i * 24_593) % N) + 1}` }));
  out.searchProduct = await latency('a product name + a date range', runs, (i) => page({ text: pick(['tea pot', 'vase', 'grinder'], i), createdFrom: '2026-01-01', createdTo: '2026-03-31' }));

  log(`\n[${engine}] CSV export of all ${N} orders`);
  let peakRss = 0;
  let peakHeap = 0;
  // Sampled at every chunk (PGlite answers without giving timers a turn, so an interval would never fire).
  const sample = () => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
  };
  const before = process.memoryUsage();
  let bytes = 0;
  let rows = -1;
  const [tCsv] = await timed(async () => {
    for await (const chunk of exportOrdersCsv(store, { merchantId: M }, { locale: 'sv', delimiter: ';' })) {
      bytes += chunk.length;
      sample();
      for (let i = chunk.indexOf('\n'); i !== -1; i = chunk.indexOf('\n', i + 1)) rows++;
    }
  });
  out.csvRowsPerSecond = Math.round(rows / (tCsv / 1000));
  out.csvPeakRssMb = Math.round(peakRss / 1e6);
  out.csvPeakHeapMb = Math.round(peakHeap / 1e6);
  log(`  ${rows} rows, ${(bytes / 1e6).toFixed(0)} MB of CSV in ${(tCsv / 1000).toFixed(1)} s: ${out.csvRowsPerSecond} rows/s`);
  log(`  memory: JS heap ${Math.round(before.heapUsed / 1e6)} → peak ${out.csvPeakHeapMb} MB; process RSS ${Math.round(before.rss / 1e6)} → peak ${out.csvPeakRssMb} MB`);

  log(`\n[${engine}] insights over a year`);
  const year = { from: '2026-01-01', to: '2026-12-31', compareFrom: '2025-01-01', compareTo: '2025-12-31', timeZone: 'Europe/Stockholm' };
  out.insightsOverview = await latency('overview 2026 against 2025 (Europe/Stockholm)', [0, 1, 2, 3, 4, 5], () => insightsOverviewOf(store, M, year));
  out.insightsDemography = await latency('Demography tab 2026', [0, 1, 2, 3, 4, 5], () => demographyOf(store, M, { from: '2026-01-01', to: '2026-12-31', timeZone: 'Europe/Stockholm' }));
  return out;
}

it(`the order store with ${N} orders`, async () => {
  log(`machine: ${(await import('node:os')).cpus().length} cores (${(await import('node:os')).cpus()[0]?.model}), Node ${process.version}, load average ${(await import('node:os')).loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  const results: Record<string, Record<string, number>> = {};
  if (ENGINES.includes('postgres')) {
    const url = process.env.KUSTOM_BENCH_DATABASE_URL;
    if (!url) log('\nSKIPPED PostgreSQL server: set KUSTOM_BENCH_DATABASE_URL (a database is created next to it and dropped after)');
    else {
      const admin = await openDb({ databaseUrl: url });
      const name = process.env.KUSTOM_BENCH_KEEP ? 'kustom_bench_keep' : `kustom_bench_${process.pid}`;
      if (!process.env.KUSTOM_BENCH_KEEP) await admin.exec(`DROP DATABASE IF EXISTS ${name}`);
      if (!(await admin.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [name])).length) await admin.exec(`CREATE DATABASE ${name}`);
      const u = new URL(url);
      u.pathname = `/${name}`;
      try {
        log(`\n[postgres] loading`);
        const store = await openStore({ databaseUrl: u.toString() });
        await load(store);
        results.postgres = await measure('postgres', store);
        await store.close();
      } finally {
        if (!process.env.KUSTOM_BENCH_KEEP) await admin.exec(`DROP DATABASE IF EXISTS ${name}`);
        await admin.close();
      }
    }
  }
  if (ENGINES.includes('pglite')) {
    const dir = process.env.KUSTOM_BENCH_PGLITE_DIR ?? mkdtempSync(join(tmpdir(), 'kustom-bench-'));
    try {
      log(`\n[pglite] loading (data directory ${dir})`);
      const [tOpen, store] = await timed(() => openStore({ dataDir: dir }));
      log(`  open + migrate: ${(tOpen / 1000).toFixed(1)} s`);
      await load(store);
      results.pglite = await measure('pglite', store);
      await store.close();
      const [tReopen, again] = await timed(() => openStore({ dataDir: dir }));
      log(`  reopen the data directory with ${N} orders: ${(tReopen / 1000).toFixed(1)} s`);
      await again.close();
    } finally {
      if (!process.env.KUSTOM_BENCH_PGLITE_DIR) rmSync(dir, { recursive: true, force: true });
    }
  }
  log(`\nsummary (ms unless named): ${JSON.stringify(results, null, 1)}`);
});
