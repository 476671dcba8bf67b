import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import {
  ORDER_COLUMNS,
  PAYOUT_COLUMNS,
  collectCsv,
  minorToDecimal,
  neutraliseFormula,
  ordersToCsv,
  payoutsToCsv,
  type Order,
  type Payout,
} from '@kustom/sdk';
import { line, makeOrder, orderArbitrary, invalidField } from './fixtures.js';

const FORMULA = /^[=+\-@\t\r\n＝＋－＠]/;

function parseCsv(text: string, delimiter = ','): string[][] {
  return parse(text, { delimiter, record_delimiter: '\r\n', relax_column_count: false, bom: true });
}

function payout(totals: Partial<Payout['totals']> = {}, over: Partial<Payout> = {}): Payout {
  return {
    totals: {
      commission_amount: -1250,
      repay_amount: 0,
      sale_amount: 100000,
      holdback_amount: 0,
      tax_amount: -250,
      settlement_amount: 98500,
      fee_correction_amount: 0,
      reversal_amount: 0,
      release_amount: 0,
      return_amount: -5000,
      fee_amount: -750,
      charge_amount: 0,
      credit_amount: 0,
      fee_refund_amount: 0,
      tax_refund_amount: 0,
      deposit_amount: 0,
      opening_debt_balance_amount: 0,
      closing_debt_balance_amount: 0,
      ...totals,
    },
    payment_reference: 'XISA93DJ',
    payout_date: '2024-05-02T07:52:26Z',
    currency_code: 'SEK',
    merchant_settlement_type: 'NET',
    merchant_id: 'PN01234',
    ...over,
  };
}

async function* slowly<T>(items: Iterable<T>): AsyncGenerator<T> {
  for (const item of items) {
    await Promise.resolve();
    yield item;
  }
}

