/**
 * An order whose lines carry values the SDK does not know yet (a line `type` of
 * `gift_card_v2`, a subscription `interval` of `QUARTER`), held by the sandbox (restored
 * from its `--data` file, the state a later API could leave) and used over real HTTP:
 *
 * - it is read, with the values kept as read, and shown (status label, actions, balances, CSV);
 * - planning a capture, refund or edit that would copy such a line into a request, and a
 *   request given such a line, is refused before sending with a `KustomValidationError`
 *   naming `order_lines[i].type` / `order_lines[i].subscription.interval`; nothing is sent;
 * - planning that does not touch such a line still works, and the sandbox takes it.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createKustomClient,
  isKustomValidationError,
  lineBalances,
  orderActions,
  ordersToCsv,
  planCapture,
  planEdit,
  planRefund,
  statusLabel,
  type KustomClient,
  type KustomValidationError,
  type Order,
} from '@kustom/sdk';
import { startSandboxServer, type SandboxServer } from '../src/server.js';
import { authorizedOrder, call, line, NOW, KEY, testSandbox } from './helpers.js';

const SUBSCRIPTION = { name: 'Coffee club', interval: 'MONTH', interval_count: 1 } as const;
const LINES = [
  line('Sweater', 2, 50000, 2500, { reference: 'SWEATER' }),
  line('Gift card', 1, 30000, 0, { reference: 'GIFT', type: 'gift_card' }),
  line('Coffee club', 1, 20000, 1200, { reference: 'CLUB', subscription: SUBSCRIPTION }),
];

let dir: string;
let server: SandboxServer;
let kustom: KustomClient;
/** Every request the client sent, as `METHOD path`. */
const sent: string[] = [];
let withCapturedGift: string;
let uncaptured: string;

/** The line values a later API could send, written into the sandbox's state as it would hold them. */
function makeUnknown(order: { order_lines: Array<Record<string, unknown>> }) {
  for (const l of order.order_lines) {
    if (l.reference === 'GIFT') l.type = 'gift_card_v2';
    if (l.reference === 'CLUB') l.subscription = { ...SUBSCRIPTION, interval: 'QUARTER' };
  }
}

