/**
 * Settlements API v1 (`/settlements/v1`), built from the captures and refunds:
 *
 * - each capture is a `SALE`, with a fixed test commission of **1.49 %** of the
 *   captured amount (`COMMISSION`, rounded half away from zero per capture);
 * - each refund is a `RETURN`, deducted from the payout it falls in;
 * - transactions of one UTC day are paid out **2 days later at 06:00 UTC**, one payout
 *   per currency (`merchant_settlement_type: NET`); a payout exists once its date is
 *   past on the sandbox clock;
 * - totals are positive magnitudes: `settlement_amount = sale − commission − return
 *   − repay`; when returns exceed sales the shortfall becomes debt
 *   (`deposit_amount`, `closing_debt_balance_amount`) that the next payouts repay.
 *
 * Released authorizations never appear (nothing was captured).
 */
import { divideRounded } from '@kustom/sdk';
import { PayoutsQuery, PayoutSummaryQuery, type Payout, type PayoutSummary, type PayoutTotals } from '@kustom/sdk/schemas';
import * as z from 'zod/mini';
import { DAY_MS, isoSeconds } from './clock.js';
import type { Core, Route, RouteContext } from './core.js';
import { createRandom, seedState } from './random.js';
import { fail, json } from './reply.js';
import type { OrderRecord } from './store.js';
import { parseBody } from './validation.js';

/** The sandbox's commission: 1.49 % (149 basis points) of every sale. */
export const COMMISSION_BASIS_POINTS = 149;
/** Days between a transaction and its payout. */
export const PAYOUT_DELAY_DAYS = 2;
/** The sandbox merchant is registered in Sweden. */
export const REGISTRATION_CURRENCY = 'SEK';
/** Hour (UTC) of the payout on its day. */
export const PAYOUT_HOUR_UTC = 6;

export interface Transaction {
  amount: number;
  type: 'SALE' | 'COMMISSION' | 'RETURN';
  capture_id?: string;
  refund_id?: string;
  sale_date: string;
  capture_date: string;
  order_id: string;
  short_order_id: string;
  merchant_reference1?: string;
  merchant_capture_reference?: string;
  merchant_refund_reference?: string;
  currency_code: string;
  purchase_country: string;
  shipping_country?: string;
  initial_payment_method_type?: string;
  payment_reference: string;
  payout: string;
}

interface Settled {
  payout: Payout;
  at: number;
  transactions: Transaction[];
}

const commissionOf = (amount: number) => divideRounded(amount * COMMISSION_BASIS_POINTS, 10_000);

function payoutTime(at: number): number {
  const day = Math.floor(at / DAY_MS) * DAY_MS;
  return day + PAYOUT_DELAY_DAYS * DAY_MS + PAYOUT_HOUR_UTC * 3_600_000;
}

function paymentReference(merchantId: string, currency: string, time: number): string {
  return createRandom(seedState(`${merchantId}|${currency}|${time}`)).code(8);
}

function orderTransactions(o: OrderRecord): Array<Omit<Transaction, 'payment_reference' | 'payout'> & { at: number }> {
  const common = {
    order_id: o.order_id,
    short_order_id: o.klarna_reference,
    currency_code: o.purchase_currency,
    purchase_country: o.purchase_country,
    sale_date: isoSeconds(o.created_at),
    ...(o.merchant_reference1 !== undefined ? { merchant_reference1: o.merchant_reference1 } : {}),
    ...(o.shipping_address?.country ? { shipping_country: o.shipping_address.country } : {}),
    ...(o.initial_payment_method.type ? { initial_payment_method_type: o.initial_payment_method.type } : {}),
  };
  const out: Array<Omit<Transaction, 'payment_reference' | 'payout'> & { at: number }> = [];
  for (const c of o.captures) {
    const base = { ...common, capture_id: c.capture_id, capture_date: isoSeconds(c.captured_at), at: c.captured_at };
    const reference = c.reference !== undefined ? { merchant_capture_reference: c.reference } : {};
    out.push({ ...base, ...reference, type: 'SALE', amount: c.captured_amount });
    out.push({ ...base, type: 'COMMISSION', amount: -commissionOf(c.captured_amount) });
  }
  const firstCapture = o.captures[0];
  for (const r of o.refunds) {
    out.push({
      ...common,
      type: 'RETURN',
      amount: -r.refunded_amount,
      refund_id: r.refund_id,
      capture_date: isoSeconds(firstCapture?.captured_at ?? r.refunded_at),
      ...(r.reference !== undefined ? { merchant_refund_reference: r.reference } : {}),
      at: r.refunded_at,
    });
  }
  return out;
}

