/** Checkout API v3: create and steer the checkout while the customer is in it. */
import { json, type RequestOptions, type Transport, type WriteOptions } from '../internal/http.js';
import { pathParam, requestBody } from '../internal/request-input.js';
import {
  CheckoutOrder,
  CreateCheckoutOrderRequest,
  UpdateCheckoutOrderRequest,
} from '../schemas/checkout.js';

const BASE = '/checkout/v3/orders';

/** `client.checkout.orders` */
export interface CheckoutOrdersResource {
  /**
   * `POST /checkout/v3/orders`: starts a checkout. The body is validated (schema and
   * order arithmetic) before anything is sent.
   *
   * @example
   * const order = await kustom.checkout.orders.create({
   *   purchase_country: 'SE', purchase_currency: 'SEK', locale: 'sv-SE',
   *   order_amount: 25000, order_tax_amount: 5000,
   *   order_lines: [{ name: 'Mug', quantity: 2, unit_price: 12500, tax_rate: 2500, total_amount: 25000, total_tax_amount: 5000 }],
   *   merchant_urls: { terms, checkout, confirmation, push },
   * });
   * // order.order_id, order.html_snippet
   */
  create(body: CreateCheckoutOrderRequest, options?: WriteOptions): Promise<CheckoutOrder>;
  /** `GET /checkout/v3/orders/{order_id}` */
  get(orderId: string, options?: RequestOptions): Promise<CheckoutOrder>;
  /**
   * `POST /checkout/v3/orders/{order_id}`: changes an order while its status is
   * `checkout_incomplete`; fields left out stay as they are.
   */
  update(orderId: string, body: UpdateCheckoutOrderRequest, options?: WriteOptions): Promise<CheckoutOrder>;
  /** `POST /checkout/v3/orders/{order_id}/abort` */
  abort(orderId: string, options?: WriteOptions): Promise<CheckoutOrder>;
}

export function checkoutOrders(send: Transport): CheckoutOrdersResource {
  const order = json(CheckoutOrder);
  const id = (orderId: string, operation: string) => `${BASE}/${pathParam(orderId, 'order_id', operation)}`;
  return {
    async create(body, options) {
      const operation = 'checkout.orders.create';
      const valid = requestBody(CreateCheckoutOrderRequest, body, operation, { arithmetic: true });
      return send({ operation, method: 'POST', path: BASE, body: valid, read: order }, options);
    },
    async get(orderId, options) {
      const operation = 'checkout.orders.get';
      return send({ operation, method: 'GET', path: id(orderId, operation), read: order }, options);
    },
    async update(orderId, body, options) {
      const operation = 'checkout.orders.update';
      const path = id(orderId, operation);
      const valid = requestBody(UpdateCheckoutOrderRequest, body, operation, { arithmetic: true });
      return send({ operation, method: 'POST', path, body: valid, read: order }, options);
    },
    async abort(orderId, options) {
      const operation = 'checkout.orders.abort';
      return send({ operation, method: 'POST', path: `${id(orderId, operation)}/abort`, read: order }, options);
    },
  };
}
