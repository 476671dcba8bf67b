import { afterEach, describe, expect, it, vi } from 'vitest';
import { createSandbox, isConnectionDropped, type Sandbox } from '../src/index.js';
import { AUTH, authorizedOrder, BASE, call, line, NOW, testSandbox } from './helpers.js';

const om = (id: string, suffix = '') => `/ordermanagement/v1/orders/${id}${suffix}`;
const KEY_HEADER = 'Klarna-Idempotency-Key';
const captures = async (sandbox: Sandbox, id: string) => (await call(sandbox, 'GET', om(id))).body.captures.length as number;

describe('Klarna-Idempotency-Key', () => {
  it('replays the first answer (status, headers, body) and captures once', async () => {
    const sandbox = testSandbox();
    const id = await authorizedOrder(sandbox);
    const headers = { [KEY_HEADER]: '5b1c1d56-2b0e-4bb6-8f6b-6a1c6d9e0a01' };
    const first = await call(sandbox, 'POST', om(id, '/captures'), { captured_amount: 1000 }, headers);
    const second = await call(sandbox, 'POST', om(id, '/captures'), { captured_amount: 1000 }, headers);
    expect(second.status).toBe(201);
    expect(second.headers.get('capture-id')).toBe(first.headers.get('capture-id'));
    expect(second.headers.get('location')).toBe(first.headers.get('location'));
    expect(second.headers.get('kustom-idempotent-replayed')).toBe('true');
    expect(first.headers.get('kustom-idempotent-replayed')).toBeNull();
    expect(await captures(sandbox, id)).toBe(1);
  });

  it('is identified by the key alone: a different body or path still replays', async () => {
    const sandbox = testSandbox();
    const id = await authorizedOrder(sandbox);
    const headers = { [KEY_HEADER]: 'key-1' };
    const first = await call(sandbox, 'POST', om(id, '/captures'), { captured_amount: 1000 }, headers);
    const other = await call(sandbox, 'POST', om(id, '/captures'), { captured_amount: 9999 }, headers);
    expect(other.headers.get('capture-id')).toBe(first.headers.get('capture-id'));
    const refund = await call(sandbox, 'POST', om(id, '/refunds'), { refunded_amount: 10 }, headers);
    expect([refund.status, refund.headers.get('capture-id')]).toEqual([201, first.headers.get('capture-id')]);
    expect((await call(sandbox, 'GET', om(id))).body).toMatchObject({ captured_amount: 1000, refunded_amount: 0 });
  });

  it('replays refusals too, and a 204', async () => {
    const sandbox = testSandbox();
    const id = await authorizedOrder(sandbox);
    const refused = await call(sandbox, 'POST', om(id, '/refunds'), { refunded_amount: 1 }, { [KEY_HEADER]: 'r-1' });
    expect(refused.status).toBe(403);
    await call(sandbox, 'POST', om(id, '/captures'), { captured_amount: 100 });
    const replayed = await call(sandbox, 'POST', om(id, '/refunds'), { refunded_amount: 1 }, { [KEY_HEADER]: 'r-1' });
    expect([replayed.status, replayed.body]).toEqual([403, refused.body]);
    const cancel = await call(sandbox, 'PATCH', om(id, '/merchant-references'), { merchant_reference1: 'A' }, { [KEY_HEADER]: 'm-1' });
    await call(sandbox, 'PATCH', om(id, '/merchant-references'), { merchant_reference1: 'B' });
    const again = await call(sandbox, 'PATCH', om(id, '/merchant-references'), { merchant_reference1: 'A' }, { [KEY_HEADER]: 'm-1' });
    expect([cancel.status, again.status]).toEqual([204, 204]);
    expect((await call(sandbox, 'GET', om(id))).body.merchant_reference1).toBe('B');
  });

  it('creates one checkout order for a repeated key', async () => {
    const sandbox = testSandbox();
    const body = (await import('./helpers.js')).checkoutBody();
    const a = await call(sandbox, 'POST', '/checkout/v3/orders', body, { [KEY_HEADER]: 'c-1' });
    const b = await call(sandbox, 'POST', '/checkout/v3/orders', body, { [KEY_HEADER]: 'c-1' });
    expect(b.body.order_id).toBe(a.body.order_id);
    expect(sandbox.snapshot().checkouts).toHaveLength(1);
  });

  it('scopes keys per credential', async () => {
    const sandbox = testSandbox({ apiKeys: [{ key: 'kco_test_api_sandbox', username: 'PK12345-sandbox' }, { key: 'kco_test_api_second' }] });
    const id = await authorizedOrder(sandbox);
    const headers = { [KEY_HEADER]: 'shared' };
    const a = await call(sandbox, 'POST', om(id, '/captures'), { captured_amount: 100 }, headers);
    const b = await call(sandbox, 'POST', om(id, '/captures'), { captured_amount: 100 }, { ...headers, authorization: 'Basic kco_test_api_second' });
    expect(b.headers.get('capture-id')).not.toBe(a.headers.get('capture-id'));
    expect(await captures(sandbox, id)).toBe(2);
  });

  it('runs concurrent requests with one key once', async () => {
    const sandbox = testSandbox();
    const id = await authorizedOrder(sandbox);
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => call(sandbox, 'POST', om(id, '/captures'), { captured_amount: 100 }, { [KEY_HEADER]: 'same' })),
    );
    expect(new Set(answers.map((a) => a.headers.get('capture-id'))).size).toBe(1);
    expect(await captures(sandbox, id)).toBe(1);
  });

  it('refuses an empty or oversized key', async () => {
    const sandbox = testSandbox();
    const id = await authorizedOrder(sandbox);
    expect((await call(sandbox, 'POST', om(id, '/captures'), { captured_amount: 1 }, { [KEY_HEADER]: 'x'.repeat(256) })).status).toBe(400);
  });
});

