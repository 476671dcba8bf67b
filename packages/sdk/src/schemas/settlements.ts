/** Settlements API v1 (`/settlements/v1`). */
import * as z from 'zod/mini';
import { CurrencyCode, MinorUnits, openEnum } from './common.js';

export const PayoutTotals = z.object({
  commission_amount: MinorUnits,
  repay_amount: MinorUnits,
  sale_amount: MinorUnits,
  holdback_amount: MinorUnits,
  tax_amount: z.optional(MinorUnits),
  settlement_amount: MinorUnits,
  fee_correction_amount: z.optional(MinorUnits),
  reversal_amount: MinorUnits,
  release_amount: MinorUnits,
  return_amount: MinorUnits,
  fee_amount: MinorUnits,
  charge_amount: MinorUnits,
  credit_amount: MinorUnits,
  fee_refund_amount: MinorUnits,
  tax_refund_amount: MinorUnits,
  deposit_amount: MinorUnits,
  opening_debt_balance_amount: MinorUnits,
  closing_debt_balance_amount: MinorUnits,
});
export type PayoutTotals = z.infer<typeof PayoutTotals>;

export const Payout = z.object({
  totals: PayoutTotals,
  payment_reference: z.string(),
  payout_date: z.string(),
  currency_code: z.string(),
  currency_code_of_registration_country: z.optional(z.string()),
  merchant_settlement_type: openEnum(['GROSS', 'NET', 'GROSS_FEE']),
  merchant_id: z.string(),
  transactions: z.optional(z.string()),
});
export type Payout = z.infer<typeof Payout>;

export const Pagination = z.object({
  count: z.int(),
  total: z.optional(z.int()),
  next: z.optional(z.string()),
  prev: z.optional(z.string()),
  offset: z.optional(z.int()),
});
export type Pagination = z.infer<typeof Pagination>;

export const PayoutCollection = z.object({
  payouts: z.array(Payout),
  pagination: Pagination,
});
export type PayoutCollection = z.infer<typeof PayoutCollection>;

export const PayoutSummary = z.object({
  summary_settlement_currency: z.string(),
  summary_payout_date_start: z.string(),
  summary_payout_date_end: z.string(),
  summary_total_sale_amount: MinorUnits,
  summary_total_commission_amount: MinorUnits,
  summary_total_fee_amount: MinorUnits,
  summary_total_fee_correction_amount: MinorUnits,
  summary_total_holdback_amount: MinorUnits,
  summary_total_release_amount: MinorUnits,
  summary_total_repay_amount: MinorUnits,
  summary_total_return_amount: MinorUnits,
  summary_total_reversal_amount: MinorUnits,
  summary_total_settlement_amount: MinorUnits,
  summary_total_tax_amount: MinorUnits,
});
export type PayoutSummary = z.infer<typeof PayoutSummary>;

export const PayoutSummaryList = z.array(PayoutSummary);

const isoDate = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/, 'must be an ISO 8601 date'));

/** Query of `GET /settlements/v1/payouts`. */
export const PayoutsQuery = z.object({
  start_date: z.optional(isoDate),
  end_date: z.optional(isoDate),
  currency_code: z.optional(CurrencyCode),
  size: z.optional(z.int().check(z.minimum(1), z.maximum(500))),
  offset: z.optional(z.int().check(z.minimum(0))),
});
export type PayoutsQuery = z.infer<typeof PayoutsQuery>;

/** Query of `GET /settlements/v1/payouts/summary` (both dates required by the API). */
export const PayoutSummaryQuery = z.object({
  start_date: isoDate,
  end_date: isoDate,
  currency_code: z.optional(CurrencyCode),
});
export type PayoutSummaryQuery = z.infer<typeof PayoutSummaryQuery>;
