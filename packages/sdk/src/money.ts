/**
 * Money arithmetic in integer minor units, exactly as the Kustom API does it.
 *
 * No function here ever produces a float amount: tax is computed with integer
 * division and an explicit rounding rule, and display goes through `Intl` with a
 * decimal string, never `minor / 100`.
 */

import { KustomValidationError } from './errors.js';
import { arrayArgument, badArgument, objectArgument, shownArgument } from './internal/arguments.js';

/** The fields of an order line that its totals are computed from. */
export interface LineAmountsInput {
  quantity: number;
  /** Unit price including tax, before discount, in minor units. */
  unit_price: number;
  /** Tax rate with two implicit decimals: 2500 = 25 %. */
  tax_rate: number;
  /** Discount including tax, in minor units. @default 0 */
  total_discount_amount?: number | undefined;
}

export interface LineTotals {
  total_amount: number;
  total_tax_amount: number;
}

export interface OrderTotals {
  order_amount: number;
  order_tax_amount: number;
}

/**
 * `numerator / denominator` rounded to the nearest integer, halves away from zero,
 * in exact integer arithmetic (both must be safe integers, denominator > 0).
 */
export function divideRounded(numerator: number, denominator: number): number {
  if (!Number.isSafeInteger(numerator)) throw badArgument('numerator', 'must be a safe integer', numerator);
  if (!Number.isSafeInteger(denominator) || denominator <= 0) throw badArgument('denominator', 'must be a positive safe integer', denominator);
  const sign = numerator < 0 ? -1 : 1;
  const n = Math.abs(numerator);
  const quotient = Math.floor(n / denominator);
  const remainder = n - quotient * denominator;
  const rounded = 2 * remainder >= denominator ? quotient + 1 : quotient;
  return sign * rounded || 0;
}

/**
 * The tax included in a gross amount, as the API computes it:
 * `tax = gross − round(gross × 10000 / (10000 + tax_rate))`.
 *
 * @example taxFromGross(12500, 2500) // 2500
 */
export function taxFromGross(gross: number, taxRate: number): number {
  assertMinor(gross, 'total_amount');
  assertMinor(taxRate, 'tax_rate');
  return gross - divideRounded(gross * 10000, 10000 + taxRate);
}

/**
 * A line's `total_amount` and `total_tax_amount`:
 * `total_amount = quantity × unit_price − total_discount_amount`, tax from gross.
 *
 * @example lineTotals({ quantity: 2, unit_price: 12500, tax_rate: 2500 })
 * // { total_amount: 25000, total_tax_amount: 5000 }
 */
export function lineTotals(line: LineAmountsInput): LineTotals {
  if (typeof line !== 'object' || line === null) throw badArgument('line', 'must be an order line', line);
  assertMinor(line.quantity, 'quantity');
  assertMinor(line.unit_price, 'unit_price');
  const discount = line.total_discount_amount ?? 0;
  assertMinor(discount, 'total_discount_amount');
  const total_amount = line.quantity * line.unit_price - discount;
  return { total_amount, total_tax_amount: taxFromGross(total_amount, line.tax_rate) };
}

/**
 * `order_amount` and `order_tax_amount`: the sums of the lines' totals. Order
 * Management lines may leave `total_tax_amount` out; over such lines
 * `order_tax_amount` is `undefined` (the tax is not known), never a sum that counts
 * the missing tax as 0.
 */
export function orderTotals(lines: ReadonlyArray<{ total_amount: number; total_tax_amount: number }>): OrderTotals;
export function orderTotals(
  lines: ReadonlyArray<{ total_amount: number; total_tax_amount?: number | undefined }>,
): { order_amount: number; order_tax_amount: number | undefined };
export function orderTotals(
  lines: ReadonlyArray<{ total_amount: number; total_tax_amount?: number | undefined }>,
): { order_amount: number; order_tax_amount: number | undefined } {
  arrayArgument(lines, 'lines', (line, path) => objectArgument(line, path, 'an order line'));
  let order_amount = 0;
  let order_tax_amount: number | undefined = 0;
  for (const line of lines) {
    order_amount += line.total_amount;
    order_tax_amount = order_tax_amount === undefined || line.total_tax_amount === undefined ? undefined : order_tax_amount + line.total_tax_amount;
  }
  return { order_amount, order_tax_amount };
}

