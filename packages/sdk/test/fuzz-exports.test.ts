/**
 * Every function a public entry point of @kustom/sdk exports (found by enumerating the
 * modules, so a new export is fuzzed without touching this file), and every method of the
 * clients they create, called with hostile arguments: whatever it throws, or the promise
 * it returns rejects with, is a `KustomError` (a `KustomValidationError` naming the
 * argument, or a `KustomError` for misuse), never a TypeError or RangeError.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as sdk from '@kustom/sdk';
import * as elements from '@kustom/sdk/elements';
import * as schemas from '@kustom/sdk/schemas';
import { KustomError } from '@kustom/sdk';
import { checkoutOrder, order } from './helpers/fixtures.js';

/** Values no caller should pass, and some they might by mistake. */
const hostile: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(null, undefined, {}, [], [null], [undefined, {}], 0, -1, 1.5, NaN, Infinity, -Infinity, 1e308, 2 ** 53, '', 'x', ' ', 'kco_test_api_x', true, false) },
  { weight: 2, arbitrary: fc.constantFrom({ signal: {} }, { signal: null }, { locale: {} }, { timeout: -1 }, { maxRetries: NaN }, { currency: 'XX' }, { idempotencyKey: {} }, { now: 'yesterday' }) },
  { weight: 2, arbitrary: fc.constantFrom([order(), null], [{ ...order(), order_lines: null }], [{ ...order(), order_id: 42 }], order(), { ...order(), refunds: undefined }, checkoutOrder()) },
  // Orders broken one level down: what a cursor over a half-migrated table might yield.
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      { ...order(), captures: [null] },
      { ...order(), order_lines: [5] },
      { ...order(), captures: [{ capture_id: 'c', captured_amount: 1, captured_at: 'x', order_lines: 'lines' }] },
      { ...order(), billing_address: 5, shipping_address: 'x', initial_payment_method: [] },
      { ...order(), status: 7, created_at: null, expires_at: {} },
      { ...order(), order_lines: [{ ...order().order_lines[0], quantity: 'two', name: null, reference: 3 }] },
      [{ ...order(), purchase_currency: 12 }],
      { kind: 'lines', lines: [null] },
      { kind: 'amount', amount: '100' },
    ),
  },
  { weight: 2, arbitrary: fc.anything({ maxDepth: 2 }) },
);
const argumentLists = fc.array(hostile, { maxLength: 4 });

const isClass = (fn: Function) => /^class\b/.test(Function.prototype.toString.call(fn));

/** The functions of a module (classes left out: constructing an error class is not a call to fuzz). */
function functionsOf(module: Record<string, unknown>): [string, (...args: unknown[]) => unknown][] {
  return Object.entries(module)
    .filter((entry): entry is [string, (...args: unknown[]) => unknown] => typeof entry[1] === 'function' && !isClass(entry[1]))
    .sort(([a], [b]) => a.localeCompare(b));
}

/** What calling `fn` led to: `undefined` when it returned (or resolved), else what it threw (or rejected with). */
async function outcome(fn: (...args: unknown[]) => unknown, args: unknown[]): Promise<unknown> {
  try {
    const result = fn(...args);
    if (result && typeof (result as PromiseLike<unknown>).then === 'function') await result;
    else if (result && typeof (result as AsyncIterator<unknown>).next === 'function' && Symbol.asyncIterator in (result as object)) {
      await (result as AsyncIterator<unknown>).next();
    }
    return undefined;
  } catch (error) {
    return error ?? new Error(`threw ${String(error)}`);
  }
}

function describeError(error: unknown): string {
  return error instanceof Error ? `${error.constructor.name}: ${error.message}` : `non-error ${String(error)}`;
}

// FUZZ_RUNS=5000 fuzzes harder (CI keeps 200 per function).
async function fuzz(name: string, fn: (...args: unknown[]) => unknown, runs = Number(process.env.FUZZ_RUNS) || 200) {
  await fc.assert(
    fc.asyncProperty(argumentLists, async (args) => {
      const error = await outcome(fn, args);
      if (error !== undefined && !(error instanceof KustomError)) {
        throw new Error(`${name}(${args.map((a) => safeJson(a)).join(', ')}) threw ${describeError(error)}`);
      }
    }),
    { numRuns: runs },
  );
}

function safeJson(value: unknown): string {
  try {
    return value === undefined ? 'undefined' : Number.isNaN(value) ? 'NaN' : (JSON.stringify(value)?.slice(0, 120) ?? String(value));
  } catch {
    return String(value);
  }
}

describe('the harness', () => {
  it('does catch a function that throws a TypeError, and one whose promise rejects with one', async () => {
    const reads = (value: unknown) => (value as { a: { b: unknown } }).a.b;
    const failures = await Promise.all([fuzz('reads', reads, 50), fuzz('readsLater', async (value: unknown) => reads(value), 50)].map((p) => p.catch((e: Error) => e)));
    expect(failures.map((f) => (f as Error & { cause?: Error }).cause?.message)).toEqual([
      expect.stringMatching(/^reads\(.*\) threw TypeError/),
      expect.stringMatching(/^readsLater\(.*\) threw TypeError/),
    ]);
  });

  it('lets a KustomError through', async () => {
    await expect(
      fuzz('refuses', () => {
        throw new sdk.KustomValidationError('request', [{ path: 'x', message: 'no', code: 'custom' }]);
      }, 20),
    ).resolves.toBeUndefined();
  });
});

const entryPoints = { '@kustom/sdk': sdk, '@kustom/sdk/elements': elements, '@kustom/sdk/schemas': schemas } as Record<string, Record<string, unknown>>;

