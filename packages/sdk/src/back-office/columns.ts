/**
 * A column of the orders page or of an export: its header in six languages, what kind
 * of value it holds and how to read it. The same definitions drive sorting in
 * `searchOrders` and the cells of `ordersToCsv` / `payoutsToCsv`, so a column means
 * the same thing everywhere.
 */
import type { Translated } from './languages.js';

/**
 * - `text`: free text; exported with formula neutralisation.
 * - `amount`: integer minor units; exported as an exact decimal in the currency's exponent.
 * - `date`: an ISO 8601 timestamp; exported normalised to UTC.
 */
export type ColumnKind = 'text' | 'amount' | 'date';

export interface ColumnDef<T> {
  readonly header: Translated;
  readonly kind: ColumnKind;
  /** The raw value: a string for `text` and `date`, minor units for `amount`; `undefined` when absent. */
  readonly get: (item: T) => string | number | undefined;
  /** The wire field it comes from, for error paths (defaults to the column id). */
  readonly field?: string;
}

/** A set of columns over one kind of record. */
export interface ColumnTable<T, C extends string> {
  /** What the records are called in error paths: `orders[3].order_amount`. */
  readonly source: string;
  readonly columns: Readonly<Record<C, ColumnDef<T>>>;
  /** The ISO 4217 currency of a record's amounts, and the field it comes from. */
  readonly currency: (item: T) => string;
  readonly currencyField: string;
}
