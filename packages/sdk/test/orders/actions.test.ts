import { describe, expect, it } from 'vitest';
import { ORDER_ACTIONS, ORDER_LOCALES, orderActions, orderStatusAt, statusLabel, isKlarnaPaymentMethod, type ActionReason, type Order, type OrderAction } from '@kustom/sdk';
import { Order as OrderSchema } from '@kustom/sdk/schemas';
import { at, captured, makeOrder, refunded } from './fixtures.js';

const authorized = makeOrder();
const partCaptured = captured(authorized, { captured_amount: 2900 });
const fullyCaptured = captured(authorized, { captured_amount: 8400 });
const partRefunded = refunded(fullyCaptured, { refunded_amount: 1000 });
const fullyRefunded = refunded(fullyCaptured, { refunded_amount: 8400 });
const released: Order = { ...partCaptured, status: 'CLOSED', remaining_authorized_amount: 0 };
const cancelled: Order = { ...authorized, status: 'CANCELLED', remaining_authorized_amount: 0 };
const expired: Order = { ...authorized, status: 'EXPIRED', remaining_authorized_amount: 0 };
// A status a later API may send: read as data, and nothing is offered on it (even when the amounts would allow it).
const unknownStatus: Order = { ...partCaptured, status: 'ON_HOLD' };

const ok = undefined;
const NLTC = 'NOTHING_LEFT_TO_CAPTURE';
const all = (reason: ActionReason) => ORDER_ACTIONS.map(() => reason);

// columns: capture, refund, cancel, release, extend, edit, updateCustomerDetails, addShippingInfo
const table: Array<[string, Order, Date, Array<ActionReason | undefined>]> = [
  ['AUTHORIZED', authorized, at(1), [ok, 'NO_CAPTURES', ok, 'NO_CAPTURES', ok, ok, ok, ok]],
  ['PART_CAPTURED', partCaptured, at(1), [ok, ok, 'HAS_CAPTURES', ok, ok, ok, 'HAS_CAPTURES', ok]],
  ['CAPTURED', fullyCaptured, at(1), [NLTC, ok, 'HAS_CAPTURES', NLTC, NLTC, NLTC, 'HAS_CAPTURES', ok]],
  ['CAPTURED, partly refunded', partRefunded, at(3), [NLTC, ok, 'HAS_CAPTURES', NLTC, NLTC, NLTC, 'HAS_CAPTURES', ok]],
  ['CLOSED, refunded in full', fullyRefunded, at(3), [...all('CLOSED')].map((r, i) => (ORDER_ACTIONS[i] === 'refund' ? 'NOTHING_TO_REFUND' : r))],
  ['CLOSED, released after a capture', released, at(3), [...all('CLOSED')].map((r, i) => (ORDER_ACTIONS[i] === 'refund' ? ok : r))],
  ['CANCELLED', cancelled, at(1), all('CANCELLED')],
  ['EXPIRED', expired, at(40), all('EXPIRED')],
  ['AUTHORIZED past expires_at', authorized, at(28), all('EXPIRED')],
  ['PART_CAPTURED past expires_at', partCaptured, at(30), all('EXPIRED')],
  ['a status the SDK does not know (ON_HOLD)', unknownStatus, at(1), all('UNKNOWN_STATUS')],
  ['a status the SDK does not know, past expires_at', unknownStatus, at(40), all('UNKNOWN_STATUS')],
  ['CAPTURED past expires_at (not an open reservation)', fullyCaptured, at(30), [NLTC, ok, 'HAS_CAPTURES', NLTC, NLTC, NLTC, 'HAS_CAPTURES', ok]],
];

describe('orderActions: every status × action', () => {
  it.each(table)('%s', (_, order, now, expected) => {
    const actions = orderActions(order, { now });
    expect(Object.keys(actions)).toEqual([...ORDER_ACTIONS]);
    ORDER_ACTIONS.forEach((action, i) => {
      const state = actions[action];
      expect({ action, reason: state.reason }).toEqual({ action, reason: expected[i] });
      expect(state.allowed).toBe(expected[i] === undefined);
      expect(state.action).toBe(action);
      expect(state.label).toBeTruthy();
      expect(state.message === undefined).toBe(state.allowed);
    });
  });

  it('reports the effective status, EXPIRED from expires_at on', () => {
    expect(orderStatusAt(authorized, { now: at(28).getTime() - 1 })).toBe('AUTHORIZED');
    expect(orderStatusAt(authorized, { now: at(28) })).toBe('EXPIRED');
    expect(orderStatusAt(partCaptured, { now: at(29).toISOString() })).toBe('EXPIRED');
    expect(orderStatusAt(fullyCaptured, { now: at(29) })).toBe('CAPTURED');
  });

  it('reads a status it does not know as data: kept by the schema and orderStatusAt, shown as is, every action refused with a translated reason', () => {
    const read = OrderSchema.parse(JSON.parse(JSON.stringify(unknownStatus)));
    expect(read.status).toBe('ON_HOLD');
    expect(orderStatusAt(read, { now: at(40) })).toBe('ON_HOLD');
    expect(statusLabel(read.status, 'sv')).toBe('ON_HOLD');
    const messages = ORDER_LOCALES.map((locale) => orderActions(read, { now: at(1), locale }).capture.message);
    expect(messages[0]).toBe('The order has a status this version does not know, so no action is offered.');
    expect(new Set(messages).size).toBe(ORDER_LOCALES.length);
  });

  it('gives the amount each allowed action can move', () => {
    const a = orderActions(partCaptured, { now: at(2) });
    expect(a.capture.maxAmount).toBe(5500);
    expect(a.release.maxAmount).toBe(5500);
    expect(a.refund.maxAmount).toBe(2900);
    expect(a.cancel.maxAmount).toBeUndefined();
    expect(orderActions(authorized, { now: at(2) }).cancel.maxAmount).toBe(8400);
    expect(orderActions(partRefunded, { now: at(3) }).refund.maxAmount).toBe(7400);
  });

  it('localizes labels and messages, English for anything else', () => {
    const reasons = (locale?: string) => {
      const a = orderActions(fullyCaptured, { now: at(2), ...(locale ? { locale } : {}) });
      return [a.cancel.label, a.cancel.message];
    };
    expect(reasons()).toEqual(['Cancel order', 'Part of the order has already been captured.']);
    expect(reasons('sv-SE')).toEqual(['Avbryt order', 'En del av ordern har redan debiterats.']);
    expect(reasons('de-AT')).toEqual(['Bestellung stornieren', 'Ein Teil der Bestellung wurde bereits erfasst.']);
    expect(reasons('nb-NO')).toEqual(reasons('no'));
    expect(reasons('fr-FR')).toEqual(reasons('en'));
  });

  it('refuses an unreadable time with a validation error naming it', () => {
    expect(() => orderActions(authorized, { now: 'yesterday' })).toThrow(/now/);
  });
});

