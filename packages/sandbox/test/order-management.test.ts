import { Order } from '@kustom/sdk/schemas';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Sandbox } from '../src/index.js';
import { authorizedOrder, BASE, call, line, testSandbox } from './helpers.js';

const om = (id: string, suffix = '') => `/ordermanagement/v1/orders/${id}${suffix}`;
const read = async (sandbox: Sandbox, id: string) => Order.parse((await call(sandbox, 'GET', om(id))).body);

/** An order of 25000 (two lines of 12500) brought into a status. */
const STATES = {
  AUTHORIZED: async () => {},
  PART_CAPTURED: async (s: Sandbox, id: string) => void (await call(s, 'POST', om(id, '/captures'), { captured_amount: 12500 })),
  CAPTURED: async (s: Sandbox, id: string) => void (await call(s, 'POST', om(id, '/captures'), { captured_amount: 25000 })),
  CANCELLED: async (s: Sandbox, id: string) => void (await call(s, 'POST', om(id, '/cancel'))),
  EXPIRED: async (s: Sandbox) => void s.clock.advance({ days: 28 }),
  'CLOSED (released)': async (s: Sandbox, id: string) => {
    await call(s, 'POST', om(id, '/captures'), { captured_amount: 12500 });
    await call(s, 'POST', om(id, '/release-remaining-authorization'));
  },
  'CLOSED (refunded)': async (s: Sandbox, id: string) => {
    await call(s, 'POST', om(id, '/captures'), { captured_amount: 25000 });
    await call(s, 'POST', om(id, '/refunds'), { refunded_amount: 25000 });
  },
} as const;
type State = keyof typeof STATES;

async function orderIn(state: State) {
  const sandbox = testSandbox();
  const id = await authorizedOrder(sandbox, [line('Mug', 1, 12500), line('Plate', 1, 12500)]);
  await STATES[state](sandbox, id);
  // A day later, so that an extension would move expires_at.
  sandbox.clock.advance({ days: 1 });
  expect((await read(sandbox, id)).status).toBe(state.split(' ')[0]);
  return { sandbox, id };
}

