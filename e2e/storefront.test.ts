/**
 * The storefront example end to end, in Chromium against the sandbox: a purchase
 * through the checkout form (payment method and delivery from the elements), express
 * checkout approved and cancelled in Kustom's approval popup, and what the merchant
 * server refuses. Screenshots of the checkout (light and dark) go to test-artifacts/
 * (and, with UPDATE_SCREENSHOTS=1, to docs/screenshots/).
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { elementsSettled, ensureStorefrontBuilt, launchChromium, saveScreenshot, startStorefront, watchProblems, type Storefront } from './support/storefront.js';

// A Monday morning: delivery windows and dates in the screenshots stay the same.
const NOW = '2025-03-03T09:00:00Z';

let shop: Storefront;
let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  ensureStorefrontBuilt();
  [shop, browser] = await Promise.all([startStorefront({ now: NOW }), launchChromium()]);
});
afterAll(async () => {
  await browser?.close();
  await shop?.close();
});
afterEach(async () => {
  await context?.close();
});

async function newPage(colorScheme: 'light' | 'dark' = 'light'): Promise<{ page: Page; problems: string[] }> {
  context = await browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme });
  const page = await context.newPage();
  return { page, problems: watchProblems(page) };
}

/** Sweater ×1, socks ×3 (3 for 2), beanie ×1, added the way a shopper does. */
async function fillCart(page: Page) {
  await page.goto(`${shop.url}/`);
  const add = (id: string) => page.getByTestId(`product-${id}`).getByRole('button', { name: 'Add to cart' }).click();
  await add('merino-sweater');
  for (let i = 0; i < 3; i++) await add('wool-socks');
  await add('ribbed-beanie');
  await expect.poll(() => text(page.getByTestId('cart-count'))).toBe('5');
  await expect.poll(() => text(page.getByTestId('cart-total'))).toBe('2 026,00 kr');
}

/** Text with the non-breaking spaces of `Intl` amounts made plain. */
const text = async (locator: { textContent(): Promise<string | null> }) => (await locator.textContent())?.replace(/[\u00a0\u202f]/g, ' ');

/** A full cart, the checkout, a click on "Pay with <wallet>": the approval popup and the order the merchant server created. */
async function openExpressApproval(page: Page, wallet = /Klarna/) {
  await fillCart(page);
  await page.goto(`${shop.url}/checkout/`);
  await elementsSettled(page);
  const created = page.waitForResponse((r) => r.url().endsWith('/api/express-orders') && r.status() === 201);
  const [popup] = await Promise.all([page.waitForEvent('popup'), page.locator('kustom-express-buttons').getByRole('button', { name: wallet }).click()]);
  const { order_id: orderId } = (await (await created).json()) as { order_id: string };
  return { popup, orderId };
}

async function screenshot(page: Page, name: string) {
  // From the top, so the sticky order summary sits where a visitor first sees it.
  await page.evaluate(() => window.scrollTo(0, 0));
  await saveScreenshot(page, name, { fullPage: true });
}

