#!/usr/bin/env node
/**
 * `npm run bench -w @kustom/sandbox`: sandbox throughput over loopback HTTP.
 *
 * Scenarios (each runs BENCH_SECONDS, default 3, with BENCH_CONCURRENCY keep-alive
 * connections, default 32):
 * - read an order (GET /ordermanagement/v1/orders/{id})
 * - Elements API: DELIVERY_METHODS with pickup points
 * - 1-unit captures spread over 64 orders
 * - 1-unit captures on one order (serialized per order)
 * - 1-unit captures over 64 orders with --data persistence (atomic file writes, grouped)
 *
 * The sandbox runs as the CLI in its own process (as users run it), the load comes from
 * this one. Reports requests/s and latency p50/p99. Numbers for a report, never thresholds.
 */

/** Starts `kustom-sandbox` and resolves once it prints its URL. */
function startCli(args) {
  const child = spawn(process.execPath, [CLI, '--port', '0', ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (chunk) => {
      output += chunk;
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match) resolve({ url: match[1], close: () => new Promise((done) => (child.once('exit', done), child.kill('SIGTERM'))) });
    });
    child.once('exit', (code) => reject(new Error(`kustom-sandbox exited ${code}: ${output}`)));
  });
}
import { spawn } from 'node:child_process';
import { Agent, request } from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const CLI = join(dirname(fileURLToPath(import.meta.url)), '../dist/cli.js');

const SECONDS = Number(process.env.BENCH_SECONDS ?? 3);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 32);
const AUTH = 'Basic kco_test_api_sandbox';

function send(agent, url, method, body, headers = {}) {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, agent, headers: { authorization: AUTH, 'content-type': 'application/json', ...headers } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode));
    });
    req.on('error', reject);
    req.end(body);
  });
}

async function createOrders(url, count, amount) {
  const agent = new Agent({ keepAlive: true });
  const ids = [];
  for (let i = 0; i < count; i++) {
    const line = { name: 'Bench item', quantity: 1, unit_price: amount, tax_rate: 2500, total_amount: amount, total_tax_amount: amount / 5 };
    const created = await fetch(`${url}/checkout/v3/orders`, {
      method: 'POST',
      headers: { authorization: AUTH, 'content-type': 'application/json' },
      body: JSON.stringify({
        purchase_country: 'SE',
        purchase_currency: 'SEK',
        locale: 'sv-SE',
        order_amount: amount,
        order_tax_amount: amount / 5,
        order_lines: [line],
        merchant_urls: { terms: 't', checkout: 'c', confirmation: 'c', push: 'p' },
      }),
    });
    const { order_id } = await created.json();
    await fetch(`${url}/sandbox/v1/checkouts/${order_id}/complete`, { method: 'POST', body: '{"payment_method":"card"}', headers: { 'content-type': 'application/json' } });
    ids.push(order_id);
  }
  agent.destroy();
  return ids;
}

/** Unmeasured time before each scenario, so that the JIT has warmed up. */
const WARMUP_MS = 500;

async function scenario(name, next) {
  const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  let latencies = [];
  const statuses = new Map();
  let i = 0;
  async function worker(deadline, record) {
    while (performance.now() < deadline) {
      const { url, method, body } = next(i++);
      const start = performance.now();
      const status = await send(agent, url, method, body);
      if (!record) continue;
      latencies.push(performance.now() - start);
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
    }
  }
  const warm = performance.now() + WARMUP_MS;
  await Promise.all(Array.from({ length: CONCURRENCY }, () => worker(warm, false)));
  latencies = [];
  const started = performance.now();
  const deadline = started + SECONDS * 1000;
  await Promise.all(Array.from({ length: CONCURRENCY }, () => worker(deadline, true)));
  const elapsed = (performance.now() - started) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const pct = (p) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))].toFixed(2);
  return {
    scenario: name,
    'requests/s': Math.round(latencies.length / elapsed),
    'p50 ms': pct(50),
    'p99 ms': pct(99),
    requests: latencies.length,
    statuses: [...statuses].map(([s, n]) => `${s}×${n}`).join(' '),
  };
}

const results = [];
{
  const server = await startCli(['--seed', 'demo']);
  const { url } = server;
  const [readId] = await createOrders(url, 1, 100_000);
  results.push(await scenario('read an order', () => ({ url: `${url}/ordermanagement/v1/orders/${readId}`, method: 'GET' })));
  results.push(
    await scenario('Elements API: delivery options', (n) => ({
      url: `${url}/kustom-elements-api/v1/placements/DELIVERY_METHODS?client_id=kustom_pk_test_sandbox&locale=sv-SE&postal_code=${11120 + (n % 50)}`,
      method: 'GET',
    })),
  );
  const many = await createOrders(url, 64, 100_000_000);
  results.push(
    await scenario('capture 1 unit, 64 orders', (n) => ({
      url: `${url}/ordermanagement/v1/orders/${many[n % many.length]}/captures`,
      method: 'POST',
      body: '{"captured_amount":1}',
    })),
  );
  const [hot] = await createOrders(url, 1, 100_000_000);
  results.push(
    await scenario('capture 1 unit, one order', () => ({ url: `${url}/ordermanagement/v1/orders/${hot}/captures`, method: 'POST', body: '{"captured_amount":1}' })),
  );
  await server.close();
}
{
  const dir = await mkdtemp(join(tmpdir(), 'kustom-sandbox-bench-'));
  const server = await startCli(['--data', join(dir, 'state.json')]);
  const ids = await createOrders(server.url, 64, 100_000_000);
  results.push(
    await scenario('capture 1 unit, 64 orders, --data', (n) => ({
      url: `${server.url}/ordermanagement/v1/orders/${ids[n % ids.length]}/captures`,
      method: 'POST',
      body: '{"captured_amount":1}',
    })),
  );
  await server.close();
  await rm(dir, { recursive: true, force: true });
}

console.log(`@kustom/sandbox over loopback: ${CONCURRENCY} connections, ${SECONDS} s per scenario, Node ${process.version}`);
console.table(results);
