/**
 * The Elements API (`/kustom-elements-api/v1/placements/{placement}`): what the
 * browser elements fetch with the public API key.
 *
 * Only the path, `client_id`, `locale`, the `Origin` check and the `code` values
 * `CLIENT_NOT_FOUND` / `ORIGIN_NOT_ALLOWED` are published. The response bodies
 * below are this project's contract *(unconfirmed against the real service)*; the
 * sandbox serves exactly them. Kept small: the elements bundle carries this file.
 */
import * as z from 'zod/mini';

/** Payment method ids seen in published integrations. Unknown ids are still accepted (forward compatible). */
export const PAYMENT_METHOD_IDS = [
  'klarna',
  'card',
  'applepay',
  'googlepay',
  'paypal',
  'swish',
  'mobilepay',
  'vipps',
  'ideal',
  'blik',
  'twint',
  'amazonpay',
  'trustly',
] as const;
export type PaymentMethodId = (typeof PAYMENT_METHOD_IDS)[number];

/** Express wallet ids. */
export const EXPRESS_BUTTON_IDS = ['klarna', 'applepay', 'googlepay', 'paypal', 'amazonpay'] as const;
export type ExpressButtonId = (typeof EXPRESS_BUTTON_IDS)[number];

export const PLACEMENTS = ['AVAILABLE_PAYMENT_METHODS', 'DELIVERY_METHODS', 'EXPRESS_BUTTONS'] as const;
export type Placement = (typeof PLACEMENTS)[number];

const id = z.string().check(z.minLength(1), z.maxLength(64));

/** One payment method; `name` and `description` come localized for the requested `locale`. */
export const PaymentMethod = z.object({
  id,
  name: z.string(),
  description: z.string(),
});
export type PaymentMethod = z.infer<typeof PaymentMethod>;

export const PaymentMethodsPlacement = z.object({
  placement: z.literal('AVAILABLE_PAYMENT_METHODS'),
  payment_methods: z.array(PaymentMethod),
});
export type PaymentMethodsPlacement = z.infer<typeof PaymentMethodsPlacement>;

/** Opening hours: ISO weekdays (1 = Monday … 7 = Sunday) and local `HH:MM` times. */
export const OpeningHours = z.object({
  days: z.array(z.int().check(z.minimum(1), z.maximum(7))),
  opens: z.string(),
  closes: z.string(),
});
export type OpeningHours = z.infer<typeof OpeningHours>;

export const PickupPoint = z.object({
  id,
  name: z.string(),
  address: z.object({
    street_address: z.string(),
    postal_code: z.string(),
    city: z.string(),
    country: z.string(),
  }),
  /** Straight-line distance from the shopper's postal code, in metres. */
  distance_meters: z.int().check(z.minimum(0)),
  opening_hours: z.array(OpeningHours),
});
export type PickupPoint = z.infer<typeof PickupPoint>;

export const DeliveryType = z.enum(['home', 'pickup_point', 'mailbox']);
export type DeliveryType = z.infer<typeof DeliveryType>;

export const DeliveryOption = z.object({
  id,
  carrier: z.string(),
  name: z.string(),
  description: z.optional(z.string()),
  type: DeliveryType,
  /** Price including tax, in minor units of `currency`. 0 is free. */
  price: z.int().check(z.minimum(0)),
  tax_amount: z.int().check(z.minimum(0)),
  tax_rate: z.int().check(z.minimum(0), z.maximum(10_000)),
  currency: z.string(),
  /** Earliest and latest delivery dates, ISO 8601 (`YYYY-MM-DD`). */
  delivery_window: z.object({ earliest: z.string(), latest: z.string() }),
  /** Present, and non-empty, for `type: 'pickup_point'`. */
  pickup_points: z.optional(z.array(PickupPoint)),
});
export type DeliveryOption = z.infer<typeof DeliveryOption>;

export const DeliveryMethodsPlacement = z.object({
  placement: z.literal('DELIVERY_METHODS'),
  delivery_options: z.array(DeliveryOption),
});
export type DeliveryMethodsPlacement = z.infer<typeof DeliveryMethodsPlacement>;

export const ExpressButton = z.object({
  id,
  name: z.string(),
});
export type ExpressButton = z.infer<typeof ExpressButton>;

export const ExpressButtonsPlacement = z.object({
  placement: z.literal('EXPRESS_BUTTONS'),
  buttons: z.array(ExpressButton),
  /**
   * Where the shopper approves an express purchase: a URL template with
   * `{order_id}`. The approval page tells its opener the outcome with
   * `postMessage` (see {@link ExpressApprovalMessage}) to the merchant's origin only.
   */
  approval_url: z.string().check(z.includes('{order_id}')),
});
export type ExpressButtonsPlacement = z.infer<typeof ExpressButtonsPlacement>;

/** What the approval page posts to its opener (or parent, when in an iframe). */
export const ExpressApprovalMessage = z.object({
  type: z.literal('kustom:express'),
  status: z.enum(['approved', 'cancelled']),
  order_id: z.string(),
  /** Where the merchant should send the shopper after approval (the order's `merchant_urls.confirmation`). */
  redirect_url: z.optional(z.string()),
});
export type ExpressApprovalMessage = z.infer<typeof ExpressApprovalMessage>;

/** The Elements API's error body. */
export const ElementsErrorBody = z.object({
  code: z.string(),
  message: z.string(),
});
export type ElementsErrorBody = z.infer<typeof ElementsErrorBody>;
export type ElementsErrorCode = 'CLIENT_NOT_FOUND' | 'ORIGIN_NOT_ALLOWED' | 'BAD_VALUE' | (string & {});
