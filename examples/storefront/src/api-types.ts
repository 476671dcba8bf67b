/**
 * The merchant server's JSON API, shared by the pages and the server (types only).
 * Kustom's own objects (`Order`, `CheckoutOrder`) pass through unchanged.
 */
import type { CheckoutOrder, Order, OrderSearchResult, RepeatedOrderGroup, ExpiringOrder } from '@kustom/sdk';
import type { CartItem } from './order-lines.js';

/** What a page needs to configure the elements. The public key only: the secret key stays on the server. */
export interface StorefrontConfig {
  publicApiKey: string;
  /** Where the elements reach the Elements API (the sandbox in the demo). */
  elementsBaseUrl: string;
  purchaseCountry: string;
  currency: string;
  locale: string;
}

export interface ShopperAddress {
  email: string;
  given_name: string;
  family_name: string;
  street_address: string;
  postal_code: string;
  city: string;
}

/** POST /api/checkout: the checkout form. */
export interface PlaceOrderRequest {
  items: CartItem[];
  /** The payment method element's value. */
  payment_method: string;
  /** The delivery element's value and, for a pickup point option, the point. */
  delivery: string;
  delivery_pickup_point?: string | undefined;
  address: ShopperAddress;
}

export interface PlaceOrderResponse {
  order_id: string;
  /** The confirmation page, as Kustom would redirect to it. */
  redirect_url: string;
}

/** POST /api/express-orders */
export interface ExpressOrderRequest {
  items: CartItem[];
}
export interface ExpressOrderResponse {
  order_id: string;
}

/** GET /api/orders/{id}: the confirmation page. */
export interface ConfirmationResponse {
  checkout: Pick<CheckoutOrder, 'order_id' | 'status' | 'purchase_currency' | 'order_amount' | 'order_tax_amount' | 'order_lines' | 'merchant_reference1'>;
  order: Order | undefined;
}

/** Every error answer of the merchant server. */
export interface ApiErrorResponse {
  error: {
    /** The Kustom error code (`CAPTURE_NOT_ALLOWED`), a planner's (`OVER_CAPTURE`) or the server's own (`BAD_REQUEST`). */
    code: string;
    message: string;
    /** The offending field, when one is to blame (`lines[1].quantity`). */
    field?: string | undefined;
    correlation_id?: string | undefined;
  };
}

/** The back office's orders page. */
export interface OrdersPageResponse {
  /** The time the merchant server decided with (the sandbox clock in the demo). */
  now: string;
  result: OrderSearchResult;
  /** Values present among all orders, for the filters. */
  facets: { statuses: string[]; countries: string[]; currencies: string[]; paymentMethods: string[] };
  /** How many orders the server knows in total. */
  known: number;
  expiring: ExpiringOrder[];
  repeated: RepeatedOrderGroup[];
}

/** One order for the drawer: the drawer computes actions, reservation and timeline with the SDK's helpers at `now`. */
export interface OrderResponse {
  now: string;
  order: Order;
}

/** The drawer's actions, each sent to POST /api/back-office/orders/{id}/{action}. */
export type BackOfficeAction = 'capture' | 'refund' | 'cancel' | 'release' | 'extend' | 'edit';

export type LineSelection = { reference: string; quantity: number }[];

/** The body of an action: what the merchant chose; the server plans it with the SDK's helpers on the order as it is now. */
export type ActionRequest =
  | { action: 'capture' | 'refund'; spec: { kind: 'full' } | { kind: 'lines'; lines: LineSelection } | { kind: 'amount'; amount: number; tax_rate: number; description: string } }
  | { action: 'cancel' | 'release' | 'extend' }
  | { action: 'edit'; lines: LineSelection };

export interface ActionResponse extends OrderResponse {
  /** What Kustom answered: the capture or refund id, or nothing (204). */
  result: { capture_id?: string; refund_id?: string };
}