describe('per-order serialization', () => {
  it('100 simultaneous 1-unit captures with 50 left: exactly 50 succeed', async () => {
    const sandbox = testSandbox();
    const id = await authorizedOrder(sandbox, [line('Pin', 1, 1050)]);
    await call(sandbox, 'POST', om(id, '/captures'), { captured_amount: 1000 });
    const answers = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        call(sandbox, 'POST', om(id, '/captures'), { captured_amount: 1 }, { [KEY_HEADER]: `c-${i}` }),
      ),
    );
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(50);
    expect(statuses.filter((s) => s === 403)).toHaveLength(50);
    expect(answers.filter((a) => a.status === 403).every((a) => a.body.error_code === 'CAPTURE_NOT_ALLOWED')).toBe(true);
    expect((await call(sandbox, 'GET', om(id))).body).toMatchObject({ status: 'CAPTURED', captured_amount: 1050, remaining_authorized_amount: 0 });
  });

  it('serializes around a slow commit too (the persistence hook)', async () => {
    let writes = 0;
    const sandbox = createSandbox({
      now: NOW,
      onCommit: async () => {
        writes++;
        await new Promise((resolve) => setTimeout(resolve, 1));
      },
    });
    const id = await authorizedOrder(sandbox, [line('Pin', 1, 10)]);
    const answers = await Promise.all(Array.from({ length: 20 }, () => call(sandbox, 'POST', om(id, '/captures'), { captured_amount: 1 })));
    expect(answers.filter((a) => a.status === 201)).toHaveLength(10);
    expect(writes).toBeGreaterThanOrEqual(10);
  });
});

