/**
 * Checkout API v3 (`/checkout/v3/orders`): create, read, update while incomplete,
 * abort, and the customer's side (completing the purchase), which the test control
 * and the express approval page both use.
 */
import { lineTotals, orderTotals, taxFromGross } from '@kustom/sdk';
import {
  Address,
  CreateCheckoutOrderRequest,
  KnownFraudStatus,
  UpdateCheckoutOrderRequest,
  type CheckoutOrder,
  type CheckoutShippingOption,
  type OrderLine,
} from '@kustom/sdk/schemas';
import * as z from 'zod/mini';
import { DAY_MS, isoSeconds } from './clock.js';
import type { Core, Route, RouteContext } from './core.js';
import { availableMethodIds, initialPaymentMethod, isPaymentMethodId } from './elements/payment-methods.js';
import { escapeHtml } from './html.js';
import { marketIssues, marketOf } from './markets.js';
import { fail, json } from './reply.js';
import type { CheckoutRecord, OrderRecord } from './store.js';
import { assertArithmetic, badValueMessages, parseBody, type FieldIssue } from './validation.js';

/** Authorization period: 28 days from authorization (facts page). */
export const RESERVATION_DAYS = 28;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** 400 `INVALID_ORDER_ID` for anything that is not an order id (a UUID). */
export function assertOrderId(id: string): void {
  if (!UUID.test(id)) fail(400, 'INVALID_ORDER_ID', `Invalid order id: ${id.slice(0, 64)}`);
}

export function findCheckout(core: Core, id: string): CheckoutRecord {
  assertOrderId(id);
  return core.stores.checkouts.get(id.toLowerCase()) ?? fail(404, 'NOT_FOUND', `No checkout order with id ${id}`);
}

function checkOrder(order: CreateCheckoutOrderRequest): void {
  const issues: FieldIssue[] = marketIssues(order.purchase_country, order.purchase_currency);
  order.shipping_options?.forEach((option, i) => {
    const expected = taxFromGross(option.price, option.tax_rate);
    if (option.tax_amount !== expected) {
      issues.push({
        path: `shipping_options[${i}].tax_amount`,
        message: `must be price − round(price × 10000 / (10000 + tax_rate)) = ${expected}, got ${option.tax_amount}`,
      });
    }
  });
  if ((order.shipping_options?.filter((o) => o.preselected).length ?? 0) > 1) {
    issues.push({ path: 'shipping_options', message: 'at most one option can be preselected' });
  }
  if (issues.length) fail(400, 'BAD_VALUE', ...badValueMessages(issues));
  assertArithmetic(order);
}

const normalize = <T extends Partial<CreateCheckoutOrderRequest>>(order: T): T => ({
  ...order,
  ...(order.purchase_country ? { purchase_country: order.purchase_country.toUpperCase() } : {}),
  ...(order.purchase_currency ? { purchase_currency: order.purchase_currency.toUpperCase() } : {}),
});

function snippet(c: CheckoutRecord, baseUrl: string): string {
  const id = escapeHtml(c.order_id);
  if (c.status === 'checkout_complete') {
    return `<div id="kustom-sandbox-confirmation" data-order-id="${id}"><p>Thank you! Order ${id} is confirmed (Kustom sandbox).</p></div>`;
  }
  const page = escapeHtml(`${baseUrl}/sandbox/express/${c.order_id}`);
  return (
    `<div id="kustom-sandbox-checkout" data-order-id="${id}"><p>Kustom sandbox checkout for order ${id}. ` +
    `Complete it with <code>POST /sandbox/v1/checkouts/${id}/complete</code> or as a shopper at <a href="${page}">${page}</a>.</p></div>`
  );
}

export function checkoutView(c: CheckoutRecord, baseUrl: string): CheckoutOrder {
  return {
    order_id: c.order_id,
    status: c.status,
    ...c.data,
    ...(c.selected_shipping_option ? { selected_shipping_option: c.selected_shipping_option } : {}),
    html_snippet: snippet(c, baseUrl),
    started_at: isoSeconds(c.started_at),
    last_modified_at: isoSeconds(c.last_modified_at),
    ...(c.completed_at !== undefined ? { completed_at: isoSeconds(c.completed_at) } : {}),
  };
}

