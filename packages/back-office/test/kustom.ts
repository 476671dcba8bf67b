/**
 * A real sandbox over real local HTTP, and the SDK clients of its store, for the
 * intake, action and handler tests.
 */
import { createKustomStores, type KustomClient, type KustomStores, type Order } from '@kustom/sdk';
import { DEFAULT_API_KEY, DEFAULT_MERCHANT_ID } from '@kustom/sandbox';
import { startSandboxServer, type SandboxServer } from '@kustom/sandbox/server';

export const MERCHANT = DEFAULT_MERCHANT_ID;
/** A second store (same sandbox, key credentials), for store switching. */
export const SECOND = 'PN55555';
export const API_KEY = DEFAULT_API_KEY;

export interface TestKustom {
  server: SandboxServer;
  url: string;
  stores: KustomStores;
  kustom: KustomClient;
  /** A completed checkout: an AUTHORIZED Order Management order. */
  newOrder(over?: { amount?: number; lines?: number; country?: string }): Promise<Order>;
  close(): Promise<void>;
}

export async function startKustom(options: { now?: string; seed?: 'demo' | 'empty' } = {}): Promise<TestKustom> {
  const server = await startSandboxServer({ port: 0, now: options.now ?? '2026-03-02T10:00:00Z', seed: options.seed ?? 'empty' });
  const url = server.url.replace(/\/+$/, '');
  const stores = createKustomStores({
    [MERCHANT]: { username: `${MERCHANT}-sandbox`, password: API_KEY, baseUrl: url, retryBackoff: { initialDelay: 1, maxDelay: 5 } },
    [SECOND]: { apiKey: API_KEY, baseUrl: url, retryBackoff: { initialDelay: 1, maxDelay: 5 } },
  });
  const kustom = stores.get(MERCHANT);
  let n = 0;
  return {
    server,
    url,
    stores,
    kustom,
    async newOrder(over = {}) {
      n++;
      const lines = over.lines ?? 2;
      const unit = over.amount ?? 12_500;
      const order_lines = Array.from({ length: lines }, (_, i) => ({
        type: 'physical' as const,
        reference: `SKU-${i + 1}`,
        name: `Item ${i + 1}`,
        quantity: 2,
        unit_price: unit,
        tax_rate: 2500,
        total_amount: 2 * unit,
        total_tax_amount: (2 * unit) / 5,
      }));
      const total = order_lines.reduce((s, l) => s + l.total_amount, 0);
      const checkout = await kustom.checkout.orders.create({
        purchase_country: over.country ?? 'SE',
        purchase_currency: 'SEK',
        locale: 'sv-SE',
        order_amount: total,
        order_tax_amount: total / 5,
        order_lines,
        merchant_reference1: `R-${n}`,
        merchant_urls: {
          terms: 'https://shop.example/terms',
          checkout: 'https://shop.example/checkout',
          confirmation: 'https://shop.example/thanks?id={checkout.order.id}',
          push: 'https://shop.example/push?order_id={checkout.order.id}',
        },
      });
      server.sandbox.completeCheckout(checkout.order_id!, { payment_method: 'klarna' });
      return kustom.orders.get(checkout.order_id!);
    },
    close: () => server.close(),
  };
}