type Expect = [number, string?];
const ok204: Expect = [204];
const ACTIONS: Record<string, { method: string; suffix: string; body?: unknown; expect: Record<State, Expect> }> = {
  'get order': {
    method: 'GET', suffix: '',
    expect: { AUTHORIZED: [200], PART_CAPTURED: [200], CAPTURED: [200], CANCELLED: [200], EXPIRED: [200], 'CLOSED (released)': [200], 'CLOSED (refunded)': [200] },
  },
  acknowledge: {
    method: 'POST', suffix: '/acknowledge',
    expect: { AUTHORIZED: ok204, PART_CAPTURED: ok204, CAPTURED: ok204, CANCELLED: ok204, EXPIRED: ok204, 'CLOSED (released)': ok204, 'CLOSED (refunded)': ok204 },
  },
  'update authorization': {
    method: 'PATCH', suffix: '/authorization', body: { order_amount: 25000 },
    expect: {
      AUTHORIZED: ok204, PART_CAPTURED: ok204, CAPTURED: [403, 'NOT_ALLOWED'], CANCELLED: [403, 'NOT_ALLOWED'],
      EXPIRED: [403, 'NOT_ALLOWED'], 'CLOSED (released)': [403, 'NOT_ALLOWED'], 'CLOSED (refunded)': [403, 'NOT_ALLOWED'],
    },
  },
  'merchant references': {
    method: 'PATCH', suffix: '/merchant-references', body: { merchant_reference1: 'A-1' },
    expect: { AUTHORIZED: ok204, PART_CAPTURED: ok204, CAPTURED: ok204, CANCELLED: [403, 'NOT_ALLOWED'], EXPIRED: ok204, 'CLOSED (released)': ok204, 'CLOSED (refunded)': ok204 },
  },
  'customer details': {
    method: 'PATCH', suffix: '/customer-details', body: { shipping_address: { given_name: 'Ada', postal_code: '11122', country: 'SE' } },
    expect: {
      AUTHORIZED: ok204, PART_CAPTURED: [403, 'NOT_ALLOWED'], CAPTURED: [403, 'NOT_ALLOWED'], CANCELLED: [403, 'NOT_ALLOWED'],
      EXPIRED: [403, 'NOT_ALLOWED'], 'CLOSED (released)': [403, 'NOT_ALLOWED'], 'CLOSED (refunded)': [403, 'NOT_ALLOWED'],
    },
  },
  cancel: {
    method: 'POST', suffix: '/cancel',
    expect: {
      AUTHORIZED: ok204, PART_CAPTURED: [403, 'CANCEL_NOT_ALLOWED'], CAPTURED: [403, 'CANCEL_NOT_ALLOWED'], CANCELLED: [403, 'CANCEL_NOT_ALLOWED'],
      EXPIRED: [403, 'CANCEL_NOT_ALLOWED'], 'CLOSED (released)': [403, 'CANCEL_NOT_ALLOWED'], 'CLOSED (refunded)': [403, 'CANCEL_NOT_ALLOWED'],
    },
  },
  'extend authorization time': {
    method: 'POST', suffix: '/extend-authorization-time',
    expect: {
      AUTHORIZED: ok204, PART_CAPTURED: ok204, CAPTURED: [403, 'NOT_ALLOWED'], CANCELLED: [403, 'NOT_ALLOWED'],
      EXPIRED: [403, 'NOT_ALLOWED'], 'CLOSED (released)': [403, 'NOT_ALLOWED'], 'CLOSED (refunded)': [403, 'NOT_ALLOWED'],
    },
  },
  'release remaining authorization': {
    method: 'POST', suffix: '/release-remaining-authorization',
    expect: {
      AUTHORIZED: [403, 'NOT_ALLOWED'], PART_CAPTURED: ok204, CAPTURED: [403, 'NOT_ALLOWED'], CANCELLED: [403, 'NOT_ALLOWED'],
      EXPIRED: [403, 'NOT_ALLOWED'], 'CLOSED (released)': [403, 'NOT_ALLOWED'], 'CLOSED (refunded)': [403, 'NOT_ALLOWED'],
    },
  },
  'add shipping info': {
    method: 'POST', suffix: '/shipping-info', body: { shipping_info: [{ shipping_company: 'PostNord', tracking_number: '123' }] },
    expect: {
      AUTHORIZED: ok204, PART_CAPTURED: ok204, CAPTURED: ok204, CANCELLED: [403, 'NOT_ALLOWED'],
      EXPIRED: [403, 'NOT_ALLOWED'], 'CLOSED (released)': [403, 'NOT_ALLOWED'], 'CLOSED (refunded)': [403, 'NOT_ALLOWED'],
    },
  },
  capture: {
    method: 'POST', suffix: '/captures', body: { captured_amount: 1 },
    expect: {
      AUTHORIZED: [201], PART_CAPTURED: [201], CAPTURED: [403, 'CAPTURE_NOT_ALLOWED'], CANCELLED: [403, 'CAPTURE_NOT_ALLOWED'],
      EXPIRED: [403, 'CAPTURE_NOT_ALLOWED'], 'CLOSED (released)': [403, 'CAPTURE_NOT_ALLOWED'], 'CLOSED (refunded)': [403, 'CAPTURE_NOT_ALLOWED'],
    },
  },
  'list captures': {
    method: 'GET', suffix: '/captures',
    expect: { AUTHORIZED: [200], PART_CAPTURED: [200], CAPTURED: [200], CANCELLED: [200], EXPIRED: [200], 'CLOSED (released)': [200], 'CLOSED (refunded)': [200] },
  },
  refund: {
    method: 'POST', suffix: '/refunds', body: { refunded_amount: 1 },
    expect: {
      AUTHORIZED: [403, 'REFUND_NOT_ALLOWED'], PART_CAPTURED: [201], CAPTURED: [201], CANCELLED: [403, 'REFUND_NOT_ALLOWED'],
      EXPIRED: [403, 'REFUND_NOT_ALLOWED'], 'CLOSED (released)': [201], 'CLOSED (refunded)': [403, 'REFUND_NOT_ALLOWED'],
    },
  },
};

