import { describe, expect, it } from 'vitest';
import { RefundRequest } from '@kustom/sdk/schemas';
import { KustomValidationError, planCapture, planRefund, type Order, type RefundSpec } from '@kustom/sdk';
import { at, captured, makeOrder, refunded, planError } from './fixtures.js';

const now = at(3);
const plan = (order: Order, spec: RefundSpec) => planRefund(order, spec, { now });
const valid = (body: unknown) => expect(RefundRequest.safeParse(body).success).toBe(true);

const order = makeOrder();
const capture = (o: Order, lines: Array<[string, number]>) =>
  captured(o, planCapture(o, { kind: 'lines', lines: lines.map(([reference, quantity]) => ({ reference, quantity })) }, { now: at(1) }));
const twoOfThree = capture(order, [['SKU-1', 3], ['SKU-2', 1]]); // 7900 captured, shipping left

describe('planRefund', () => {
  it('full: everything captured and not yet refunded, by line', () => {
    const body = plan(twoOfThree, { kind: 'full' });
    expect(body.refunded_amount).toBe(7900);
    expect(body.order_lines!.map((l) => [l.reference, l.quantity, l.total_amount])).toEqual([
      ['SKU-1', 3, 2900],
      ['SKU-2', 1, 5000],
    ]);
    valid(body);
  });

  it('lines: one of the captured lines', () => {
    const body = plan(twoOfThree, { kind: 'lines', lines: [{ reference: 'SKU-2', quantity: 1 }], reference: 'RMA-7' });
    expect(body).toMatchObject({ refunded_amount: 5000, reference: 'RMA-7' });
    valid(body);
  });

  it('lines: refunds in parts add up to the captured part', () => {
    const one = plan(twoOfThree, { kind: 'lines', lines: [{ reference: 'SKU-1', quantity: 1 }] });
    const after = refunded(twoOfThree, one);
    const two = plan(after, { kind: 'lines', lines: [{ reference: 'SKU-1', quantity: 2 }] });
    expect(one.refunded_amount + two.refunded_amount).toBe(2900);
    expect(one.order_lines![0]!.total_tax_amount! + two.order_lines![0]!.total_tax_amount!).toBe(580);
  });

  it('lines: only what was captured on that line', () => {
    expect(planError(() => plan(twoOfThree, { kind: 'lines', lines: [{ reference: 'SHIP', quantity: 1 }] }))).toMatchObject({
      code: 'QUANTITY_EXCEEDS_REMAINING',
      field: 'lines[0].quantity',
      action: 'refund',
    });
    const after = refunded(twoOfThree, plan(twoOfThree, { kind: 'lines', lines: [{ reference: 'SKU-2', quantity: 1 }] }));
    expect(planError(() => plan(after, { kind: 'lines', lines: [{ reference: 'SKU-2', quantity: 1 }] }))).toMatchObject({ code: 'QUANTITY_EXCEEDS_REMAINING' });
    expect(planError(() => plan(after, { kind: 'lines', lines: [{ reference: 'nope', quantity: 1 }] }))).toMatchObject({ code: 'UNKNOWN_REFERENCE' });
  });

  it('lines: over-refund when refunds by amount already took it', () => {
    const after = refunded(twoOfThree, { refunded_amount: 7000 });
    expect(planError(() => plan(after, { kind: 'lines', lines: [{ reference: 'SKU-2', quantity: 1 }] }))).toMatchObject({ code: 'OVER_REFUND', field: 'lines' });
  });

  it('amount: up to what is left to refund', () => {
    const body = plan(twoOfThree, { kind: 'amount', amount: 1000, tax_rate: 2500, description: 'Goodwill' });
    expect(body).toMatchObject({ refunded_amount: 1000, description: 'Goodwill' });
    expect(body.order_lines).toEqual([{ name: 'Goodwill', quantity: 1, unit_price: 1000, tax_rate: 2500, total_amount: 1000, total_tax_amount: 200 }]);
    expect(planError(() => plan(twoOfThree, { kind: 'amount', amount: 7901, tax_rate: 2500, description: 'x' }))).toMatchObject({ code: 'OVER_REFUND', field: 'amount' });
  });

  it('full after a refund by amount: the rest, without lines', () => {
    expect(plan(refunded(twoOfThree, { refunded_amount: 900 }), { kind: 'full' })).toEqual({ refunded_amount: 7000 });
  });

  it('return fee: a negative return_fee line, refunded_amount = goods − fee = sum of lines', () => {
    const body = plan(twoOfThree, {
      kind: 'lines',
      lines: [{ reference: 'SKU-2', quantity: 1 }],
      return_fee: { amount: 500, tax_rate: 2500 },
    });
    expect(body.refunded_amount).toBe(4500);
    expect(body.order_lines).toEqual([
      expect.objectContaining({ reference: 'SKU-2', total_amount: 5000 }),
      { type: 'return_fee', name: 'Return fee', quantity: 1, unit_price: -500, tax_rate: 2500, total_amount: -500, total_tax_amount: -100 },
    ]);
    expect(body.order_lines!.reduce((sum, l) => sum + l.total_amount, 0)).toBe(body.refunded_amount);
    valid(body);
  });

  it('return fee with a refund by amount, and with a full refund without line detail', () => {
    const byAmount = plan(twoOfThree, { kind: 'amount', amount: 2000, tax_rate: 2500, description: 'Return', return_fee: { amount: 300, tax_rate: 2500, name: 'Retur', reference: 'FEE' } });
    expect(byAmount.refunded_amount).toBe(1700);
    expect(byAmount.order_lines![1]).toMatchObject({ type: 'return_fee', name: 'Retur', reference: 'FEE', total_amount: -300, total_tax_amount: -60 });
    const noDetail = refunded(twoOfThree, { refunded_amount: 900 });
    const full = plan(noDetail, { kind: 'full', description: 'Returned', return_fee: { amount: 100, tax_rate: 0 } });
    expect(full.refunded_amount).toBe(6900);
    expect(full.order_lines!.map((l) => l.total_amount)).toEqual([7000, -100]);
    expect(full.order_lines![0]!.name).toBe('Returned');
  });

  it('return fee: as large as the goods is refused', () => {
    expect(
      planError(() => plan(twoOfThree, { kind: 'lines', lines: [{ reference: 'SKU-2', quantity: 1 }], return_fee: { amount: 5000, tax_rate: 2500 } })),
    ).toMatchObject({ code: 'RETURN_FEE_EXCEEDS_REFUND', field: 'return_fee.amount' });
    expect(() => plan(twoOfThree, { kind: 'full', return_fee: { amount: -1, tax_rate: 2500 } })).toThrow(KustomValidationError);
  });

  it('refuses when the order does not allow a refund', () => {
    expect(planError(() => plan(order, { kind: 'full' }))).toMatchObject({ code: 'ACTION_NOT_ALLOWED', reason: 'NO_CAPTURES', action: 'refund' });
    const all = refunded(captured(order, { captured_amount: 8400 }), { refunded_amount: 8400 });
    expect(all.status).toBe('CLOSED');
    expect(planError(() => plan(all, { kind: 'full' }))).toMatchObject({ reason: 'NOTHING_TO_REFUND' });
    expect(planError(() => plan({ ...twoOfThree, status: 'EXPIRED' }, { kind: 'full' }))).toMatchObject({ reason: 'EXPIRED' });
  });

  it('refunds a CLOSED order that is not fully refunded', () => {
    const released: Order = { ...twoOfThree, status: 'CLOSED', remaining_authorized_amount: 0 };
    expect(plan(released, { kind: 'lines', lines: [{ reference: 'SKU-1', quantity: 1 }] }).refunded_amount).toBe(967);
  });
});
