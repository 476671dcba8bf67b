/**
 * The CSV export read from the database is byte for byte the SDK's `ordersToCsv` over
 * the same orders in the same order: random orders with hostile text (formula
 * starts, separators, quotes, line breaks), random columns, languages, delimiters and
 * BOM, batches smaller than the set; on PGlite and on a PostgreSQL server.
 */
import fc from 'fast-check';
import { collectCsv, ORDER_COLUMNS, ordersToCsv, CSV_DELIMITERS, type Order } from '@kustom/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { csvByteStream, exportOrdersCsv, type OrderStore } from '../src/server.js';
import { invalidField, orderArbitrary } from '../../sdk/test/back-office/fixtures.js';
import { expectedOrders, load, ordersArbitrary, propertyEngines } from './orders.js';

const engines = await propertyEngines('export suite');
afterAll(() => engines.forEach((e) => e.stop()));

/** The SDK's hostile orders, with ids of their own. */
const hostileOrders = fc.array(orderArbitrary, { maxLength: 25 }).map((os) => os.map((o, i): Order => ({ ...o, order_id: `h-${String(i).padStart(3, '0')}` })));

const csvOptions = fc.record(
  {
    columns: fc.subarray([...ORDER_COLUMNS], { minLength: 1 }),
    locale: fc.constantFrom('en', 'sv-SE', 'fi', 'da', 'nb', 'de', 'fr'),
    delimiter: fc.constantFrom(...CSV_DELIMITERS),
    bom: fc.boolean(),
    chunkSize: fc.constantFrom(1, 200, 65_536),
  },
  { requiredKeys: [] },
);

for (const engine of engines) {
  describe.skipIf(engine.skip)(`the CSV export on ${engine.name}`, () => {
    let store: OrderStore;
    beforeAll(async () => {
      store = await engine.open();
    });
    afterAll(() => store?.close());

    it('is byte-identical to ordersToCsv over the same orders, whatever the text, columns and language', async () => {
      await fc.assert(
        fc.asyncProperty(fc.oneof(hostileOrders, ordersArbitrary(40)), csvOptions, fc.constantFrom(undefined, 'CAPTURED' as const), async (orders, options, status) => {
          const merchantId = await load(store, orders);
          const query = { merchantId, ...(status ? { status } : {}) };
          const want = await collectCsv(ordersToCsv(expectedOrders(orders, query), options));
          const got = await collectCsv(exportOrdersCsv(store, query, { ...options, batchSize: 100 }));
          expect(got).toBe(want);
        }),
        { numRuns: 25 },
      );
    });

    it('reads in keyset batches: more orders than a batch, in the query sort, as UTF-8 bytes', async () => {
      const orders = fc.sample(ordersArbitrary(300, 250), { numRuns: 1, seed: 11 })[0]!;
      const merchantId = await load(store, orders);
      const query = { merchantId, sort: { by: 'order_amount' as const, direction: 'desc' as const } };
      const want = await collectCsv(ordersToCsv(expectedOrders(orders, query), { locale: 'sv', delimiter: ';', bom: true }));
      const bytes = await new Response(csvByteStream(exportOrdersCsv(store, query, { locale: 'sv', delimiter: ';', bom: true, batchSize: 100 }))).arrayBuffer();
      expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes)).toBe(want);
      expect(want.split('\r\n').length - 2).toBe(orders.length);
    });

    it('checks the query and the CSV options before the first byte', () => {
      expect(invalidField(() => exportOrdersCsv(store, { merchantId: 'm', status: 'SHIPPED' as never }))).toBe('status');
      expect(invalidField(() => exportOrdersCsv(store, { merchantId: 'm' }, { columns: ['nope' as never] }))).toBe('columns[0]');
      expect(invalidField(() => exportOrdersCsv(store, { merchantId: 'm' }, { delimiter: '#' as never }))).toBe('delimiter');
      expect(invalidField(() => exportOrdersCsv(store, { merchantId: 'm' }, { batchSize: 5 }))).toBe('batchSize');
    });
  });
}