/** A line as the API expects it, with its totals filled in by {@link lineTotals}. */
export function withLineTotals<T extends LineAmountsInput>(line: T): T & LineTotals {
  return { ...line, ...lineTotals(line) };
}

/** An arithmetic rule that a body breaks; the path uses the API's field names. */
export interface ArithmeticIssue {
  path: string;
  message: string;
}

/**
 * The Checkout document's rule: a line's `total_tax_amount` "must be within ±1 of
 * total_amount − total_amount × 10000 / (10000 + tax_rate)". In integers, with the
 * unrounded tax `total × rate / (10000 + rate)`: |tax × (10000 + rate) − total × rate| ≤ 10000 + rate.
 */
function taxWithinOne(tax: number, total: number, rate: number): boolean {
  return Number.isSafeInteger(tax) && Math.abs(tax * (10_000 + rate) - total * rate) <= 10_000 + rate;
}

/**
 * Checks the order arithmetic of the facts page: each line's `total_amount` and
 * `total_tax_amount` (within ±1 of the unrounded tax, as the Checkout document allows;
 * `lineTotals` computes the exact value), and (when given) `order_amount` /
 * `order_tax_amount` as their sums. Returns every broken rule; an empty list means the body adds up.
 *
 * The sandbox answers `400 BAD_VALUE` with these messages; the SDK uses the same
 * function to refuse a checkout order before it is sent.
 */
export function checkOrderArithmetic(body: {
  order_amount?: number | undefined;
  order_tax_amount?: number | undefined;
  order_lines?: ReadonlyArray<Partial<LineAmountsInput & LineTotals>> | undefined;
}): ArithmeticIssue[] {
  objectArgument(body, 'body');
  const issues: ArithmeticIssue[] = [];
  const lines = arrayArgument(body.order_lines ?? [], 'order_lines', (line, path) => objectArgument(line, path, 'an order line'));
  lines.forEach((line, i) => {
    if (!Number.isSafeInteger(line.quantity) || !Number.isSafeInteger(line.unit_price)) return;
    const expected = lineTotals({
      quantity: line.quantity!,
      unit_price: line.unit_price!,
      tax_rate: Number.isSafeInteger(line.tax_rate) ? line.tax_rate! : 0,
      total_discount_amount: Number.isSafeInteger(line.total_discount_amount) ? line.total_discount_amount : 0,
    });
    if (line.total_amount !== undefined && line.total_amount !== expected.total_amount) {
      issues.push({
        path: `order_lines[${i}].total_amount`,
        message: `must be quantity × unit_price − total_discount_amount = ${expected.total_amount}, got ${line.total_amount}`,
      });
    } else if (
      line.tax_rate !== undefined &&
      line.total_tax_amount !== undefined &&
      !taxWithinOne(line.total_tax_amount, expected.total_amount, Number.isSafeInteger(line.tax_rate) ? line.tax_rate : 0)
    ) {
      issues.push({
        path: `order_lines[${i}].total_tax_amount`,
        message: `must be within ±1 of total_amount − total_amount × 10000 / (10000 + tax_rate) (exactly ${expected.total_tax_amount}), got ${line.total_tax_amount}`,
      });
    }
  });
  const sums = orderTotals(lines.map((l) => ({ total_amount: l.total_amount ?? 0, total_tax_amount: l.total_tax_amount ?? 0 })));
  if (body.order_amount !== undefined && lines.length > 0 && body.order_amount !== sums.order_amount) {
    issues.push({
      path: 'order_amount',
      message: `must be the sum of the order lines' total_amount = ${sums.order_amount}, got ${body.order_amount}`,
    });
  }
  if (body.order_tax_amount !== undefined && lines.length > 0 && body.order_tax_amount !== sums.order_tax_amount) {
    issues.push({
      path: 'order_tax_amount',
      message: `must be the sum of the order lines' total_tax_amount = ${sums.order_tax_amount}, got ${body.order_tax_amount}`,
    });
  }
  return issues;
}

