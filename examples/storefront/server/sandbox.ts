/**
 * What only the local sandbox can do, kept apart from the real integration:
 *
 * - **The shopper's part of the checkout.** In production the shopper completes the
 *   purchase in Kustom's checkout (the order's `html_snippet`) and Kustom sends them to
 *   `merchant_urls.confirmation`. The sandbox has no checkout UI, so its test control
 *   `POST /sandbox/v1/checkouts/{id}/complete` stands in for the shopper, with the
 *   choices they made on our checkout page.
 * - **Orders the merchant server did not create.** The API has no "list orders" call;
 *   for the demo data the sandbox's `GET /sandbox/v1/orders` names them.
 * - **The clock.** The sandbox's clock can be frozen or moved; the back office decides
 *   expiry and the allowed actions at the sandbox's time, not the machine's.
 */
import type { Address } from '@kustom/sdk';

export interface SandboxControls {
  completeCheckout(orderId: string, choice: { payment_method: string; shipping_option_id?: string | undefined; billing_address?: Address; shipping_address?: Address }): Promise<void>;
  orderIds(): Promise<string[]>;
  now(): Promise<Date>;
  /** The clock and whether it is frozen (it then moves only when told). */
  clock(): Promise<{ now: Date; frozen: boolean }>;
}

export function sandboxControls(sandboxUrl: string): SandboxControls {
  const base = sandboxUrl.replace(/\/+$/, '');
  async function call(path: string, init?: RequestInit): Promise<unknown> {
    const response = await fetch(`${base}${path}`, init);
    const body: unknown = await response.json().catch(() => undefined);
    if (!response.ok) {
      const messages = (body as { error_messages?: string[] } | undefined)?.error_messages ?? [];
      throw new Error(`sandbox ${init?.method ?? 'GET'} ${path}: ${response.status} ${messages.join(' ')}`);
    }
    return body;
  }
  return {
    async completeCheckout(orderId, choice) {
      await call(`/sandbox/v1/checkouts/${encodeURIComponent(orderId)}/complete`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(choice),
      });
    },
    async orderIds() {
      const { orders } = (await call('/sandbox/v1/orders')) as { orders: { order_id: string }[] };
      return orders.map((o) => o.order_id);
    },
    async now() {
      return (await this.clock()).now;
    },
    async clock() {
      const { now, frozen } = (await call('/sandbox/v1/clock')) as { now: string; frozen: boolean };
      return { now: new Date(now), frozen: frozen === true };
    },
  };
}
