import { describe, expect, it } from 'vitest';
import { KustomValidationError, decimalToMinor, divideRounded, formatAmount, lineTotals, minorToDecimal, orderTotals, taxFromGross, checkOrderArithmetic } from '@kustom/sdk';

describe('money', () => {
  it('computes tax from gross with the facts-page rounding rule', () => {
    expect(taxFromGross(12500, 2500)).toBe(2500);
    expect(taxFromGross(10000, 2500)).toBe(2000);
    expect(taxFromGross(999, 2500)).toBe(200); // 999 − round(799.2) = 200
    expect(taxFromGross(1001, 1200)).toBe(107); // 1001 − round(893.75) = 107
    expect(taxFromGross(-1001, 1200)).toBe(-107); // discounts mirror positive lines
    expect(taxFromGross(5000, 0)).toBe(0);
  });

  it('rounds halves away from zero in exact integer arithmetic', () => {
    expect(divideRounded(5, 2)).toBe(3);
    expect(divideRounded(-5, 2)).toBe(-3);
    expect(divideRounded(4, 2)).toBe(2);
    expect(divideRounded(0, 7)).toBe(0);
    // Not integers (or a denominator that is not positive): a typed error naming the argument, never a TypeError.
    for (const [n, d, field] of [[1.5, 2, 'numerator'], [{ toString: '' }, 2, 'numerator'], [5, 0, 'denominator'], [5, NaN, 'denominator']] as const) {
      expect(() => divideRounded(n as number, d)).toThrow(KustomValidationError);
      try { divideRounded(n as number, d); } catch (e) { expect((e as KustomValidationError).field).toBe(field); }
    }
    expect(Object.is(divideRounded(-1, 7), -0)).toBe(false);
  });

  it('fills line totals and sums orders', () => {
    const a = lineTotals({ quantity: 3, unit_price: 4990, tax_rate: 2500, total_discount_amount: 990 });
    expect(a).toEqual({ total_amount: 13980, total_tax_amount: 2796 });
    const b = lineTotals({ quantity: 1, unit_price: 4900, tax_rate: 2500 });
    expect(orderTotals([a, b])).toEqual({ order_amount: 18880, order_tax_amount: 3776 });
  });

  it('refuses float amounts with a typed error naming the field', () => {
    expect(() => lineTotals({ quantity: 1, unit_price: 49.9, tax_rate: 2500 })).toThrow(KustomValidationError);
    try {
      lineTotals({ quantity: 1, unit_price: 49.9, tax_rate: 2500 });
    } catch (error) {
      expect((error as KustomValidationError).field).toBe('unit_price');
    }
  });

  it('formats amounts by currency exponent without floats', () => {
    expect(minorToDecimal(-1205, 'SEK')).toBe('-12.05');
    expect(minorToDecimal(5, 'EUR')).toBe('0.05');
    expect(minorToDecimal(500, 'JPY')).toBe('500');
    expect(minorToDecimal(1234, 'KWD')).toBe('1.234');
    expect(formatAmount(129900, 'SEK', 'sv-SE').replace(/\s/g, ' ')).toBe('1 299,00 kr');
    expect(formatAmount(1500, 'JPY', 'en')).toBe('¥1,500');
    expect(formatAmount(900719925474099, 'EUR', 'en')).toBe('€9,007,199,254,740.99');
  });

  it('reports every broken arithmetic rule with its path', () => {
    const issues = checkOrderArithmetic({
      order_amount: 100,
      order_tax_amount: 20,
      order_lines: [
        { quantity: 2, unit_price: 5000, tax_rate: 2500, total_amount: 10000, total_tax_amount: 2000 },
        { quantity: 1, unit_price: 5000, tax_rate: 2500, total_amount: 4000, total_tax_amount: 800 },
      ],
    });
    expect(issues.map((i) => i.path)).toEqual(['order_lines[1].total_amount', 'order_amount', 'order_tax_amount']);
  });

  it('reads typed decimals back into exact minor units', () => {
    expect(decimalToMinor('1 234,50', 'SEK')).toBe(123450);
    expect(decimalToMinor('12.5', 'EUR')).toBe(1250);
    expect(decimalToMinor('-0.05', 'EUR')).toBe(-5);
    expect(decimalToMinor('500', 'JPY')).toBe(500);
    expect(decimalToMinor('1.234', 'KWD')).toBe(1234);
    for (const minor of [0, 1, -1205, 900719925474099]) expect(decimalToMinor(minorToDecimal(minor, 'EUR'), 'EUR')).toBe(minor);
    for (const bad of ['', '12.345', '1e3', '12,3,4', 'abc', '5.5']) {
      expect(() => decimalToMinor(bad, bad === '5.5' ? 'JPY' : 'EUR', 'captured_amount')).toThrow(/captured_amount/);
    }
  });
});

describe('money functions given bad arguments throw a KustomValidationError naming the argument, never a TypeError or RangeError', () => {
  const named = (fn: () => unknown, field: string) => {
    let error: unknown;
    try {
      fn();
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(KustomValidationError);
    expect((error as KustomValidationError).field).toBe(field);
  };

  it.each([
    ['formatAmount(100, "XX")', () => formatAmount(100, 'XX'), 'currency'],
    ['formatAmount(100, undefined)', () => formatAmount(100, undefined as unknown as string), 'currency'],
    ['formatAmount(100, "SEK", "not a locale!")', () => formatAmount(100, 'SEK', 'not a locale!'), 'locale'],
    ['minorToDecimal(100, 7)', () => minorToDecimal(100, 7 as unknown as string), 'currency'],
    ['decimalToMinor("12,50", undefined)', () => decimalToMinor('12,50', undefined as unknown as string), 'currency'],
    ['lineTotals(null)', () => lineTotals(null as never), 'line'],
    ['orderTotals(undefined)', () => orderTotals(undefined as never), 'lines'],
  ])('%s', (_, fn, field) => named(fn, field));

  it('a well-formed currency code Intl does not know is still formatted (2 decimals)', () => {
    expect(minorToDecimal(1234, 'XYZ')).toBe('12.34');
  });
});