const CASES = Object.entries(ACTIONS).flatMap(([action, spec]) =>
  (Object.keys(STATES) as State[]).map((state) => [state, action, spec.expect[state][0], spec.expect[state][1] ?? '—'] as const),
);

describe('every status × every action', () => {
  it.each(CASES)('%s × %s → %i %s', async (state, action, status, code) => {
    const spec = ACTIONS[action]!;
    const { sandbox, id } = await orderIn(state);
    const before = sandbox.snapshot().orders[0];
    const answer = await call(sandbox, spec.method, om(id, spec.suffix), spec.body);
    expect(answer.status, JSON.stringify(answer.body)).toBe(status);
    if (code !== '—') {
      expect(answer.body).toEqual({ error_code: code, error_messages: [expect.any(String)], correlation_id: expect.any(String) });
      // A refusal changes nothing.
      expect(sandbox.snapshot().orders[0]).toEqual(before);
    }
    Order.parse((await call(sandbox, 'GET', om(id))).body);
  });
});

describe('transitions', () => {
  it('cancel → CANCELLED; release → CLOSED; full refund → CLOSED; full capture → CAPTURED', async () => {
    const a = await orderIn('AUTHORIZED');
    await call(a.sandbox, 'POST', om(a.id, '/cancel'));
    expect(await read(a.sandbox, a.id)).toMatchObject({ status: 'CANCELLED', remaining_authorized_amount: 0 });
    const b = await orderIn('PART_CAPTURED');
    await call(b.sandbox, 'POST', om(b.id, '/release-remaining-authorization'));
    expect(await read(b.sandbox, b.id)).toMatchObject({ status: 'CLOSED', captured_amount: 12500, remaining_authorized_amount: 0 });
    const c = await orderIn('PART_CAPTURED');
    await call(c.sandbox, 'POST', om(c.id, '/captures'), { captured_amount: 12500 });
    expect(await read(c.sandbox, c.id)).toMatchObject({ status: 'CAPTURED', remaining_authorized_amount: 0 });
    await call(c.sandbox, 'POST', om(c.id, '/refunds'), { refunded_amount: 5000 });
    expect((await read(c.sandbox, c.id)).status).toBe('CAPTURED');
    await call(c.sandbox, 'POST', om(c.id, '/refunds'), { refunded_amount: 20000 });
    expect(await read(c.sandbox, c.id)).toMatchObject({ status: 'CLOSED', refunded_amount: 25000 });
  });

  it('a part-captured order refunded in full stays PART_CAPTURED: the rest can still be captured', async () => {
    const { sandbox, id } = await orderIn('PART_CAPTURED');
    await call(sandbox, 'POST', om(id, '/refunds'), { refunded_amount: 12500 });
    expect(await read(sandbox, id)).toMatchObject({ status: 'PART_CAPTURED', remaining_authorized_amount: 12500 });
  });
});

