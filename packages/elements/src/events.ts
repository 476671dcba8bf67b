/**
 * The elements' events. Each is an `Event` subclass with a typed, readonly
 * `detail`; all bubble and are composed, so they reach listeners outside any
 * shadow root. The selection events are cancelable: `preventDefault()` puts the
 * previous choice back.
 */
import type { DeliveryOption, ExpressButton, PaymentMethod } from '@kustom/sdk/elements';

/** @internal The shared shape: `bubbles` and `composed`, a readonly `detail`. */
export class KustomEvent<D> extends Event {
  readonly detail: D;
  constructor(type: string, detail: D, cancelable = false) {
    super(type, { bubbles: true, composed: true, cancelable });
    this.detail = detail;
  }
}

/** What `kustom-ready` carries: the list each element rendered. */
export type KustomReadyDetail =
  | { readonly methods: readonly PaymentMethod[] }
  | { readonly options: readonly DeliveryOption[] }
  | { readonly buttons: readonly ExpressButton[] };

/** An element has rendered its data for the first time after a (re)load, even when the list is empty. */
export class KustomReadyEvent extends KustomEvent<KustomReadyDetail> {
  constructor(detail: KustomReadyDetail) {
    super('kustom-ready', detail);
  }
}

/**
 * Error codes: the Elements API's own (`ORIGIN_NOT_ALLOWED`, `CLIENT_NOT_FOUND`,
 * `BAD_VALUE`, …) and the elements':
 * - `NETWORK`: the API could not be reached;
 * - `INVALID_RESPONSE`: the API answered with a body that breaks the contract;
 * - `NOT_CONFIGURED`: no `configure()` call and no `<kustom-elements-provider>`, or a bad key;
 * - `MERCHANT_ABORTED`: `createOrder` called `reject()` (or threw);
 * - `MERCHANT_HOOK_INVALID_RESPONSE`: `createOrder` resolved with something other than `{ orderId }`;
 * - `MERCHANT_HOOK_MISSING`: an express button was clicked with no `createOrder` set;
 * - `APPROVAL_FAILED`: the approval window could not be opened.
 */
export type KustomErrorCode =
  | 'NETWORK'
  | 'INVALID_RESPONSE'
  | 'NOT_CONFIGURED'
  | 'ORIGIN_NOT_ALLOWED'
  | 'CLIENT_NOT_FOUND'
  | 'MERCHANT_ABORTED'
  | 'MERCHANT_HOOK_INVALID_RESPONSE'
  | 'MERCHANT_HOOK_MISSING'
  | 'APPROVAL_FAILED'
  | (string & {});

export interface KustomErrorDetail {
  readonly code: KustomErrorCode;
  /** For developers, in English; the element shows the shopper its own localized text. */
  readonly message: string;
}

/** Loading failed, or an express purchase failed. */
export class KustomErrorEvent extends KustomEvent<KustomErrorDetail> {
  constructor(detail: KustomErrorDetail) {
    super('kustom-error', detail);
  }
}

export interface KustomPaymentMethodChangeDetail {
  /** The chosen payment method id. */
  readonly value: string;
  /** The id chosen before ('' when none). */
  readonly previousValue: string;
  readonly method: PaymentMethod;
}

/** The shopper chose a payment method. Cancelable: `preventDefault()` restores the previous choice. */
export class KustomPaymentMethodChangeEvent extends KustomEvent<KustomPaymentMethodChangeDetail> {
  constructor(detail: KustomPaymentMethodChangeDetail) {
    super('kustom-payment-method-change', detail, true);
  }
}

export interface KustomDeliveryMethodChangeDetail {
  /** The chosen delivery option id. */
  readonly value: string;
  /** The chosen pickup point id ('' unless the option is a pickup point option). */
  readonly pickupPoint: string;
  readonly previousValue: string;
  readonly previousPickupPoint: string;
  readonly option: DeliveryOption;
}

/**
 * The shopper chose a delivery option or a pickup point. Cancelable:
 * `preventDefault()` restores the previous choice.
 */
export class KustomDeliveryMethodChangeEvent extends KustomEvent<KustomDeliveryMethodChangeDetail> {
  constructor(detail: KustomDeliveryMethodChangeDetail) {
    super('kustom-delivery-method-change', detail, true);
  }
}

/** The shopper clicked an express button. Cancelable: `preventDefault()` stops the purchase before `createOrder`. */
export class KustomExpressClickEvent extends KustomEvent<{ readonly button: ExpressButton }> {
  constructor(detail: { readonly button: ExpressButton }) {
    super('kustom-express-click', detail, true);
  }
}

export interface KustomExpressConfirmDetail {
  readonly orderId: string;
  /** Where to send the shopper now (the order's confirmation URL), when the approval page gave one. */
  readonly redirectUrl: string | undefined;
}

/** The shopper approved the express purchase. */
export class KustomExpressConfirmEvent extends KustomEvent<KustomExpressConfirmDetail> {
  constructor(detail: KustomExpressConfirmDetail) {
    super('kustom-express-confirm', detail);
  }
}

/** The shopper cancelled the express purchase or closed the approval window. */
export class KustomExpressCancelEvent extends KustomEvent<{ readonly orderId: string | undefined }> {
  constructor(detail: { readonly orderId: string | undefined }) {
    super('kustom-express-cancel', detail);
  }
}

/** Every event the elements fire, by type: for `addEventListener` typings. */
export interface KustomElementsEventMap {
  'kustom-ready': KustomReadyEvent;
  'kustom-error': KustomErrorEvent;
  'kustom-payment-method-change': KustomPaymentMethodChangeEvent;
  'kustom-delivery-method-change': KustomDeliveryMethodChangeEvent;
  'kustom-express-click': KustomExpressClickEvent;
  'kustom-express-confirm': KustomExpressConfirmEvent;
  'kustom-express-cancel': KustomExpressCancelEvent;
}
