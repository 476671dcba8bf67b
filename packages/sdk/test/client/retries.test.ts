/**
 * Which failures are retried, with which idempotency key, how many times, how long
 * the SDK waits, and what a timeout or a dropped connection becomes. Delays are kept
 * tiny through `retryBackoff`; waits are observed through `onRetry`, never timed.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  KustomConnectionError,
  KustomError,
  KustomRateLimitError,
  KustomServerError,
  KustomTimeoutError,
  createKustomClient,
  type KustomClientBaseOptions,
  type RetryEvent,
} from '@kustom/sdk';
import { startApiServer, type ApiServer, type Reply } from '../helpers/api-server.js';
import { CAPTURE_ID, ORDER_ID, apiError, order } from '../helpers/fixtures.js';

let server: ApiServer;

beforeAll(async () => {
  server = await startApiServer();
});
afterAll(() => server.close());
beforeEach(() => server.reset());

function client(options: KustomClientBaseOptions = {}) {
  const retries: RetryEvent[] = [];
  const kustom = createKustomClient({
    apiKey: 'kco_test_api_retries',
    baseUrl: server.url,
    retryBackoff: { initialDelay: 1, maxDelay: 4 },
    onRetry: (event) => retries.push(event),
    ...options,
  });
  return { kustom, retries };
}

const captured: Reply = { status: 201, headers: { 'Capture-Id': CAPTURE_ID, Location: `/ordermanagement/v1/orders/${ORDER_ID}/captures/${CAPTURE_ID}` } };
const keys = () => server.requests.map((r) => r.headers['klarna-idempotency-key']);

describe('what is retried', () => {
  it.each([408, 409, 429, 500, 502, 503, 504])('%i is retried, for a write, with the same idempotency key', async (status) => {
    const { kustom, retries } = client();
    server.reply({ status, body: apiError('X', 'transient') }, captured);
    await expect(kustom.orders.capture(ORDER_ID, { captured_amount: 100 })).resolves.toEqual({ capture_id: CAPTURE_ID, location: `/ordermanagement/v1/orders/${ORDER_ID}/captures/${CAPTURE_ID}` });
    expect(server.requests).toHaveLength(2);
    const [first, second] = keys();
    expect(first).toBeTruthy();
    expect(second).toBe(first);
    expect(server.requests[1]!.body).toEqual(server.requests[0]!.body);
    expect(retries).toHaveLength(1);
    expect(retries[0]).toMatchObject({ operation: 'orders.capture', method: 'POST', retry: 1, idempotencyKey: first });
  });

  it.each([
    [400, 'BAD_VALUE'],
    [401, 'UNAUTHORIZED'],
    [403, 'CAPTURE_NOT_ALLOWED'],
    [404, 'NO_SUCH_ORDER'],
    [413, 'REQUEST_TOO_LARGE'],
    [422, 'UNPROCESSABLE_ENTITY'],
  ])('%i %s is final: one request, no retry', async (status, code) => {
    const { kustom, retries } = client();
    server.reply({ status, body: apiError(code, 'final') }, captured);
    await expect(kustom.orders.capture(ORDER_ID, { captured_amount: 100 })).rejects.toMatchObject({ status, error_code: code });
    expect(server.requests).toHaveLength(1);
    expect(retries).toHaveLength(0);
  });

  it('retries reads too', async () => {
    const { kustom } = client();
    server.reply({ status: 503, body: apiError('TEMPORARILY_UNAVAILABLE', 'x') }, { body: order() });
    await expect(kustom.orders.get(ORDER_ID)).resolves.toEqual(order());
    expect(keys()).toEqual([undefined, undefined]);
  });

  it('keeps the caller’s idempotency key on every retry', async () => {
    const { kustom } = client();
    server.reply({ status: 500 }, { status: 429 }, { status: 204 });
    await kustom.orders.cancel(ORDER_ID, { idempotencyKey: 'cancel-1001' });
    expect(keys()).toEqual(['cancel-1001', 'cancel-1001', 'cancel-1001']);
  });
});

describe('how many times', () => {
  it('stops after maxRetries (default 2) and throws the last error', async () => {
    const { kustom, retries } = client();
    server.reply(
      { status: 500, body: apiError('INTERNAL_SERVER_ERROR', 'first') },
      { status: 502, body: apiError('TEMPORARILY_UNAVAILABLE', 'second') },
      { status: 503, body: apiError('TEMPORARILY_UNAVAILABLE', 'third') },
      captured,
    );
    const error = await kustom.orders.capture(ORDER_ID, { captured_amount: 100 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KustomServerError);
    expect((error as KustomServerError).status).toBe(503);
    expect((error as KustomServerError).error_messages).toEqual(['third']);
    expect((error as KustomServerError).idempotencyKey).toBe(keys()[0]);
    expect(server.requests).toHaveLength(3);
    expect(new Set(keys()).size).toBe(1);
    expect(retries.map((r) => r.retry)).toEqual([1, 2]);
  });

  it('maxRetries: 0 sends exactly one request', async () => {
    const { kustom } = client({ maxRetries: 0 });
    server.reply({ status: 503 }, { body: order() });
    await expect(kustom.orders.get(ORDER_ID)).rejects.toBeInstanceOf(KustomServerError);
    expect(server.requests).toHaveLength(1);
  });

  it('a per-call maxRetries overrides the client’s', async () => {
    const { kustom } = client({ maxRetries: 0 });
    server.reply({ status: 503 }, { status: 503 }, { status: 503 }, { status: 503 }, { body: order() });
    await expect(kustom.orders.get(ORDER_ID, { maxRetries: 4 })).resolves.toEqual(order());
    expect(server.requests).toHaveLength(5);
  });
});

describe('how long it waits', () => {
  it('honours Retry-After in seconds, without jitter', async () => {
    const { kustom, retries } = client();
    server.reply({ status: 429, headers: { 'Retry-After': '0.05' }, body: apiError('TOO_MANY_REQUESTS', 'x') }, { body: order() });
    await kustom.orders.get(ORDER_ID);
    expect(retries).toHaveLength(1);
    expect(retries[0]!.delay).toBe(50);
    expect(retries[0]!.error).toBeInstanceOf(KustomRateLimitError);
  });

  it('honours Retry-After as an HTTP date, capped at retryBackoff.maxRetryAfter', async () => {
    const { kustom, retries } = client({ retryBackoff: { initialDelay: 1, maxDelay: 4, maxRetryAfter: 30 } });
    const inAMinute = new Date(Date.now() + 60_000).toUTCString();
    server.reply({ status: 503, headers: { 'Retry-After': inAMinute } }, { body: order() });
    await kustom.orders.get(ORDER_ID);
    expect(retries[0]!.delay).toBe(30);
  });

  it('uses the Retry-After of 503 as well as 429', async () => {
    const { kustom, retries } = client();
    server.reply({ status: 503, headers: { 'Retry-After': '0' } }, { body: order() });
    await kustom.orders.get(ORDER_ID);
    expect(retries[0]!.delay).toBe(0);
  });

  it('backs off exponentially with jitter, capped at maxDelay', async () => {
    const { kustom, retries } = client({ maxRetries: 5, retryBackoff: { initialDelay: 4, maxDelay: 16 } });
    server.reply({ status: 500 }, { status: 500 }, { status: 500 }, { status: 500 }, { status: 500 }, { body: order() });
    await kustom.orders.get(ORDER_ID);
    const ceilings = [4, 8, 16, 16, 16];
    expect(retries.map((r) => r.retry)).toEqual([1, 2, 3, 4, 5]);
    retries.forEach((r, i) => {
      expect(r.delay).toBeLessThanOrEqual(ceilings[i]!);
      expect(r.delay).toBeGreaterThanOrEqual(Math.floor(ceilings[i]! * 0.75));
    });
  });
});

describe('timeouts and dropped connections', () => {
  it('a server that hangs hits the per-attempt timeout → KustomTimeoutError, retried with the same key', async () => {
    const { kustom, retries } = client({ timeout: 100, maxRetries: 1 });
    server.reply({ hang: true }, { hang: true });
    const error = await kustom.orders.acknowledge(ORDER_ID).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KustomTimeoutError);
    expect(error).toBeInstanceOf(KustomConnectionError);
    expect((error as KustomTimeoutError).message).toMatch(/orders\.acknowledge .*100 ms/);
    expect(server.requests).toHaveLength(2);
    expect(keys()[1]).toBe(keys()[0]);
    expect(retries[0]!.error).toBeInstanceOf(KustomTimeoutError);
  });

  it('a timeout followed by an answer succeeds', async () => {
    // Generous: the second attempt must answer within it even on a busy machine.
    const { kustom } = client({ timeout: 1000 });
    server.reply({ hang: true }, { body: order() });
    await expect(kustom.orders.get(ORDER_ID)).resolves.toEqual(order());
  });

  it('a per-call timeout overrides the client’s', async () => {
    const { kustom } = client({ timeout: 60_000, maxRetries: 0 });
    server.reply({ hang: true });
    await expect(kustom.orders.get(ORDER_ID, { timeout: 50 })).rejects.toBeInstanceOf(KustomTimeoutError);
  });

  it('a connection closed before the answer is retried with the same key', async () => {
    const { kustom, retries } = client();
    server.reply({ drop: 'before-headers' }, captured);
    await expect(kustom.orders.capture(ORDER_ID, { captured_amount: 100 })).resolves.toMatchObject({ capture_id: CAPTURE_ID });
    expect(server.requests).toHaveLength(2);
    expect(keys()[1]).toBe(keys()[0]);
    expect(retries[0]!.error).toBeInstanceOf(KustomConnectionError);
    expect(retries[0]!.error).not.toBeInstanceOf(KustomTimeoutError);
  });

  it('a connection destroyed mid-response is retried', async () => {
    const { kustom, retries } = client();
    server.reply({ drop: 'mid-body', body: order() }, { body: order() });
    await expect(kustom.orders.get(ORDER_ID)).resolves.toEqual(order());
    expect(server.requests).toHaveLength(2);
    expect(retries[0]!.error).toBeInstanceOf(KustomConnectionError);
  });

  it('gives up with KustomConnectionError (the fetch failure as cause) when nobody answers', async () => {
    const closed = await startApiServer();
    const url = closed.url;
    await closed.close();
    const kustom = createKustomClient({ apiKey: 'kco_test_api_retries', baseUrl: url, maxRetries: 1, retryBackoff: { initialDelay: 1 } });
    const error = await kustom.orders.get(ORDER_ID).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KustomConnectionError);
    expect((error as Error).message).toMatch(/orders\.get \(GET \/ordermanagement\/v1\/orders\/.*\) lost the connection before a complete answer: fetch failed/);
    expect((error as Error).cause).toBeInstanceOf(TypeError);
  });
});

describe('cancellation', () => {
  it('an aborted signal stops the call, also while waiting to retry, and is not retried', async () => {
    const { kustom } = client({ retryBackoff: { initialDelay: 60_000, maxDelay: 60_000 } });
    server.reply({ status: 503 }, { body: order() });
    const controller = new AbortController();
    const call = kustom.orders.get(ORDER_ID, { signal: controller.signal });
    await new Promise((r) => setTimeout(r, 50));
    controller.abort(new Error('user gave up'));
    await expect(call).rejects.toThrow('user gave up');
    expect(server.requests).toHaveLength(1);
  });

  it('an abort during an attempt rejects with the signal’s reason, not a timeout', async () => {
    const { kustom } = client();
    server.reply({ hang: true });
    const call = kustom.orders.get(ORDER_ID, { signal: AbortSignal.timeout(50) });
    const error = await call.catch((e: unknown) => e);
    expect(error).not.toBeInstanceOf(KustomError);
    expect((error as Error).name).toBe('TimeoutError'); // the DOMException of AbortSignal.timeout
    expect(server.requests).toHaveLength(1);
  });

  it('an already aborted signal sends nothing', async () => {
    const { kustom } = client();
    await expect(kustom.orders.get(ORDER_ID, { signal: AbortSignal.abort() })).rejects.toThrow();
    expect(server.requests).toHaveLength(0);
  });
});

describe('injected fetch', () => {
  it('accepts a plain (request: Request) => Promise<Response> handler', async () => {
    const seen: Request[] = [];
    const handler = async (request: Request) => {
      seen.push(request);
      return Response.json(order());
    };
    const kustom = createKustomClient({ apiKey: 'kco_test_api_sandbox', baseUrl: 'http://127.0.0.1:4010', fetch: handler });
    await expect(kustom.orders.get(ORDER_ID)).resolves.toEqual(order());
    expect(seen[0]!.url).toBe(`http://127.0.0.1:4010/ordermanagement/v1/orders/${ORDER_ID}`);
    expect(seen[0]!.headers.get('authorization')).toBe('Basic kco_test_api_sandbox');
  });

  it('accepts the (input, init) shape and retries a handler that throws', async () => {
    let calls = 0;
    const handler = async (_request: Request) => {
      calls++;
      if (calls === 1) throw new TypeError('socket hang up');
      return new Response(null, { status: 204 });
    };
    const kustom = createKustomClient({
      apiKey: 'kco_test_api_sandbox',
      baseUrl: 'http://127.0.0.1:4010',
      fetch: (input, init) => handler(new Request(input, init)),
      retryBackoff: { initialDelay: 1 },
    });
    await expect(kustom.orders.acknowledge(ORDER_ID)).resolves.toBeUndefined();
    expect(calls).toBe(2);
  });

  it('times out a handler that ignores the abort signal', async () => {
    const kustom = createKustomClient({
      apiKey: 'kco_test_api_sandbox',
      baseUrl: 'http://127.0.0.1:4010',
      fetch: () => new Promise<Response>(() => {}),
      timeout: 30,
      maxRetries: 0,
    });
    await expect(kustom.orders.get(ORDER_ID)).rejects.toBeInstanceOf(KustomTimeoutError);
  });

  it('looks up globalThis.fetch on every call when no fetch is given', async () => {
    const original = globalThis.fetch;
    const kustom = createKustomClient({ apiKey: 'kco_test_api_sandbox', baseUrl: 'http://127.0.0.1:4010' });
    globalThis.fetch = async () => Response.json(order());
    try {
      await expect(kustom.orders.get(ORDER_ID)).resolves.toEqual(order());
    } finally {
      globalThis.fetch = original;
    }
  });
});