describe('ordersToCsv', () => {
  it('writes RFC 4180: CRLF records, quoted delimiters, doubled quotes, ISO dates and exact decimals', async () => {
    const order = makeOrder({
      order_id: 'o-1',
      merchant_reference1: 'Ref, "special"',
      merchant_reference2: 'two\r\nlines',
      created_at: '2024-05-01T12:30:00+02:00',
      lines: [line({ unit_price: 129900, quantity: 1 })],
    });
    const csv = await collectCsv(ordersToCsv([order], { columns: ['order_id', 'merchant_reference1', 'merchant_reference2', 'created_at', 'order_amount', 'purchase_currency'] }));
    expect(csv).toBe(
      'Order ID,Merchant reference 1,Merchant reference 2,Order date,Order amount,Currency\r\n' +
        '"o-1","Ref, ""special""","two\r\nlines",2024-05-01T10:30:00.000Z,1299.00,"SEK"\r\n',
    );
  });

  it('writes every date as ISO 8601 in UTC, reading a date-time without a zone as UTC', async () => {
    const dates = ['2024-05-01T10:00:00Z', '2024-05-01T10:00:00.123Z', '2024-05-01T10:00:00', '2024-05-01T12:00:00+02:00', '2024-02-29T23:59:59.999-01:00'];
    const orders = dates.map((created_at) => makeOrder({ created_at }));
    const rows = parseCsv(await collectCsv(ordersToCsv(orders, { columns: ['created_at'] })));
    expect(rows.slice(1).flat()).toEqual(['2024-05-01T10:00:00.000Z', '2024-05-01T10:00:00.123Z', '2024-05-01T10:00:00.000Z', '2024-05-01T10:00:00.000Z', '2024-03-01T00:59:59.999Z']);
  });

  it('uses the currency exponent: JPY has none, KWD three decimals', async () => {
    const jpy = makeOrder({ purchase_currency: 'JPY', lines: [line({ unit_price: 1500 })] });
    const kwd = makeOrder({ purchase_currency: 'KWD', lines: [line({ unit_price: 1234 })] });
    const rows = parseCsv(await collectCsv(ordersToCsv([jpy, kwd], { columns: ['order_amount', 'purchase_currency'] })));
    expect(rows.slice(1)).toEqual([
      ['1500', 'JPY'],
      ['1.234', 'KWD'],
    ]);
  });

  it('leaves the tax amount empty, not 0, when a line states no tax (Order Management allows it)', async () => {
    const taxed = makeOrder({ lines: [line({ unit_price: 12500 })] });
    const { tax_rate: _r, total_tax_amount: _t, ...untaxedLine } = taxed.order_lines[0]!;
    const untaxed = { ...taxed, order_lines: [taxed.order_lines[0]!, untaxedLine] };
    const rows = parseCsv(await collectCsv(ordersToCsv([taxed, untaxed], { columns: ['order_tax_amount'] })));
    expect(rows.slice(1)).toEqual([['25.00'], ['']]);
  });

  it('writes the header in each of the six languages, with an expiry date column', async () => {
    const headers: Record<string, string> = {};
    for (const locale of ['en', 'sv-SE', 'fi', 'da', 'nb', 'de-AT', 'no', 'fr-FR']) {
      const [header] = parseCsv(await collectCsv(ordersToCsv([], { columns: ['order_id', 'expires_at'], locale })));
      headers[locale] = header!.join(' | ');
    }
    expect(headers).toEqual({
      en: 'Order ID | Expiry date',
      'sv-SE': 'Order-ID | Utgångsdatum',
      fi: 'Tilaustunnus | Vanhenemispäivä',
      da: 'Ordre-ID | Udløbsdato',
      nb: 'Ordre-ID | Utløpsdato',
      'de-AT': 'Bestell-ID | Ablaufdatum',
      no: 'Ordre-ID | Utløpsdato',
      'fr-FR': 'Order ID | Expiry date', // other languages get English
    });
  });

  it('has a distinct, non-empty header for every column in every language', async () => {
    for (const locale of ['en', 'sv', 'fi', 'da', 'nb', 'de']) {
      for (const [columns, toCsv] of [
        [ORDER_COLUMNS, () => ordersToCsv([], { columns: ORDER_COLUMNS, locale })],
        [PAYOUT_COLUMNS, () => payoutsToCsv([], { columns: PAYOUT_COLUMNS, locale })],
      ] as const) {
        const [header] = parseCsv(await collectCsv(toCsv()));
        expect(header).toHaveLength(columns.length);
        expect(new Set(header).size).toBe(columns.length);
        for (const text of header!) expect(text.trim()).not.toBe('');
      }
    }
  });

  it('neutralises formula injection in every text cell but keeps numbers numeric', async () => {
    const hostile = ['=1+1', '+46701234567', '-2+3+cmd|\' /C calc\'!A0', '@SUM(A1:A9)', '\t=1+1', '\r=1+1', '＝1+1', '=HYPERLINK("http://evil.example","click")'];
    const orders = hostile.map((text, i) =>
      makeOrder({ order_id: `o-${i}`, merchant_reference1: text, billing_address: { given_name: text, family_name: 'X', email: 'a@b.se' } }),
    );
    const csv = await collectCsv(ordersToCsv(orders, { columns: ['order_id', 'merchant_reference1', 'customer_name', 'order_amount'] }));
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
    const rows = parseCsv(csv).slice(1);
    rows.forEach((row, i) => {
      // A tab or CR at the start also starts a part for a tab reader: that part is neutralised too (issue 16).
      expect(row[1]).toBe(/^[\t\r]/.test(hostile[i]!) ? `'${hostile[i]![0]}'${hostile[i]!.slice(1)}` : `'${hostile[i]}`);
      expect(row[2]!.startsWith("'")).toBe(true);
      for (const cell of row) expect(cell).not.toMatch(FORMULA);
    });
    // A cell that merely contains a formula character later stays untouched.
    expect(neutraliseFormula('Order 5=5')).toBe('Order 5=5');
    expect(neutraliseFormula('')).toBe('');
  });

  it('leaves no formula for a reader of another separator: written with , ; or tab, read with , ; and tab', async () => {
    const hostile = ['Anna;=1+1;x', 'Anna,=1+1,x', 'Anna\t=1+1\tx', 'a; -2+3', 'a,\t@SUM(A1)', 'x;＝1', 'line\n=1+1', '"q";=1', '=1;=2,=3\t=4'];
    const orders = hostile.map((text, i) => makeOrder({ order_id: `o-${i}`, merchant_reference1: text, merchant_reference2: text }));
    for (const written of [',', ';', '\t'] as const) {
      const csv = await collectCsv(ordersToCsv(orders, { delimiter: written, columns: ['order_id', 'merchant_reference1', 'order_amount', 'merchant_reference2'] }));
      // Its own reader gets the text back with only the neutralising quotes added.
      parseCsv(csv, written)
        .slice(1)
        .forEach((row, i) => {
          expect(row[1]).toBe(neutraliseFormula(hostile[i]!));
          expect(row[1]!.replaceAll("'", '')).toBe(hostile[i]!.replaceAll("'", ''));
        });
      for (const reader of [',', ';', '\t']) {
        // A spreadsheet with another list separator: quotes in the middle of a cell are text, rows may differ in length.
        const rows: string[][] = parse(csv, { delimiter: reader, record_delimiter: ['\r\n', '\n'], relax_quotes: true, relax_column_count: true, bom: true });
        expect(rows.length).toBeGreaterThan(orders.length);
        for (const row of rows) for (const cell of row) expect(cell, `written ${JSON.stringify(written)}, read ${JSON.stringify(reader)}: ${JSON.stringify(cell)}`).not.toMatch(FORMULA);
      }
    }
    expect(neutraliseFormula('Anna;=1+1;x')).toBe("Anna;'=1+1;x");
    expect(() => neutraliseFormula(42 as never)).toThrow(expect.objectContaining({ name: 'KustomValidationError', field: 'text' }));
  });

  it('round-trips any orders through a standard CSV parser, with any delimiter', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(orderArbitrary, { maxLength: 8 }),
        fc.constantFrom(',', ';', '\t', '|' as const),
        fc.subarray([...ORDER_COLUMNS], { minLength: 1 }),
        async (orders, delimiter, columns) => {
          const csv = await collectCsv(ordersToCsv(orders, { columns, delimiter, chunkSize: 64 }));
          expect(csv.endsWith('\r\n')).toBe(true);
          const rows = parseCsv(csv, delimiter);
          expect(rows).toHaveLength(orders.length + 1);
          orders.forEach((order, i) => {
            const row = rows[i + 1]!;
            expect(row).toHaveLength(columns.length);
            columns.forEach((column, c) => {
              const cell = row[c]!;
              expect(cell).not.toMatch(FORMULA);
              if (column === 'order_amount' || column === 'captured_amount' || column === 'refunded_amount' || column === 'original_order_amount' || column === 'remaining_authorized_amount') {
                expect(cell).toBe(minorToDecimal(order[column], order.purchase_currency));
              } else if (column === 'created_at' || column === 'expires_at') {
                expect(Date.parse(cell)).toBe(Date.parse(order[column]));
                expect(cell).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
              } else if (column === 'merchant_reference1') {
                const original = order.merchant_reference1 ?? '';
                expect(cell).toBe(neutraliseFormula(original));
                expect(cell.replaceAll("'", '')).toBe(original.replaceAll("'", ''));
              }
            });
          });
        },
      ),
      { numRuns: 150 },
    );
  });

  it('refuses bad options before reading a single order', () => {
    let touched = false;
    const source = {
      [Symbol.iterator]() {
        touched = true;
        return [][Symbol.iterator]();
      },
    };
    const field = invalidField;
    expect(field(() => ordersToCsv(source, { columns: ['order_id', 'password' as never] }))).toBe('columns[1]');
    expect(field(() => ordersToCsv(source, { columns: [] }))).toBe('columns');
    expect(field(() => ordersToCsv(source, { locale: 42 as never }))).toBe('locale');
    expect(field(() => ordersToCsv(source, { delimiter: '"' as never }))).toBe('delimiter');
    expect(field(() => ordersToCsv(source, { chunkSize: 0 }))).toBe('chunkSize');
    expect(field(() => ordersToCsv(42 as never))).toBe('orders');
    expect(touched).toBe(false);
  });

  it('names the order and field of a bad value', async () => {
    const bad = { ...makeOrder(), order_amount: 12.5 } as Order;
    await expect(collectCsv(ordersToCsv([makeOrder(), bad]))).rejects.toMatchObject({ name: 'KustomValidationError', field: 'orders[1].order_amount' });
    const badDate = { ...makeOrder(), created_at: 'yesterday' } as Order;
    await expect(collectCsv(ordersToCsv([badDate]))).rejects.toMatchObject({ field: 'orders[0].created_at' });
    // Date.parse would quietly read 30 February as 1 March.
    const noSuchDay = { ...makeOrder(), expires_at: '2024-02-30T10:00:00Z' } as Order;
    await expect(collectCsv(ordersToCsv([noSuchDay]))).rejects.toMatchObject({ field: 'orders[0].expires_at' });
    const badCurrency = { ...makeOrder(), purchase_currency: 'S1K' } as Order;
    await expect(collectCsv(ordersToCsv([badCurrency]))).rejects.toMatchObject({ field: 'orders[0].purchase_currency' });
  });

  it('can start with a byte order mark for Excel', async () => {
    const csv = await collectCsv(ordersToCsv([], { bom: true, locale: 'sv', delimiter: ';', columns: ['order_id', 'purchase_country'] }));
    expect(csv).toBe('\uFEFFOrder-ID;Land\r\n');
  });

  it('streams: chunks arrive while the source is still being read, and each ends on a record', async () => {
    const total = 100_000;
    let produced = 0;
    const template = makeOrder({ status: 'CAPTURED' });
    async function* source(): AsyncGenerator<Order> {
      for (let i = 0; i < total; i++) {
        produced++;
        if (i % 1000 === 0) await new Promise((resolve) => setImmediate(resolve));
        yield { ...template, order_id: `o-${i}` };
      }
    }
    const producedAtChunk: number[] = [];
    let records = 0;
    for await (const chunk of ordersToCsv(source(), { chunkSize: 16_384 })) {
      producedAtChunk.push(produced);
      expect(chunk.endsWith('\r\n')).toBe(true);
      expect(chunk.length).toBeLessThan(16_384 + 1_000);
      records += chunk.split('\r\n').length - 1;
    }
    expect(records).toBe(total + 1);
    expect(producedAtChunk[0]).toBeLessThan(1_000);
    expect(producedAtChunk.length).toBeGreaterThan(100);
    // The source was consumed step by step, not first read to the end.
    expect(producedAtChunk.filter((n) => n < total).length).toBeGreaterThan(producedAtChunk.length / 2);
  });

  it('reads synchronous and asynchronous sources alike', async () => {
    const orders = [makeOrder(), makeOrder({ status: 'CAPTURED' })];
    expect(await collectCsv(ordersToCsv(slowly(orders)))).toBe(await collectCsv(ordersToCsv(orders)));
  });
});

