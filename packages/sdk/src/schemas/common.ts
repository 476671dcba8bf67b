/**
 * Building blocks shared by the Checkout, Order Management and Settlements schemas.
 * Field names and limits follow the published OpenAPI documents.
 *
 * The schemas use `zod/mini` so that what a browser bundle needs of them stays small.
 */
import { arrayArgument, badArgument } from '../internal/arguments.js';
import * as z from 'zod/mini';

/** An integer amount in minor units (10000 = 100.00 SEK). Floats are refused. */
export const MinorUnits = z.int();
/** A non-negative integer amount in minor units, at most 200 000 000. */
export const PositiveMinorUnits = z.int().check(z.minimum(0), z.maximum(200_000_000));
/** Tax rate with two implicit decimals (2500 = 25 %), 0–10000. */
export const TaxRate = z.int().check(z.minimum(0), z.maximum(10_000));
/** ISO 3166-1 alpha-2, e.g. `SE`. */
export const CountryCode = z.string().check(z.regex(/^[A-Za-z]{2}$/, 'must be an ISO 3166-1 alpha-2 country code'));
/** ISO 4217, e.g. `SEK`. */
export const CurrencyCode = z.string().check(z.regex(/^[A-Za-z]{3}$/, 'must be an ISO 4217 currency code'));
/** RFC 1766 locale, e.g. `sv-SE`. */
export const Locale = z.string().check(z.regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a locale such as sv-SE'));
/** ISO 8601 date-time as the API sends it. */
export const DateTime = z.string();

const text = (max: number) => z.string().check(z.maxLength(max));

/**
 * An enum the API may grow: the known values for editors, any string accepted when
 * read (a value the SDK does not know yet is data, not an error). Answers only.
 */
export const openEnum = <const T extends readonly string[]>(values: T) => {
  arrayArgument(values, 'values', (v, path) => {
    if (typeof v !== 'string') throw badArgument(path, 'must be a string', v);
  });
  return z.custom<T[number] | (string & {})>((value) => typeof value === 'string', { message: `must be a string such as ${JSON.stringify(values[0])}` });
};

export const OrderLineType = z.enum([
  'physical',
  'discount',
  'shipping_fee',
  'sales_tax',
  'digital',
  'gift_card',
  'store_credit',
  'surcharge',
  'return_fee',
]);

export const ProductIdentifiers = z.object({
  brand: z.optional(text(70)),
  color: z.optional(text(64)),
  category_path: z.optional(text(750)),
  global_trade_item_number: z.optional(text(50)),
  manufacturer_part_number: z.optional(text(70)),
  size: z.optional(text(64)),
});

const nonNegative = z.int().check(z.minimum(0));

/** A product's shipping attributes (Checkout `order_lines[].shipping_attributes`): grams, millimetres, tags such as `bulky`. */
export const ShippingAttributes = z.object({
  weight: z.optional(nonNegative),
  dimensions: z.optional(z.object({ height: z.optional(nonNegative), width: z.optional(nonNegative), length: z.optional(nonNegative) })),
  tags: z.optional(z.array(z.string())),
});
export type ShippingAttributes = z.infer<typeof ShippingAttributes>;

/** A checkout line's `subscription` (the Checkout document sets no limit on `name`). */
export const Subscription = z.object({
  name: z.optional(z.string()),
  interval: z.enum(['DAY', 'WEEK', 'MONTH', 'YEAR']),
  interval_count: z.int().check(z.minimum(1)),
});
/** An Order Management line's `subscription`: `name` at most 255 characters. */
export const OrderManagementSubscription = z.extend(Subscription, { name: z.optional(text(255)) });

/** A line's `type` as read: the known types, or one the SDK does not know yet (kept as read). */
export const AnswerLineType = openEnum(OrderLineType.options);
/** A `subscription` as read: an `interval` the SDK does not know yet is kept as read. */
export const AnswerSubscription = z.extend(Subscription, { interval: openEnum(Subscription.shape.interval.options) });

/**
 * An order line. `total_amount = quantity × unit_price − total_discount_amount` and
 * `total_tax_amount` follows the rounding rule of the facts page (see `lineTotals`).
 */
export const OrderLine = z.object({
  type: z.optional(OrderLineType),
  reference: z.optional(text(255)),
  name: z.string().check(z.minLength(1), z.maxLength(255)),
  quantity: z.int().check(z.minimum(0)),
  // The Checkout document: "if defined has to be 1-8 characters"; `total_amount` at most 100 000 000.
  quantity_unit: z.optional(z.string().check(z.minLength(1), z.maxLength(8))),
  unit_price: MinorUnits.check(z.maximum(100_000_000)),
  tax_rate: TaxRate,
  total_amount: MinorUnits.check(z.maximum(100_000_000)),
  // The Checkout document bounds a line's discount below only (Order Management's: `PositiveMinorUnits`).
  total_discount_amount: z.optional(MinorUnits.check(z.minimum(0))),
  total_tax_amount: MinorUnits,
  merchant_data: z.optional(text(1024)),
  product_url: z.optional(text(1024)),
  image_url: z.optional(text(1024)),
  product_identifiers: z.optional(ProductIdentifiers),
  subscription: z.optional(Subscription),
  shipping_attributes: z.optional(ShippingAttributes),
});
export type OrderLine = z.infer<typeof OrderLine>;

/** Order Management's `tax_rate`: two implicit decimals, ≥ 0 (the document sets no maximum, unlike Checkout's 10000). */
const OrderManagementTaxRate = z.int().check(z.minimum(0));

/**
 * An order line in Order Management (capture, refund, their answers): the published
 * document makes `tax_rate` and `total_tax_amount` optional there, lets `name` and
 * `quantity_unit` be empty and `unit_price` reach 200 000 000.
 */
export const OrderManagementLine = z.extend(OrderLine, {
  name: text(255),
  quantity_unit: z.optional(text(10)),
  unit_price: MinorUnits.check(z.maximum(200_000_000)),
  total_amount: MinorUnits.check(z.maximum(200_000_000)),
  tax_rate: z.optional(OrderManagementTaxRate),
  total_tax_amount: z.optional(MinorUnits.check(z.maximum(200_000_000))),
  total_discount_amount: z.optional(PositiveMinorUnits),
  subscription: z.optional(OrderManagementSubscription),
});
export type OrderManagementLine = z.infer<typeof OrderManagementLine>;

/**
 * An Order Management line as the SDK sends it (capture, refund, authorization update):
 * the document requires `subscription.name` there. Checked, not typed, so that lines
 * read from an order (where a name may be missing) still type as request lines.
 */
export const requireSubscriptionName = z.refine<{ subscription?: { name?: string | undefined } | undefined }>(
  (line) => !line.subscription || typeof line.subscription.name === 'string',
  { message: 'is required in Order Management when a line has a subscription', path: ['subscription', 'name'] },
);
export const OrderManagementRequestLine = OrderManagementLine.check(requireSubscriptionName);

/**
 * A line of `PATCH /orders/{id}/authorization`: the document makes `tax_rate` and
 * `total_tax_amount` optional here too, and so does the SDK; the lines sent become the
 * order's lines, whose helpers carry no tax where a line states none (see `lineBalances`).
 */
export const OrderManagementAuthorizationLine = OrderManagementRequestLine;

/** An Order Management line in an answer (a capture's, a refund's): unknown `type` and `interval` values are kept. */
export const OrderManagementAnswerLine = z.extend(OrderManagementLine, {
  type: z.optional(AnswerLineType),
  subscription: z.optional(AnswerSubscription),
});
export type OrderManagementAnswerLine = z.infer<typeof OrderManagementAnswerLine>;

/** A checkout order line in an answer: unknown `type` and `interval` values are kept. */
export const CheckoutAnswerLine = z.extend(OrderLine, {
  // Read as loosely as before the request side followed the document's 1-8 / 100 000 000.
  quantity_unit: z.optional(z.string().check(z.minLength(1), z.maxLength(10))),
  total_amount: MinorUnits.check(z.maximum(200_000_000)),
  type: z.optional(AnswerLineType),
  subscription: z.optional(AnswerSubscription),
});

/**
 * A line of an Order Management order as the API answers it: the document's bounds
 * (`unit_price` up to 200 000 000, `name` and `quantity_unit` may be empty, `tax_rate`
 * without a maximum, `tax_rate` and `total_tax_amount` optional: an authorization
 * update may leave them out). A `type` or `subscription.interval` the SDK does not
 * know yet is kept as read (`OrderLineType | (string & {})`); the request side stays
 * exact: `planCapture`, `planRefund`, `planEdit` and the client refuse to copy such a
 * line into a request (`KustomValidationError` naming `order_lines[i].type` or
 * `order_lines[i].subscription.interval`) and never send it. Where a line states no
 * tax the helpers invent none: its balances' tax is `undefined` and the request lines
 * they build for it carry no tax fields.
 */
export const OrderManagementOrderLine = OrderManagementAnswerLine;
export type OrderManagementOrderLine = z.infer<typeof OrderManagementOrderLine>;

export const Address = z.object({
  attention: z.optional(text(255)),
  title: z.optional(text(20)),
  given_name: z.optional(text(100)),
  family_name: z.optional(text(100)),
  organization_name: z.optional(text(255)),
  email: z.optional(text(100)),
  phone: z.optional(text(100)),
  street_address: z.optional(text(100)),
  street_address2: z.optional(text(100)),
  street_name: z.optional(text(100)),
  street_number: z.optional(z.string()),
  house_extension: z.optional(z.string()),
  care_of: z.optional(text(100)),
  postal_code: z.optional(text(10)),
  city: z.optional(text(200)),
  region: z.optional(text(200)),
  country: z.optional(z.string()),
});
export type Address = z.infer<typeof Address>;

/**
 * An address in the Checkout API, whose document sets no length limits on any field
 * (Order Management's does: `Address`), and the address of a pickup location (the
 * Order Management document's `Address` component, also without limits).
 */
export const UnboundedAddress = z.object(
  Object.fromEntries(Object.keys(Address.shape).map((key) => [key, z.optional(z.string())])) as { [K in keyof typeof Address.shape]: z.ZodMiniOptional<z.ZodMiniString> },
);

export const ShippingMethod = z.enum([
  'PickUpStore',
  'Home',
  'BoxReg',
  'BoxUnreg',
  'PickUpPoint',
  'Own',
  'Postal',
  'DHLPackstation',
  'Digital',
  'Undefined',
  'PickUpWarehouse',
  'ClickCollect',
  'PalletDelivery',
]);

export const ShippingInfo = z.object({
  shipping_company: z.optional(text(100)),
  shipping_method: z.optional(ShippingMethod),
  tracking_number: z.optional(text(100)),
  tracking_uri: z.optional(text(1024)),
  return_shipping_company: z.optional(text(100)),
  return_tracking_number: z.optional(text(100)),
  return_tracking_uri: z.optional(text(1024)),
});
export type ShippingInfo = z.infer<typeof ShippingInfo>;

/** Shipping info in an answer: a `shipping_method` the SDK does not know yet is kept as read. */
export const AnswerShippingInfo = z.extend(ShippingInfo, { shipping_method: z.optional(openEnum(ShippingMethod.options)) });
export type AnswerShippingInfo = z.infer<typeof AnswerShippingInfo>;

/** The error body of Checkout, Order Management and Settlements. */
export const ApiErrorBody = z.object({
  error_code: z.optional(z.string()),
  error_messages: z.optional(z.array(z.string())),
  correlation_id: z.optional(z.string()),
});
export type ApiErrorBody = z.infer<typeof ApiErrorBody>;
