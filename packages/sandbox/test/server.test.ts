import { request as httpRequest, createServer } from 'node:http';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createSandbox } from '../src/index.js';
import { createKoaMiddleware, createNodeHandler, startSandboxServer, type SandboxServer } from '../src/server.js';
import { checkoutBody, KEY, NOW } from './helpers.js';

const servers: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function start(options: Parameters<typeof startSandboxServer>[0] = {}): Promise<SandboxServer> {
  const server = await startSandboxServer({ port: 0, now: NOW, ...options });
  servers.push(server);
  return server;
}

/** A raw HTTP request (Node's fetch would not let us set `Origin` everywhere, nor show a dropped socket plainly). */
function raw(url: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }>((resolve, reject) => {
    const req = httpRequest(url, { method: options.method ?? 'GET', headers: options.headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

const auth = { authorization: `Basic ${KEY}`, 'content-type': 'application/json' };

describe('startSandboxServer over real HTTP', () => {
  it('runs checkout → complete → capture → refund with plain HTTP', async () => {
    const { url } = await start();
    const created = await fetch(`${url}/checkout/v3/orders`, { method: 'POST', headers: auth, body: JSON.stringify(checkoutBody()) });
    expect(created.status).toBe(201);
    const { order_id } = (await created.json()) as { order_id: string };
    expect(created.headers.get('location')).toBe(`${url}/checkout/v3/orders/${order_id}`);
    expect((await fetch(`${url}/sandbox/v1/checkouts/${order_id}/complete`, { method: 'POST' })).status).toBe(200);
    const capture = await fetch(`${url}/ordermanagement/v1/orders/${order_id}/captures`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ captured_amount: 25000 }),
    });
    expect(capture.status).toBe(201);
    expect(capture.headers.get('capture-id')).toMatch(/^[0-9a-f-]{36}$/);
    const refund = await fetch(`${url}/ordermanagement/v1/orders/${order_id}/refunds`, {
      method: 'POST',
      headers: auth,
      body: JSON.stringify({ refunded_amount: 25000 }),
    });
    expect(refund.status).toBe(201);
    const order = (await (await fetch(`${url}/ordermanagement/v1/orders/${order_id}`, { headers: auth })).json()) as { status: string };
    expect(order.status).toBe('CLOSED');
  });

  it('drops the connection after committing; the retry with the same key replays', async () => {
    const { url } = await start();
    const created = await fetch(`${url}/checkout/v3/orders`, { method: 'POST', headers: auth, body: JSON.stringify(checkoutBody()) });
    const { order_id } = (await created.json()) as { order_id: string };
    await fetch(`${url}/sandbox/v1/checkouts/${order_id}/complete`, { method: 'POST' });
    const capture = (fault?: string) =>
      raw(`${url}/ordermanagement/v1/orders/${order_id}/captures`, {
        method: 'POST',
        headers: { ...auth, 'klarna-idempotency-key': 'drop-over-http', ...(fault ? { 'kustom-sandbox-fault': fault } : {}) },
        body: JSON.stringify({ captured_amount: 1000 }),
      });
    const dropped = await capture('drop_after_commit').then(
      () => undefined,
      (error: NodeJS.ErrnoException) => error,
    );
    expect(dropped?.code).toBe('ECONNRESET');
    const order = JSON.parse((await raw(`${url}/ordermanagement/v1/orders/${order_id}`, { headers: auth })).body);
    expect(order.captured_amount).toBe(1000);
    const retry = await capture();
    expect([retry.status, retry.headers['kustom-idempotent-replayed']]).toEqual([201, 'true']);
    expect(retry.headers['capture-id']).toBe(order.captures[0].capture_id);
    // Node's own fetch sees the drop as a network failure (what the SDK retries).
    await expect(
      fetch(`${url}/ordermanagement/v1/orders/${order_id}`, { headers: { ...auth, 'kustom-sandbox-fault': 'drop_after_commit' } }),
    ).rejects.toThrow(TypeError);
  });

  it('checks origins and answers CORS on the wire', async () => {
    const { url } = await start();
    const path = '/kustom-elements-api/v1/placements/AVAILABLE_PAYMENT_METHODS?client_id=kustom_pk_test_sandbox&locale=sv-SE';
    const ok = await raw(`${url}${path}`, { headers: { origin: 'http://localhost:5173' } });
    expect([ok.status, ok.headers['access-control-allow-origin']]).toEqual([200, 'http://localhost:5173']);
    const refused = await raw(`${url}${path}`, { headers: { origin: 'https://evil.example' } });
    expect([refused.status, JSON.parse(refused.body).code]).toEqual([403, 'ORIGIN_NOT_ALLOWED']);
    const preflight = await raw(`${url}/ordermanagement/v1/orders/x/captures`, {
      method: 'OPTIONS',
      headers: { origin: 'http://127.0.0.1:6006', 'access-control-request-method': 'POST' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers['access-control-expose-headers']).toContain('Capture-Id');
  });

  it('serves the express page with its CSP', async () => {
    const { url } = await start();
    const created = await fetch(`${url}/checkout/v3/orders`, { method: 'POST', headers: auth, body: JSON.stringify(checkoutBody()) });
    const { order_id } = (await created.json()) as { order_id: string };
    const page = await raw(`${url}/sandbox/express/${order_id}?origin=http://localhost:5173`);
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toContain('frame-ancestors http://localhost:* http://127.0.0.1:*');
  });

  it('refuses bodies over the limit with 413', async () => {
    const { url } = await start();
    const answer = await raw(`${url}/checkout/v3/orders`, { method: 'POST', headers: auth, body: 'x'.repeat(5_000_001) });
    expect([answer.status, JSON.parse(answer.body).error_code]).toEqual([413, 'REQUEST_TOO_LARGE']);
  });
});

describe('--data persistence', () => {
  it('keeps state across restarts, written atomically', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kustom-sandbox-'));
    try {
      const dataFile = join(dir, 'state.json');
      const first = await start({ dataFile, seed: 'empty' });
      // The file exists from the start.
      expect(JSON.parse(await readFile(dataFile, 'utf8'))).toMatchObject({ format: 'kustom-sandbox', version: 1 });
      const created = await Promise.all(
        Array.from({ length: 20 }, () =>
          fetch(`${first.url}/checkout/v3/orders`, { method: 'POST', headers: auth, body: JSON.stringify(checkoutBody()) }).then(
            (r) => r.json() as Promise<{ order_id: string }>,
          ),
        ),
      );
      await fetch(`${first.url}/sandbox/v1/checkouts/${created[0]!.order_id}/complete`, { method: 'POST' });
      await fetch(`${first.url}/sandbox/v1/clock`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"advance_days":3}' });
      // Every answer waited for its write: the file already holds everything, even without a clean stop.
      const onDisk = JSON.parse(await readFile(dataFile, 'utf8'));
      expect(onDisk.checkouts).toHaveLength(20);
      expect(onDisk.orders).toHaveLength(1);
      // Changes made through the object are saved too (in the background, flushed by close).
      first.sandbox.faults.add({ status: 503, path: '/settlements/', times: 1 });
      await first.close();
      servers.splice(servers.indexOf(first), 1);
      expect((await readdir(dir)).sort()).toEqual(['state.json']);

      const second = await start({ dataFile, seed: 'demo' });
      const order = await (await fetch(`${second.url}/ordermanagement/v1/orders/${created[0]!.order_id}`, { headers: auth })).json();
      expect(order).toMatchObject({ status: 'AUTHORIZED', created_at: '2025-03-03T10:00:00Z' });
      // The clock came back too, and the demo seed did not overwrite the data.
      expect(second.sandbox.clock.now().toISOString()).toBe('2025-03-06T10:00:00.000Z');
      expect(second.sandbox.snapshot().orders).toHaveLength(1);
      expect(second.sandbox.faults.list()).toMatchObject([{ status: 503, times: 1 }]);
      // New ids continue the sequence instead of repeating it.
      const next = (await (await fetch(`${second.url}/checkout/v3/orders`, { method: 'POST', headers: auth, body: JSON.stringify(checkoutBody()) })).json()) as { order_id: string };
      expect(created.map((c) => c.order_id)).not.toContain(next.order_id);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('refuses to start on a corrupt file and leaves it untouched', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kustom-sandbox-'));
    try {
      const dataFile = join(dir, 'state.json');
      await writeFile(dataFile, '{"format":"kustom-sandbox","version":1,"checkouts":[');
      await expect(startSandboxServer({ port: 0, dataFile })).rejects.toThrow(/not valid JSON/);
      await writeFile(dataFile, '{"hello":"world"}');
      await expect(startSandboxServer({ port: 0, dataFile })).rejects.toThrow(/Not a Kustom sandbox snapshot/);
      expect(await readFile(dataFile, 'utf8')).toBe('{"hello":"world"}');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('mounting in a dev server', () => {
  async function listen(handler: Parameters<typeof createServer>[1]) {
    const server = createServer(handler);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    servers.push({ close: () => new Promise<void>((resolve) => server.close(() => resolve())) });
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  it('createNodeHandler answers the sandbox routes and calls next() for the rest', async () => {
    const handler = createNodeHandler(createSandbox({ now: NOW }));
    const url = await listen((req, res) =>
      handler(req, res, () => {
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.end('the app');
      }),
    );
    expect((await raw(`${url}/index.html`)).body).toBe('the app');
    expect(JSON.parse((await raw(`${url}/sandbox/v1/clock`)).body)).toEqual({ now: '2025-03-03T10:00:00.000Z', frozen: true });
    const custom = createNodeHandler(createSandbox(), { prefixes: ['/kustom-elements-api/'] });
    const onlyElements = await listen((req, res) => custom(req, res));
    expect((await raw(`${onlyElements}/sandbox/v1/clock`)).status).toBe(404);
  });

  it('createKoaMiddleware takes over sandbox routes and leaves the rest to Koa', async () => {
    const middleware = createKoaMiddleware(createSandbox({ now: NOW }));
    const url = await listen(async (req, res) => {
      const ctx = { req, res, path: new URL(req.url!, 'http://x').pathname, respond: true };
      await middleware(ctx, async () => {
        res.end('koa');
      });
      if (ctx.path.startsWith('/sandbox/')) expect(ctx.respond).toBe(false);
    });
    expect((await raw(`${url}/`)).body).toBe('koa');
    expect((await raw(`${url}/sandbox/v1/clock`)).status).toBe(200);
  });
});
