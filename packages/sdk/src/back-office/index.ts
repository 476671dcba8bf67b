/** Merchant back-office helpers: search, CSV export, repeated orders, packing slips, insights, expiring orders, several stores. */
export { KustomOrderNotCapturedError, KustomUnknownStoreError, isKustomOrderNotCapturedError, isKustomUnknownStoreError } from './errors.js';
export type { OrdersSource } from './iterate.js';
export { customerName, customerEmail, foldText } from './order-fields.js';
export { ORDER_COLUMNS, DEFAULT_ORDER_COLUMNS, type OrderColumn } from './order-columns.js';
export { PAYOUT_COLUMNS, type PayoutColumn } from './payout-columns.js';
export {
  ordersToCsv,
  payoutsToCsv,
  collectCsv,
  neutraliseFormula,
  CSV_DELIMITERS,
  type CsvDelimiter,
  type CsvOptions,
  type OrdersCsvOptions,
  type PayoutsCsvOptions,
} from './csv.js';
export { searchOrders, orderSearchRange, orderSearchText, type OrderSearchQuery, type OrderSearchResult, type SortDirection } from './search-orders.js';
export { createKustomStores, type KustomStores } from './stores.js';
export {
  insightsOverview,
  insightsOverviewFromGroups,
  type InsightsGroup,
  type InsightsOptions,
  type InsightsOverview,
  type InsightsTotals,
  type CurrencyInsights,
  type CountryInsights,
  type PaymentMixEntry,
  type DailyInsights,
  type Change,
} from './insights.js';
export { expiringOrders, type ExpiringOrder, type ExpiringOrdersOptions } from './expiring-orders.js';
export { renderPackingSlip, type PackingSlipOptions, type PackingSlipStore } from './packing-slip.js';
export { packingSlipTranslations, type PackingSlipTranslation } from './packing-slip-translations.js';
export { DEFAULT_MAX_LOGO_BYTES, checkLogo, type CheckedLogo } from './logo.js';
export { findRepeatedOrders, type RepeatedOrderCopy, type RepeatedOrderGroup, type RepeatedOrdersOptions } from './repeated-orders.js';