const exponentCache = new Map<string, number>();

/**
 * How many minor units digits a currency has (ISO 4217): SEK 2, JPY 0, KWD 3; a
 * well-formed code `Intl` does not know gets 2. Anything but three letters is a
 * `KustomValidationError` naming `currency`.
 */
export function currencyExponent(currency: string): number {
  if (typeof currency !== 'string' || !/^[A-Za-z]{3}$/.test(currency)) throw badArgument('currency', 'must be an ISO 4217 code such as "SEK"', currency);
  const code = currency.toUpperCase();
  let exponent = exponentCache.get(code);
  if (exponent === undefined) {
    exponent = new Intl.NumberFormat('en', { style: 'currency', currency: code }).resolvedOptions().maximumFractionDigits ?? 2;
    exponentCache.set(code, exponent);
  }
  return exponent;
}

/**
 * An amount in minor units as an exact decimal string in major units, built with
 * string arithmetic (no float): `minorToDecimal(-1205, 'SEK') === '-12.05'`,
 * `minorToDecimal(500, 'JPY') === '500'`.
 */
export function minorToDecimal(minor: number, currency: string): string {
  assertMinor(minor, 'amount');
  const exponent = currencyExponent(currency);
  const digits = Math.abs(minor).toString().padStart(exponent + 1, '0');
  const whole = digits.slice(0, digits.length - exponent);
  const fraction = exponent ? `.${digits.slice(digits.length - exponent)}` : '';
  return `${minor < 0 ? '-' : ''}${whole}${fraction}`;
}

/**
 * The inverse of {@link minorToDecimal}: a decimal amount, as a person types it, in
 * exact integer minor units (string arithmetic, no float). Accepts `.` or `,` as the
 * decimal separator, spaces (also no-break and thin) as digit groups, and a leading
 * minus. More decimals than the currency has, or anything else, is a
 * `KustomValidationError` naming `field`.
 *
 * @example decimalToMinor('1 234,50', 'SEK') // 123450
 * @example decimalToMinor('500', 'JPY')      // 500
 */
export function decimalToMinor(text: string, currency: string, field = 'amount'): number {
  const exponent = currencyExponent(currency);
  const match = /^(-?)(\d+)(?:[.,](\d*))?$/.exec((typeof text === 'string' || typeof text === 'number' ? String(text) : '').replace(/[\s\u00a0\u202f]/g, ''));
  const fraction = match?.[3] ?? '';
  const minor = match && fraction.length <= exponent ? Number(match[2] + fraction.padEnd(exponent, '0')) : NaN;
  if (!Number.isSafeInteger(minor)) {
    throw new KustomValidationError('request', [
      {
        path: field,
        message: `must be an amount in ${currency.toUpperCase()} with at most ${exponent} decimals, got ${shownArgument(text)}`,
        code: 'invalid_format',
      },
    ]);
  }
  return match![1] ? -minor : minor;
}

/**
 * A localized currency string for an amount in minor units.
 *
 * @example formatAmount(129900, 'SEK', 'sv-SE') // "1 299,00 kr"
 * @example formatAmount(1500, 'JPY', 'en')     // "¥1,500"
 */
export function formatAmount(minor: number, currency: string, locale?: string | string[]): string {
  currencyExponent(currency);
  const code = currency.toUpperCase();
  let format: Intl.NumberFormat;
  try {
    format = new Intl.NumberFormat(locale, { style: 'currency', currency: code });
  } catch (cause) {
    throw badArgument('locale', 'must be a BCP 47 locale such as "sv-SE"', locale, cause);
  }
  // Intl formats decimal strings exactly; the cast is needed because lib.dom types
  // `format` as taking a number only.
  return format.format(minorToDecimal(minor, code) as unknown as number);
}

function assertMinor(value: number, field: string): void {
  if (!Number.isSafeInteger(value)) {
    throw new KustomValidationError('request', [
      { path: field, message: `must be an integer in minor units, got ${shownArgument(value)}`, code: 'invalid_type' },
    ]);
  }
}
