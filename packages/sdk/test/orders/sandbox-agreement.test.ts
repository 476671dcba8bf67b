/**
 * The helpers and the sandbox never disagree: random purchases, random sequences of
 * actions, each decided by `orderActions` and planned by the planners, run against
 * the in-process sandbox.
 *
 * - an action the helpers allow, planned by them, succeeds;
 * - an action the helpers refuse is refused by the sandbox too (sent as the most
 *   permissive request a merchant could make without them);
 * - a plan refused for an amount rule (over-capture, over-refund, below captured) is
 *   refused by the sandbox when sent anyway;
 * - after every step: captured ≤ authorized, refunded ≤ captured, every amount an
 *   integer, every line's captured and refunded units within bounds.
 *
 * Plans refused for a line rule (unknown reference, more units than are left on a
 * line, a change to a captured line) are stricter than the API, which keeps no
 * per-line books: those are not sent.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSandbox } from '@kustom/sandbox';
import {
  createKustomClient,
  isKustomNotAllowedError,
  isKustomPlanError,
  lineBalances,
  lineTotals,
  orderActions,
  orderTimeline,
  planCapture,
  planEdit,
  planRefund,
  reservation,
  type EditLine,
  type KustomClient,
  type Order,
  type OrderAction,
  type OrderLine,
} from '@kustom/sdk';

const START = '2025-03-01T10:00:00Z';
const MARKETS = [
  ['SE', 'SEK', 'sv-SE'],
  ['NO', 'NOK', 'nb-NO'],
  ['FI', 'EUR', 'fi-FI'],
  ['DE', 'EUR', 'de-DE'],
  ['ES', 'EUR', 'es-ES'],
  ['IT', 'EUR', 'it-IT'],
] as const;

const lineArb = fc.record({
  quantity: fc.integer({ min: 1, max: 4 }),
  unit_price: fc.integer({ min: 200, max: 20_000 }),
  tax_rate: fc.constantFrom(0, 600, 1200, 2500),
  discountPercent: fc.constantFrom(0, 0, 10, 33),
});

interface Purchase {
  market: readonly [country: string, currency: string, locale: string];
  lines: Array<{ quantity: number; unit_price: number; tax_rate: number; discountPercent: number }>;
  paymentMethod: string;
  fraudStatus: 'ACCEPTED' | 'PENDING';
}

const purchaseArb: fc.Arbitrary<Purchase> = fc.record({
  market: fc.constantFrom(...MARKETS),
  lines: fc.array(lineArb, { minLength: 1, maxLength: 3 }),
  paymentMethod: fc.constantFrom('klarna', 'klarna', 'card'),
  fraudStatus: fc.constantFrom<Purchase['fraudStatus']>('ACCEPTED', 'ACCEPTED', 'ACCEPTED', 'PENDING'),
});

const specArb = fc.oneof(
  fc.constant({ kind: 'full' as const }),
  fc.record({
    kind: fc.constant('lines' as const),
    picks: fc.array(fc.record({ line: fc.nat(3), quantity: fc.integer({ min: 1, max: 3 }) }), { minLength: 1, maxLength: 3 }),
  }),
  // A share of what is left in permille; above 1000 asks for too much.
  fc.record({ kind: fc.constant('amount' as const), permille: fc.integer({ min: 1, max: 1200 }) }),
);
type SpecInput = typeof specArb extends fc.Arbitrary<infer T> ? T : never;

const commandArb = fc.oneof(
  { weight: 5, arbitrary: fc.record({ type: fc.constant('capture' as const), spec: specArb }) },
  { weight: 3, arbitrary: fc.record({ type: fc.constant('refund' as const), spec: specArb, fee: fc.option(fc.integer({ min: 1, max: 3000 }), { nil: undefined }) }) },
  { weight: 1, arbitrary: fc.constant({ type: 'cancel' as const }) },
  { weight: 2, arbitrary: fc.constant({ type: 'release' as const }) },
  { weight: 3, arbitrary: fc.constant({ type: 'extend' as const }) },
  { weight: 2, arbitrary: fc.record({ type: fc.constant('edit' as const), change: fc.constantFrom('drop-last', 'add-line', 'more-of-first') }) },
  { weight: 1, arbitrary: fc.constant({ type: 'updateCustomerDetails' as const }) },
  { weight: 1, arbitrary: fc.constant({ type: 'addShippingInfo' as const }) },
  {
    weight: 4,
    arbitrary: fc.record({
      type: fc.constant('advance' as const),
      hours: fc.oneof(
        { weight: 5, arbitrary: fc.integer({ min: 1, max: 96 }) },
        { weight: 3, arbitrary: fc.integer({ min: 5, max: 24 }).map((days) => days * 24) },
        { weight: 1, arbitrary: fc.constant(28 * 24) }, // exactly to expires_at
      ),
    }),
  },
  { weight: 1, arbitrary: fc.constant({ type: 'acceptFraud' as const }) },
);
type Command = typeof commandArb extends fc.Arbitrary<infer T> ? T : never;

function orderLinesOf(purchase: Purchase): OrderLine[] {
  return purchase.lines.map((l, i) => {
    const total_discount_amount = Math.floor((l.quantity * l.unit_price * l.discountPercent) / 100);
    const input = { quantity: l.quantity, unit_price: l.unit_price, tax_rate: l.tax_rate, total_discount_amount };
    return { type: 'physical', reference: `SKU-${i + 1}`, name: `Item ${i + 1}`, ...input, ...lineTotals(input) };
  });
}

/** A purchase completed in the sandbox: the client, the sandbox and the order id. */
async function purchase(p: Purchase) {
  const sandbox = createSandbox({ now: START });
  const kustom = createKustomClient({ apiKey: 'kco_test_api_sandbox', baseUrl: 'http://sandbox.localhost', fetch: (r) => sandbox.fetch(r), maxRetries: 0 });
  const order_lines = orderLinesOf(p);
  const order_amount = order_lines.reduce((s, l) => s + l.total_amount, 0);
  const order_tax_amount = order_lines.reduce((s, l) => s + l.total_tax_amount, 0);
  const [purchase_country, purchase_currency, locale] = p.market;
  const checkout = await kustom.checkout.orders.create({
    purchase_country,
    purchase_currency,
    locale,
    order_amount,
    order_tax_amount,
    order_lines,
    merchant_urls: {
      terms: 'https://shop.example/terms',
      checkout: 'https://shop.example/checkout',
      confirmation: 'https://shop.example/confirmation',
      push: 'https://shop.example/push',
    },
  });
  sandbox.completeCheckout(checkout.order_id!, { payment_method: p.paymentMethod, fraud_status: p.fraudStatus });
  return { sandbox, kustom, id: checkout.order_id! };
}