describe('storefront checkout', () => {
  it('a purchase: payment method and pickup point chosen, confirmation shown, the order AUTHORIZED in the sandbox', async () => {
    const { page, problems } = await newPage();
    await fillCart(page);
    await page.getByRole('link', { name: 'Go to checkout' }).click();
    await page.waitForURL(`${shop.url}/checkout/`);
    expect(await elementsSettled(page)).toEqual(['ready', 'ready', 'ready']);

    // A pickup point option, then the second pickup point; the summary follows the choice.
    const delivery = page.locator('kustom-delivery-method-display');
    await delivery.getByRole('radio', { name: /^Service point.*PostNord/ }).check();
    const points = delivery.locator('[part~="kustom-pickup-point"], [part~="kustom-pickup-point-checked"]');
    await expect.poll(() => points.count()).toBe(3);
    await points.nth(1).click();
    await expect.poll(() => text(page.getByTestId('summary-shipping'))).toBe('Free');
    await page.locator('kustom-payment-method-display').getByRole('radio', { name: /^Card/ }).check();
    await expect.poll(() => text(page.getByTestId('summary-total'))).toBe('2 026,00 kr');
    await screenshot(page, 'checkout-light.png');

    const form = await page.evaluate(() => Object.fromEntries(new FormData(document.querySelector('form')!)));
    expect(form).toMatchObject({ payment_method: 'card', delivery: 'postnord-service-point' });
    expect(form['delivery-pickup-point']).toMatch(/^postnord-service-point-/);
    // The point as the shopper saw it: name and address.
    const chosen = points.nth(1);
    const pointName = await text(chosen.locator('[part~="kustom-name"]'));
    const pointAddress = await text(chosen.locator('[part~="kustom-address"]'));

    await page.getByRole('button', { name: /^Place order/ }).click();
    await page.waitForURL(/\/confirmation\/\?order_id=/);
    await expect.poll(() => page.getByTestId('order-status').getAttribute('data-status')).toBe('AUTHORIZED');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Thank you, Astrid!');
    expect(await text(page.getByTestId('order-payment'))).toMatch(/card/i);
    expect(await text(page.getByTestId('order-delivery'))).toBe('PostNord Service point');
    // The pickup point the shopper chose reaches the confirmation: name, address, id.
    expect(await text(page.getByTestId('order-pickup-point'))).toBe(`${pointName}${pointAddress}`);
    expect(await page.getByTestId('order-pickup-point').getAttribute('data-pickup-point-id')).toBe(form['delivery-pickup-point']);
    expect(await text(page.getByTestId('order-total'))).toBe('2 026,00 kr');
    expect(await page.getByTestId('cart-count').isHidden()).toBe(true);

    // What Kustom holds: the merchant server's lines and amounts, exactly.
    const orderId = new URL(page.url()).searchParams.get('order_id')!;
    const order = await shop.kustom.orders.get(orderId);
    expect(order.status).toBe('AUTHORIZED');
    expect(order.order_amount).toBe(202600);
    expect(order.initial_payment_method?.type).toBe('CARD');
    expect(order.selected_shipping_option).toMatchObject({ id: 'postnord-service-point', name: 'PostNord Service point', price: 0, carrier: 'PostNord', class: 'pickup_point', method: 'PickUpPoint' });
    const [street, place] = pointAddress!.split(', ');
    expect(order.selected_shipping_option?.location).toEqual({
      id: form['delivery-pickup-point'],
      name: pointName,
      address: { street_address: street, postal_code: place!.split(' ').slice(0, -1).join(' '), city: place!.split(' ').at(-1), country: 'SE' },
    });
    // Each line tells the carriers what it weighs and measures.
    expect(order.order_lines.find((l) => l.reference === 'merino-sweater')?.shipping_attributes).toEqual({ weight: 450, dimensions: { length: 320, width: 250, height: 60 } });
    expect(order.billing_address).toMatchObject({ email: 'astrid.lindqvist@example.com', given_name: 'Astrid', family_name: 'Lindqvist', postal_code: '111 34' });
    expect(order.order_lines.map((l) => [l.reference, l.quantity, l.total_discount_amount ?? 0, l.total_amount, l.total_tax_amount])).toEqual([
      ['merino-sweater', 1, 0, 129900, 25980],
      ['wool-socks', 3, 18900, 37800, 7560],
      ['ribbed-beanie', 1, 0, 34900, 6980],
    ]);

    // The back office shows the same pickup point in the order's drawer (the order came by the push).
    await shop.signIn(page.context(), 'admin');
    await page.goto(`${shop.url}/back-office/?order=${encodeURIComponent(orderId)}`);
    const pickup = page.getByTestId('order-drawer').getByTestId('drawer-pickup-point');
    await expect.poll(() => text(pickup)).toBe(`${pointName}${pointAddress}`);
    expect(await pickup.getAttribute('data-pickup-point-id')).toBe(form['delivery-pickup-point']);
    expect(problems).toEqual([]);
  });

  it('dark mode follows the system setting, elements included', async () => {
    const { page, problems } = await newPage('dark');
    await fillCart(page);
    await page.goto(`${shop.url}/checkout/`);
    await elementsSettled(page);
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    expect(await page.locator('kustom-payment-method-display').getAttribute('theme')).toBe('dark');
    const delivery = page.locator('kustom-delivery-method-display');
    await delivery.getByRole('radio', { name: /^Evening home delivery/ }).check();
    await expect.poll(() => text(page.getByTestId('summary-shipping'))).toBe('69,00 kr');
    await expect.poll(() => text(page.getByTestId('summary-total'))).toBe('2 095,00 kr');
    await page.locator('kustom-payment-method-display').getByRole('radio', { name: /^Klarna/ }).check();
    await screenshot(page, 'checkout-dark.png');
    expect(problems).toEqual([]);
  });

  it('express checkout with Apple Pay approved in the popup: confirmation and order say Apple Pay, home delivery', async () => {
    const { page, problems } = await newPage();
    // A browser that can pay with Apple Pay (Safari on a device with it): the button shows.
    await page.addInitScript(() => {
      (window as unknown as { ApplePaySession: unknown }).ApplePaySession = { canMakePayments: () => true };
    });
    const { popup, orderId } = await openExpressApproval(page, /Apple Pay/);
    // The approval page is told which wallet pays.
    await popup.waitForURL((url) => url.pathname.includes('/sandbox/express/') && url.searchParams.get('method') === 'applepay');
    await popup.getByTestId('express-approve').click();
    await page.waitForURL(`${shop.url}/confirmation/?order_id=${orderId}`);
    await expect.poll(() => page.getByTestId('order-status').getAttribute('data-status')).toBe('AUTHORIZED');
    // The wallet actually used, not the checkout's default.
    expect(await text(page.getByTestId('order-payment'))).toBe('Apple Pay');
    const order = await shop.kustom.orders.get(orderId);
    expect(order.status).toBe('AUTHORIZED');
    expect(order.initial_payment_method).toEqual({ type: 'CARD', description: 'Apple Pay' });
    // A sweater does not go through a mailbox: delivered to the door.
    expect(order.selected_shipping_option).toMatchObject({ method: 'Home', class: 'home' });
    expect(await text(page.getByTestId('order-delivery'))).toBe(order.selected_shipping_option!.name!);
    expect(order.order_lines.filter((l) => l.type === 'physical').map((l) => [l.reference, l.quantity])).toEqual([
      ['merino-sweater', 1],
      ['wool-socks', 3],
      ['ribbed-beanie', 1],
    ]);
    // Free delivery above 500 kr: the cheapest home option, preselected, costs nothing.
    expect(order.selected_shipping_option?.price).toBe(0);
    expect(order.order_amount).toBe(202600);
    expect(problems).toEqual([]);
  });

  it('express checkout cancelled in the popup: the shopper stays, the checkout order is aborted', async () => {
    const { page, problems } = await newPage();
    const { popup, orderId } = await openExpressApproval(page);
    const aborted = page.waitForResponse((r) => r.url().endsWith(`/api/express-orders/${orderId}/abort`));
    await popup.getByTestId('express-cancel').click();
    await expect.poll(() => page.locator('#express-status').textContent()).toBe('Express checkout was cancelled. Your cart is still here.');
    expect((await aborted).status()).toBe(200);
    expect(page.url()).toBe(`${shop.url}/checkout/`);
    expect(await text(page.getByTestId('cart-count'))).toBe('5');
    // Aborted: no Order Management order, and the checkout order is read-only.
    await expect(shop.kustom.orders.get(orderId)).rejects.toMatchObject({ status: 404 });
    await expect(shop.kustom.checkout.orders.update(orderId, { merchant_reference2: 'late' })).rejects.toMatchObject({ status: 403, error_code: 'READ_ONLY_ORDER' });
    expect(problems).toEqual([]);
  });
});

