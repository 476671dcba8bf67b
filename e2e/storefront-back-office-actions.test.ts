/**
 * Every action of the back office's order drawer, in Chromium against the sandbox:
 * edit (fewer units), extend (after the sandbox clock moved on), capture an amount,
 * capture everything left, refund everything, cancel; the drawer offers exactly what
 * `orderActions` allows after each step, and a failure answered by Kustom is shown as text.
 */
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureStorefrontBuilt, launchChromium, startStorefront, watchProblems, type Storefront } from './support/storefront.js';

const NOW = '2025-03-03T09:00:00Z';
let shop: Storefront;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let problems: string[];
const ids: Record<'a' | 'b', string> = { a: '', b: '' };

const plain = (s: string | null | undefined) => s?.replace(/[\u00a0\u202f]/g, ' ').trim();
const text = async (locator: Locator) => plain(await locator.textContent());
const address = { email: 'nils.ek@example.com', given_name: 'Nils', family_name: 'Ek', street_address: 'Storgatan 2', postal_code: '111 51', city: 'Stockholm' };

async function placeOrder(items: { id: string; quantity: number }[], delivery: string): Promise<string> {
  const response = await fetch(`${shop.url}/api/checkout`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ items, payment_method: 'klarna', delivery, address }),
  });
  expect(response.status).toBe(201);
  return ((await response.json()) as { order_id: string }).order_id;
}