type Outcome = 'done' | 'refused';

/** Runs `call`; 'refused' for a 403 from the API, anything else but success fails. */
async function outcome(call: () => Promise<unknown>): Promise<Outcome> {
  try {
    await call();
    return 'done';
  } catch (error) {
    if (isKustomNotAllowedError(error)) return 'refused';
    throw error;
  }
}

/** The most permissive request a merchant could send for `action` without the helpers. */
function unplanned(kustom: KustomClient, order: Order, action: OrderAction): () => Promise<unknown> {
  const id = order.order_id;
  switch (action) {
    case 'capture':
      return () => kustom.orders.capture(id, { captured_amount: Math.max(1, order.remaining_authorized_amount) });
    case 'refund':
      return () => kustom.orders.refund(id, { refunded_amount: Math.max(1, order.captured_amount - order.refunded_amount) });
    case 'cancel':
      return () => kustom.orders.cancel(id);
    case 'release':
      return () => kustom.orders.releaseRemainingAuthorization(id);
    case 'extend':
      return () => kustom.orders.extendAuthorizationTime(id);
    case 'edit':
      return () => kustom.orders.updateAuthorization(id, { order_amount: order.order_amount, order_lines: order.order_lines });
    case 'updateCustomerDetails':
      return () => kustom.orders.updateCustomerDetails(id, order.shipping_address ? { shipping_address: order.shipping_address } : {});
    case 'addShippingInfo':
      return () => kustom.orders.addShippingInfo(id, { shipping_info: [{ shipping_company: 'PostNord', tracking_number: '0001' }] });
  }
}

function specFor(order: Order, input: SpecInput, available: number) {
  if (input.kind === 'full') return input;
  if (input.kind === 'lines') {
    const lines = input.picks.map((p) => {
      const line = order.order_lines[p.line % order.order_lines.length]!;
      return { reference: line.reference ?? line.name, quantity: p.quantity };
    });
    return { kind: 'lines' as const, lines };
  }
  const amount = Math.max(1, Math.floor((available * input.permille) / 1000));
  return { kind: 'amount' as const, amount, tax_rate: 2500, description: 'Part payment' };
}

function editedLines(order: Order, change: 'drop-last' | 'add-line' | 'more-of-first'): EditLine[] {
  const lines: EditLine[] = [...order.order_lines];
  if (change === 'drop-last' && lines.length > 1) lines.pop();
  if (change === 'add-line') lines.push({ reference: `NEW-${lines.length + 1}`, name: 'Gift wrap', quantity: 1, unit_price: 500, tax_rate: 2500 });
  if (change === 'more-of-first') {
    const { total_amount: _a, total_tax_amount: _t, ...first } = order.order_lines[0]!;
    lines[0] = { ...first, quantity: first.quantity + 1 };
  }
  return lines;
}