const ZERO_TOTALS: PayoutTotals = {
  commission_amount: 0,
  repay_amount: 0,
  sale_amount: 0,
  holdback_amount: 0,
  tax_amount: 0,
  settlement_amount: 0,
  fee_correction_amount: 0,
  reversal_amount: 0,
  release_amount: 0,
  return_amount: 0,
  fee_amount: 0,
  charge_amount: 0,
  credit_amount: 0,
  fee_refund_amount: 0,
  tax_refund_amount: 0,
  deposit_amount: 0,
  opening_debt_balance_amount: 0,
  closing_debt_balance_amount: 0,
};

/** Every payout made so far (payout date ≤ now), oldest first. */
export function settle(core: Core, baseUrl: string): Settled[] {
  const now = core.clock.nowMs();
  const { merchantId } = core.config;
  const groups = new Map<string, { currency: string; time: number; items: ReturnType<typeof orderTransactions> }>();
  for (const o of core.stores.orders.values()) {
    for (const t of orderTransactions(o)) {
      const time = payoutTime(t.at);
      if (time > now) continue;
      const key = `${t.currency_code}|${time}`;
      let group = groups.get(key);
      if (!group) groups.set(key, (group = { currency: t.currency_code, time, items: [] }));
      group.items.push(t);
    }
  }
  const debt = new Map<string, number>();
  return [...groups.values()]
    .sort((a, b) => a.time - b.time || a.currency.localeCompare(b.currency))
    .map(({ currency, time, items }) => {
      const reference = paymentReference(merchantId, currency, time);
      const link = `${baseUrl}/settlements/v1/transactions?payment_reference=${reference}`;
      const of = (type: Transaction['type']) => items.filter((t) => t.type === type).reduce((s, t) => s + Math.abs(t.amount), 0);
      const sale = of('SALE');
      const commission = of('COMMISSION');
      const returns = of('RETURN');
      const due = sale - commission - returns;
      const opening = debt.get(currency) ?? 0;
      const repay = due >= 0 ? Math.min(due, opening) : 0;
      const deposit = due < 0 ? -due : 0;
      const closing = opening - repay + deposit;
      debt.set(currency, closing);
      const payout: Payout = {
        totals: {
          ...ZERO_TOTALS,
          sale_amount: sale,
          commission_amount: commission,
          return_amount: returns,
          repay_amount: repay,
          deposit_amount: deposit,
          opening_debt_balance_amount: opening,
          closing_debt_balance_amount: closing,
          settlement_amount: Math.max(0, due - repay),
        },
        payment_reference: reference,
        payout_date: isoSeconds(time),
        currency_code: currency,
        currency_code_of_registration_country: REGISTRATION_CURRENCY,
        merchant_settlement_type: 'NET',
        merchant_id: merchantId,
        transactions: link,
      };
      const transactions = items
        .sort((a, b) => a.at - b.at)
        .map(({ at: _at, ...t }) => ({ ...t, payment_reference: reference, payout: `${baseUrl}/settlements/v1/payouts/${reference}` }));
      return { payout, at: time, transactions };
    });
}

/** Query values are strings; numbers are converted before the schema checks them. */
function query(ctx: RouteContext, numeric: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of ctx.url.searchParams) {
    out[key] = numeric.includes(key) && /^-?\d+$/.test(value) ? Number(value) : value;
  }
  return out;
}

/** `2025-03-01` is the start of that day (UTC), as the API documents. */
function dateMs(value: string | undefined, field: string): number | undefined {
  if (value === undefined) return undefined;
  const ms = Date.parse(/T/.test(value) ? value : `${value}T00:00:00Z`);
  return Number.isNaN(ms) ? fail(400, 'BAD_VALUE', `Bad value: ${field} (must be an ISO 8601 date)`) : ms;
}

function inRange(ctx: RouteContext, start?: string, end?: string, currency?: string): Settled[] {
  const from = dateMs(start, 'start_date');
  const to = dateMs(end, 'end_date');
  if (from !== undefined && to !== undefined && from > to) fail(400, 'BAD_VALUE', 'Bad value: end_date (must not be before start_date)');
  return settle(ctx.core, ctx.baseUrl).filter(
    (s) => (from === undefined || s.at >= from) && (to === undefined || s.at <= to) && (!currency || s.payout.currency_code === currency.toUpperCase()),
  );
}