const sandboxControl = (path: string, body: unknown) =>
  fetch(`${shop.sandboxUrl}/sandbox/v1/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

beforeAll(async () => {
  ensureStorefrontBuilt();
  [shop, browser] = await Promise.all([startStorefront({ now: NOW }), launchChromium()]);
  ids.a = await placeOrder(
    [
      { id: 'merino-sweater', quantity: 1 },
      { id: 'wool-socks', quantity: 3 },
      { id: 'ribbed-beanie', quantity: 1 },
    ],
    'budbee-evening',
  );
  ids.b = await placeOrder([{ id: 'lambswool-scarf', quantity: 1 }], 'postnord-home');
  context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
  await shop.signIn(context, 'admin');
  page = await context.newPage();
  problems = watchProblems(page);
});
afterAll(async () => {
  await context?.close();
  await browser?.close();
  await shop?.close();
});

const drawer = () => page.getByTestId('order-drawer');
const status = () => drawer().locator('.drawer__head [data-status]').getAttribute('data-status');
const amount = (key: string) => text(drawer().getByTestId(`amount-${key}`));
const actionButtons = async () => (await drawer().getByTestId('drawer-actions').getByRole('button').allTextContents()).map(plain);
const events = async () => drawer().getByTestId('drawer-timeline').locator('li').evaluateAll((lis) => lis.map((li) => li.getAttribute('data-event')));
const message = () => text(drawer().getByTestId('drawer-message'));

async function openOrder(orderId: string) {
  await page.goto(`${shop.url}/back-office/?order=${orderId}`);
  await drawer().getByTestId('drawer-timeline').waitFor();
}

describe('the order drawer’s actions', () => {
  it('edit: lowers a quantity, previewed with planEdit, and Kustom’s new amount is shown', async () => {
    await openOrder(ids.a);
    expect(await actionButtons()).toEqual(['Capture…', 'Edit order…', 'Cancel order']);
    await drawer().getByRole('button', { name: 'Edit order…' }).click();
    const form = drawer().getByTestId('edit-form');
    await form.getByLabel('New quantity of Ribbed beanie').fill('0');
    await expect.poll(() => text(form.locator('.composer__preview'))).toBe('New order amount 1 746,00 kr (was 2 095,00 kr).');
    await form.getByTestId('submit-edit').click();
    await expect.poll(message).toBe('Order updated: the new amount is 1 746,00 kr.');
    expect(await amount('order_amount')).toBe('1 746,00 kr');
    const order = await shop.kustom.orders.get(ids.a);
    expect([order.order_amount, order.order_lines.map((l) => l.reference)]).toEqual([174600, ['merino-sweater', 'wool-socks', 'budbee-evening']]);
  });

  it('extend: offered once the clock has moved on, and the new expiry comes from Kustom', async () => {
    expect(await text(drawer().getByTestId('drawer-reservation'))).toBe('Expires 31 Mar 2025 (28 days left)');
    expect((await sandboxControl('clock', { advance_days: 10 })).status).toBe(200);
    await openOrder(ids.a);
    expect(await text(drawer().getByTestId('drawer-reservation'))).toBe('Expires 31 Mar 2025 (18 days left) · can be extended to 10 Apr 2025');
    expect(await actionButtons()).toEqual(['Capture…', 'Extend authorization', 'Edit order…', 'Cancel order']);
    await drawer().getByRole('button', { name: 'Extend authorization' }).click();
    await drawer().getByTestId('confirm-action').click();
    await expect.poll(message).toBe('The reservation now ends 10 Apr 2025.');
    expect((await shop.kustom.orders.get(ids.a)).expires_at).toBe('2025-04-10T09:00:00Z');
    expect(await events()).toEqual(['authorized', 'extended']);
    expect(await actionButtons()).toEqual(['Capture…', 'Edit order…', 'Cancel order']); // nothing more to extend right now
  });

  it('capture an amount, then everything left: captured, and only refunds remain', async () => {
    await drawer().getByRole('button', { name: 'Capture…' }).click();
    let form = drawer().getByTestId('capture-form');
    await form.getByLabel('An amount').check();
    await form.getByLabel('Amount (SEK)').fill('500');
    await form.getByLabel('Description (shown to the customer)').fill('Deposit');
    await expect.poll(() => text(form.getByTestId('submit-capture'))).toBe('Capture 500,00 kr');
    await form.getByTestId('submit-capture').click();
    await expect.poll(() => amount('captured_amount')).toBe('500,00 kr');
    expect(await status()).toBe('PART_CAPTURED');

    await drawer().getByRole('button', { name: 'Capture…' }).click();
    form = drawer().getByTestId('capture-form');
    await expect.poll(() => text(form.getByTestId('submit-capture'))).toBe('Capture 1 246,00 kr'); // "Everything left" is the default
    await form.getByTestId('submit-capture').click();
    await expect.poll(status).toBe('CAPTURED');
    expect(await amount('captured_amount')).toBe('1 746,00 kr');
    expect(await actionButtons()).toEqual(['Refund…']);
    expect(await events()).toEqual(['authorized', 'captured', 'captured', 'extended']);
    const notAvailable = drawer().locator('.unavailable');
    await notAvailable.locator('summary').click();
    expect(await text(notAvailable.locator('li').filter({ hasText: 'Cancel order' }))).toBe('Cancel order: Part of the order has already been captured.');
    const order = await shop.kustom.orders.get(ids.a);
    expect([order.status, order.captured_amount, order.captures?.map((c) => c.captured_amount)]).toEqual(['CAPTURED', 174600, [50000, 124600]]);
  });

  it('refund everything: closed, nothing left to do', async () => {
    await drawer().getByRole('button', { name: 'Refund…' }).click();
    const form = drawer().getByTestId('refund-form');
    await expect.poll(() => text(form.getByTestId('submit-refund'))).toBe('Refund 1 746,00 kr');
    await form.getByTestId('submit-refund').click();
    await expect.poll(status).toBe('CLOSED');
    expect(await text(drawer().locator('.drawer__actions > p'))).toBe('Nothing can be done with this order any more.');
    expect((await shop.kustom.orders.get(ids.a)).refunded_amount).toBe(174600);
  });

  it('cancel: Kustom’s failure is shown as text, and the next try cancels', async () => {
    await openOrder(ids.b);
    // The sandbox answers 503 to the first call and to both of the SDK's retries.
    expect((await sandboxControl('faults', { status: 503, retry_after: 0, method: 'POST', path: '/ordermanagement/v1/orders/*/cancel', times: 3 })).status).toBe(201);
    await drawer().getByRole('button', { name: 'Cancel order' }).click();
    await drawer().getByTestId('confirm-action').click();
    await expect.poll(() => drawer().getByRole('alert').textContent()).toBe(
      'Kustom did not confirm the action. Try again: with the same Idempotency-Key it is done at most once. (KUSTOM_UNAVAILABLE)',
    );
    expect(await status()).toBe('AUTHORIZED');
    await drawer().getByTestId('confirm-action').click();
    await expect.poll(status).toBe('CANCELLED');
    expect(await message()).toBe('Order cancelled.');
    expect(await events()).toEqual(['authorized', 'cancelled']);
    expect((await shop.kustom.orders.get(ids.b)).status).toBe('CANCELLED');
    // The retry carried the same Idempotency-Key: one cancel, one audit entry.
    const audit = ((await (await shop.backOffice(`/orders/${ids.b}`)).json()) as { audit: { action: string }[] }).audit;
    expect(audit.map((a) => a.action)).toEqual(['cancel']);
    // The failed try's 503 (the response, and Chromium's console line for it) is the only problem.
    expect(problems).toEqual([
      `503 POST ${shop.url}/api/back-office/page/orders/${ids.b}/actions`,
      'console: Failed to load resource: the server responded with a status of 503 (Service Unavailable)',
    ]);
  });
});
