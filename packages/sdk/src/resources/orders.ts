/** Order Management API v1: everything that happens to an order after the purchase. */
import type * as z from 'zod/mini';
import { created, json, noContent, type RequestOptions, type Transport, type WriteOptions } from '../internal/http.js';
import { pathParam, requestBody } from '../internal/request-input.js';
import {
  AddShippingInfoRequest,
  Capture,
  CaptureList,
  CaptureRequest,
  Order,
  Refund,
  RefundRequest,
  UpdateAuthorizationRequest,
  type UpdateAuthorizationInput,
  UpdateCustomerDetailsRequest,
  UpdateMerchantReferencesRequest,
} from '../schemas/order-management.js';

const BASE = '/ordermanagement/v1/orders';

/** What `orders.capture` resolves to, read from the `Capture-Id` and `Location` headers. */
export interface CaptureResult {
  capture_id: string;
  /** The capture's URL as the API gave it. */
  location: string;
}

/** What `orders.refund` resolves to, read from the `Refund-Id` and `Location` headers. */
export interface RefundResult {
  refund_id: string;
  /** The refund's URL as the API gave it. */
  location: string;
}

/**
 * `client.orders`. Every write carries a `Klarna-Idempotency-Key` (one per call, the same
 * on every retry) and resolves to `void` unless it says otherwise.
 */
export interface OrdersResource {
  /** `GET /orders/{order_id}`. 404 `NO_SUCH_ORDER` → `KustomNotFoundError`. */
  get(orderId: string, options?: RequestOptions): Promise<Order>;
  /** `POST /orders/{order_id}/acknowledge`: tells Kustom the order reached your system. */
  acknowledge(orderId: string, options?: WriteOptions): Promise<void>;
  /**
   * `PATCH /orders/{order_id}/authorization`: new amount and lines. The lines' arithmetic
   * is checked before sending; the API refuses an amount below what was captured (403).
   * The lines may be an order's lines as read; one whose `type` or `subscription.interval`
   * the SDK does not know is refused before sending (`order_lines[i].type`).
   */
  updateAuthorization(orderId: string, body: UpdateAuthorizationInput, options?: WriteOptions): Promise<void>;
  /** `PATCH /orders/{order_id}/merchant-references` */
  updateMerchantReferences(orderId: string, body: UpdateMerchantReferencesRequest, options?: WriteOptions): Promise<void>;
  /** `PATCH /orders/{order_id}/customer-details` (the shipping address only). */
  updateCustomerDetails(orderId: string, body: UpdateCustomerDetailsRequest, options?: WriteOptions): Promise<void>;
  /** `POST /orders/{order_id}/cancel`: only without captures; 403 `CANCEL_NOT_ALLOWED` otherwise. */
  cancel(orderId: string, options?: WriteOptions): Promise<void>;
  /** `POST /orders/{order_id}/extend-authorization-time`: expiry to now + 28 days (at most 90 days in all). */
  extendAuthorizationTime(orderId: string, options?: WriteOptions): Promise<void>;
  /** `POST /orders/{order_id}/release-remaining-authorization`: gives up what is not captured. */
  releaseRemainingAuthorization(orderId: string, options?: WriteOptions): Promise<void>;
  /** `POST /orders/{order_id}/shipping-info` (1–500 entries). */
  addShippingInfo(orderId: string, body: AddShippingInfoRequest, options?: WriteOptions): Promise<void>;
  /**
   * `POST /orders/{order_id}/captures` → `{ capture_id, location }`.
   * 403 `CAPTURE_NOT_ALLOWED` → `KustomNotAllowedError`.
   *
   * @example
   * const { capture_id } = await kustom.orders.capture(orderId, { captured_amount: 25000 });
   */
  capture(orderId: string, body: CaptureRequest, options?: WriteOptions): Promise<CaptureResult>;
  /** `GET /orders/{order_id}/captures` */
  listCaptures(orderId: string, options?: RequestOptions): Promise<Capture[]>;
  /** `GET /orders/{order_id}/captures/{capture_id}` */
  getCapture(orderId: string, captureId: string, options?: RequestOptions): Promise<Capture>;
  /** `POST /orders/{order_id}/captures/{capture_id}/shipping-info` */
  addCaptureShippingInfo(orderId: string, captureId: string, body: AddShippingInfoRequest, options?: WriteOptions): Promise<void>;
  /**
   * `POST /orders/{order_id}/refunds` → `{ refund_id, location }`.
   * 403 `REFUND_NOT_ALLOWED` when it would refund more than was captured.
   */
  refund(orderId: string, body: RefundRequest, options?: WriteOptions): Promise<RefundResult>;
  /** `GET /orders/{order_id}/refunds/{refund_id}` */
  getRefund(orderId: string, refundId: string, options?: RequestOptions): Promise<Refund>;
}