beforeAll(async () => {
  // Built through the API in process, then the values changed in the snapshot the server restores.
  const sandbox = testSandbox();
  withCapturedGift = await authorizedOrder(sandbox, LINES);
  uncaptured = await authorizedOrder(sandbox, LINES);
  const captured = await call(sandbox, 'POST', `/ordermanagement/v1/orders/${withCapturedGift}/captures`, {
    captured_amount: LINES[1]!.total_amount,
    order_lines: [LINES[1]],
  });
  expect(captured.status).toBe(201);
  const snapshot = sandbox.snapshot() as unknown as { orders: Array<{ order_lines: Array<Record<string, unknown>>; captures: Array<{ order_lines: Array<Record<string, unknown>> }> }> };
  for (const order of snapshot.orders) {
    makeUnknown(order);
    for (const capture of order.captures) makeUnknown(capture);
  }
  dir = mkdtempSync(join(tmpdir(), 'kustom-unknown-lines-'));
  writeFileSync(join(dir, 'state.json'), JSON.stringify(snapshot));
  server = await startSandboxServer({ port: 0, now: NOW, dataFile: join(dir, 'state.json') });
  kustom = createKustomClient({
    apiKey: KEY,
    baseUrl: server.url,
    maxRetries: 0,
    fetch: (request) => {
      sent.push(`${request.method} ${new URL(request.url).pathname}`);
      return fetch(request);
    },
  });
});
afterAll(async () => {
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** The error `run` throws, which must be a `KustomValidationError`. */
function refusal(run: () => unknown): KustomValidationError {
  try {
    run();
  } catch (error) {
    if (isKustomValidationError(error)) return error;
    throw error;
  }
  throw new Error('expected a KustomValidationError');
}
const fields = (error: KustomValidationError) => error.issues.map((i) => i.path);

describe('an order with a line type and a subscription interval the SDK does not know', () => {
  let order: Order;
  beforeAll(async () => {
    order = await kustom.orders.get(withCapturedGift);
  });

  it('is read with the values kept as read, and shown', async () => {
    expect(order.order_lines.map((l) => [l.reference, l.type, l.subscription?.interval])).toEqual([
      ['SWEATER', undefined, undefined],
      ['GIFT', 'gift_card_v2', undefined],
      ['CLUB', undefined, 'QUARTER'],
    ]);
    expect(order.captures[0]!.order_lines![0]!.type).toBe('gift_card_v2');
    expect(order.status).toBe('PART_CAPTURED');
    expect(statusLabel(order.status, 'en')).toBe('Partially captured');
    const actions = orderActions(order, { now: NOW });
    expect([actions.capture.allowed, actions.refund.allowed, actions.edit.allowed]).toEqual([true, true, true]);
    expect(lineBalances(order).map((b) => [b.reference, b.quantityLeftToCapture, b.quantityLeftToRefund])).toEqual([
      ['SWEATER', 2, 0],
      ['GIFT', 0, 1],
      ['CLUB', 1, 0],
    ]);
    let csv = '';
    for await (const chunk of ordersToCsv([order])) csv += chunk;
    expect(csv).toContain(order.order_id);
  });

  it('planning that would copy such a line is refused, naming the field', () => {
    expect(fields(refusal(() => planCapture(order, { kind: 'full' }, { now: NOW })))).toEqual(['order_lines[2].subscription.interval']);
    const club = refusal(() => planCapture(order, { kind: 'lines', lines: [{ reference: 'CLUB', quantity: 1 }] }, { now: NOW }));
    expect([club.side, club.field, club.message]).toEqual([
      'request',
      'order_lines[2].subscription.interval',
      expect.stringContaining('"QUARTER", a subscription interval the SDK does not know'),
    ]);
    const gift = refusal(() => planRefund(order, { kind: 'lines', lines: [{ reference: 'GIFT', quantity: 1 }] }, { now: NOW }));
    expect([gift.field, gift.message]).toEqual(['order_lines[1].type', expect.stringContaining('"gift_card_v2", a line type the SDK does not know')]);
    expect(fields(refusal(() => planRefund(order, { kind: 'full' }, { now: NOW })))).toEqual(['order_lines[1].type']);
    expect(fields(refusal(() => planEdit(order, order.order_lines, { now: NOW })))).toEqual(['order_lines[1].type', 'order_lines[2].subscription.interval']);
  });

  it('a request given such a line is refused before sending', async () => {
    const before = sent.length;
    const edit = await kustom.orders.updateAuthorization(withCapturedGift, { order_amount: order.order_amount, order_lines: order.order_lines }).catch((e: unknown) => e);
    expect(isKustomValidationError(edit) && [edit.side, fields(edit)]).toEqual(['request', ['order_lines[1].type', 'order_lines[2].subscription.interval']]);
    // A caller who copies the line by hand (the request types do not allow it) is refused the same way.
    const club = order.order_lines[2]!;
    const capture = await kustom.orders.capture(withCapturedGift, { captured_amount: club.total_amount, order_lines: [club as never] }).catch((e: unknown) => e);
    expect(isKustomValidationError(capture) && fields(capture)).toEqual(['order_lines[0].subscription.interval']);
    expect(sent.length).toBe(before);
    expect((await kustom.orders.get(withCapturedGift)).order_lines).toEqual(order.order_lines);
  });

  it('planning that does not touch such a line works, and the sandbox takes it', async () => {
    const capture = planCapture(order, { kind: 'lines', lines: [{ reference: 'SWEATER', quantity: 2 }] }, { now: NOW });
    expect(capture.order_lines!.map((l) => l.reference)).toEqual(['SWEATER']);
    await kustom.orders.capture(withCapturedGift, capture);
    const byAmount = planCapture(await kustom.orders.get(withCapturedGift), { kind: 'amount', amount: 5000, tax_rate: 1200, description: 'Part of the club' }, { now: NOW });
    await kustom.orders.capture(withCapturedGift, byAmount);
    const after = await kustom.orders.get(withCapturedGift);
    expect([after.captured_amount, after.order_lines[1]!.type]).toEqual([LINES[1]!.total_amount + 100000 + 5000, 'gift_card_v2']);
    const refund = planRefund(after, { kind: 'lines', lines: [{ reference: 'SWEATER', quantity: 1 }] }, { now: NOW });
    await kustom.orders.refund(withCapturedGift, refund);
    expect((await kustom.orders.get(withCapturedGift)).refunded_amount).toBe(50000);
  });

  it('an edit that leaves such a line out works; one that keeps it is refused', async () => {
    const open = await kustom.orders.get(uncaptured);
    expect(fields(refusal(() => planEdit(open, [open.order_lines[0]!, open.order_lines[2]!], { now: NOW })))).toEqual(['order_lines[1].subscription.interval']);
    const edit = planEdit(open, [open.order_lines[0]!], { now: NOW });
    await kustom.orders.updateAuthorization(uncaptured, edit);
    const edited = await kustom.orders.get(uncaptured);
    expect([edited.order_amount, edited.order_lines.map((l) => l.reference)]).toEqual([100000, ['SWEATER']]);
  });
});