function page<T>(ctx: RouteContext, items: T[], size: number, offset: number) {
  const link = (at: number) => {
    const url = new URL(`${ctx.baseUrl}${ctx.url.pathname}${ctx.url.search}`);
    url.searchParams.set('offset', String(at));
    url.searchParams.set('size', String(size));
    return url.toString();
  };
  const slice = items.slice(offset, offset + size);
  return {
    items: slice,
    pagination: {
      count: slice.length,
      total: items.length,
      offset,
      ...(offset + size < items.length ? { next: link(offset + size) } : {}),
      ...(offset > 0 ? { prev: link(Math.max(0, offset - size)) } : {}),
    },
  };
}

const TransactionsQuery = z.object({
  payment_reference: z.optional(z.string()),
  order_id: z.optional(z.string()),
  size: z.optional(z.int().check(z.minimum(1), z.maximum(500))),
  offset: z.optional(z.int().check(z.minimum(0))),
});

export const settlementRoutes: Route[] = [
  {
    method: 'GET',
    path: '/settlements/v1/payouts',
    access: 'secret',
    handle(ctx) {
      const q = parseBody(PayoutsQuery, query(ctx, ['size', 'offset']));
      const payouts = inRange(ctx, q.start_date, q.end_date, q.currency_code)
        .map((s) => s.payout)
        .reverse();
      const { items, pagination } = page(ctx, payouts, q.size ?? 20, q.offset ?? 0);
      return json(200, { payouts: items, pagination });
    },
  },
  {
    method: 'GET',
    path: '/settlements/v1/payouts/summary',
    access: 'secret',
    handle(ctx) {
      const q = parseBody(PayoutSummaryQuery, query(ctx, []));
      const byCurrency = new Map<string, Payout[]>();
      for (const { payout } of inRange(ctx, q.start_date, q.end_date, q.currency_code)) {
        byCurrency.set(payout.currency_code, [...(byCurrency.get(payout.currency_code) ?? []), payout]);
      }
      const summaries: PayoutSummary[] = [...byCurrency].map(([currency, payouts]) => {
        const total = (key: keyof PayoutTotals) => payouts.reduce((s, p) => s + (p.totals[key] ?? 0), 0);
        return {
          summary_settlement_currency: currency,
          summary_payout_date_start: payouts[0]!.payout_date,
          summary_payout_date_end: payouts[payouts.length - 1]!.payout_date,
          summary_total_sale_amount: total('sale_amount'),
          summary_total_commission_amount: total('commission_amount'),
          summary_total_fee_amount: total('fee_amount'),
          summary_total_fee_correction_amount: total('fee_correction_amount'),
          summary_total_holdback_amount: total('holdback_amount'),
          summary_total_release_amount: total('release_amount'),
          summary_total_repay_amount: total('repay_amount'),
          summary_total_return_amount: total('return_amount'),
          summary_total_reversal_amount: total('reversal_amount'),
          summary_total_settlement_amount: total('settlement_amount'),
          summary_total_tax_amount: total('tax_amount'),
        };
      });
      return json(200, summaries);
    },
  },
  {
    method: 'GET',
    path: '/settlements/v1/payouts/:payment_reference',
    access: 'secret',
    handle(ctx) {
      const found = settle(ctx.core, ctx.baseUrl).find((s) => s.payout.payment_reference === ctx.params.payment_reference);
      return found ? json(200, found.payout) : fail(404, 'NOT_FOUND', `No payout with payment_reference ${ctx.params.payment_reference}`);
    },
  },
  {
    method: 'GET',
    path: '/settlements/v1/transactions',
    access: 'secret',
    handle(ctx) {
      const q = parseBody(TransactionsQuery, query(ctx, ['size', 'offset']));
      const transactions = settle(ctx.core, ctx.baseUrl)
        .flatMap((s) => s.transactions)
        .filter((t) => (!q.payment_reference || t.payment_reference === q.payment_reference) && (!q.order_id || t.order_id === q.order_id));
      const { items, pagination } = page(ctx, transactions, q.size ?? 20, q.offset ?? 0);
      return json(200, { transactions: items, pagination });
    },
  },
];