const AMOUNT_RULES = new Set(['OVER_CAPTURE', 'OVER_REFUND', 'BELOW_CAPTURED']);

function checkInvariants(order: Order, trace: string[]) {
  const where = trace.join('\n');
  const amounts = [
    order.order_amount,
    order.original_order_amount,
    order.captured_amount,
    order.refunded_amount,
    order.remaining_authorized_amount,
    ...order.captures.map((c) => c.captured_amount),
    ...order.refunds.map((r) => r.refunded_amount),
    ...[order.order_lines, ...order.captures.map((c) => c.order_lines ?? []), ...order.refunds.map((r) => r.order_lines ?? [])]
      .flat()
      .flatMap((l) => [l.unit_price, l.total_amount, l.total_tax_amount ?? 0, l.total_discount_amount ?? 0]),
  ];
  expect(amounts.every(Number.isSafeInteger), where).toBe(true);
  expect(order.captured_amount, where).toBeLessThanOrEqual(order.order_amount);
  expect(order.refunded_amount, where).toBeLessThanOrEqual(order.captured_amount);
  expect(order.refunded_amount, where).toBeGreaterThanOrEqual(0);
  for (const b of lineBalances(order)) {
    expect(b.capturedQuantity, where).toBeLessThanOrEqual(b.authorizedQuantity);
    expect(b.refundedQuantity, where).toBeLessThanOrEqual(b.capturedQuantity);
    expect(b.refundedQuantity, where).toBeGreaterThanOrEqual(0);
  }
  const timeline = orderTimeline(order).filter((e) => e.at !== undefined);
  const times = timeline.map((e) => Date.parse(e.at!));
  expect(times, where).toEqual([...times].sort((a, b) => a - b));
  expect(timeline.filter((e) => e.type === 'captured').length, where).toBe(order.captures.length);
}

async function run(p: Purchase, commands: Command[]) {
  const { sandbox, kustom, id } = await purchase(p);
  const trace: string[] = [`purchase ${JSON.stringify(p)}`];
  for (const command of commands) {
    const order = await kustom.orders.get(id);
    checkInvariants(order, trace);
    const now = sandbox.clock.now();
    trace.push(`${now.toISOString()} ${order.status} captured ${order.captured_amount}/${order.order_amount} refunded ${order.refunded_amount}: ${JSON.stringify(command)}`);
    const where = () => trace.join('\n');

    if (command.type === 'advance') {
      sandbox.clock.advance({ hours: command.hours });
      continue;
    }
    if (command.type === 'acceptFraud') {
      const answer = await sandbox.fetch(
        new Request(`http://sandbox.localhost/sandbox/v1/orders/${id}/fraud-status`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ fraud_status: 'ACCEPTED' }),
        }),
      );
      expect(answer.ok, where()).toBe(true);
      continue;
    }

    const state = orderActions(order, { now })[command.type];
    if (!state.allowed) {
      const result = await outcome(unplanned(kustom, order, command.type));
      trace.push(`  helpers: ${state.reason}; sandbox: ${result}`);
      expect(result, where()).toBe('refused');
      continue;
    }

    let call: () => Promise<unknown>;
    try {
      call = planned(kustom, order, command, now);
    } catch (error) {
      if (!isKustomPlanError(error)) throw error;
      trace.push(`  plan refused: ${error.code} ${error.message}`);
      if (AMOUNT_RULES.has(error.code)) {
        const unchecked = uncheckedRequest(kustom, order, command);
        if (unchecked) expect(await outcome(unchecked), where()).toBe('refused');
      }
      continue;
    }
    const result = await outcome(call);
    trace.push(`  helpers: allowed; sandbox: ${result}`);
    expect(result, where()).toBe('done');
    if (command.type === 'extend') {
      const after = await kustom.orders.get(id);
      expect(Date.parse(after.expires_at), where()).toBe(Date.parse(reservation(order, { now }).nextExpiresAt!));
    }
  }
  checkInvariants(await kustom.orders.get(id), trace);
}

function planned(kustom: KustomClient, order: Order, command: Exclude<Command, { type: 'advance' | 'acceptFraud' }>, now: Date): () => Promise<unknown> {
  const id = order.order_id;
  switch (command.type) {
    case 'capture': {
      const body = planCapture(order, specFor(order, command.spec, order.remaining_authorized_amount), { now });
      return () => kustom.orders.capture(id, body);
    }
    case 'refund': {
      const spec = specFor(order, command.spec, order.captured_amount - order.refunded_amount);
      const fee = command.fee === undefined ? {} : { return_fee: { amount: command.fee, tax_rate: 2500 } };
      const body = planRefund(order, { ...spec, ...fee }, { now });
      return () => kustom.orders.refund(id, body);
    }
    case 'edit': {
      const body = planEdit(order, editedLines(order, command.change), { now });
      return () => kustom.orders.updateAuthorization(id, body);
    }
    default:
      return unplanned(kustom, order, command.type);
  }
}

