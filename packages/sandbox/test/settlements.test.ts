import { PayoutCollection, PayoutSummaryList, Payout } from '@kustom/sdk/schemas';
import { describe, expect, it } from 'vitest';
import { COMMISSION_BASIS_POINTS, type Sandbox } from '../src/index.js';
import { authorizedOrder, call, line, testSandbox } from './helpers.js';

const om = (id: string, suffix = '') => `/ordermanagement/v1/orders/${id}${suffix}`;

async function history() {
  const sandbox = testSandbox();
  // Day 0 (Mon 3 March): a SEK order captured in full, an EUR order captured in part.
  const sek = await authorizedOrder(sandbox, [line('Sweater', 1, 100000)]);
  await call(sandbox, 'POST', om(sek, '/captures'), { captured_amount: 100000, reference: 'SHIP-1' });
  const eur = await authorizedOrder(sandbox, [line('Boots', 2, 10000, 1900)], { purchase_country: 'DE', purchase_currency: 'EUR', locale: 'de-DE' });
  await call(sandbox, 'POST', om(eur, '/captures'), { captured_amount: 10000 });
  await call(sandbox, 'POST', om(eur, '/release-remaining-authorization'));
  // Day 1: a return of 30000 SEK.
  sandbox.clock.advance({ days: 1 });
  await call(sandbox, 'POST', om(sek, '/refunds'), { refunded_amount: 30000, reference: 'RMA-1' });
  // Day 2: a return larger than that day's sales: debt, repaid by the next payout.
  sandbox.clock.advance({ days: 1 });
  const small = await authorizedOrder(sandbox, [line('Mug', 1, 10000)]);
  await call(sandbox, 'POST', om(small, '/captures'), { captured_amount: 10000 });
  await call(sandbox, 'POST', om(sek, '/refunds'), { refunded_amount: 50000 });
  sandbox.clock.advance({ days: 1 });
  const later = await authorizedOrder(sandbox, [line('Scarf', 1, 200000)]);
  await call(sandbox, 'POST', om(later, '/captures'), { captured_amount: 200000 });
  sandbox.clock.advance({ days: 10 });
  return { sandbox, sek, eur };
}

const payouts = async (sandbox: Sandbox, query = '') => {
  const answer = await call(sandbox, 'GET', `/settlements/v1/payouts${query}`);
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return PayoutCollection.parse(answer.body);
};