describe('amount rules', () => {
  it('never captures more than remains authorized', async () => {
    const { sandbox, id } = await orderIn('PART_CAPTURED');
    const over = await call(sandbox, 'POST', om(id, '/captures'), { captured_amount: 12501 });
    expect(over.status).toBe(403);
    expect(over.body.error_messages).toEqual(['Captured amount 12501 is higher than the remaining authorized amount 12500.']);
  });

  it('never refunds more than was captured', async () => {
    const { sandbox, id } = await orderIn('PART_CAPTURED');
    await call(sandbox, 'POST', om(id, '/refunds'), { refunded_amount: 10000 });
    const over = await call(sandbox, 'POST', om(id, '/refunds'), { refunded_amount: 2501 });
    expect([over.status, over.body.error_code]).toEqual([403, 'REFUND_NOT_ALLOWED']);
    expect(over.body.error_messages[0]).toContain('2501');
    expect((await call(sandbox, 'POST', om(id, '/refunds'), { refunded_amount: 2500 })).status).toBe(201);
  });

  it('never sets an authorization below what was captured', async () => {
    const { sandbox, id } = await orderIn('PART_CAPTURED');
    const below = await call(sandbox, 'PATCH', om(id, '/authorization'), { order_amount: 12499 });
    expect(below.status).toBe(403);
    expect(below.body).toMatchObject({
      error_code: 'NOT_ALLOWED',
      error_messages: ['Resulting authorization amount 12499 cannot be less than the captured amount 12500'],
    });
    expect((await call(sandbox, 'PATCH', om(id, '/authorization'), { order_amount: 12500 })).status).toBe(204);
    expect(await read(sandbox, id)).toMatchObject({ status: 'CAPTURED', order_amount: 12500, original_order_amount: 25000 });
  });

  it('checks new authorization lines and capture lines add up', async () => {
    const { sandbox, id } = await orderIn('AUTHORIZED');
    const lines = [line('Mug', 1, 12500), line('Plate', 2, 12500)];
    const bad = await call(sandbox, 'PATCH', om(id, '/authorization'), { order_amount: 30000, order_lines: lines });
    expect(bad.body.error_messages.join()).toContain('Bad value: order_amount');
    expect((await call(sandbox, 'PATCH', om(id, '/authorization'), { order_amount: 37500, order_lines: lines })).status).toBe(204);
    const mismatch = await call(sandbox, 'POST', om(id, '/captures'), { captured_amount: 100, order_lines: [line('Mug', 1, 12500)] });
    expect(mismatch.body.error_messages.join()).toContain('Bad value: captured_amount');
    const capture = await call(sandbox, 'POST', om(id, '/captures'), { captured_amount: 12500, order_lines: [line('Mug', 1, 12500)] });
    expect(capture.status).toBe(201);
  });

  it.each([
    [{ captured_amount: 200_000_001 }, 'captured_amount'],
    [{ captured_amount: -1 }, 'captured_amount'],
    [{ captured_amount: 10.5 }, 'captured_amount'],
    [{}, 'captured_amount'],
    [{ captured_amount: 1, shipping_info: [{ shipping_method: 'Teleport' }] }, 'shipping_info[0].shipping_method'],
  ])('refuses %j with 400 BAD_VALUE', async (body, field) => {
    const { sandbox, id } = await orderIn('AUTHORIZED');
    const answer = await call(sandbox, 'POST', om(id, '/captures'), body);
    expect([answer.status, answer.body.error_code]).toEqual([400, 'BAD_VALUE']);
    expect(answer.body.error_messages.join()).toContain(`Bad value: ${field}`);
  });

  it('holds its invariants over any sequence of writes', async () => {
    const action = fc.oneof(
      fc.record({ kind: fc.constant('capture' as const), amount: fc.integer({ min: 0, max: 30000 }) }),
      fc.record({ kind: fc.constant('refund' as const), amount: fc.integer({ min: 0, max: 30000 }) }),
      fc.record({ kind: fc.constant('authorization' as const), amount: fc.integer({ min: 0, max: 40000 }) }),
      fc.record({ kind: fc.constantFrom('release' as const, 'cancel' as const, 'extend' as const), amount: fc.constant(0) }),
      fc.record({ kind: fc.constant('days' as const), amount: fc.integer({ min: 1, max: 20 }) }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(action, { maxLength: 12 }), async (actions) => {
        const sandbox = testSandbox();
        const id = await authorizedOrder(sandbox, [line('Mug', 1, 12500), line('Plate', 1, 12500)]);
        for (const a of actions) {
          if (a.kind === 'days') sandbox.clock.advance({ days: a.amount });
          else if (a.kind === 'capture') await call(sandbox, 'POST', om(id, '/captures'), { captured_amount: a.amount });
          else if (a.kind === 'refund') await call(sandbox, 'POST', om(id, '/refunds'), { refunded_amount: a.amount });
          else if (a.kind === 'authorization') await call(sandbox, 'PATCH', om(id, '/authorization'), { order_amount: a.amount });
          else if (a.kind === 'release') await call(sandbox, 'POST', om(id, '/release-remaining-authorization'));
          else if (a.kind === 'cancel') await call(sandbox, 'POST', om(id, '/cancel'));
          else await call(sandbox, 'POST', om(id, '/extend-authorization-time'));
          const o = await read(sandbox, id);
          const captured = o.captures.reduce((s, c) => s + c.captured_amount, 0);
          const refunded = o.refunds.reduce((s, r) => s + r.refunded_amount, 0);
          expect(o.captured_amount).toBe(captured);
          expect(o.refunded_amount).toBe(refunded);
          expect(captured).toBeLessThanOrEqual(o.order_amount);
          expect(refunded).toBeLessThanOrEqual(captured);
          expect(o.captures.reduce((s, c) => s + (c.refunded_amount ?? 0), 0)).toBe(refunded);
          const open = o.status === 'AUTHORIZED' || o.status === 'PART_CAPTURED';
          expect(o.remaining_authorized_amount).toBe(open ? o.order_amount - captured : 0);
          if (o.status === 'CANCELLED') expect(captured).toBe(0);
          if (o.status === 'CAPTURED') expect(captured).toBe(o.order_amount);
          expect(Date.parse(o.expires_at) - Date.parse(o.created_at)).toBeLessThanOrEqual(90 * 86_400_000);
        }
      }),
      { numRuns: 40 },
    );
  });
});

