/** Shared helpers of the sandbox tests: a frozen sandbox and a tiny JSON client over its fetch handler. */
import { lineTotals, orderTotals } from '@kustom/sdk';
import type { CreateCheckoutOrderRequest, OrderLine } from '@kustom/sdk/schemas';
import { createSandbox, type Sandbox, type SandboxOptions } from '../src/index.js';

/** A Monday, 10:00 UTC. */
export const NOW = '2025-03-03T10:00:00Z';
export const BASE = 'http://sandbox.test';
export const KEY = 'kco_test_api_sandbox';
export const AUTH = { authorization: `Basic ${KEY}` };
export const PUBLIC_KEY = 'kustom_pk_test_sandbox';

export function testSandbox(options: SandboxOptions = {}): Sandbox {
  return createSandbox({ now: NOW, ...options });
}

export interface Answer<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

export async function call<T = any>(
  sandbox: Sandbox | ((input: RequestInfo | URL, init?: RequestInit) => Promise<Response>),
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Answer<T>> {
  const fetch = typeof sandbox === 'function' ? sandbox : sandbox.fetch;
  const response = await fetch(`${BASE}${path}`, {
    method,
    headers: { ...(path.startsWith('/sandbox/') ? {} : AUTH), ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
    ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
  });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    // HTML or JS: keep the text.
  }
  return { status: response.status, headers: response.headers, body: parsed as T };
}

export function line(name: string, quantity: number, unit_price: number, tax_rate = 2500, extra: Partial<OrderLine> = {}): OrderLine {
  const discount = extra.total_discount_amount ?? 0;
  return { name, quantity, unit_price, tax_rate, ...extra, ...lineTotals({ quantity, unit_price, tax_rate, total_discount_amount: discount }) };
}

export function checkoutBody(lines: OrderLine[] = [line('Mug', 2, 12500)], extra: Partial<CreateCheckoutOrderRequest> = {}): CreateCheckoutOrderRequest {
  return {
    purchase_country: 'SE',
    purchase_currency: 'SEK',
    locale: 'sv-SE',
    ...orderTotals(lines),
    order_lines: lines,
    merchant_urls: {
      terms: 'https://shop.example/terms',
      checkout: 'https://shop.example/checkout',
      confirmation: 'https://shop.example/confirmation?id={checkout.order.id}',
      push: 'https://shop.example/push',
    },
    ...extra,
  };
}

/** Creates and completes a checkout: an `AUTHORIZED` Order Management order. */
export async function authorizedOrder(
  sandbox: Sandbox,
  lines: OrderLine[] = [line('Mug', 2, 12500)],
  extra: Partial<CreateCheckoutOrderRequest> = {},
  complete: Record<string, unknown> = {},
): Promise<string> {
  const created = await call(sandbox, 'POST', '/checkout/v3/orders', checkoutBody(lines, extra));
  if (created.status !== 201) throw new Error(`create failed: ${JSON.stringify(created.body)}`);
  const completed = await call(sandbox, 'POST', `/sandbox/v1/checkouts/${created.body.order_id}/complete`, complete);
  if (completed.status !== 200) throw new Error(`complete failed: ${JSON.stringify(completed.body)}`);
  return created.body.order_id as string;
}
