/**
 * Back-office helpers over 100 000 orders. `npm run bench -w @kustom/sdk`.
 *
 * - `ordersToCsv`: the orders come from an async generator that makes each one on
 *   demand (like a database cursor), the chunks go to a sink that only counts bytes.
 *   Peak memory is sampled at every chunk (heap + external + array buffers, above a
 *   baseline taken after a full GC) and printed next to the file size: bounded means
 *   the peak stays far below the size of the file.
 * - `insightsOverview`: 100 000 orders in an array, spread over 2023 and 2024: a year
 *   against the year before (every order counted), and a single month.
 *
 * Numbers are reported, never asserted.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, bench, describe } from 'vitest';
import { ORDER_COLUMNS, insightsOverview, lineTotals, ordersToCsv, type Order, type OrderStatus } from '@kustom/sdk';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const N = 100_000;
const STATUSES: OrderStatus[] = ['AUTHORIZED', 'PART_CAPTURED', 'CAPTURED', 'CAPTURED', 'CAPTURED', 'CANCELLED', 'EXPIRED', 'CLOSED'];
const MARKETS = [
  ['SE', 'SEK', 'sv-SE', 'INVOICE'],
  ['NO', 'NOK', 'nb-NO', 'CARD'],
  ['FI', 'EUR', 'fi-FI', 'PAY_LATER_IN_PARTS'],
  ['DK', 'DKK', 'da-DK', 'MOBILEPAY'],
  ['DE', 'EUR', 'de-DE', 'DIRECT_DEBIT'],
  ['US', 'USD', 'en-US', 'CARD'],
] as const;
const NAMES = ['Astrid Lindqvist', 'Erik Johansson', 'Åsa Ødegård', 'Lukas Müller', 'Aino Virtanen', '=HYPERLINK("x")'];
const START = Date.UTC(2024, 0, 1);
const SPAN = 366 * 86_400_000;

/** Order number `i`, made on demand: realistic fields, amounts that add up. */
function makeOrder(i: number): Order {
  const [country, currency, locale, method] = MARKETS[i % MARKETS.length]!;
  const status = STATUSES[(i * 7) % STATUSES.length]!;
  const quantity = 1 + (i % 3);
  const unit = { quantity, unit_price: 1990 + ((i * 37) % 90_000), tax_rate: 2500 };
  const line = { type: 'physical' as const, reference: `SKU-${i % 500}`, name: `Product ${i % 500}, "deluxe"`, ...unit, ...lineTotals(unit) };
  const amount = line.total_amount;
  const captured = status === 'CAPTURED' || status === 'CLOSED' ? amount : status === 'PART_CAPTURED' ? Math.floor(amount / 2) : 0;
  const created = START + ((i * 104_729) % SPAN);
  const [given, family] = NAMES[i % NAMES.length]!.split(' ');
  const address = { given_name: given, family_name: family, email: `customer${i % 20_000}@example.com`, street_address: 'Storgatan 1', postal_code: '11122', city: 'Stockholm', country };
  return {
    order_id: `0b1c${String(i).padStart(8, '0')}-4f5e-4c3a-9d2b-${String(i).padStart(12, '0')}`,
    klarna_reference: `K${String(i).padStart(7, '0')}`,
    merchant_reference1: String(100_000 + i),
    merchant_reference2: i % 10 === 0 ? '-campaign' : undefined,
    status,
    fraud_status: 'ACCEPTED',
    order_amount: amount,
    original_order_amount: amount,
    captured_amount: captured,
    refunded_amount: status === 'CLOSED' ? captured : 0,
    remaining_authorized_amount: status === 'AUTHORIZED' || status === 'PART_CAPTURED' ? amount - captured : 0,
    purchase_country: country,
    purchase_currency: currency,
    locale,
    created_at: new Date(created).toISOString(),
    expires_at: new Date(created + 28 * 86_400_000).toISOString(),
    order_lines: [line],
    captures: [],
    refunds: [],
    initial_payment_method: { type: method },
    billing_address: address,
    shipping_address: address,
  };
}

async function* cursor(): AsyncGenerator<Order> {
  for (let i = 0; i < N; i++) {
    // A real cursor yields to the event loop now and then (I/O between pages).
    if (i % 1_000 === 0) await new Promise((resolve) => setImmediate(resolve));
    yield makeOrder(i);
  }
}

const used = () => {
  const m = process.memoryUsage();
  return m.heapUsed + m.external + m.arrayBuffers;
};
const mb = (bytes: number) => `${(bytes / 1_048_576).toFixed(1)} MB`;

const report: string[] = [];
let csvRun = 0;

/**
 * One export. The first (warm-up) run also measures what is *live*: a full GC every
 * 20 chunks, then heap + external above the baseline. The timed runs only sample the
 * raw peak (which includes garbage the collector has not reclaimed yet).
 */
async function exportOnce(): Promise<void> {
  const sampleLive = csvRun++ === 0;
  gc();
  const baseline = used();
  let peak = 0;
  let livePeak = 0;
  let bytes = 0;
  let chunks = 0;
  const started = performance.now();
  for await (const chunk of ordersToCsv(cursor(), { columns: ORDER_COLUMNS, locale: 'sv' })) {
    bytes += Buffer.byteLength(chunk);
    chunks++;
    peak = Math.max(peak, used() - baseline);
    if (sampleLive && chunks % 20 === 0) {
      gc();
      livePeak = Math.max(livePeak, used() - baseline);
    }
  }
  const ms = performance.now() - started;
  report.push(
    sampleLive
      ? `ordersToCsv, ${N} orders, ${ORDER_COLUMNS.length} columns: ${mb(bytes)} in ${chunks} chunks; live memory above baseline at most ${mb(livePeak)} ` +
          `(${((livePeak / bytes) * 100).toFixed(2)} % of the file: it is never held)`
      : `ordersToCsv timed run: ${ms.toFixed(0)} ms (${(bytes / 1_048_576 / (ms / 1000)).toFixed(1)} MB/s, source included), raw peak above baseline ${mb(peak)} (garbage not yet collected)`,
  );
}

describe('back office, 100 000 orders', () => {
  bench('ordersToCsv → counting sink (async source, all columns)', exportOnce, { iterations: 3, warmupIterations: 1, time: 0, warmupTime: 0 });

  // 100 000 orders over 2023 and 2024, built once.
  let orders: Order[] | undefined;
  const twoYears = () =>
    (orders ??= Array.from({ length: N }, (_, i) => {
      const order = makeOrder(i);
      order.created_at = new Date(Date.UTC(2023, 0, 1) + ((i * 104_729) % (730 * 86_400_000))).toISOString();
      return order;
    }));

  bench(
    'insightsOverview: 2024 against 2023 (every order counted), Europe/Stockholm',
    () => {
      const overview = insightsOverview(twoYears(), {
        from: '2024-01-01',
        to: '2024-12-31',
        compareFrom: '2023-01-01',
        compareTo: '2023-12-31',
        timeZone: 'Europe/Stockholm',
      });
      if (overview.currencies.length !== 5) throw new Error('expected five currencies');
    },
    { iterations: 10, warmupIterations: 2, time: 0, warmupTime: 0 },
  );

  bench(
    'insightsOverview: one month, UTC (most orders outside the period)',
    () => {
      insightsOverview(twoYears(), { from: '2024-05-01', to: '2024-05-31' });
    },
    { iterations: 10, warmupIterations: 2, time: 0, warmupTime: 0 },
  );
});

afterAll(() => {
  console.log(`\n${report.join('\n')}\n`);
});