describe('captures and refunds', () => {
  it('answers Capture-Id and Location, and the capture reads back there', async () => {
    const { sandbox, id } = await orderIn('AUTHORIZED');
    const answer = await call(sandbox, 'POST', om(id, '/captures'), {
      captured_amount: 12500,
      description: 'First parcel',
      reference: 'SHIP-1',
      shipping_info: [{ shipping_company: 'PostNord', shipping_method: 'PickUpPoint', tracking_number: 'PN1' }],
    });
    expect(answer.status).toBe(201);
    expect(answer.body).toBeUndefined();
    const captureId = answer.headers.get('capture-id')!;
    expect(answer.headers.get('location')).toBe(`${BASE}${om(id, `/captures/${captureId}`)}`);
    const capture = await sandbox.fetch(answer.headers.get('location')!, { headers: { authorization: 'Basic kco_test_api_sandbox' } });
    expect(await capture.json()).toMatchObject({
      capture_id: captureId,
      captured_amount: 12500,
      captured_at: '2025-03-04T10:00:00Z',
      description: 'First parcel',
      reference: 'SHIP-1',
      refunded_amount: 0,
      shipping_info: [{ shipping_company: 'PostNord', tracking_number: 'PN1' }],
    });
    expect((await call(sandbox, 'POST', om(id, `/captures/${captureId}/shipping-info`), { shipping_info: [{ tracking_number: 'PN2' }] })).status).toBe(204);
    expect((await call(sandbox, 'GET', om(id, '/captures'))).body[0].shipping_info).toHaveLength(2);
    const missing = await call(sandbox, 'GET', om(id, '/captures/7e1d3c8e-8f43-4c3a-9a55-2f2d6e9c1b00'));
    expect([missing.status, missing.body.error_code]).toEqual([404, 'NO_SUCH_CAPTURE']);
    expect((await call(sandbox, 'POST', om(id, '/captures/nope/shipping-info'), { shipping_info: [{}] })).body.error_code).toBe('NO_SUCH_CAPTURE');
  });

  it('answers Refund-Id and Location, and spreads refunds over captures oldest first', async () => {
    const { sandbox, id } = await orderIn('AUTHORIZED');
    await call(sandbox, 'POST', om(id, '/captures'), { captured_amount: 10000 });
    await call(sandbox, 'POST', om(id, '/captures'), { captured_amount: 15000 });
    const answer = await call(sandbox, 'POST', om(id, '/refunds'), { refunded_amount: 12000, description: 'Return', reference: 'RMA-1' });
    expect(answer.status).toBe(201);
    const refundId = answer.headers.get('refund-id')!;
    expect(answer.headers.get('location')).toBe(`${BASE}${om(id, `/refunds/${refundId}`)}`);
    expect((await call(sandbox, 'GET', om(id, `/refunds/${refundId}`))).body).toEqual({
      refund_id: refundId,
      refunded_amount: 12000,
      refunded_at: '2025-03-04T10:00:00Z',
      description: 'Return',
      reference: 'RMA-1',
    });
    const order = await read(sandbox, id);
    expect(order.captures.map((c) => c.refunded_amount)).toEqual([10000, 2000]);
    expect(order.captures.map((c) => c.klarna_reference)).toEqual([`${order.klarna_reference}-1`, `${order.klarna_reference}-2`]);
    const missing = await call(sandbox, 'GET', om(id, '/refunds/7e1d3c8e-8f43-4c3a-9a55-2f2d6e9c1b00'));
    expect([missing.status, missing.body.error_code]).toEqual([404, 'NOT_FOUND']);
  });

  it('refuses captures until a PENDING fraud check is accepted', async () => {
    const sandbox = testSandbox();
    const id = await authorizedOrder(sandbox, undefined, {}, { fraud_status: 'PENDING' });
    const refused = await call(sandbox, 'POST', om(id, '/captures'), { captured_amount: 100 });
    expect([refused.status, refused.body.error_code]).toEqual([403, 'CAPTURE_NOT_ALLOWED']);
    expect((await call(sandbox, 'POST', `/sandbox/v1/orders/${id}/fraud-status`, { fraud_status: 'ACCEPTED' })).status).toBe(200);
    expect((await call(sandbox, 'POST', om(id, '/captures'), { captured_amount: 100 })).status).toBe(201);
  });

  it('updates references and the shipping address, never the billing address', async () => {
    const { sandbox, id } = await orderIn('AUTHORIZED');
    await call(sandbox, 'PATCH', om(id, '/merchant-references'), { merchant_reference1: '10042', merchant_reference2: 'ERP-9' });
    const billing = await call(sandbox, 'PATCH', om(id, '/customer-details'), { billing_address: { given_name: 'Eve' } });
    expect([billing.status, billing.body.error_code]).toEqual([403, 'NOT_ALLOWED']);
    await call(sandbox, 'PATCH', om(id, '/customer-details'), { shipping_address: { given_name: 'Ada', country: 'SE' } });
    expect(await read(sandbox, id)).toMatchObject({
      merchant_reference1: '10042',
      merchant_reference2: 'ERP-9',
      shipping_address: { given_name: 'Ada' },
      billing_address: { given_name: 'Testperson-se' },
    });
  });

  it('answers 404 NO_SUCH_ORDER and 400 INVALID_ORDER_ID', async () => {
    const sandbox = testSandbox();
    const missing = await call(sandbox, 'POST', om('7e1d3c8e-8f43-4c3a-9a55-2f2d6e9c1b00', '/captures'), { captured_amount: 1 });
    expect([missing.status, missing.body.error_code]).toEqual([404, 'NO_SUCH_ORDER']);
    expect((await call(sandbox, 'GET', om('12345'))).body.error_code).toBe('INVALID_ORDER_ID');
    expect((await call(sandbox, 'GET', om('%E0%A4%A'))).body.error_code).toBe('INVALID_ORDER_ID');
  });
});