describe('faults', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it.each([
    ['status=503; retry_after=7', 503, 'TEMPORARILY_UNAVAILABLE', '7'],
    ['status=429', 429, 'TOO_MANY_REQUESTS', '1'],
    ['status=500', 500, 'INTERNAL_SERVER_ERROR', null],
    ['status=502', 502, 'TEMPORARILY_UNAVAILABLE', null],
  ])('Kustom-Sandbox-Fault: %s answers %i without writing', async (fault, status, code, retryAfter) => {
    const sandbox = testSandbox();
    const id = await authorizedOrder(sandbox);
    const answer = await call(sandbox, 'POST', om(id, '/captures'), { captured_amount: 1 }, { 'Kustom-Sandbox-Fault': fault, [KEY_HEADER]: 'k' });
    expect([answer.status, answer.body.error_code]).toEqual([status, code]);
    expect(answer.headers.get('retry-after')).toBe(retryAfter);
    expect(await captures(sandbox, id)).toBe(0);
    // Not remembered under the key: the retry performs the capture.
    expect((await call(sandbox, 'POST', om(id, '/captures'), { captured_amount: 1 }, { [KEY_HEADER]: 'k' })).status).toBe(201);
  });

  it('answers Elements API faults in its own error shape', async () => {
    const answer = await call(testSandbox(), 'GET', '/kustom-elements-api/v1/placements/EXPRESS_BUTTONS?client_id=kustom_pk_test_sandbox&locale=sv-SE', undefined, {
      'Kustom-Sandbox-Fault': 'status=503',
    });
    expect([answer.status, answer.body]).toEqual([503, { code: 'TEMPORARILY_UNAVAILABLE', message: 'Injected fault: 503' }]);
  });

  it('adds latency before answering', async () => {
    vi.useFakeTimers();
    const sandbox = testSandbox();
    let settled = false;
    const slow = sandbox.fetch(`${BASE}/settlements/v1/payouts`, { headers: { ...AUTH, 'Kustom-Sandbox-Fault': 'latency=1000' } }).then((r) => {
      settled = true;
      return r.status;
    });
    await vi.advanceTimersByTimeAsync(999);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await slow).toBe(200);
  });

  it('drops the connection after committing; a retry with the same key replays', async () => {
    const sandbox = testSandbox();
    const id = await authorizedOrder(sandbox);
    const headers = { 'content-type': 'application/json', [KEY_HEADER]: 'drop-1', ...AUTH };
    const dropped = await sandbox
      .fetch(`${BASE}${om(id, '/captures')}`, { method: 'POST', headers: { ...headers, 'Kustom-Sandbox-Fault': 'drop_after_commit' }, body: '{"captured_amount":500}' })
      .then(
        () => 'answered',
        (error: unknown) => error,
      );
    expect(dropped).toBeInstanceOf(TypeError);
    expect(isConnectionDropped(dropped)).toBe(true);
    expect((await call(sandbox, 'GET', om(id))).body.captured_amount).toBe(500);
    const retry = await call(sandbox, 'POST', om(id, '/captures'), { captured_amount: 500 }, { [KEY_HEADER]: 'drop-1' });
    expect([retry.status, retry.headers.get('kustom-idempotent-replayed')]).toEqual([201, 'true']);
    expect(await captures(sandbox, id)).toBe(1);
  });

  it('applies rules by method and path, a number of times', async () => {
    const sandbox = testSandbox();
    const id = await authorizedOrder(sandbox);
    const rule = await call(sandbox, 'POST', '/sandbox/v1/faults', { status: 503, method: 'POST', path: '/ordermanagement/v1/orders/*/captures', times: 2 });
    expect(rule.status).toBe(201);
    expect(rule.body).toMatchObject({ id: expect.any(String), status: 503, times: 2 });
    expect((await call(sandbox, 'GET', om(id))).status).toBe(200);
    expect((await call(sandbox, 'POST', om(id, '/refunds'), { refunded_amount: 1 })).status).toBe(403);
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await call(sandbox, 'POST', om(id, '/captures'), { captured_amount: 1 })).status);
    expect(statuses).toEqual([503, 503, 201]);
    expect((await call(sandbox, 'GET', '/sandbox/v1/faults')).body.faults).toEqual([]);
  });

  it('applies a rule with a probability, reproducibly from the seed', async () => {
    const run = async () => {
      const sandbox = testSandbox();
      sandbox.faults.add({ status: 500, probability: 0.3, path: '/settlements/' });
      const statuses = [];
      for (let i = 0; i < 200; i++) statuses.push((await call(sandbox, 'GET', '/settlements/v1/payouts')).status);
      return statuses;
    };
    const statuses = await run();
    const failures = statuses.filter((s) => s === 500).length;
    expect(failures).toBeGreaterThan(20);
    expect(failures).toBeLessThan(120);
    expect(await run()).toEqual(statuses);
  });

  it('lists, removes and clears rules; never applies to the controls', async () => {
    const sandbox = testSandbox();
    await call(sandbox, 'POST', '/sandbox/v1/faults', { status: 500 });
    const { body } = await call(sandbox, 'POST', '/sandbox/v1/faults', { latency_ms: 5, drop_after_commit: true, path: '/checkout/**' });
    expect((await call(sandbox, 'GET', '/sandbox/v1/faults')).body.faults).toHaveLength(2);
    expect((await call(sandbox, 'GET', '/sandbox/v1/clock')).status).toBe(200);
    expect((await call(sandbox, 'DELETE', `/sandbox/v1/faults/${body.id}`)).status).toBe(204);
    expect((await call(sandbox, 'DELETE', `/sandbox/v1/faults/${body.id}`)).status).toBe(404);
    expect((await call(sandbox, 'DELETE', '/sandbox/v1/faults')).status).toBe(204);
    expect(sandbox.faults.list()).toEqual([]);
  });

  it.each([
    [{ status: 418 }, 'status'],
    [{ probability: 2, status: 500 }, 'probability'],
    [{ path: 'checkout', status: 500 }, 'path'],
    [{ method: 'GET' }, 'body'],
    [{ status: 500, drop_after_commit: true }, 'drop_after_commit'],
    [{ status: 500, surprise: 1 }, 'surprise'],
  ])('refuses the rule %j naming %s', async (rule, field) => {
    const answer = await call(testSandbox(), 'POST', '/sandbox/v1/faults', rule);
    expect(answer.status).toBe(400);
    expect(answer.body.error_messages[0]).toContain(`Bad value: ${field}`);
  });

  it('refuses a malformed fault header', async () => {
    const answer = await call(testSandbox(), 'GET', '/settlements/v1/payouts', undefined, { 'Kustom-Sandbox-Fault': 'explode=yes' });
    expect([answer.status, answer.body.error_code]).toEqual([400, 'BAD_VALUE']);
    expect(() => testSandbox().faults.add({ status: 999 as never })).toThrow(TypeError);
  });
});
