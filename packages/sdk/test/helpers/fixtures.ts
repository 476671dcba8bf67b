/** Valid bodies of every wire format the client tests send or answer with. */
import type { CheckoutOrder, CreateCheckoutOrderRequest, Order, Capture, Refund, Payout, PayoutCollection, PayoutSummary } from '@kustom/sdk';

export const ORDER_ID = 'f3392f8b-6116-4073-ab96-e330819e2c07';
export const CAPTURE_ID = '4ba29b50-be7b-44f5-a492-113e6a865e22';
export const REFUND_ID = 'b2cb4f5e-2a8c-4f0d-a7a4-9d1b2f6a0e11';
export const CORRELATION_ID = '1b4c6bfa-f182-43dd-bde0-6bec32a56cf0';

export const line = {
  type: 'physical',
  reference: 'MUG-1',
  name: 'Mug',
  quantity: 2,
  unit_price: 12500,
  tax_rate: 2500,
  total_amount: 25000,
  total_tax_amount: 5000,
} as const;

export const createBody = (): CreateCheckoutOrderRequest => ({
  purchase_country: 'SE',
  purchase_currency: 'SEK',
  locale: 'sv-SE',
  order_amount: 25000,
  order_tax_amount: 5000,
  order_lines: [{ ...line }],
  merchant_urls: {
    terms: 'https://shop.example/terms',
    checkout: 'https://shop.example/checkout',
    confirmation: 'https://shop.example/confirmation?order_id={checkout.order.id}',
    push: 'https://shop.example/push?order_id={checkout.order.id}',
  },
});

export const checkoutOrder = (): CheckoutOrder => ({
  ...createBody(),
  order_id: ORDER_ID,
  status: 'checkout_incomplete',
  html_snippet: '<div id="kco"></div>',
});

export const capture = (): Capture => ({
  capture_id: CAPTURE_ID,
  captured_amount: 25000,
  captured_at: '2025-03-01T10:00:00Z',
  order_lines: [{ ...line }],
  refunded_amount: 0,
});

export const refund = (): Refund => ({
  refund_id: REFUND_ID,
  refunded_amount: 12500,
  refunded_at: '2025-03-02T10:00:00Z',
  description: 'One mug returned',
});

export const order = (): Order => ({
  order_id: ORDER_ID,
  klarna_reference: 'K4MADNY-1',
  status: 'PART_CAPTURED',
  fraud_status: 'ACCEPTED',
  order_amount: 50000,
  original_order_amount: 50000,
  captured_amount: 25000,
  refunded_amount: 0,
  remaining_authorized_amount: 25000,
  purchase_country: 'SE',
  purchase_currency: 'SEK',
  locale: 'sv-SE',
  created_at: '2025-03-01T09:00:00Z',
  expires_at: '2025-03-29T09:00:00Z',
  order_lines: [{ ...line, quantity: 4, total_amount: 50000, total_tax_amount: 10000 }],
  captures: [capture()],
  refunds: [],
});

const totals = {
  commission_amount: 0,
  repay_amount: 0,
  sale_amount: 50000,
  holdback_amount: 0,
  settlement_amount: 48500,
  reversal_amount: 0,
  release_amount: 0,
  return_amount: 0,
  fee_amount: 1500,
  charge_amount: 0,
  credit_amount: 0,
  fee_refund_amount: 0,
  tax_refund_amount: 0,
  deposit_amount: 0,
  opening_debt_balance_amount: 0,
  closing_debt_balance_amount: 0,
};

export const payout = (n: number): Payout => ({
  totals,
  payment_reference: `XISA1234${n}`,
  payout_date: '2025-03-05T12:00:00Z',
  currency_code: 'SEK',
  merchant_settlement_type: 'NET',
  merchant_id: 'K123456',
});

export const payoutPage = (from: number, count: number, total: number): PayoutCollection => ({
  payouts: Array.from({ length: count }, (_, i) => payout(from + i)),
  pagination: { count, total, offset: from, ...(from + count < total ? { next: `/settlements/v1/payouts?offset=${from + count}` } : {}) },
});

export const payoutSummary = (): PayoutSummary => ({
  summary_settlement_currency: 'SEK',
  summary_payout_date_start: '2025-03-01T00:00:00Z',
  summary_payout_date_end: '2025-03-31T23:59:59Z',
  summary_total_sale_amount: 50000,
  summary_total_commission_amount: 0,
  summary_total_fee_amount: 1500,
  summary_total_fee_correction_amount: 0,
  summary_total_holdback_amount: 0,
  summary_total_release_amount: 0,
  summary_total_repay_amount: 0,
  summary_total_return_amount: 0,
  summary_total_reversal_amount: 0,
  summary_total_settlement_amount: 48500,
  summary_total_tax_amount: 0,
});

export const apiError = (error_code: string, message: string) => ({
  error_code,
  error_messages: [message],
  correlation_id: CORRELATION_ID,
});
