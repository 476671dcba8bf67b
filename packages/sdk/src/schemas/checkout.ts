/** Checkout API v3 (`/checkout/v3/orders`). */
import * as z from 'zod/mini';
import { CheckoutAnswerLine, CountryCode, CurrencyCode, DateTime, Locale, MinorUnits, OrderLine, UnboundedAddress, openEnum } from './common.js';

const url = z.string().check(z.minLength(1), z.maxLength(2000));

export const MerchantUrls = z.object({
  terms: url,
  checkout: url,
  confirmation: url,
  push: url,
  validation: z.optional(url),
  notification: z.optional(url),
  cancellation_terms: z.optional(url),
  shipping_option_update: z.optional(url),
  address_update: z.optional(url),
  country_change: z.optional(url),
});
export type MerchantUrls = z.infer<typeof MerchantUrls>;

/** What a shipping option delivers (`delivery_details`): the carrier, its product, a time slot, a pickup location. */
export const DeliveryDetails = z.object({
  carrier: z.optional(z.string()),
  class: z.optional(z.string()),
  product: z.optional(z.object({ name: z.optional(z.string()), identifier: z.optional(z.string()) })),
  timeslot: z.optional(z.object({ id: z.optional(z.string()), start: z.optional(z.string()), end: z.optional(z.string()) })),
  pickup_location: z.optional(z.object({ id: z.optional(z.string()), name: z.optional(z.string()), address: z.optional(UnboundedAddress) })),
});
export type DeliveryDetails = z.infer<typeof DeliveryDetails>;

export const CheckoutShippingOption = z.object({
  id: z.string(),
  name: z.string().check(z.minLength(1), z.maxLength(255)),
  description: z.optional(z.string()),
  promo: z.optional(z.string()),
  price: MinorUnits,
  tax_amount: MinorUnits,
  /** An integer with two implicit decimals; the document sets no bounds on a shipping option's. */
  tax_rate: z.int(),
  preselected: z.optional(z.boolean()),
  shipping_method: z.optional(z.string()),
  delivery_details: z.optional(DeliveryDetails),
  tms_reference: z.optional(z.string()),
});
export type CheckoutShippingOption = z.infer<typeof CheckoutShippingOption>;

export const CheckoutOptions = z.object({
  allow_separate_shipping_address: z.optional(z.boolean()),
  date_of_birth_mandatory: z.optional(z.boolean()),
  phone_mandatory: z.optional(z.boolean()),
  title_mandatory: z.optional(z.boolean()),
  require_validate_callback_success: z.optional(z.boolean()),
  shipping_details: z.optional(z.string()),
  auto_capture: z.optional(z.boolean()),
  allowed_customer_types: z.optional(z.array(z.string())),
  color_button: z.optional(z.string()),
  color_button_text: z.optional(z.string()),
  radius_border: z.optional(z.string()),
});

const hexColor = z.optional(z.string().check(z.regex(/^#[A-Fa-f0-9]{6}$/, 'must be a CSS hex colour such as "#FF9900"')));

/** `options` as the SDK sends them: the document's patterns and item counts (answers are read as `CheckoutOptions`). */
export const CheckoutOptionsRequest = z.extend(CheckoutOptions, {
  allowed_customer_types: z.optional(z.array(z.string()).check(z.minLength(1), z.maxLength(2))),
  color_button: hexColor,
  color_button_text: hexColor,
});

export const CheckoutCustomer = z.object({
  type: z.optional(z.string()),
  gender: z.optional(z.string()),
  date_of_birth: z.optional(z.string()),
  organization_registration_id: z.optional(z.string()),
  vat_id: z.optional(z.string()),
});

/**
 * `checkout_incomplete`, `checkout_complete`, `created`, or a value the SDK does not
 * know yet, in whatever case the API sends it (the document's own example is
 * `CHECKOUT_INCOMPLETE`): kept as read, never a failed read.
 */
export const CheckoutStatus = openEnum(['checkout_incomplete', 'checkout_complete', 'created']);
export type CheckoutStatus = z.infer<typeof CheckoutStatus>;

const orderFields = {
  purchase_country: CountryCode,
  purchase_currency: CurrencyCode,
  locale: Locale,
  order_amount: MinorUnits.check(z.minimum(0)),
  order_tax_amount: MinorUnits.check(z.minimum(0)),
  order_lines: z.array(OrderLine).check(z.maxLength(1000)),
  merchant_urls: MerchantUrls,
  billing_address: z.optional(UnboundedAddress),
  shipping_address: z.optional(UnboundedAddress),
  customer: z.optional(CheckoutCustomer),
  merchant_reference1: z.optional(z.string().check(z.maxLength(255))),
  merchant_reference2: z.optional(z.string().check(z.maxLength(255))),
  merchant_data: z.optional(z.string().check(z.maxLength(6000))),
  options: z.optional(CheckoutOptionsRequest),
  shipping_countries: z.optional(z.array(CountryCode)),
  billing_countries: z.optional(z.array(CountryCode)),
  shipping_options: z.optional(z.array(CheckoutShippingOption)),
  tags: z.optional(z.array(z.string())),
};

/** `POST /checkout/v3/orders`. The order arithmetic is checked too (see `checkOrderArithmetic`). */
export const CreateCheckoutOrderRequest = z.object(orderFields);
export type CreateCheckoutOrderRequest = z.infer<typeof CreateCheckoutOrderRequest>;

/** `POST /checkout/v3/orders/{order_id}`: the same fields, all optional (only while incomplete). */
export const UpdateCheckoutOrderRequest = z.partial(CreateCheckoutOrderRequest);
export type UpdateCheckoutOrderRequest = z.infer<typeof UpdateCheckoutOrderRequest>;

/** A checkout order as the API answers it. */
export const CheckoutOrder = z.extend(CreateCheckoutOrderRequest, {
  order_id: z.string(),
  status: CheckoutStatus,
  html_snippet: z.optional(z.string()),
  started_at: z.optional(DateTime),
  completed_at: z.optional(DateTime),
  last_modified_at: z.optional(DateTime),
  selected_shipping_option: z.optional(CheckoutShippingOption),
  order_lines: z.array(CheckoutAnswerLine),
  options: z.optional(CheckoutOptions),
  merchant_urls: z.optional(MerchantUrls),
});
export type CheckoutOrder = z.infer<typeof CheckoutOrder>;
