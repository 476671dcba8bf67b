import { describe, expect, it } from 'vitest';
import { checkOrderArithmetic, lineBalances, lineSlice, lineTotals, planCapture, type OrderLine } from '@kustom/sdk';
import { LINES, at, captured, makeOrder, refunded } from './fixtures.js';

describe('lineSlice: a line in parts adds up exactly', () => {
  const tshirt = LINES[0]!; // 3 × 1000 − 100 = 2900, tax 580

  it('a line that states no tax: parts carry none; one with only total_tax_amount: only the whole line knows it', () => {
    const { tax_rate: _r, total_tax_amount: _t, ...untaxed } = tshirt;
    expect(lineSlice(untaxed, 0, 1)).toEqual({ quantity: 1, total_amount: 967, total_discount_amount: 33 });
    expect(lineSlice(untaxed, 1, 3)).toEqual({ quantity: 2, total_amount: 1933, total_discount_amount: 67 });
    const taxOnly = { ...untaxed, total_tax_amount: 580 };
    expect(lineSlice(taxOnly, 0, 1)).toEqual({ quantity: 1, total_amount: 967, total_discount_amount: 33 });
    expect(lineSlice(taxOnly, 0, 3)).toEqual({ quantity: 3, total_amount: 2900, total_discount_amount: 100, total_tax_amount: 580 });
    const rateOnly = { ...untaxed, tax_rate: 2500 };
    expect(lineSlice(rateOnly, 1, 3).total_tax_amount! + lineSlice(rateOnly, 0, 1).total_tax_amount!).toBe(580);
  });

  it('apportions the discount by units, rounding halves away from zero', () => {
    expect(lineSlice(tshirt, 0, 1)).toEqual({ quantity: 1, total_amount: 967, total_discount_amount: 33, total_tax_amount: 193 });
    expect(lineSlice(tshirt, 1, 3)).toEqual({ quantity: 2, total_amount: 1933, total_discount_amount: 67, total_tax_amount: 387 });
    expect(lineSlice(tshirt, 0, 3)).toEqual({ quantity: 3, total_amount: 2900, total_discount_amount: 100, total_tax_amount: 580 });
    expect(lineSlice(tshirt, 2, 2)).toEqual({ quantity: 0, total_amount: 0, total_discount_amount: 0, total_tax_amount: 0 });
  });

  it('every part keeps total_amount = quantity × unit_price − total_discount_amount', () => {
    for (const [from, to] of [[0, 1], [1, 2], [2, 3], [0, 2], [1, 3]] as const) {
      const part = lineSlice(tshirt, from, to);
      expect(part.total_amount).toBe(part.quantity * tshirt.unit_price - part.total_discount_amount);
    }
  });

  it('sums exactly over every split of awkward lines', () => {
    const awkward: OrderLine[] = [
      { name: 'a', quantity: 7, unit_price: 333, total_discount_amount: 101, tax_rate: 1200, ...lineTotals({ quantity: 7, unit_price: 333, total_discount_amount: 101, tax_rate: 1200 }) },
      { name: 'b', quantity: 3, unit_price: 1, total_discount_amount: 2, tax_rate: 2500, ...lineTotals({ quantity: 3, unit_price: 1, total_discount_amount: 2, tax_rate: 2500 }) },
      { name: 'c', quantity: 4, unit_price: -250, tax_rate: 600, ...lineTotals({ quantity: 4, unit_price: -250, tax_rate: 600 }) },
    ];
    for (const line of awkward) {
      for (let cut = 0; cut <= line.quantity; cut++) {
        const a = lineSlice(line, 0, cut);
        const b = lineSlice(line, cut, line.quantity);
        expect(a.total_amount + b.total_amount).toBe(line.total_amount);
        expect(a.total_tax_amount! + b.total_tax_amount!).toBe(line.total_tax_amount);
        expect(a.total_discount_amount + b.total_discount_amount).toBe(line.total_discount_amount ?? 0);
        expect(a.total_discount_amount).toBeGreaterThanOrEqual(0);
      }
      let sum = 0;
      for (let unit = 0; unit < line.quantity; unit++) sum += lineSlice(line, unit, unit + 1).total_amount;
      expect(sum).toBe(line.total_amount);
    }
  });
});