describe('every exported function', { timeout: 120_000 }, () => {
  for (const [entry, module] of Object.entries(entryPoints)) {
    const functions = functionsOf(module);
    it(`${entry} exports functions to fuzz`, () => {
      expect(functions.length).toBeGreaterThan(0);
    });
    for (const [name, fn] of functions) {
      it(`${entry}: ${name}`, async () => {
        await fuzz(name, fn);
      });
    }
  }
});

/** Every method of an object and of the objects it holds (a client's resources). */
function methodsOf(target: object, prefix: string): [string, (...args: unknown[]) => unknown][] {
  const found: [string, (...args: unknown[]) => unknown][] = [];
  for (const [key, value] of Object.entries(target)) {
    if (typeof value === 'function') found.push([`${prefix}.${key}`, value.bind(target) as (...args: unknown[]) => unknown]);
    else if (value && typeof value === 'object') found.push(...methodsOf(value, `${prefix}.${key}`));
  }
  return found;
}

describe('every method of the clients', { timeout: 120_000 }, () => {
  // A fetch that answers as the API would, so that only the arguments can go wrong.
  const answer = async (request: Request) => {
    const { pathname } = new URL(request.url);
    if (pathname.startsWith('/checkout/')) return Response.json(checkoutOrder());
    if (pathname.startsWith('/settlements/')) return Response.json(pathname.endsWith('/summary') ? [] : { payouts: [], pagination: { count: 0 } });
    if (request.method === 'GET') return Response.json(pathname.includes('/captures') && !/captures\/[^/]+$/.test(pathname) ? [] : order());
    return new Response(null, { status: 204 });
  };
  const kustom = sdk.createKustomClient({ apiKey: 'kco_test_api_fuzz', baseUrl: 'http://fuzz.local', fetch: answer, maxRetries: 0 });
  const elementsClient = sdk.createElementsClient({ publicApiKey: 'kustom_pk_test_fuzz', baseUrl: 'http://fuzz.local', fetch: async () => Response.json({}) });
  const methods = [...methodsOf(kustom, 'kustom'), ...methodsOf(elementsClient, 'elements')];

  it('finds the resources’ methods', () => {
    expect(methods.map(([name]) => name)).toEqual(expect.arrayContaining(['kustom.orders.capture', 'kustom.checkout.orders.create', 'kustom.settlements.payouts.list', 'elements.paymentMethods']));
  });
  for (const [name, fn] of methods) {
    it(name, async () => {
      await fuzz(name, fn, 100);
    });
  }
});

describe('the crashes fast-check found first (issue 16), each now a typed error naming the argument', () => {
  const kustom = sdk.createKustomClient({ apiKey: 'kco_test_api_fuzz', baseUrl: 'http://fuzz.local', fetch: async () => Response.json(order()), maxRetries: 0 });
  const noRefunds = { ...order(), refunds: undefined };
  const cases: [string, () => unknown, string][] = [
    ['ordersToCsv([order, null])', () => sdk.collectCsv(sdk.ordersToCsv([order(), null as never])), 'orders[1]'],
    ['payoutsToCsv([null])', () => sdk.collectCsv(sdk.payoutsToCsv([null as never])), 'payouts[0]'],
    ['planCapture(order, spec, null)', () => sdk.planCapture(order(), { kind: 'amount', amount: 100 } as never, null as never), 'options'],
    ['planCapture(order, null)', () => sdk.planCapture(order(), null as never), 'spec'],
    ['planCapture on an order without refunds', () => sdk.planCapture(noRefunds as never, { kind: 'amount', amount: 100 } as never), 'order.refunds'],
    ['planEdit(order, null)', () => sdk.planEdit(order(), null as never), 'lines'],
    ['searchOrders(orders, null)', () => sdk.searchOrders([order()], null as never), 'query'],
    ['findRepeatedOrders(orders, null)', () => sdk.findRepeatedOrders([order()], null as never), 'options'],
    ['orderActions(order, { locale: {} })', () => sdk.orderActions(order(), { now: new Date(), locale: {} as never }), 'locale'],
    ['lineBalances(undefined)', () => sdk.lineBalances(undefined as never), 'order'],
    ['lineTotals(null)', () => sdk.lineTotals(null as never), 'line'],
    ['formatAmount(100, "XX")', () => sdk.formatAmount(100, 'XX'), 'currency'],
    ["decimalToMinor('12,50', undefined)", () => sdk.decimalToMinor('12,50', undefined as never), 'currency'],
    ['orders.get(id, null)', () => kustom.orders.get('o1', null as never), 'options'],
    ['orders.get(id, { signal: {} })', () => kustom.orders.get('o1', { signal: {} as never }), 'options.signal'],
    ['orders.capture(id, body, null)', () => kustom.orders.capture('o1', { captured_amount: 100 }, null as never), 'options'],
  ];
  it.each(cases)('%s', async (_name, call, field) => {
    const error = await Promise.resolve()
      .then(call)
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(error).toBeInstanceOf(sdk.KustomValidationError);
    expect((error as sdk.KustomValidationError).field).toBe(field);
  });

  it('the checks ask only for what a helper reads: orderActions and reservation take an order without lines', () => {
    const { order_lines: _l, captures: _c, refunds: _r, ...rule } = order();
    expect(sdk.orderActions(rule as never, { now: new Date(rule.created_at) }).capture.allowed).toBe(true);
    expect(sdk.reservation(rule as never, { now: new Date(rule.created_at) }).expired).toBe(false);
  });

  it('createElementsClient(undefined) is the KustomError that says what to pass', () => {
    expect(() => sdk.createElementsClient(undefined as never)).toThrow(sdk.KustomError);
    expect(() => sdk.createElementsClient(undefined as never)).toThrow(/publicApiKey/);
  });
});
