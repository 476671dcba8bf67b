/**
 * The express flow in Storybook: the merchant's `createOrder` (a checkout order
 * in the story's sandbox, through the SDK), the static approval page in
 * `public/` (a static build has no sandbox server for the real one), a popup
 * blocker on demand, and the shopper's part for the play functions.
 */
import { createKustomClient, lineTotals } from '@kustom/sdk';
import type { Sandbox } from '@kustom/sandbox';
import type { ExpressCreateOrder } from '@kustom/elements';
import type { StoryContext } from '@storybook/web-components-vite';
import { expect, waitFor } from 'storybook/test';
import { market, SANDBOX_URL, SECRET_KEY, type PurchaseArgs } from './harness.js';

/** What the merchant's server answers when a button is clicked. */
export type Merchant = 'creates the order' | 'rejects (out of stock)';
/** Whether the browser lets the element open its popup. */
export type Popup = 'allowed' | 'blocked';

/**
 * The approval page for this story: `public/express-approval.html` next to
 * Storybook's iframe (same origin as the story, also in a static build), with the
 * purchase the page shows. The sandbox adds `client_id` and `origin`.
 */
export function approvalUrl(context: StoryContext): string {
  const args = context.args as Partial<PurchaseArgs>;
  const { locale, currency, theme } = market(args, context.globals);
  const page = new URL('express-approval.html', location.href);
  const query = new URLSearchParams({ locale, theme, amount: String(args.amount ?? 0), currency });
  // `{order_id}` stays literal: the element fills it in.
  return `${page.origin}${page.pathname}?order_id={order_id}&${query}`;
}

/**
 * The merchant's server, in the page: creates a checkout order for the amount in
 * the story's sandbox (the SDK's server client on the sandbox's handler; never do
 * this in a real page, the secret key would be public), or refuses.
 */
export function merchantCreateOrder(
  sandbox: Sandbox,
  merchant: Merchant,
  purchase: { locale: string; country: string; currency: string; amount: number },
): ExpressCreateOrder {
  return async (resolve, reject) => {
    if (merchant !== 'creates the order') return reject('out of stock');
    const kustom = createKustomClient({
      apiKey: SECRET_KEY,
      baseUrl: SANDBOX_URL,
      fetch: (request) => sandbox.fetch(request),
      dangerouslyAllowBrowser: true,
    });
    const line = { name: 'Storybook T-shirt', quantity: 1, unit_price: purchase.amount, tax_rate: 2500 };
    const totals = lineTotals(line);
    const order = await kustom.checkout.orders.create({
      purchase_country: purchase.country,
      purchase_currency: purchase.currency,
      locale: purchase.locale,
      order_amount: totals.total_amount,
      order_tax_amount: totals.total_tax_amount,
      order_lines: [{ ...line, ...totals }],
      merchant_urls: {
        terms: 'https://shop.example/terms',
        checkout: 'https://shop.example/checkout',
        confirmation: 'https://shop.example/thanks?order={checkout.order.id}',
        push: 'https://shop.example/push?order={checkout.order.id}',
      },
    });
    resolve({ orderId: order.order_id });
  };
}

/**
 * Whether `window.open` is blocked: set by the story around the element that is
 * being clicked (a capture listener runs before the element's own click handler),
 * so several stories on one docs page each keep their own setting.
 */
let popups: Popup = 'allowed';
export const popupsFor = (value: Popup) => ({
  handleEvent: () => {
    popups = value;
  },
  capture: true,
});

/** The windows the element opened in this story. */
export const opened: Window[] = [];
let watchers = 0;
let original: typeof window.open | undefined;

/**
 * For the express stories (`beforeEach`): records the windows the element opens,
 * and makes `window.open` return `null` (what a popup blocker does) where the
 * story's `popup` control says `blocked`. Undone when the last story is left.
 */
export function watchPopups(): () => void {
  if (watchers++ === 0) {
    const native = (original = window.open);
    opened.length = 0;
    window.open = function (this: Window, ...args: Parameters<typeof window.open>) {
      if (popups === 'blocked') return null;
      const popup = native.apply(this, args);
      if (popup) opened.push(popup);
      return popup;
    } as typeof window.open;
  }
  return () => {
    if (--watchers > 0) return;
    window.open = original!;
    for (const popup of opened.splice(0)) popup.close();
  };
}

/** The approval page's window: the popup, else the dialog's iframe. */
function approvalWindow(buttons: Element): Window | null {
  const popup = opened.at(-1);
  if (popup && !popup.closed) return popup;
  return buttons.shadowRoot?.querySelector('iframe')?.contentWindow ?? null;
}

/** Waits until the approval page is loaded and ready (in the popup or the dialog). */
export async function approvalPage(buttons: Element): Promise<Document> {
  return waitFor(
    () => {
      let page: Document | undefined;
      try {
        page = approvalWindow(buttons)?.document;
      } catch {
        // Not the approval page (yet): another origin while it navigates.
      }
      const root = page?.getElementById('kustom-express');
      if (!page || root?.dataset.ready !== 'true') throw new Error('the approval page is not ready yet');
      return page;
    },
    { timeout: 15_000 },
  );
}

/** The shopper presses Approve or Cancel on the approval page. */
export async function shopper(buttons: Element, action: 'approve' | 'cancel'): Promise<void> {
  const page = await approvalPage(buttons);
  const button = page.getElementById(`kustom-express-${action}`) as HTMLButtonElement;
  await expect(button.disabled).toBe(false);
  button.click();
}
