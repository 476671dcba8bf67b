/**
 * The shop's side of the integration: create the checkout order from the cart,
 * answer the express buttons' `createOrder`, and show the confirmation.
 *
 * The browser sends product ids and quantities, the chosen payment method and
 * delivery option; the server decides every amount (catalogue prices, `lineTotals`,
 * `orderTotals`) and checks the choices against the Elements API, which is what the
 * elements showed the shopper.
 */
import {
  isKustomNotFoundError,
  orderTotals,
  type Address,
  type CheckoutShippingOption,
  type CreateCheckoutOrderRequest,
  type DeliveryOption,
  type ElementsClient,
  type KustomClient,
  type OrderLine,
  type PickupPoint,
} from '@kustom/sdk';
import type { ConfirmationResponse, PlaceOrderRequest, PlaceOrderResponse, ShopperAddress, StorefrontConfig } from '../src/api-types.js';
import { cartFitsMailbox, cartOrderLines, parseCart, shippingFeeLine } from '../src/order-lines.js';
import { HttpError } from './http.js';
import type { SandboxControls } from './sandbox.js';

export interface ShopApiOptions {
  kustom: KustomClient;
  elements: ElementsClient;
  config: StorefrontConfig;
  publicUrl: string;
  sandbox: SandboxControls | undefined;
  /** Remembers an order id this server created (the back office lists them). */
  remember(orderId: string): void;
  knows(orderId: string): boolean;
}

const SHIPPING_METHOD: Record<DeliveryOption['type'], string> = { home: 'Home', pickup_point: 'PickUpPoint', mailbox: 'BoxReg' };

const ADDRESS_FIELDS: Record<keyof ShopperAddress, number> = {
  email: 100,
  given_name: 100,
  family_name: 100,
  street_address: 100,
  postal_code: 10,
  city: 200,
};

function parseAddress(value: unknown): ShopperAddress {
  const input = (value ?? {}) as Record<string, unknown>;
  const address = {} as ShopperAddress;
  for (const [field, max] of Object.entries(ADDRESS_FIELDS) as [keyof ShopperAddress, number][]) {
    const text = input[field];
    if (typeof text !== 'string' || !text.trim()) throw new HttpError(400, 'BAD_VALUE', `Fill in ${field.replace('_', ' ')}.`, `address.${field}`);
    if (text.length > max) throw new HttpError(400, 'BAD_VALUE', `${field} is longer than ${max} characters.`, `address.${field}`);
    address[field] = text.trim();
  }
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(address.email)) throw new HttpError(400, 'BAD_VALUE', 'Enter a valid e-mail address.', 'address.email');
  return address;
}

function choice(value: unknown, field: string): string {
  if (typeof value !== 'string' || !value || value.length > 64) throw new HttpError(400, 'BAD_VALUE', `Choose a ${field.replace('_', ' ')}.`, field);
  return value;
}

