/** Order Management API v1 (`/ordermanagement/v1/orders`). */
import * as z from 'zod/mini';
import {
  Address,
  CountryCode,
  CurrencyCode,
  DateTime,
  MinorUnits,
  AnswerShippingInfo,
  OrderManagementAuthorizationLine,
  OrderManagementAnswerLine,
  OrderManagementOrderLine,
  OrderManagementRequestLine,
  PositiveMinorUnits,
  openEnum,
  ShippingInfo,
  UnboundedAddress,
} from './common.js';

/** The order statuses the documents list (tables keyed by status use these; a filter may name only these). */
export const KnownOrderStatus = z.enum(['AUTHORIZED', 'PART_CAPTURED', 'CAPTURED', 'CANCELLED', 'EXPIRED', 'CLOSED']);
export type KnownOrderStatus = z.infer<typeof KnownOrderStatus>;
/**
 * An order's `status` as read: a known status, or one the SDK does not know yet (kept
 * as read; `orderActions` allows nothing on it, reason `UNKNOWN_STATUS`, and
 * `statusLabel` shows it as it is).
 */
export const OrderStatus = openEnum(KnownOrderStatus.options);
export type OrderStatus = z.infer<typeof OrderStatus>;

/** The fraud statuses the documents list: what a request (the sandbox's control, say) may set. */
export const KnownFraudStatus = z.enum(['ACCEPTED', 'PENDING', 'REJECTED']);
export type KnownFraudStatus = z.infer<typeof KnownFraudStatus>;
/** `ACCEPTED`, `PENDING`, `REJECTED`, or a value the SDK does not know yet (kept as read). */
export const FraudStatus = openEnum(KnownFraudStatus.options);
export type FraudStatus = z.infer<typeof FraudStatus>;

export const InitialPaymentMethod = z.object({
  /** `INVOICE`, `CARD`, `SWISH`, `PAY_LATER_IN_PARTS`, … (see the published list). */
  type: z.optional(z.string()),
  description: z.optional(z.string()),
  number_of_installments: z.optional(z.int()),
});
export type InitialPaymentMethod = z.infer<typeof InitialPaymentMethod>;

export const SelectedShippingOption = z.object({
  id: z.optional(z.string()),
  name: z.optional(z.string()),
  carrier: z.optional(z.string()),
  class: z.optional(z.string()),
  method: z.optional(z.string()),
  type: z.optional(z.string()),
  price: z.optional(MinorUnits),
  tax_amount: z.optional(MinorUnits),
  tax_rate: z.optional(z.int()),
  tms_reference: z.optional(z.string()),
  location: z.optional(
    z.object({
      id: z.optional(z.string()),
      name: z.optional(z.string()),
      price: z.optional(MinorUnits),
      address: z.optional(UnboundedAddress),
    }),
  ),
});

export const Capture = z.object({
  capture_id: z.string(),
  klarna_reference: z.optional(z.string()),
  description: z.optional(z.string()),
  reference: z.optional(z.string()),
  captured_amount: MinorUnits,
  captured_at: DateTime,
  order_lines: z.optional(z.array(OrderManagementAnswerLine)),
  refunded_amount: z.optional(MinorUnits),
  billing_address: z.optional(Address),
  shipping_address: z.optional(Address),
  shipping_info: z.optional(z.array(AnswerShippingInfo)),
});
export type Capture = z.infer<typeof Capture>;

export const Refund = z.object({
  refund_id: z.string(),
  refunded_amount: MinorUnits,
  refunded_at: DateTime,
  description: z.optional(z.string()),
  reference: z.optional(z.string()),
  order_lines: z.optional(z.array(OrderManagementAnswerLine)),
});
export type Refund = z.infer<typeof Refund>;

