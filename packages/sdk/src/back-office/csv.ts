/**
 * CSV exports of orders and payouts: RFC 4180, streamed in chunks, safe to open in a
 * spreadsheet.
 *
 * - Records end with CRLF; every text field is quoted (a header only when it holds the
 *   delimiter, a quote, CR or LF), and quotes inside are doubled.
 * - **Formula injection**: a text cell that starts with `=`, `+`, `-`, `@`, tab, CR or
 *   LF (or their full-width forms) gets a leading `'`, so Excel, LibreOffice and
 *   Google Sheets show it as text instead of running it (OWASP "CSV Injection").
 *   So does every part of it after a `,`, `;`, tab, `|`, CR or LF that starts like a
 *   formula: a spreadsheet whose list separator is not the file's (`;` in Swedish and
 *   German settings) splits the text there and would read that part as a cell.
 *   Amount cells are produced by the SDK itself from integer minor units
 *   (`minorToDecimal`): they always match `-?\d+(\.\d+)?`, which no spreadsheet reads
 *   as a formula, so a negative amount stays a number (`-12.05`, not `'-12.05`). User
 *   text never reaches an amount cell.
 * - Amounts are exact decimals with a `.` in the currency's exponent (`1299.00` SEK,
 *   `1500` JPY, `1.234` KWD); dates are ISO 8601 in UTC.
 */
import { objectArgument, optionalString, optionsArgument } from '../internal/arguments.js';
import { currencyExponent, minorToDecimal } from '../money.js';
import type { Order, Payout } from '../schemas/index.js';
import type { ColumnDef, ColumnTable } from './columns.js';
import { isoTimestamp } from './dates.js';
import { invalidInput } from './errors.js';
import { isAsyncIterable, type OrdersSource } from './iterate.js';
import type { OrderLocale } from '../orders/index.js';
import { languageOf } from './languages.js';
import { DEFAULT_ORDER_COLUMNS, ORDER_TABLE, type OrderColumn } from './order-columns.js';
import { PAYOUT_COLUMNS, PAYOUT_TABLE, type PayoutColumn } from './payout-columns.js';

/** The delimiters a spreadsheet recognises; `;` is what Excel expects in the Nordics and Germany. */
export const CSV_DELIMITERS = [',', ';', '\t', '|'] as const;
export type CsvDelimiter = (typeof CSV_DELIMITERS)[number];

export interface CsvOptions<C extends string> {
  /**
   * The columns, in order. Unknown ids are a validation error naming `columns[i]`.
   * @default DEFAULT_ORDER_COLUMNS for orders, PAYOUT_COLUMNS for payouts
   */
  columns?: readonly C[] | undefined;
  /**
   * The language of the header row: `en`, `sv`, `fi`, `da`, `nb`, `de`, or a locale of
   * one of them (`sv-SE`); other languages get English. Cell values are not translated
   * (codes such as `CAPTURED` stay machine-readable).
   * @default 'en'
   */
  locale?: string | undefined;
  /** @default ',' */
  delimiter?: CsvDelimiter | undefined;
  /**
   * Start the file with a UTF-8 byte order mark, so that Excel reads `å`, `ä`, `ö`
   * correctly when the file is opened with a double click.
   * @default false
   */
  bom?: boolean | undefined;
  /**
   * Roughly how many characters each yielded chunk holds (a chunk always ends on a
   * record boundary). Memory use is about one chunk, whatever the number of records.
   * @default 65536
   */
  chunkSize?: number | undefined;
}

export type OrdersCsvOptions = CsvOptions<OrderColumn>;
export type PayoutsCsvOptions = CsvOptions<PayoutColumn>;

/**
 * Orders as CSV, streamed: an async iterable of string chunks, the header row first.
 * The options are checked when it is called (a typed `KustomValidationError` naming
 * the option), the orders as they are read: an order with a non-integer amount or an
 * unreadable date ends the stream with an error naming it (`orders[41].created_at`).
 *
 * @example
 * // Node: to a file, in bounded memory
 * await pipeline(Readable.from(ordersToCsv(cursor, { locale: 'sv', delimiter: ';', bom: true })), createWriteStream('orders.csv'));
 * // Fetch API: a download response
 * new Response(ReadableStream.from(ordersToCsv(orders)).pipeThrough(new TextEncoderStream()), {
 *   headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': 'attachment; filename="orders.csv"' },
 * });
 */
export function ordersToCsv(orders: OrdersSource<Order>, options: OrdersCsvOptions = {}): AsyncIterable<string> {
  return tableToCsv(ORDER_TABLE, DEFAULT_ORDER_COLUMNS, orders, options);
}

/** Settlements payouts (`GET /settlements/v1/payouts` → `payouts[]`) as CSV; like {@link ordersToCsv}. */
export function payoutsToCsv(payouts: OrdersSource<Payout>, options: PayoutsCsvOptions = {}): AsyncIterable<string> {
  return tableToCsv(PAYOUT_TABLE, PAYOUT_COLUMNS, payouts, options);
}

/** Every chunk of a CSV stream as one string (for small exports and tests). */
export async function collectCsv(chunks: AsyncIterable<string> | Iterable<string>): Promise<string> {
  if (chunks == null || (!isAsyncIterable(chunks) && typeof (chunks as Iterable<string>)[Symbol.iterator] !== 'function')) {
    throw invalidInput('chunks', 'must be an iterable or an async iterable of strings', 'invalid_type');
  }
  const parts: string[] = [];
  for await (const chunk of chunks) parts.push(optionalString(chunk, `chunks[${parts.length}]`) ?? '');
  return parts.join('');
}

