/**
 * Order-management helpers: what an order allows, and exact plans for capture,
 * refund, edit, release and extension. Pure functions, no I/O: they read an
 * Order Management `Order` and return answers or request bodies for the client.
 */
export { orderActions } from './actions.js';
export type { OrderActionState, OrderActions, OrderActionsOptions } from './actions.js';
export { lineBalances, lineSlice } from './balances.js';
export type { LineBalance, LineSliceTotals } from './balances.js';
export { KustomPlanError, isKustomPlanError } from './errors.js';
export type { KustomPlanErrorCode, KustomPlanErrorInit } from './errors.js';
export { orderTranslations, resolveOrderLocale, orderTranslation, statusLabel } from './localize.js';
export type { OrderTranslation } from './localize.js';
export { planCapture, planRefund } from './plan-movement.js';
export type {
  AmountSpec,
  CaptureSpec,
  FullSpec,
  LinesSpec,
  PlanLine,
  PlanOptions,
  RefundSpec,
  ReturnFee,
} from './plan-movement.js';
export { planEdit } from './plan-edit.js';
export type { EditLine, PlanEditOptions } from './plan-edit.js';
export { reservation } from './reservation.js';
export type { Reservation } from './reservation.js';
export { EXTENSION_UNSUPPORTED_COUNTRIES, orderStatusAt, isKlarnaPaymentMethod } from './rules.js';
export { orderTimeline } from './timeline.js';
export type { TimelineEvent, TimelineOptions } from './timeline.js';
export { ORDER_ACTIONS, ORDER_LOCALES, TIMELINE_EVENT_TYPES } from './types.js';
export type { ActionReason, AtOptions, Instant, OrderAction, OrderLocale, TimelineEventType } from './types.js';
