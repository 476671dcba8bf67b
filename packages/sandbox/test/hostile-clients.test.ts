/** The sandbox under hostile clients: deep nesting, oversized bodies on kept-alive connections, guessable ids, loose auth headers. */
import { Agent, createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createSandbox } from '../src/index.js';
import { createNodeHandler } from '../src/server.js';
import { call, KEY, NOW, testSandbox } from './helpers.js';

const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

async function listen(bodyLimit: number): Promise<string> {
  const server = createServer(createNodeHandler(createSandbox({ now: NOW }), { bodyLimit }));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closers.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function send(url: string, agent: Agent, body?: string) {
  return new Promise<{ status: number; connection: string | undefined; body: string }>((resolve, reject) => {
    const req = httpRequest(url, { method: body === undefined ? 'GET' : 'POST', agent, headers: { authorization: `Basic ${KEY}`, 'content-type': 'application/json' } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode!, connection: res.headers.connection, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('nesting depth', () => {
  it('answers 400 to 2 000 000 nested arrays without parsing them', async () => {
    const body = '['.repeat(2_000_000) + ']'.repeat(2_000_000);
    const answer = await call(testSandbox(), 'POST', '/checkout/v3/orders', body);
    expect(answer.status).toBe(400);
    expect(answer.body.error_code).toBe('BAD_VALUE');
    expect(answer.body.error_messages.join(' ')).toMatch(/nested deeper than 64/);
  });

  it('does not count brackets inside strings, and still takes ordinary bodies', async () => {
    const sandbox = testSandbox();
    const answer = await call(sandbox, 'POST', '/checkout/v3/orders', JSON.stringify({ merchant_reference1: '['.repeat(200) + '"\\"{' }));
    expect(answer.status).toBe(400);
    expect(answer.body.error_messages.join(' ')).not.toMatch(/nested deeper/);
    const deep65 = '['.repeat(65) + ']'.repeat(65);
    expect((await call(sandbox, 'POST', '/checkout/v3/orders', deep65)).body.error_messages.join(' ')).toMatch(/nested deeper/);
    const deep64 = '['.repeat(64) + ']'.repeat(64);
    expect((await call(sandbox, 'POST', '/checkout/v3/orders', deep64)).body.error_messages.join(' ')).not.toMatch(/nested deeper/);
  });
});

describe('413 on a kept-alive connection', () => {
  it('closes the connection, so the next request on the same agent is answered, not reset', async () => {
    const url = await listen(1000);
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    closers.push(async () => agent.destroy());
    // A body far over the limit, sent in one go: the server stops reading after 1000 bytes.
    const tooLarge = await send(`${url}/checkout/v3/orders`, agent, JSON.stringify({ junk: 'x'.repeat(200_000) }));
    expect([tooLarge.status, JSON.parse(tooLarge.body).error_code, tooLarge.connection]).toEqual([413, 'REQUEST_TOO_LARGE', 'close']);
    for (let i = 0; i < 3; i++) {
      const next = await send(`${url}/ordermanagement/v1/orders/00000000-0000-4000-8000-000000000000`, agent);
      expect(next.status).toBe(404);
    }
  });
});

describe('correlation ids', () => {
  async function errorIds(sandbox: ReturnType<typeof testSandbox>): Promise<string[]> {
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push((await call(sandbox, 'GET', '/checkout/v3/orders/none')).body.correlation_id);
    return ids;
  }

  it('are random per answer and per process unless the sandbox is seeded', async () => {
    const a = await errorIds(testSandbox());
    const b = await errorIds(testSandbox());
    expect(new Set([...a, ...b]).size).toBe(6);
    for (const id of [...a, ...b]) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('repeat when a test seeds them', async () => {
    const a = await errorIds(testSandbox({ randomSeed: 7 }));
    const b = await errorIds(testSandbox({ randomSeed: 7 }));
    expect(a).toEqual(b);
    expect(new Set(a).size).toBe(3);
  });
});

describe('Authorization parsing', () => {
  // Whitespace around the whole value is not part of it (HTTP's optional whitespace; fetch's Headers trims it).
  const tried = (authorization: string) => call(testSandbox(), 'GET', '/ordermanagement/v1/orders/00000000-0000-4000-8000-000000000000', undefined, { authorization });

  it.each([`Basic  ${KEY}`, `Basic\t${KEY}`, `Basic ${KEY} junk`, `Basic`, `Basic `, `Bearer ${KEY}`, `Basic${KEY}`])(
    'refuses %j with 401',
    async (authorization) => {
      const answer = await tried(authorization);
      expect([answer.status, answer.body.error_code]).toEqual([401, 'UNAUTHORIZED']);
    },
  );

  it.each([`Basic ${KEY}`, `basic ${KEY}`, `BASIC ${KEY}`, `Basic ${btoa(`:${KEY}`)}`, `Basic ${btoa(`PK12345-sandbox:${KEY}`)}`])('accepts %j', async (authorization) => {
    const answer = await tried(authorization);
    expect(answer.status).toBe(404);
  });
});