/** What a merchant would send without the planner's amount checks. */
function uncheckedRequest(kustom: KustomClient, order: Order, command: Command): (() => Promise<unknown>) | undefined {
  const id = order.order_id;
  if (command.type === 'capture' && command.spec.kind === 'amount') {
    const { amount } = specFor(order, command.spec, order.remaining_authorized_amount) as { amount: number };
    return () => kustom.orders.capture(id, { captured_amount: amount });
  }
  if (command.type === 'refund' && command.spec.kind === 'amount') {
    const { amount } = specFor(order, command.spec, order.captured_amount - order.refunded_amount) as { amount: number };
    return () => kustom.orders.refund(id, { refunded_amount: amount });
  }
  if (command.type === 'edit') {
    const order_lines = editedLines(order, command.change).map((l) => ({ ...l, ...lineTotals({ ...l, tax_rate: l.tax_rate! }) }));
    const order_amount = order_lines.reduce((s, l) => s + l.total_amount, 0);
    return () => kustom.orders.updateAuthorization(id, { order_amount, order_lines });
  }
  return undefined;
}

describe('helpers and sandbox agree', () => {
  it('on random purchases and random sequences of actions', async () => {
    await fc.assert(
      fc.asyncProperty(purchaseArb, fc.array(commandArb, { minLength: 1, maxLength: 16 }), run),
      { numRuns: 80 },
    );
  }, 60_000);
});

describe('extension against the sandbox', () => {
  it('moves expires_at to now + 28 days, capped at created_at + 90 days, then refuses', async () => {
    const { sandbox, kustom, id } = await purchase({
      market: ['SE', 'SEK', 'sv-SE'],
      lines: [{ quantity: 1, unit_price: 10_000, tax_rate: 2500, discountPercent: 0 }],
      paymentMethod: 'klarna',
      fraudStatus: 'ACCEPTED',
    });
    const expectations: Array<[number, string | undefined]> = [
      [0, 'NOTHING_TO_EXTEND'], // just authorized: already now + 28 days
      [20, undefined], // day 20 → day 48
      [20, undefined], // day 40 → day 68
      [25, undefined], // day 65 → capped at day 90
      [10, 'EXTENSION_LIMIT_REACHED'], // day 75
    ];
    for (const [days, reason] of expectations) {
      sandbox.clock.advance({ days });
      const order = await kustom.orders.get(id);
      const now = sandbox.clock.now();
      const r = reservation(order, { now });
      expect(r.reason).toBe(reason);
      const result = await outcome(() => kustom.orders.extendAuthorizationTime(id));
      expect(result).toBe(reason ? 'refused' : 'done');
      if (!reason) expect((await kustom.orders.get(id)).expires_at).toBe(r.nextExpiresAt!.replace('.000Z', 'Z'));
    }
    const order = await kustom.orders.get(id);
    expect(order.expires_at).toBe(new Date(Date.parse(order.created_at) + 90 * 86_400_000).toISOString().replace('.000Z', 'Z'));
    expect(orderTimeline(order).map((e) => [e.type, e.timing])).toEqual([
      ['authorized', 'exact'],
      ['extended', 'unknown'],
    ]);
  });
});

/** Terminal statuses allow nothing (facts page): the helpers and the sandbox both refuse. */
describe('terminal statuses allow nothing, in the helpers and the sandbox alike', () => {
  const shippingInfo = { shipping_info: [{ shipping_company: 'PostNord', tracking_number: '0001' }] };
  const base: Purchase = { market: ['SE', 'SEK', 'sv-SE'], lines: [{ quantity: 2, unit_price: 5000, tax_rate: 2500, discountPercent: 0 }], paymentMethod: 'klarna', fraudStatus: 'ACCEPTED' };

  it('the sandbox refuses shipping info on a CANCELLED order', async () => {
    const { kustom, id } = await purchase(base);
    await kustom.orders.cancel(id);
    expect(orderActions(await kustom.orders.get(id), { now: new Date() }).addShippingInfo.reason).toBe('CANCELLED');
    expect(await outcome(() => kustom.orders.addShippingInfo(id, shippingInfo))).toBe('refused');
  });

  it('the sandbox refuses a refund on an EXPIRED, part-captured order', async () => {
    const { sandbox, kustom, id } = await purchase(base);
    await kustom.orders.capture(id, { captured_amount: 5000 });
    sandbox.clock.advance({ days: 28 });
    const order = await kustom.orders.get(id);
    expect(order.status).toBe('EXPIRED');
    expect(orderActions(order, { now: sandbox.clock.now() }).refund.reason).toBe('EXPIRED');
    expect(await outcome(() => kustom.orders.refund(id, { refunded_amount: 5000 }))).toBe('refused');
  });
});