/** Creates a checkout order from an already parsed body (the route and the demo seed). */
export function createCheckout(core: Core, body: CreateCheckoutOrderRequest): CheckoutRecord {
  const data = normalize(body);
  checkOrder(data);
  const now = core.clock.nowMs();
  const record: CheckoutRecord = {
    order_id: core.ids.uuid(),
    status: 'checkout_incomplete',
    aborted: false,
    started_at: now,
    last_modified_at: now,
    data,
  };
  core.stores.checkouts.set(record.order_id, record);
  core.changed();
  return record;
}

function assertEditable(c: CheckoutRecord): void {
  if (c.status !== 'checkout_incomplete' || c.aborted) {
    fail(403, 'READ_ONLY_ORDER', `Resource is read-only: checkout order ${c.order_id} is ${c.aborted ? 'aborted' : c.status}`);
  }
}

/** What the shopper chose when completing (the test control's body). */
export const CompleteCheckoutRequest = z.object({
  /** A payment method id available for the purchase. @default 'klarna' when available, else 'card' */
  payment_method: z.optional(z.string()),
  fraud_status: z.optional(KnownFraudStatus),
  billing_address: z.optional(Address),
  shipping_address: z.optional(Address),
  /** One of the order's `shipping_options[].id`. @default the preselected option, else the first */
  shipping_option_id: z.optional(z.string()),
});
export type CompleteCheckoutRequest = z.infer<typeof CompleteCheckoutRequest>;

function shippingFeeLine(option: CheckoutShippingOption): OrderLine {
  const totals = lineTotals({ quantity: 1, unit_price: option.price, tax_rate: option.tax_rate });
  return {
    type: 'shipping_fee',
    reference: option.id,
    name: option.name,
    quantity: 1,
    unit_price: option.price,
    tax_rate: option.tax_rate,
    ...totals,
  };
}

/**
 * The customer completes the purchase: the checkout becomes `checkout_complete` and
 * an Order Management order with the same id exists, `AUTHORIZED` for 28 days. The
 * selected shipping option is added as a `shipping_fee` line when the order has none.
 */
export function completeCheckout(core: Core, c: CheckoutRecord, input: CompleteCheckoutRequest = {}): OrderRecord {
  assertEditable(c);
  const data = c.data;
  const market = marketOf(data.purchase_country)!;
  const purchase = { country: data.purchase_country, currency: data.purchase_currency, amount: data.order_amount };
  const available = availableMethodIds(purchase);
  const method = input.payment_method ?? (available.includes('klarna') ? 'klarna' : 'card');
  if (!isPaymentMethodId(method) || !available.includes(method)) {
    fail(
      400,
      'BAD_VALUE',
      `Bad value: payment_method (${method} is not available for ${purchase.country}/${purchase.currency} ` +
        `and ${purchase.amount}; available: ${available.join(', ')})`,
    );
  }
  let selected: CheckoutShippingOption | undefined;
  if (input.shipping_option_id !== undefined) {
    selected =
      data.shipping_options?.find((o) => o.id === input.shipping_option_id) ??
      fail(400, 'BAD_VALUE', `Bad value: shipping_option_id (no shipping option "${input.shipping_option_id}" on this order)`);
  } else {
    selected = data.shipping_options?.find((o) => o.preselected) ?? data.shipping_options?.[0];
  }
  let lines = data.order_lines;
  if (selected && selected.price > 0 && !lines.some((l) => l.type === 'shipping_fee')) {
    lines = [...lines, shippingFeeLine(selected)];
  }
  const totals = orderTotals(lines);
  const now = core.clock.nowMs();
  const billing = input.billing_address ?? data.billing_address ?? market.customer;
  const shipping = input.shipping_address ?? data.shipping_address ?? billing;

  c.data = { ...data, order_lines: lines, ...totals, billing_address: billing, shipping_address: shipping };
  c.status = 'checkout_complete';
  c.completed_at = now;
  c.last_modified_at = now;
  if (selected) c.selected_shipping_option = selected;

  const order: OrderRecord = {
    order_id: c.order_id,
    klarna_reference: core.ids.code(7),
    ...(data.merchant_reference1 !== undefined ? { merchant_reference1: data.merchant_reference1 } : {}),
    ...(data.merchant_reference2 !== undefined ? { merchant_reference2: data.merchant_reference2 } : {}),
    ...(data.merchant_data !== undefined ? { merchant_data: data.merchant_data } : {}),
    fraud_status: input.fraud_status ?? 'ACCEPTED',
    order_amount: totals.order_amount,
    original_order_amount: totals.order_amount,
    purchase_country: data.purchase_country,
    purchase_currency: data.purchase_currency,
    locale: data.locale,
    created_at: now,
    expires_at: now + RESERVATION_DAYS * DAY_MS,
    order_lines: lines,
    captures: [],
    refunds: [],
    initial_payment_method: initialPaymentMethod(method as Parameters<typeof initialPaymentMethod>[0]),
    ...(selected
      ? {
          selected_shipping_option: {
            id: selected.id,
            name: selected.name,
            price: selected.price,
            tax_amount: selected.tax_amount,
            tax_rate: selected.tax_rate,
            ...(selected.shipping_method ? { method: selected.shipping_method, type: selected.shipping_method } : {}),
            // What the option delivers, as Kustom Shipping Assistant reports it on the order.
            ...(selected.delivery_details?.carrier ? { carrier: selected.delivery_details.carrier } : {}),
            ...(selected.delivery_details?.class ? { class: selected.delivery_details.class } : {}),
            ...(selected.delivery_details?.pickup_location ? { location: { ...selected.delivery_details.pickup_location } } : {}),
          },
        }
      : {}),
    shipping_info: [],
    billing_address: billing,
    shipping_address: shipping,
  };
  core.stores.orders.set(order.order_id, order);
  core.changed();
  return order;
}

