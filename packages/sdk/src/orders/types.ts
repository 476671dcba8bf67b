/** The actions of the portal's order drawer, one Order Management call each. */
export const ORDER_ACTIONS = [
  'capture',
  'refund',
  'cancel',
  'release',
  'extend',
  'edit',
  'updateCustomerDetails',
  'addShippingInfo',
] as const;
export type OrderAction = (typeof ORDER_ACTIONS)[number];

/** Why an action is not allowed. */
export type ActionReason =
  /** The order was cancelled: nothing more can happen to it. */
  | 'CANCELLED'
  /** The reservation ran out before the order was fully captured (`status: EXPIRED` or `expires_at` passed). */
  | 'EXPIRED'
  /** The order is closed (released after captures, or refunded in full). */
  | 'CLOSED'
  /** Cancel / customer details: part of the order is already captured. */
  | 'HAS_CAPTURES'
  /** Refund / release: nothing was captured yet. */
  | 'NO_CAPTURES'
  /** Capture / release / edit / extend: the whole authorization is captured (or released). */
  | 'NOTHING_LEFT_TO_CAPTURE'
  /** Refund: everything captured is already refunded. */
  | 'NOTHING_TO_REFUND'
  /** Extend: the order was not paid with the Klarna payment method. */
  | 'NOT_KLARNA'
  /** Extend: `expires_at` already is 90 days after the original authorization, the most there is. */
  | 'EXTENSION_LIMIT_REACHED'
  /** Extend: `expires_at` already is now + 28 days (just authorized or just extended): an extension would not move it. */
  | 'NOTHING_TO_EXTEND'
  /** Capture: the fraud check has not finished (`fraud_status: PENDING`). */
  | 'FRAUD_PENDING'
  /** Capture: the fraud check rejected the order (`fraud_status: REJECTED`). */
  | 'FRAUD_REJECTED'
  /** Extend: not available for purchases in ES, FR, IT or PT. */
  | 'COUNTRY_NOT_SUPPORTED'
  /** Every action: the order's `status` is one the SDK does not know, so it allows nothing rather than guess. */
  | 'UNKNOWN_STATUS';

/** The portal's languages: English, Swedish, Finnish, Danish, Norwegian (Bokmål), German. */
export const ORDER_LOCALES = ['en', 'sv', 'fi', 'da', 'nb', 'de'] as const;
export type OrderLocale = (typeof ORDER_LOCALES)[number];

/** A point in time: a `Date`, epoch milliseconds, or an ISO 8601 string. */
export type Instant = Date | number | string;

/** Options of the helpers that depend on the current time. */
export interface AtOptions {
  /** The current time; the reservation and "expired" depend on it. */
  now: Instant;
}

/** The kinds of event in an order's timeline (the portal's order drawer). */
export const TIMELINE_EVENT_TYPES = [
  'authorized',
  'captured',
  'refunded',
  'shippingInfo',
  'extended',
  'released',
  'cancelled',
  'expired',
] as const;
export type TimelineEventType = (typeof TIMELINE_EVENT_TYPES)[number];