/** An Order Management order (`MerchantOrderDto`). */
export const Order = z.object({
  order_id: z.string(),
  klarna_reference: z.optional(z.string()),
  merchant_reference1: z.optional(z.string()),
  merchant_reference2: z.optional(z.string()),
  merchant_data: z.optional(z.string()),
  status: OrderStatus,
  fraud_status: z.optional(FraudStatus),
  order_amount: MinorUnits,
  original_order_amount: MinorUnits,
  captured_amount: MinorUnits,
  refunded_amount: MinorUnits,
  remaining_authorized_amount: MinorUnits,
  purchase_country: CountryCode,
  purchase_currency: CurrencyCode,
  locale: z.optional(z.string()),
  created_at: DateTime,
  expires_at: DateTime,
  order_lines: z.array(OrderManagementOrderLine),
  captures: z.array(Capture),
  refunds: z.array(Refund),
  initial_payment_method: z.optional(InitialPaymentMethod),
  selected_shipping_option: z.optional(SelectedShippingOption),
  shipping_info: z.optional(z.array(AnswerShippingInfo)),
  billing_address: z.optional(Address),
  shipping_address: z.optional(Address),
  customer: z.optional(
    z.object({
      date_of_birth: z.optional(z.string()),
      national_identification_number: z.optional(z.string()),
    }),
  ),
});
export type Order = z.infer<typeof Order>;

const description = z.optional(z.string().check(z.maxLength(255)));
const reference = z.optional(z.string().check(z.maxLength(255)));

/** `PATCH /orders/{id}/authorization`. */
export const UpdateAuthorizationRequest = z.object({
  order_amount: PositiveMinorUnits,
  description,
  order_lines: z.optional(z.array(OrderManagementAuthorizationLine).check(z.maxLength(1000))),
});
export type UpdateAuthorizationRequest = z.infer<typeof UpdateAuthorizationRequest>;
/**
 * What `orders.updateAuthorization` takes: its lines may be an order's lines as read
 * (`order.order_lines`, whose `type` and `subscription.interval` are open). The body is
 * still checked exactly before sending: a line whose `type` or `subscription.interval`
 * the SDK does not know is refused (`KustomValidationError` naming
 * `order_lines[i].type`), never sent.
 */
export type UpdateAuthorizationInput = Omit<UpdateAuthorizationRequest, 'order_lines'> & {
  order_lines?: OrderManagementOrderLine[] | undefined;
};

/** `PATCH /orders/{id}/merchant-references`. */
export const UpdateMerchantReferencesRequest = z.object({
  merchant_reference1: reference,
  merchant_reference2: reference,
});
export type UpdateMerchantReferencesRequest = z.infer<typeof UpdateMerchantReferencesRequest>;

/** `PATCH /orders/{id}/customer-details` (the shipping address only). */
export const UpdateCustomerDetailsRequest = z.object({
  shipping_address: z.optional(Address),
});
export type UpdateCustomerDetailsRequest = z.infer<typeof UpdateCustomerDetailsRequest>;

/** `POST /orders/{id}/shipping-info` and `POST /orders/{id}/captures/{capture_id}/shipping-info`. */
export const AddShippingInfoRequest = z.object({
  shipping_info: z.array(ShippingInfo).check(z.minLength(1), z.maxLength(500)),
});
export type AddShippingInfoRequest = z.infer<typeof AddShippingInfoRequest>;

/** `POST /orders/{id}/captures`. */
export const CaptureRequest = z.object({
  captured_amount: PositiveMinorUnits,
  description,
  reference,
  order_lines: z.optional(z.array(OrderManagementRequestLine).check(z.maxLength(1000))),
  shipping_info: z.optional(z.array(ShippingInfo).check(z.maxLength(500))),
  shipping_delay: z.optional(z.int().check(z.minimum(0))),
});
export type CaptureRequest = z.infer<typeof CaptureRequest>;

/** `POST /orders/{id}/refunds`. */
export const RefundRequest = z.object({
  refunded_amount: PositiveMinorUnits,
  description,
  reference,
  order_lines: z.optional(z.array(OrderManagementRequestLine).check(z.maxLength(1000))),
});
export type RefundRequest = z.infer<typeof RefundRequest>;

/** `GET /orders/{id}/captures`. */
export const CaptureList = z.array(Capture);