describe('payoutsToCsv', () => {
  it('exports every payout column, negative totals as plain numbers', async () => {
    const csv = await collectCsv(payoutsToCsv([payout(), payout({ settlement_amount: -4200 }, { currency_code: 'EUR', payment_reference: '=evil()' })]));
    const rows = parseCsv(csv);
    expect(rows[0]).toHaveLength(PAYOUT_COLUMNS.length);
    const at = (row: number, column: string) => rows[row]![PAYOUT_COLUMNS.indexOf(column as never)];
    expect(at(1, 'commission_amount')).toBe('-12.50');
    expect(at(1, 'return_amount')).toBe('-50.00');
    expect(at(1, 'settlement_amount')).toBe('985.00');
    expect(at(1, 'payout_date')).toBe('2024-05-02T07:52:26.000Z');
    expect(at(2, 'settlement_amount')).toBe('-42.00');
    expect(at(2, 'payment_reference')).toBe("'=evil()");
    expect(csv).toContain(',-12.50,');
  });

  it('translates the header and leaves absent optional totals empty', async () => {
    const { fee_correction_amount: _fc, ...totals } = payout().totals;
    const csv = await collectCsv(payoutsToCsv([{ ...payout(), totals }], { locale: 'de', columns: ['payout_date', 'fee_correction_amount', 'sale_amount'] }));
    expect(parseCsv(csv)).toEqual([
      ['Auszahlungsdatum', 'Gebührenkorrekturen', 'Umsatz'],
      ['2024-05-02T07:52:26.000Z', '', '1000.00'],
    ]);
  });

  it('names a bad payout amount', async () => {
    await expect(collectCsv(payoutsToCsv([payout({ sale_amount: 1.5 })]))).rejects.toMatchObject({ field: 'payouts[0].totals.sale_amount' });
  });
});
