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
export * from './errors.js';
export { createActions, ACTION_INPUTS, ORDER_ACTION_NAMES, type ActRequest, type ActResult, type Actions, type ActionsOptions, type OrderActionName } from './actions.js';
export { createIntake, storeOrderRead, type BatchResult, type IngestResult, type Intake, type IntakeOptions, type StoreResult } from './intake.js';
export {
  createNotifications,
  NOTIFICATION_KINDS,
  type EmailMessage,
  type Notice,
  type NotificationEvent,
  type NotificationKind,
  type NotificationPreference,
  type Notifications,
  type NotificationsOptions,
  type NotifyHook,
} from './notifications.js';
export { ROLES, PERMISSIONS, ROLE_PERMISSIONS, can, isRole, type Permission, type Role } from './roles.js';
export type { Route, RouteContext } from './http/route.js';
export { createBackOfficeHandler, type BackOfficeHandler, type BackOfficeHandlerOptions, type MaintenanceResult } from './handler.js';
export { createSessions, type MagicLink, type ResolvedSession, type Sessions, type SessionsOptions } from './session.js';
export { ROUTES } from './routes/index.js';
export { orderQueryFromUrl } from './routes/orders.js';
export { json, readJson, type RoutePermission, type StoreProfile } from './http/route.js';
export { toFetchRequest, sendFetchResponse, toNodeHandler } from './http/node.js';
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