describe('sliceLine via the planners: parts the API accepts', () => {
  it("states tax_rate only where the part's tax follows the rule on its own", () => {
    const line = { reference: 'X', name: 'Mug', quantity: 3, unit_price: 999, tax_rate: 2500, ...lineTotals({ quantity: 3, unit_price: 999, tax_rate: 2500 }) };
    expect(line.total_tax_amount).toBe(599);
    let order = makeOrder({ order_lines: [line] });
    const parts = [];
    for (let i = 0; i < 3; i++) {
      const body = planCapture(order, { kind: 'lines', lines: [{ reference: 'X', quantity: 1 }] }, { now: at(1) });
      expect(checkOrderArithmetic(body)).toEqual([]);
      parts.push(body.order_lines![0]!);
      order = captured(order, body);
    }
    expect(parts.map((p) => [p.total_amount, p.total_tax_amount, p.tax_rate])).toEqual([
      [999, 200, 2500],
      [999, 200, 2500],
      [999, 199, undefined], // 599 − 400: the line's tax, exactly
    ]);
  });
});

describe('lineBalances', () => {
  it('starts with everything left to capture', () => {
    const [t, j, s] = lineBalances(makeOrder());
    expect(t).toMatchObject({ index: 0, reference: 'SKU-1', authorizedQuantity: 3, capturedQuantity: 0, quantityLeftToCapture: 3, amountLeftToCapture: 2900, quantityLeftToRefund: 0 });
    expect(j!.amountLeftToCapture).toBe(5000);
    expect(s!.amountLeftToCapture).toBe(500);
  });

  it('matches capture and refund lines by reference, then by name', () => {
    let order = captured(makeOrder(), {
      captured_amount: 967 + 5000,
      order_lines: [
        { reference: 'SKU-1', name: 'T-shirt (renamed on the invoice)', quantity: 1, unit_price: 1000, total_discount_amount: 33, total_amount: 967, total_tax_amount: 193, tax_rate: 2500 },
        { name: 'Jeans', quantity: 1, unit_price: 5000, total_amount: 5000, tax_rate: 2500 },
      ],
    });
    order = refunded(order, { refunded_amount: 5000, order_lines: [{ name: 'Jeans', quantity: 1, unit_price: 5000, total_amount: 5000 }] });
    const [t, j, s] = lineBalances(order);
    expect(t).toMatchObject({ capturedQuantity: 1, capturedAmount: 967, capturedTaxAmount: 193, quantityLeftToCapture: 2, amountLeftToCapture: 1933, quantityLeftToRefund: 1, amountLeftToRefund: 967 });
    expect(j).toMatchObject({ capturedQuantity: 1, capturedAmount: 5000, capturedTaxAmount: 1000, refundedQuantity: 1, refundedAmount: 5000, quantityLeftToRefund: 0, amountLeftToRefund: 0 });
    expect(s).toMatchObject({ capturedQuantity: 0, quantityLeftToCapture: 1 });
  });

  it('ignores return fees, unknown lines and captures without lines', () => {
    let order = captured(makeOrder(), { captured_amount: 1000 });
    order = captured(order, { captured_amount: 500, order_lines: [{ name: 'Gift wrap', quantity: 1, unit_price: 500, total_amount: 500 }] });
    order = captured(order, { captured_amount: 5000, order_lines: [{ reference: 'SKU-2', name: 'Jeans', quantity: 1, unit_price: 5000, total_amount: 5000 }] });
    order = refunded(order, {
      refunded_amount: 4500,
      order_lines: [
        { reference: 'SKU-2', name: 'Jeans', quantity: 1, unit_price: 5000, total_amount: 5000 },
        { type: 'return_fee', reference: 'SKU-2', name: 'Return fee', quantity: 1, unit_price: -500, total_amount: -500 },
      ],
    });
    const balances = lineBalances(order);
    expect(balances.map((b) => b.capturedAmount)).toEqual([0, 5000, 0]);
    expect(balances.map((b) => b.refundedAmount)).toEqual([0, 5000, 0]);
  });

  it('fills lines that share a reference one after the other', () => {
    const twin = LINES[1]!;
    const order = captured(makeOrder({ order_lines: [twin, twin] }), {
      captured_amount: 10000,
      order_lines: [twin, twin],
    });
    expect(lineBalances(order).map((b) => b.capturedQuantity)).toEqual([1, 1]);
  });
});