export function orders(send: Transport): OrdersResource {
  const orderPath = (orderId: string, operation: string) => `${BASE}/${pathParam(orderId, 'order_id', operation)}`;
  const capturePath = (orderId: string, captureId: string, operation: string) =>
    `${orderPath(orderId, operation)}/captures/${pathParam(captureId, 'capture_id', operation)}`;

  /** A write without a body that answers 204. */
  const command =
    (name: string, suffix: string) =>
    async (orderId: string, options?: WriteOptions): Promise<void> => {
      const operation = `orders.${name}`;
      return send({ operation, method: 'POST', path: orderPath(orderId, operation) + suffix, read: noContent }, options);
    };

  /** A write with a validated body that answers 204. */
  const update =
    <S extends z.ZodMiniType>(name: string, method: 'POST' | 'PATCH', suffix: string, schema: S, arithmetic = false) =>
    async (orderId: string, body: z.input<S>, options?: WriteOptions): Promise<void> => {
      const operation = `orders.${name}`;
      const path = orderPath(orderId, operation) + suffix;
      const valid = requestBody(schema, body, operation, { arithmetic });
      return send({ operation, method, path, body: valid, read: noContent }, options);
    };

  const order = json(Order);
  const capture = json(Capture);
  const captures = json(CaptureList);
  const refund = json(Refund);
  const captureCreated = created('Capture-Id', 'capture_id');
  const refundCreated = created('Refund-Id', 'refund_id');

  return {
    async get(orderId, options) {
      return send({ operation: 'orders.get', method: 'GET', path: orderPath(orderId, 'orders.get'), read: order }, options);
    },
    acknowledge: command('acknowledge', '/acknowledge'),
    updateAuthorization: update('updateAuthorization', 'PATCH', '/authorization', UpdateAuthorizationRequest, true),
    updateMerchantReferences: update('updateMerchantReferences', 'PATCH', '/merchant-references', UpdateMerchantReferencesRequest),
    updateCustomerDetails: update('updateCustomerDetails', 'PATCH', '/customer-details', UpdateCustomerDetailsRequest),
    cancel: command('cancel', '/cancel'),
    extendAuthorizationTime: command('extendAuthorizationTime', '/extend-authorization-time'),
    releaseRemainingAuthorization: command('releaseRemainingAuthorization', '/release-remaining-authorization'),
    addShippingInfo: update('addShippingInfo', 'POST', '/shipping-info', AddShippingInfoRequest),
    async capture(orderId, body, options) {
      const operation = 'orders.capture';
      const path = `${orderPath(orderId, operation)}/captures`;
      const valid = requestBody(CaptureRequest, body, operation);
      return send({ operation, method: 'POST', path, body: valid, read: captureCreated }, options);
    },
    async listCaptures(orderId, options) {
      const operation = 'orders.listCaptures';
      return send({ operation, method: 'GET', path: `${orderPath(orderId, operation)}/captures`, read: captures }, options);
    },
    async getCapture(orderId, captureId, options) {
      const operation = 'orders.getCapture';
      return send({ operation, method: 'GET', path: capturePath(orderId, captureId, operation), read: capture }, options);
    },
    async addCaptureShippingInfo(orderId, captureId, body, options) {
      const operation = 'orders.addCaptureShippingInfo';
      const path = `${capturePath(orderId, captureId, operation)}/shipping-info`;
      const valid = requestBody(AddShippingInfoRequest, body, operation);
      return send({ operation, method: 'POST', path, body: valid, read: noContent }, options);
    },
    async refund(orderId, body, options) {
      const operation = 'orders.refund';
      const path = `${orderPath(orderId, operation)}/refunds`;
      const valid = requestBody(RefundRequest, body, operation);
      return send({ operation, method: 'POST', path, body: valid, read: refundCreated }, options);
    },
    async getRefund(orderId, refundId, options) {
      const operation = 'orders.getRefund';
      const path = `${orderPath(orderId, operation)}/refunds/${pathParam(refundId, 'refund_id', operation)}`;
      return send({ operation, method: 'GET', path, read: refund }, options);
    },
  };
}
