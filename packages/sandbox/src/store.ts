/**
 * The sandbox's state: checkout orders, Order Management orders, stored answers for
 * idempotent replay, fault rules and the generators' state. Timestamps are kept as
 * epoch milliseconds and turned into the API's ISO strings when answered.
 *
 * A snapshot is plain JSON: the Node server writes it to `--data FILE`.
 */
import type {
  Address,
  CheckoutShippingOption,
  CreateCheckoutOrderRequest,
  FraudStatus,
  InitialPaymentMethod,
  OrderManagementLine,
  ShippingInfo,
} from '@kustom/sdk/schemas';
import type { ClockState } from './clock.js';
import type { FaultRule } from './faults.js';
import type { RandomState } from './random.js';
import type { Reply } from './reply.js';

export interface CheckoutRecord {
  order_id: string;
  status: 'checkout_incomplete' | 'checkout_complete';
  /** Aborted by the merchant: read-only from then on. */
  aborted: boolean;
  started_at: number;
  last_modified_at: number;
  completed_at?: number | undefined;
  /** The merchant's fields, as validated. */
  data: CreateCheckoutOrderRequest;
  selected_shipping_option?: CheckoutShippingOption | undefined;
}

export interface CaptureRecord {
  capture_id: string;
  klarna_reference: string;
  captured_amount: number;
  captured_at: number;
  description?: string | undefined;
  reference?: string | undefined;
  order_lines?: OrderManagementLine[] | undefined;
  shipping_info: ShippingInfo[];
  billing_address?: Address | undefined;
  shipping_address?: Address | undefined;
}

export interface RefundRecord {
  refund_id: string;
  refunded_amount: number;
  refunded_at: number;
  description?: string | undefined;
  reference?: string | undefined;
  order_lines?: OrderManagementLine[] | undefined;
}

export interface SelectedShippingOptionRecord {
  id?: string | undefined;
  name?: string | undefined;
  carrier?: string | undefined;
  method?: string | undefined;
  type?: string | undefined;
  price?: number | undefined;
  tax_amount?: number | undefined;
  tax_rate?: number | undefined;
}

export interface OrderRecord {
  order_id: string;
  klarna_reference: string;
  merchant_reference1?: string | undefined;
  merchant_reference2?: string | undefined;
  merchant_data?: string | undefined;
  fraud_status: FraudStatus;
  order_amount: number;
  original_order_amount: number;
  purchase_country: string;
  purchase_currency: string;
  locale: string;
  /** When the order was authorized (the checkout completed). */
  created_at: number;
  expires_at: number;
  order_lines: OrderManagementLine[];
  captures: CaptureRecord[];
  refunds: RefundRecord[];
  initial_payment_method: InitialPaymentMethod;
  selected_shipping_option?: SelectedShippingOptionRecord | undefined;
  shipping_info: ShippingInfo[];
  billing_address?: Address | undefined;
  shipping_address?: Address | undefined;
  acknowledged_at?: number | undefined;
  cancelled_at?: number | undefined;
  released_at?: number | undefined;
}

/** An answer kept for replay under its idempotency key. */
export interface StoredReply {
  reply: Reply;
  at: number;
}

export interface Stores {
  checkouts: Map<string, CheckoutRecord>;
  orders: Map<string, OrderRecord>;
  /** `<credential>\u0000<key>` → the first answer. Insertion order is age order. */
  idempotency: Map<string, StoredReply>;
  faults: FaultRule[];
}

export const emptyStores = (): Stores => ({ checkouts: new Map(), orders: new Map(), idempotency: new Map(), faults: [] });

export const SNAPSHOT_FORMAT = 'kustom-sandbox';
export const SNAPSHOT_VERSION = 1;

export interface Snapshot {
  format: typeof SNAPSHOT_FORMAT;
  version: typeof SNAPSHOT_VERSION;
  clock: ClockState;
  random: { ids: RandomState; noise: RandomState };
  checkouts: CheckoutRecord[];
  orders: OrderRecord[];
  idempotency: Array<[string, StoredReply]>;
  faults: FaultRule[];
}

export function toSnapshot(stores: Stores, clock: ClockState, random: Snapshot['random']): Snapshot {
  return {
    format: SNAPSHOT_FORMAT,
    version: SNAPSHOT_VERSION,
    clock,
    random,
    checkouts: [...stores.checkouts.values()],
    orders: [...stores.orders.values()],
    idempotency: [...stores.idempotency.entries()],
    faults: stores.faults,
  };
}

/** Checks the envelope of a snapshot (the file may come from anywhere) and rebuilds the stores. */
export function fromSnapshot(value: unknown): { stores: Stores; snapshot: Snapshot } {
  const s = value as Partial<Snapshot> | null;
  if (!s || typeof s !== 'object' || s.format !== SNAPSHOT_FORMAT) {
    throw new TypeError('Not a Kustom sandbox snapshot (missing "format": "kustom-sandbox")');
  }
  if (s.version !== SNAPSHOT_VERSION) throw new TypeError(`Unsupported sandbox snapshot version ${String(s.version)}`);
  if (!Array.isArray(s.checkouts) || !Array.isArray(s.orders) || !Array.isArray(s.idempotency) || !s.clock || !s.random) {
    throw new TypeError('Corrupt sandbox snapshot: missing checkouts, orders, idempotency, clock or random');
  }
  const snapshot = s as Snapshot;
  return {
    snapshot,
    stores: {
      checkouts: new Map(snapshot.checkouts.map((c) => [c.order_id, c])),
      orders: new Map(snapshot.orders.map((o) => [o.order_id, o])),
      idempotency: new Map(snapshot.idempotency),
      faults: Array.isArray(snapshot.faults) ? snapshot.faults : [],
    },
  };
}
