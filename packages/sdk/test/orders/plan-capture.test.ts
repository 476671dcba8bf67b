import { describe, expect, it } from 'vitest';
import { CaptureRequest } from '@kustom/sdk/schemas';
import { KustomPlanError, KustomValidationError, checkOrderArithmetic, planCapture, type CaptureSpec, type Order } from '@kustom/sdk';
import { at, captured, makeOrder, planError } from './fixtures.js';

const now = at(1);
const plan = (order: Order, spec: CaptureSpec) => planCapture(order, spec, { now });


function expectValidBody(body: unknown) {
  expect(CaptureRequest.safeParse(body).success).toBe(true);
  expect(checkOrderArithmetic(body as Parameters<typeof checkOrderArithmetic>[0])).toEqual([]);
}

describe('planCapture', () => {
  const order = makeOrder();

  it('full: the remaining amount with every line', () => {
    const body = plan(order, { kind: 'full', reference: 'shipment-1' });
    expect(body.captured_amount).toBe(8400);
    expect(body.reference).toBe('shipment-1');
    expect(body.order_lines).toEqual(order.order_lines);
    expectValidBody(body);
  });

  it('full after a partial capture: what is left of each line, exact to the line', () => {
    const first = plan(order, { kind: 'lines', lines: [{ reference: 'SKU-1', quantity: 1 }] });
    const rest = plan(captured(order, first), { kind: 'full' });
    expect(rest.captured_amount).toBe(8400 - 967);
    expect(rest.order_lines!.map((l) => [l.reference, l.quantity, l.total_amount, l.total_tax_amount])).toEqual([
      ['SKU-1', 2, 1933, 387],
      ['SKU-2', 1, 5000, 1000],
      ['SHIP', 1, 500, 100],
    ]);
    expect(first.order_lines![0]!.total_amount + rest.order_lines![0]!.total_amount).toBe(2900);
    expect(first.order_lines![0]!.total_tax_amount! + rest.order_lines![0]!.total_tax_amount!).toBe(580);
    expectValidBody(rest);
  });

  it('full after a capture by amount: the remaining amount without lines', () => {
    const body = plan(captured(order, { captured_amount: 1000 }), { kind: 'full' });
    expect(body).toEqual({ captured_amount: 7400 });
  });

  it('lines: two of three lines, with exact part totals', () => {
    const body = plan(order, {
      kind: 'lines',
      lines: [
        { reference: 'SKU-1', quantity: 2 },
        { reference: 'Jeans', quantity: 1 }, // by name
      ],
      description: 'First parcel',
      shipping_info: [{ shipping_company: 'PostNord', tracking_number: '123' }],
    });
    expect(body.captured_amount).toBe(1933 + 5000);
    expect(body.order_lines!.map((l) => [l.name, l.quantity, l.total_discount_amount, l.total_amount])).toEqual([
      ['T-shirt', 2, 67, 1933],
      ['Jeans', 1, undefined, 5000],
    ]);
    expect(body.description).toBe('First parcel');
    expect(body.shipping_info).toHaveLength(1);
    expectValidBody(body);
  });

  it('lines: the same line twice takes consecutive units', () => {
    const body = plan(order, { kind: 'lines', lines: [{ reference: 'SKU-1', quantity: 1 }, { reference: 'SKU-1', quantity: 2 }] });
    expect(body.order_lines!.map((l) => l.total_amount)).toEqual([967, 1933]);
  });

  it('lines: unknown reference', () => {
    const error = planError(() => plan(order, { kind: 'lines', lines: [{ reference: 'SKU-1', quantity: 1 }, { reference: 'SKU-9', quantity: 1 }] }));
    expect(error).toBeInstanceOf(KustomPlanError);
    expect(error).toMatchObject({ name: 'KustomPlanError', code: 'UNKNOWN_REFERENCE', field: 'lines[1].reference', action: 'capture' });
  });

  it('lines: more units than are left on the line', () => {
    expect(planError(() => plan(order, { kind: 'lines', lines: [{ reference: 'SKU-1', quantity: 4 }] }))).toMatchObject({
      code: 'QUANTITY_EXCEEDS_REMAINING',
      field: 'lines[0].quantity',
    });
    const after = captured(order, plan(order, { kind: 'lines', lines: [{ reference: 'SKU-1', quantity: 2 }] }));
    expect(planError(() => plan(after, { kind: 'lines', lines: [{ reference: 'SKU-1', quantity: 2 }] })).message).toMatch(/only 1 are left/);
    expect(planError(() => plan(after, { kind: 'lines', lines: [{ reference: 'SKU-1', quantity: 1 }, { reference: 'SKU-1', quantity: 1 }] }))).toMatchObject({
      code: 'QUANTITY_EXCEEDS_REMAINING',
      field: 'lines[1].quantity',
    });
  });

  it('lines: over-capture when earlier captures by amount leave less than the lines', () => {
    const after = captured(order, { captured_amount: 8000 });
    expect(planError(() => plan(after, { kind: 'lines', lines: [{ reference: 'SKU-2', quantity: 1 }] }))).toMatchObject({ code: 'OVER_CAPTURE', field: 'lines' });
  });

  it('lines: a discount line alone is a negative amount', () => {
    const withDiscount = makeOrder({
      order_lines: [
        ...makeOrder().order_lines,
        { type: 'discount', reference: 'PROMO', name: 'Promo', quantity: 1, unit_price: -400, tax_rate: 2500, total_amount: -400, total_tax_amount: -80 },
      ],
    });
    expect(planError(() => plan(withDiscount, { kind: 'lines', lines: [{ reference: 'PROMO', quantity: 1 }] }))).toMatchObject({ code: 'NEGATIVE_AMOUNT' });
    const body = plan(withDiscount, { kind: 'lines', lines: [{ reference: 'SKU-2', quantity: 1 }, { reference: 'PROMO', quantity: 1 }] });
    expect(body.captured_amount).toBe(4600);
    expect(plan(withDiscount, { kind: 'full' }).captured_amount).toBe(8000);
  });

  it('amount: one line with the tax of the amount', () => {
    const body = plan(order, { kind: 'amount', amount: 1250, tax_rate: 2500, description: 'Deposit' });
    expect(body).toEqual({
      captured_amount: 1250,
      description: 'Deposit',
      order_lines: [{ name: 'Deposit', quantity: 1, unit_price: 1250, tax_rate: 2500, total_amount: 1250, total_tax_amount: 250 }],
    });
    expectValidBody(body);
  });

  it('amount: over-capture', () => {
    expect(planError(() => plan(order, { kind: 'amount', amount: 8401, tax_rate: 2500, description: 'Too much' }))).toMatchObject({
      code: 'OVER_CAPTURE',
      field: 'amount',
    });
    expect(plan(order, { kind: 'amount', amount: 8400, tax_rate: 2500, description: 'All' }).captured_amount).toBe(8400);
  });

  it('refuses when the order does not allow a capture, with the reason', () => {
    const full = captured(order, { captured_amount: 8400 });
    expect(planError(() => plan(full, { kind: 'full' }))).toMatchObject({ code: 'ACTION_NOT_ALLOWED', reason: 'NOTHING_LEFT_TO_CAPTURE' });
    expect(planError(() => planCapture(order, { kind: 'full' }, { now: at(28) }))).toMatchObject({ code: 'ACTION_NOT_ALLOWED', reason: 'EXPIRED' });
    expect(planError(() => plan({ ...order, status: 'CANCELLED' }, { kind: 'full' }))).toMatchObject({ reason: 'CANCELLED' });
  });

  it('refuses malformed specs with a validation error naming the field', () => {
    const cases: Array<[CaptureSpec, string]> = [
      [{ kind: 'lines', lines: [] }, 'lines'],
      [{ kind: 'lines', lines: [{ reference: 'SKU-1', quantity: 0 }] }, 'lines[0].quantity'],
      [{ kind: 'lines', lines: [{ reference: 'SKU-1', quantity: 1.5 }] }, 'lines[0].quantity'],
      [{ kind: 'lines', lines: [{ reference: '', quantity: 1 }] }, 'lines[0].reference'],
      [{ kind: 'amount', amount: 12.5, tax_rate: 2500, description: 'x' }, 'amount'],
      [{ kind: 'amount', amount: 0, tax_rate: 2500, description: 'x' }, 'amount'],
      [{ kind: 'amount', amount: 100, tax_rate: 25.5, description: 'x' }, 'tax_rate'],
      [{ kind: 'amount', amount: 100, tax_rate: 2500, description: '' }, 'description'],
      [{ kind: 'whatever' } as unknown as CaptureSpec, 'kind'],
      [{ kind: 'full', reference: 'x'.repeat(256) }, 'reference'],
    ];
    for (const [spec, field] of cases) {
      let thrown: unknown;
      try {
        plan(order, spec);
      } catch (error) {
        thrown = error;
      }
      expect(thrown, JSON.stringify(spec)).toBeInstanceOf(KustomValidationError);
      expect((thrown as KustomValidationError).field).toBe(field);
    }
  });

  it('defaults now to the current time', () => {
    const old = makeOrder({ created_at: '2020-01-01T00:00:00Z', expires_at: '2020-01-29T00:00:00Z' });
    expect(planError(() => planCapture(old, { kind: 'full' }))).toMatchObject({ reason: 'EXPIRED' });
  });
});