describe('the merchant server decides the amounts', () => {
  const post = (path: string, body: unknown) =>
    fetch(`${shop.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }).then(async (r) => ({ status: r.status, body: (await r.json()) as Record<string, any> }));
  const address = { email: 'a@example.com', given_name: 'A', family_name: 'B', street_address: 'Gatan 1', postal_code: '111 34', city: 'Stockholm' };

  it('express orders offer the deliveries that suit the cart: a mailbox for socks, never for a blanket', async () => {
    const options = async (items: { id: string; quantity: number }[]) => {
      const { status, body } = await post('/api/express-orders', { items });
      expect(status).toBe(201);
      const checkout = await shop.kustom.checkout.orders.get(body.order_id as string);
      return checkout.shipping_options!.map((o) => ({ method: o.shipping_method, preselected: o.preselected ?? false, carrier: o.delivery_details?.carrier }));
    };
    const socks = await options([{ id: 'wool-socks', quantity: 2 }]);
    expect(socks.find((o) => o.preselected)).toMatchObject({ method: 'BoxReg', carrier: 'PostNord' });
    const blanket = await options([{ id: 'wool-throw', quantity: 1 }]);
    expect(blanket.map((o) => o.method)).not.toContain('BoxReg');
    expect(blanket.find((o) => o.preselected)?.method).toBe('Home');
    // Small things, but too many for one mailbox, go to the door too.
    expect((await options([{ id: 'lambswool-scarf', quantity: 3 }])).map((o) => o.method)).not.toContain('BoxReg');
    // No pickup point without the shopper choosing one.
    expect(socks.map((o) => o.method)).not.toContain('PickUpPoint');
  });

  it('refuses an unknown product, a bad quantity, a delivery option not offered and a payment method not available, naming the field', async () => {
    const base = { items: [{ id: 'merino-sweater', quantity: 1 }], payment_method: 'card', delivery: 'postnord-home', address };
    expect(await post('/api/checkout', { ...base, items: [{ id: 'gold-bar', quantity: 1 }] })).toMatchObject({ status: 400, body: { error: { code: 'BAD_CART', field: 'items[0].id' } } });
    expect(await post('/api/checkout', { ...base, items: [{ id: 'merino-sweater', quantity: 1.5 }] })).toMatchObject({ status: 400, body: { error: { field: 'items[0].quantity' } } });
    expect(await post('/api/checkout', { ...base, delivery: 'teleport' })).toMatchObject({ status: 409, body: { error: { code: 'DELIVERY_UNAVAILABLE', field: 'delivery' } } });
    expect(await post('/api/checkout', { ...base, payment_method: 'vipps' })).toMatchObject({ status: 409, body: { error: { code: 'PAYMENT_METHOD_UNAVAILABLE', field: 'payment_method' } } });
    expect(await post('/api/checkout', { ...base, address: { ...address, email: 'nope' } })).toMatchObject({ status: 400, body: { error: { field: 'address.email' } } });
  });

  it('ignores prices sent by the page: the catalogue and the Elements API set every amount', async () => {
    const { status, body } = await post('/api/checkout', {
      items: [{ id: 'wool-throw', quantity: 1, unit_price: 100 }],
      payment_method: 'klarna',
      delivery: 'budbee-evening',
      address,
      order_amount: 1,
      price: 0,
    });
    expect(status).toBe(201);
    const order = await shop.kustom.orders.get(body.order_id);
    expect(order.order_lines.map((l) => [l.type, l.reference, l.total_amount])).toEqual([
      ['physical', 'wool-throw', 149000],
      ['shipping_fee', 'budbee-evening', 6900],
    ]);
    expect(order.order_amount).toBe(155900);
  });

  it('shows only its own orders on the confirmation page', async () => {
    const demoId = (await shop.sandboxOrderIds()).at(-1)!; // the oldest: demo data, not made by this server
    const response = await fetch(`${shop.url}/api/orders/${demoId}`);
    expect(response.status).toBe(404);
  });
});