describe('Settlements API', () => {
  it('pays out each day\'s captures and refunds two days later, per currency, with the test commission', async () => {
    const { sandbox } = await history();
    const { payouts: list, pagination } = await payouts(sandbox);
    expect(pagination).toMatchObject({ count: 5, total: 5, offset: 0 });
    const byDate = Object.fromEntries(list.map((p) => [`${p.payout_date} ${p.currency_code}`, p.totals]));
    const commission = (amount: number) => Math.round((amount * COMMISSION_BASIS_POINTS) / 10_000);
    expect(byDate['2025-03-05T06:00:00Z SEK']).toMatchObject({ sale_amount: 100000, commission_amount: commission(100000), settlement_amount: 100000 - 1490 });
    expect(byDate['2025-03-05T06:00:00Z EUR']).toMatchObject({ sale_amount: 10000, commission_amount: 149, settlement_amount: 9851 });
    expect(byDate['2025-03-06T06:00:00Z SEK']).toMatchObject({ sale_amount: 0, return_amount: 30000, settlement_amount: 0, deposit_amount: 30000, closing_debt_balance_amount: 30000 });
    expect(byDate['2025-03-07T06:00:00Z SEK']).toMatchObject({
      sale_amount: 10000,
      commission_amount: 149,
      return_amount: 50000,
      opening_debt_balance_amount: 30000,
      deposit_amount: 40149,
      closing_debt_balance_amount: 70149,
      settlement_amount: 0,
    });
    expect(byDate['2025-03-08T06:00:00Z SEK']).toMatchObject({
      sale_amount: 200000,
      commission_amount: 2980,
      opening_debt_balance_amount: 70149,
      repay_amount: 70149,
      closing_debt_balance_amount: 0,
      settlement_amount: 200000 - 2980 - 70149,
    });
    // Newest first; the merchant's id and a link to the transactions.
    expect(list[0]!.payout_date).toBe('2025-03-08T06:00:00Z');
    expect(list[0]).toMatchObject({ merchant_id: 'PK12345', merchant_settlement_type: 'NET' });
  });

  it('has no payout before its date, and never pays out a released authorization', async () => {
    const sandbox = testSandbox();
    const id = await authorizedOrder(sandbox, [line('Sweater', 1, 100000)]);
    await call(sandbox, 'POST', om(id, '/captures'), { captured_amount: 40000 });
    await call(sandbox, 'POST', om(id, '/release-remaining-authorization'));
    sandbox.clock.advance({ days: 1 });
    expect((await payouts(sandbox)).payouts).toEqual([]);
    await call(sandbox, 'POST', '/sandbox/v1/clock', { advance_days: 1 });
    const [payout] = (await payouts(sandbox)).payouts;
    expect(payout!.totals.sale_amount).toBe(40000);
  });

  it('filters by currency and date range, and paginates', async () => {
    const { sandbox } = await history();
    expect((await payouts(sandbox, '?currency_code=EUR')).payouts.map((p) => p.currency_code)).toEqual(['EUR']);
    const range = await payouts(sandbox, '?start_date=2025-03-06&end_date=2025-03-07T23:59:59Z');
    expect(range.payouts.map((p) => p.payout_date)).toEqual(['2025-03-07T06:00:00Z', '2025-03-06T06:00:00Z']);
    const first = await payouts(sandbox, '?size=2');
    expect(first.pagination).toMatchObject({ count: 2, total: 5, offset: 0, next: expect.stringContaining('offset=2') });
    expect(first.pagination.prev).toBeUndefined();
    const next = await call(sandbox, 'GET', new URL(first.pagination.next!).pathname + new URL(first.pagination.next!).search);
    expect(next.body.pagination).toMatchObject({ count: 2, offset: 2, prev: expect.stringContaining('offset=0') });
    expect(next.body.payouts[0].payment_reference).not.toBe(first.payouts[0]!.payment_reference);
  });

  it.each([
    ['?size=501', 'size'],
    ['?size=0', 'size'],
    ['?offset=-1', 'offset'],
    ['?start_date=yesterday', 'start_date'],
    ['?start_date=2025-03-09&end_date=2025-03-01', 'end_date'],
  ])('refuses %s with 400 BAD_VALUE', async (query, field) => {
    const answer = await call(testSandbox(), 'GET', `/settlements/v1/payouts${query}`);
    expect([answer.status, answer.body.error_code]).toEqual([400, 'BAD_VALUE']);
    expect(answer.body.error_messages.join()).toContain(field);
  });

  it('accepts size 500', async () => {
    expect((await call(testSandbox(), 'GET', '/settlements/v1/payouts?size=500')).status).toBe(200);
  });

  it('sums payouts per currency in the summary', async () => {
    const { sandbox } = await history();
    const answer = await call(sandbox, 'GET', '/settlements/v1/payouts/summary?start_date=2025-03-01&end_date=2025-03-31');
    const summaries = PayoutSummaryList.parse(answer.body);
    const all = (await payouts(sandbox)).payouts;
    for (const summary of summaries) {
      const mine = all.filter((p) => p.currency_code === summary.summary_settlement_currency);
      expect(summary.summary_total_sale_amount).toBe(mine.reduce((s, p) => s + p.totals.sale_amount, 0));
      expect(summary.summary_total_settlement_amount).toBe(mine.reduce((s, p) => s + p.totals.settlement_amount, 0));
      expect(summary.summary_total_return_amount).toBe(mine.reduce((s, p) => s + p.totals.return_amount, 0));
    }
    expect(summaries.map((s) => s.summary_settlement_currency).sort()).toEqual(['EUR', 'SEK']);
    const eur = await call(sandbox, 'GET', '/settlements/v1/payouts/summary?start_date=2025-03-01&end_date=2025-03-31&currency_code=EUR');
    expect(eur.body).toHaveLength(1);
    expect((await call(sandbox, 'GET', '/settlements/v1/payouts/summary?start_date=2025-03-01')).status).toBe(400);
  });

  it('reads one payout and its transactions', async () => {
    const { sandbox, sek } = await history();
    const [latest] = (await payouts(sandbox, '?currency_code=SEK&start_date=2025-03-05&end_date=2025-03-05T23:59:59Z')).payouts;
    const one = await call(sandbox, 'GET', `/settlements/v1/payouts/${latest!.payment_reference}`);
    expect(Payout.parse(one.body)).toEqual(latest);
    const transactions = await call(sandbox, 'GET', `/settlements/v1/transactions?payment_reference=${latest!.payment_reference}`);
    expect(transactions.body.transactions.map((t: { type: string; amount: number }) => [t.type, t.amount])).toEqual([
      ['SALE', 100000],
      ['COMMISSION', -1490],
    ]);
    expect(transactions.body.transactions[0]).toMatchObject({ order_id: sek, merchant_capture_reference: 'SHIP-1', currency_code: 'SEK', purchase_country: 'SE' });
    const returns = await call(sandbox, 'GET', `/settlements/v1/transactions?order_id=${sek}`);
    expect(returns.body.transactions.filter((t: { type: string }) => t.type === 'RETURN').map((t: { amount: number }) => t.amount)).toEqual([-30000, -50000]);
    expect((await call(sandbox, 'GET', '/settlements/v1/payouts/NOPE1234')).status).toBe(404);
  });
});