const FORMULA_START = /^[=+\-@\t\r\n\uFF1D\uFF0B\uFF0D\uFF20]/;
/** A separator (`,` `;` tab `|` or a line break) after which a reader's next cell would begin like a formula. */
const FORMULA_PART = /([,;\t|\r\n])(?=[\t\r\n ]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20])/g;
const NUMBER = /^-?\d+(?:\.\d+)?$/;

/**
 * A text cell made safe for spreadsheets: a `'` before its start and before every part
 * after a `,` `;` tab `|` CR or LF that starts like a formula.
 * @example neutraliseFormula('=HYPERLINK("http://evil")') // "'=HYPERLINK(\"http://evil\")"
 * @example neutraliseFormula('Anna;=1+1;x') // "Anna;'=1+1;x"
 */
export function neutraliseFormula(text: string): string {
  if (typeof text !== 'string') throw invalidInput('text', `must be a string, got ${text === null ? 'null' : typeof text}`, 'invalid_type');
  const parts = text.replace(FORMULA_PART, "$1'");
  return FORMULA_START.test(text) ? `'${parts}` : parts;
}

function tableToCsv<T, C extends string>(
  table: ColumnTable<T, C>,
  defaults: readonly C[],
  source: OrdersSource<T>,
  options: CsvOptions<C>,
): AsyncIterable<string> {
  // Everything about the options is checked now, before a single byte is produced.
  options = optionsArgument(options);
  const ids: readonly C[] = options.columns ?? defaults;
  if (!Array.isArray(ids as unknown) || ids.length === 0) throw invalidInput('columns', 'must be a non-empty array of column ids', 'invalid_type');
  const columns = ids.map((id: C, i) => {
    if (!Object.hasOwn(table.columns, id)) {
      throw invalidInput(`columns[${i}]`, `must be one of ${Object.keys(table.columns).join(', ')}, got ${JSON.stringify(id)}`, 'invalid_value');
    }
    return { id, def: table.columns[id] as ColumnDef<T> };
  });
  const language: OrderLocale = languageOf(options.locale);
  const delimiter = options.delimiter ?? ',';
  if (!(CSV_DELIMITERS as readonly string[]).includes(delimiter)) {
    throw invalidInput('delimiter', `must be one of ${CSV_DELIMITERS.map((d) => JSON.stringify(d)).join(', ')}, got ${JSON.stringify(delimiter)}`, 'invalid_value');
  }
  const chunkSize = options.chunkSize ?? 65_536;
  if (!Number.isSafeInteger(chunkSize) || chunkSize < 1) throw invalidInput('chunkSize', 'must be a positive integer', 'too_small');
  if (source == null || (!isAsyncIterable(source) && typeof (source as Iterable<T>)[Symbol.iterator] !== 'function')) {
    throw invalidInput(table.source, 'must be an array, an iterable or an async iterable', 'invalid_type');
  }

  const needsQuotes = new RegExp(`[${delimiter === '\t' ? '\\t' : delimiter === '|' ? '\\|' : delimiter}"\\r\\n]`);
  const quote = (field: string): string => (needsQuotes.test(field) ? `"${field.replaceAll('"', '""')}"` : field);
  const hasAmounts = columns.some((c) => c.def.kind === 'amount');

  const record = (item: T, index: number): string => {
    objectArgument(item, `${table.source}[${index}]`, 'a record');
    let currency = '';
    if (hasAmounts) {
      currency = table.currency(item);
      try {
        currencyExponent(currency);
      } catch (error) {
        throw invalidInput(`${table.source}[${index}].${table.currencyField}`, `must be an ISO 4217 currency code, got ${JSON.stringify(currency)}`, 'invalid_value', error);
      }
    }
    let line = '';
    for (let c = 0; c < columns.length; c++) {
      const { id, def } = columns[c]!;
      const value = def.get(item);
      let field: string;
      if (value === undefined || value === null || value === '') {
        field = '';
      } else if (def.kind === 'amount') {
        if (!Number.isSafeInteger(value)) {
          throw invalidInput(`${table.source}[${index}].${def.field ?? id}`, `must be an integer in minor units, got ${String(value)}`, 'invalid_type');
        }
        field = minorToDecimal(value as number, currency);
        // Cannot fail (minorToDecimal only writes digits, "-" and "."); kept as the guard
        // that an amount cell can never carry text past the formula check.
        if (!NUMBER.test(field)) throw new Error(`internal: amount cell ${JSON.stringify(field)} is not a number`);
      } else if (def.kind === 'date') {
        field = isoTimestamp(String(value), `${table.source}[${index}].${def.field ?? id}`);
      } else {
        // Always quoted: a reader with another separator then still sees one field.
        field = `"${neutraliseFormula(String(value)).replaceAll('"', '""')}"`;
      }
      line += c === 0 ? field : delimiter + field;
    }
    return `${line}\r\n`;
  };

  const header = (options.bom ? '\uFEFF' : '') + columns.map(({ def }) => quote(neutraliseFormula(def.header[language]))).join(delimiter) + '\r\n';

  async function* generate(): AsyncGenerator<string, void, undefined> {
    let buffer = header;
    let index = 0;
    // Adds one record; hands back a full chunk to yield, if there is one.
    const add = (item: T): string | undefined => {
      buffer += record(item, index++);
      if (buffer.length < chunkSize) return undefined;
      const chunk = buffer;
      buffer = '';
      return chunk;
    };
    if (isAsyncIterable<T>(source)) {
      for await (const item of source) {
        const chunk = add(item);
        if (chunk) yield chunk;
      }
    } else {
      // A synchronous source is read without an await per record.
      for (const item of source as Iterable<T>) {
        const chunk = add(item);
        if (chunk) yield chunk;
      }
    }
    if (buffer) yield buffer;
  }
  return generate();
}
