import { describe, expect, it } from 'vitest';
import { UpdateAuthorizationRequest } from '@kustom/sdk/schemas';
import { KustomValidationError, planCapture, planEdit, type EditLine } from '@kustom/sdk';
import { LINES, at, captured, makeOrder, planError } from './fixtures.js';

const now = at(2);
const strip = ({ total_amount: _a, total_tax_amount: _t, ...line }: (typeof LINES)[number]): EditLine => line;

describe('planEdit', () => {
  const order = makeOrder();

  it('fills totals and the order amount', () => {
    const lines: EditLine[] = [strip(LINES[0]!), { reference: 'SKU-3', name: 'Socks', quantity: 2, unit_price: 990, tax_rate: 2500 }];
    const body = planEdit(order, lines, { now, description: 'Jeans out of stock' });
    expect(body.order_amount).toBe(2900 + 1980);
    expect(body.order_lines![1]).toEqual({ reference: 'SKU-3', name: 'Socks', quantity: 2, unit_price: 990, tax_rate: 2500, total_amount: 1980, total_tax_amount: 396 });
    expect(body.description).toBe('Jeans out of stock');
    expect(UpdateAuthorizationRequest.safeParse(body).success).toBe(true);
  });

  it('keeps captured lines and edits the others', () => {
    const part = captured(order, planCapture(order, { kind: 'lines', lines: [{ reference: 'SKU-1', quantity: 1 }] }, { now }));
    const body = planEdit(part, [LINES[0]!, strip(LINES[2]!)], { now });
    expect(body.order_amount).toBe(3400);
  });

  it('refuses changes to a line with captures', () => {
    const part = captured(order, planCapture(order, { kind: 'lines', lines: [{ reference: 'SKU-1', quantity: 1 }] }, { now }));
    expect(planError(() => planEdit(part, [{ ...strip(LINES[0]!), quantity: 2 }, LINES[1]!], { now }))).toMatchObject({
      code: 'LINE_ALREADY_CAPTURED',
      field: 'order_lines[0]',
      action: 'edit',
    });
    expect(planError(() => planEdit(part, [LINES[1]!, LINES[2]!], { now }))).toMatchObject({ code: 'LINE_ALREADY_CAPTURED', field: 'order_lines' });
  });

  it('refuses an amount below what was captured', () => {
    const part = captured(order, { captured_amount: 3000 });
    const error = planError(() => planEdit(part, [LINES[0]!], { now }));
    expect(error).toMatchObject({ code: 'BELOW_CAPTURED', field: 'order_amount' });
    expect(error.message).toMatch(/Resulting authorization amount 2900 cannot be less than the captured amount 3000/);
    expect(planEdit(part, [LINES[1]!], { now }).order_amount).toBe(5000);
  });

  it('refuses when the order cannot be edited', () => {
    const full = captured(order, { captured_amount: 8400 });
    expect(planError(() => planEdit(full, LINES, { now }))).toMatchObject({ code: 'ACTION_NOT_ALLOWED', reason: 'NOTHING_LEFT_TO_CAPTURE' });
    expect(planError(() => planEdit({ ...order, status: 'CANCELLED' }, LINES, { now }))).toMatchObject({ reason: 'CANCELLED' });
    expect(planError(() => planEdit(order, LINES, { now: at(30) }))).toMatchObject({ reason: 'EXPIRED' });
  });

  it('refuses wrong totals and floats with the field path', () => {
    const wrong = () => planEdit(order, [LINES[0]!, { ...LINES[1]!, total_amount: 4999 }], { now });
    expect(wrong).toThrow(KustomValidationError);
    try {
      wrong();
    } catch (error) {
      expect((error as KustomValidationError).field).toBe('order_lines[1].total_amount');
    }
    try {
      planEdit(order, [{ name: 'x', quantity: 1, unit_price: 9.5, tax_rate: 2500 }], { now });
      expect.unreachable();
    } catch (error) {
      expect((error as KustomValidationError).field).toBe('order_lines[0].unit_price');
    }
  });
});