describe('expiry and extension with the clock', () => {
  it('expires 28 days after authorization unless fully captured', async () => {
    const sandbox = testSandbox();
    const id = await authorizedOrder(sandbox);
    sandbox.clock.advance({ days: 28, ms: -1 });
    expect((await read(sandbox, id)).status).toBe('AUTHORIZED');
    sandbox.clock.advance(1);
    expect(await read(sandbox, id)).toMatchObject({ status: 'EXPIRED', remaining_authorized_amount: 0 });
    expect((await call(sandbox, 'POST', om(id, '/captures'), { captured_amount: 1 })).body.error_code).toBe('CAPTURE_NOT_ALLOWED');
    // The clock control does the same over HTTP.
    const other = testSandbox();
    const otherId = await authorizedOrder(other);
    expect((await call(other, 'POST', '/sandbox/v1/clock', { advance_days: 29 })).body.now).toBe('2025-04-01T10:00:00.000Z');
    expect((await read(other, otherId)).status).toBe('EXPIRED');
  });

  it('an expired part-captured order allows nothing, as the help centre says', async () => {
    const { sandbox, id } = await orderIn('PART_CAPTURED');
    const [capture] = (await read(sandbox, id)).captures;
    sandbox.clock.advance({ days: 28 });
    expect(await read(sandbox, id)).toMatchObject({ status: 'EXPIRED', captured_amount: 12500, remaining_authorized_amount: 0 });
    const refund = await call(sandbox, 'POST', om(id, '/refunds'), { refunded_amount: 12500 });
    expect([refund.status, refund.body.error_code]).toEqual([403, 'REFUND_NOT_ALLOWED']);
    const tracking = await call(sandbox, 'POST', om(id, `/captures/${capture!.capture_id}/shipping-info`), { shipping_info: [{ tracking_number: 'PN9' }] });
    expect([tracking.status, tracking.body.error_code]).toEqual([403, 'NOT_ALLOWED']);
  });

  it('extends to now + 28 days each time, never past 90 days after authorization', async () => {
    const sandbox = testSandbox();
    const id = await authorizedOrder(sandbox);
    const extend = () => call(sandbox, 'POST', om(id, '/extend-authorization-time'));
    sandbox.clock.advance({ days: 10 });
    expect((await extend()).status).toBe(204);
    expect((await read(sandbox, id)).expires_at).toBe('2025-04-10T10:00:00Z');
    sandbox.clock.advance({ days: 25 });
    expect((await extend()).status).toBe(204);
    expect((await read(sandbox, id)).expires_at).toBe('2025-05-05T10:00:00Z');
    sandbox.clock.advance({ days: 25 });
    expect((await extend()).status).toBe(204);
    // Day 60 + 28 = day 88, inside the limit.
    expect((await read(sandbox, id)).expires_at).toBe('2025-05-30T10:00:00Z');
    sandbox.clock.advance({ days: 20 });
    expect((await extend()).status).toBe(204);
    // Capped at the original authorization + 90 days.
    expect((await read(sandbox, id)).expires_at).toBe('2025-06-01T10:00:00Z');
    sandbox.clock.advance({ days: 1 });
    const capped = await extend();
    expect([capped.status, capped.body.error_code]).toEqual([403, 'NOT_ALLOWED']);
    expect(capped.body.error_messages[0]).toContain('90 days');
    sandbox.clock.set('2025-06-01T10:00:00Z');
    expect((await read(sandbox, id)).status).toBe('EXPIRED');
    expect((await extend()).status).toBe(403);
  });

  it.each([
    ['card', 'SE', 'SEK'],
    ['swish', 'SE', 'SEK'],
    ['klarna', 'ES', 'EUR'],
    ['klarna', 'FR', 'EUR'],
    ['klarna', 'IT', 'EUR'],
    ['klarna', 'PT', 'EUR'],
  ])('refuses to extend an order paid with %s in %s', async (method, country, currency) => {
    const sandbox = testSandbox();
    const id = await authorizedOrder(sandbox, undefined, { purchase_country: country, purchase_currency: currency, locale: 'en-GB' }, { payment_method: method });
    sandbox.clock.advance({ days: 5 });
    const answer = await call(sandbox, 'POST', om(id, '/extend-authorization-time'));
    expect([answer.status, answer.body.error_code]).toEqual([403, 'NOT_ALLOWED']);
    expect((await read(sandbox, id)).expires_at).toBe('2025-03-31T10:00:00Z');
  });
});