export function createShopApi(options: ShopApiOptions) {
  const { kustom, elements, config, publicUrl, sandbox } = options;
  const purchase = { locale: config.locale, purchaseCountry: config.purchaseCountry, currency: config.currency };
  let nextOrderNumber = 20001;

  function checkoutBody(order_lines: OrderLine[], extra: Partial<CreateCheckoutOrderRequest>): CreateCheckoutOrderRequest {
    return {
      purchase_country: config.purchaseCountry,
      purchase_currency: config.currency,
      locale: config.locale,
      ...orderTotals(order_lines),
      order_lines,
      merchant_reference1: String(nextOrderNumber++),
      merchant_urls: {
        terms: `${publicUrl}/terms/`,
        checkout: `${publicUrl}/checkout/`,
        confirmation: `${publicUrl}/confirmation/?order_id={checkout.order.id}`,
        push: `${publicUrl}/api/kustom/push?order_id={checkout.order.id}`,
      },
      ...extra,
    };
  }

  /**
   * A delivery option as a Kustom shipping option: its carrier and product in
   * `delivery_details`, and, for a pickup point option, the point the shopper chose
   * (id, name, address) as `pickup_location`, which the order's
   * `selected_shipping_option.location` then carries.
   */
  function shippingOption(option: DeliveryOption, point: PickupPoint | undefined, preselected: boolean): CheckoutShippingOption {
    const description = point
      ? `Pickup point: ${point.name}, ${point.address.street_address}, ${point.address.postal_code} ${point.address.city}`
      : option.description;
    return {
      id: option.id,
      name: `${option.carrier} ${option.name}`,
      ...(description ? { description } : {}),
      price: option.price,
      tax_amount: option.tax_amount,
      tax_rate: option.tax_rate,
      shipping_method: SHIPPING_METHOD[option.type],
      delivery_details: {
        carrier: option.carrier,
        class: option.type,
        product: { name: option.name, identifier: option.id },
        ...(point
          ? {
              pickup_location: {
                id: point.id,
                name: point.name,
                address: { street_address: point.address.street_address, postal_code: point.address.postal_code, city: point.address.city, country: config.purchaseCountry },
              },
            }
          : {}),
      },
      preselected,
    };
  }

  return {
    /** POST /api/checkout: the checkout form, completed against the sandbox (see sandbox.ts). */
    async placeOrder(body: unknown): Promise<PlaceOrderResponse> {
      if (!sandbox) {
        throw new HttpError(501, 'NOT_CONFIGURED', 'This example completes purchases through the sandbox; with a real Kustom account, show the order’s html_snippet instead.');
      }
      const input = (body ?? {}) as Partial<Record<keyof PlaceOrderRequest, unknown>>;
      const items = parseCart(input.items);
      const address = parseAddress(input.address);
      const paymentMethod = choice(input.payment_method, 'payment_method');
      const deliveryId = choice(input.delivery, 'delivery');
      const goods = cartOrderLines(items);
      const goodsAmount = orderTotals(goods).order_amount;

      // What the delivery element showed for this cart and postal code.
      const { delivery_options } = await elements.deliveryMethods({ ...purchase, amount: goodsAmount, postalCode: address.postal_code });
      const option = delivery_options.find((o) => o.id === deliveryId);
      if (!option) throw new HttpError(409, 'DELIVERY_UNAVAILABLE', 'That delivery option is no longer offered. Please choose again.', 'delivery');
      let point: PickupPoint | undefined;
      if (option.type === 'pickup_point') {
        point = option.pickup_points?.find((p) => p.id === input.delivery_pickup_point);
        if (!point) throw new HttpError(400, 'BAD_VALUE', 'Choose a pickup point.', 'delivery_pickup_point');
      }
      const lines = option.price > 0 ? [...goods, shippingFeeLine({ ...option, name: `${option.carrier} ${option.name}` })] : goods;
      const total = orderTotals(lines).order_amount;

      // What the payment element showed for this amount.
      const { payment_methods } = await elements.paymentMethods({ ...purchase, amount: total });
      if (!payment_methods.some((m) => m.id === paymentMethod)) {
        throw new HttpError(409, 'PAYMENT_METHOD_UNAVAILABLE', 'That payment method is not available for this purchase. Please choose again.', 'payment_method');
      }

      const customer: Address = { ...address, country: config.purchaseCountry };
      const checkout = await kustom.checkout.orders.create(
        checkoutBody(lines, {
          billing_address: customer,
          shipping_address: customer,
          shipping_options: [shippingOption(option, point, true)],
          ...(point ? { merchant_data: JSON.stringify({ pickup_point: point.id }) } : {}),
        }),
      );
      options.remember(checkout.order_id);
      // The shopper's part, done by the sandbox's test control (sandbox.ts explains why).
      await sandbox.completeCheckout(checkout.order_id, { payment_method: paymentMethod, shipping_option_id: option.id });
      return {
        order_id: checkout.order_id,
        redirect_url: `${publicUrl}/confirmation/?order_id=${encodeURIComponent(checkout.order_id)}`,
      };
    },

    /**
     * POST /api/express-orders: the express buttons' `createOrder`. A checkout order of
     * the cart with the delivery options that suit it: to the door, and by mailbox only
     * when the whole cart fits one (never a blanket); a pickup point needs the
     * shopper's choice, which the express flow does not ask for. The cheapest is
     * preselected (Kustom adds the chosen option's fee); the element then opens
     * Kustom's approval page for it.
     */
    async createExpressOrder(body: unknown): Promise<{ order_id: string }> {
      const items = parseCart((body as { items?: unknown } | undefined)?.items);
      const goods = cartOrderLines(items);
      const { delivery_options } = await elements.deliveryMethods({ ...purchase, amount: orderTotals(goods).order_amount });
      const mailbox = cartFitsMailbox(items);
      const suitable = delivery_options
        .filter((o) => o.type === 'home' || (o.type === 'mailbox' && mailbox))
        .sort((a, b) => a.price - b.price);
      const checkout = await kustom.checkout.orders.create(
        checkoutBody(goods, suitable.length ? { shipping_options: suitable.map((o, i) => shippingOption(o, undefined, i === 0)) } : {}),
      );
      options.remember(checkout.order_id);
      return { order_id: checkout.order_id };
    },

    /** POST /api/express-orders/{id}/abort: the shopper cancelled the express approval. */
    async abortExpressOrder(orderId: string): Promise<void> {
      if (!options.knows(orderId)) throw new HttpError(404, 'NOT_FOUND', 'No such order.');
      const checkout = await kustom.checkout.orders.get(orderId);
      if (checkout.status === 'checkout_incomplete') await kustom.checkout.orders.abort(orderId);
    },

    /**
     * GET /api/orders/{id}: the confirmation page. Only orders this server created; the
     * order is acknowledged the first time it is shown (Kustom expects an acknowledgement).
     */
    async confirmation(orderId: string, acknowledge: (id: string) => Promise<void>): Promise<ConfirmationResponse> {
      if (!options.knows(orderId)) throw new HttpError(404, 'NOT_FOUND', 'No such order.');
      const checkout = await kustom.checkout.orders.get(orderId);
      let order;
      if (checkout.status === 'checkout_complete') {
        order = await kustom.orders.get(orderId).catch((error: unknown) => {
          if (isKustomNotFoundError(error)) return undefined;
          throw error;
        });
        if (order) await acknowledge(orderId);
      }
      const { order_id, status, purchase_currency, order_amount, order_tax_amount, order_lines, merchant_reference1 } = checkout;
      return { checkout: { order_id, status, purchase_currency, order_amount, order_tax_amount, order_lines, merchant_reference1 }, order };
    },
  };
}