describe('fraud status', () => {
  it('blocks only the capture while the fraud check is pending or after it rejected the order', () => {
    const pending = orderActions(makeOrder({ fraud_status: 'PENDING' }), { now: at(1) });
    expect(pending.capture.reason).toBe('FRAUD_PENDING');
    expect(pending.cancel.allowed).toBe(true);
    expect(pending.extend.allowed).toBe(true);
    expect(orderActions(makeOrder({ fraud_status: 'REJECTED' }), { now: at(1), locale: 'de' }).capture.message).toBe(
      'Die Bestellung wurde von der Betrugsprüfung abgelehnt.',
    );
    const { fraud_status: _, ...unknown } = makeOrder();
    expect(orderActions(unknown as Order, { now: at(1) }).capture.allowed).toBe(true);
  });
});

describe('extension rules', () => {
  const extend = (order: Order, now = at(10)) => orderActions(order, { now }).extend.reason;

  it('needs the Klarna payment method', () => {
    expect(extend(makeOrder({ initial_payment_method: { type: 'CARD', description: 'Card' } }))).toBe('NOT_KLARNA');
    expect(extend(makeOrder({ initial_payment_method: { type: 'SWISH' } }))).toBe('NOT_KLARNA');
    const { initial_payment_method: _, ...unknown } = makeOrder();
    expect(extend(unknown as Order)).toBe('NOT_KLARNA');
    expect(extend(makeOrder({ initial_payment_method: { type: 'PAY_LATER_IN_PARTS' } }))).toBe(ok);
    expect(extend(makeOrder({ initial_payment_method: { type: 'OTHER', description: 'Klarna' } }))).toBe(ok);
  });

  it('detects Klarna from the description first, then the type', () => {
    expect(isKlarnaPaymentMethod(undefined)).toBe(false);
    expect(isKlarnaPaymentMethod({})).toBe(false);
    expect(isKlarnaPaymentMethod({ type: 'invoice' })).toBe(true);
    expect(isKlarnaPaymentMethod({ type: 'KLARNA' })).toBe(false); // not a published type
    expect(isKlarnaPaymentMethod({ type: 'ALTERNATIVE_PAYMENT_METHOD', description: 'PayPal' })).toBe(false);
    expect(isKlarnaPaymentMethod({ type: 'CARD', description: 'Klarna Card' })).toBe(true);
  });

  it.each(['ES', 'FR', 'IT', 'PT', 'es'])('is not available for purchases in %s', (country) => {
    expect(extend(makeOrder({ purchase_country: country }))).toBe('COUNTRY_NOT_SUPPORTED');
  });

  it.each(['SE', 'DE', 'NO', 'FI', 'DK', 'AT', 'NL'])('is available for purchases in %s', (country) => {
    expect(extend(makeOrder({ purchase_country: country }))).toBe(ok);
  });

  it('never passes created_at + 90 days: capped there, then refused', () => {
    const extended = makeOrder({ expires_at: at(80).toISOString() });
    expect(extend(extended, at(62))).toBe(ok); // now + 28 = day 90: exactly the limit
    expect(extend(extended, at(79))).toBe(ok); // would be day 107: capped at day 90
    expect(extend(makeOrder({ expires_at: at(90).toISOString() }), at(70))).toBe('EXTENSION_LIMIT_REACHED');
  });

  it('refuses an extension that would not move expires_at later', () => {
    expect(extend(authorized, at(0))).toBe('NOTHING_TO_EXTEND'); // just authorized: already now + 28 days
    expect(extend(authorized, new Date(at(0).getTime() + 1000))).toBe(ok);
    expect(extend(makeOrder({ expires_at: at(40).toISOString() }), at(12))).toBe('NOTHING_TO_EXTEND'); // just extended
  });

  it('only while the reservation is open and something is left to capture', () => {
    expect(extend(partCaptured)).toBe(ok);
    expect(extend(fullyCaptured)).toBe(NLTC);
    expect(extend(authorized, at(28))).toBe('EXPIRED');
    expect(extend(cancelled)).toBe('CANCELLED');
  });
});

it('lists the eight actions of the order drawer', () => {
  expect(ORDER_ACTIONS).toEqual<OrderAction[]>(['capture', 'refund', 'cancel', 'release', 'extend', 'edit', 'updateCustomerDetails', 'addShippingInfo']);
});