/** Where the merchant sends the shopper after approval: `merchant_urls.confirmation` with the id filled in. */
export function confirmationUrl(c: CheckoutRecord): string | undefined {
  return c.data.merchant_urls?.confirmation.replaceAll('{checkout.order.id}', encodeURIComponent(c.order_id));
}

const location = (ctx: RouteContext, id: string) => `${ctx.baseUrl}/checkout/v3/orders/${id}`;

export const checkoutRoutes: Route[] = [
  {
    method: 'POST',
    path: '/checkout/v3/orders',
    access: 'secret',
    write: true,
    async handle(ctx) {
      const body = parseBody(CreateCheckoutOrderRequest, await ctx.json());
      const record = createCheckout(ctx.core, body);
      return json(201, checkoutView(record, ctx.baseUrl), { location: location(ctx, record.order_id) });
    },
  },
  {
    method: 'GET',
    path: '/checkout/v3/orders/:order_id',
    access: 'secret',
    handle: (ctx) => json(200, checkoutView(findCheckout(ctx.core, ctx.params.order_id!), ctx.baseUrl)),
  },
  {
    method: 'POST',
    path: '/checkout/v3/orders/:order_id',
    access: 'secret',
    write: true,
    async handle(ctx) {
      const c = findCheckout(ctx.core, ctx.params.order_id!);
      assertEditable(c);
      const update = parseBody(UpdateCheckoutOrderRequest, await ctx.json());
      const merged = normalize({ ...c.data, ...update });
      checkOrder(merged);
      c.data = merged;
      c.last_modified_at = ctx.core.clock.nowMs();
      ctx.core.changed();
      return json(200, checkoutView(c, ctx.baseUrl));
    },
  },
  {
    method: 'POST',
    path: '/checkout/v3/orders/:order_id/abort',
    access: 'secret',
    write: true,
    handle(ctx) {
      const c = findCheckout(ctx.core, ctx.params.order_id!);
      if (c.status !== 'checkout_incomplete') {
        fail(403, 'READ_ONLY_ORDER', `Resource is read-only: checkout order ${c.order_id} is ${c.status}`);
      }
      if (!c.aborted) {
        c.aborted = true;
        c.last_modified_at = ctx.core.clock.nowMs();
        ctx.core.changed();
      }
      return json(200, checkoutView(c, ctx.baseUrl));
    },
  },
];
