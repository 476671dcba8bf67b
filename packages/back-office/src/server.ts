/**
 * `@kustom/back-office/server`: the server side of a merchant back office (Node only).
 */
export { openDb, type Db, type OpenDbOptions, type Queryable } from './db.js';
export { migrate, MIGRATIONS } from './migrations.js';
export {
  openStore,
  createStore,
  searchTextOf,
  type AuditEntry,
  type NewAuditEntry,
  type OpenStoreOptions,
  type OrderPage,
  type OrderPageQuery,
  type OrderStore,
  type User,
} from './store.js';
export { compileOrderQuery, ORDER_PAGE_SORTS, type OrderPageSort } from './order-query.js';
export { exportOrdersCsv, iterateOrders, csvByteStream, type ExportOrdersOptions } from './export.js';
export {
  insightsOverviewOf,
  demographyOf,
  AGE_BANDS,
  GENDERS,
  CUSTOMER_KINDS,
  FREQUENCIES,
  type AgeBand,
  type CustomerKind,
  type Demography,
  type DemographyOptions,
  type Gender,
} from './insights.js';
export { expiringOrdersOf, repeatedOrdersOf, type RepeatedOrdersOfOptions } from './reports.js';
export { insightsRoutes } from './routes/insights.js';
export { exportRoutes } from './routes/export.js';
export { reportsRoutes } from './routes/reports.js';
export { settlementsRoutes } from './routes/settlements.js';
