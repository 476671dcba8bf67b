/**
 * The React 19 and Vue 3 examples in Chromium, on their Vite dev servers, with the
 * storefront's merchant server behind their /api proxy and the sandbox behind the
 * elements: properties reach the elements as properties (`include` as an array,
 * `amount` as a number, `createOrder` as a function), events reach the framework's
 * state, and both the form and the express buttons complete a purchase.
 */
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { elementsSettled, launchChromium, root, startStorefront, watchProblems, type Storefront } from './support/storefront.js';

let shop: Storefront;
let browser: Browser;

beforeAll(async () => {
  [shop, browser] = await Promise.all([startStorefront({ now: '2025-03-03T09:00:00Z' }), launchChromium()]);
  process.env.MERCHANT_URL = shop.url;
  process.env.VITE_KUSTOM_BASE_URL = shop.sandboxUrl;
});
afterAll(async () => {
  delete process.env.MERCHANT_URL;
  delete process.env.VITE_KUSTOM_BASE_URL;
  await browser?.close();
  await shop?.close();
});

const plain = (s: string | null) => s?.replace(/[\u00a0\u202f]/g, ' ');

describe.each(['react', 'vue'])('the %s example', (name) => {
  let vite: ViteDevServer;
  let url: string;

  beforeAll(async () => {
    const dir = join(root, 'examples', name);
    vite = await createServer({ root: dir, configFile: join(dir, 'vite.config.ts'), logLevel: 'error', server: { host: '127.0.0.1', port: 0, strictPort: false } });
    await vite.listen();
    url = vite.resolvedUrls!.local[0]!;
  });
  afterAll(async () => {
    await vite?.close();
  });

  async function open(): Promise<{ page: Page; problems: string[] }> {
    const page = await browser.newPage({ viewport: { width: 900, height: 1200 } });
    const problems = watchProblems(page);
    await page.goto(url);
    // Vite's dev server may optimise dependencies on the first visit and reload once.
    expect(await elementsSettled(page)).toEqual(['ready', 'ready', 'ready']);
    return { page, problems };
  }

  it('passes properties and listens to events: the form places an order', async () => {
    const { page, problems } = await open();
    const payment = page.locator('kustom-payment-method-display');
    expect(await payment.evaluate((el: any) => [el.include, el.amount])).toEqual([['klarna', 'card', 'swish', 'trustly'], 129900]);
    expect(await payment.getByRole('radio').count()).toBe(4);

    await page.locator('kustom-delivery-method-display').getByRole('radio', { name: /^Evening home delivery/ }).check();
    await expect.poll(() => payment.evaluate((el: any) => el.amount)).toBe(136800); // the framework's state, from the event
    await payment.getByRole('radio', { name: /^Swish/ }).check();
    await expect.poll(async () => plain(await page.locator('.summary').textContent())).toBe('Budbee Evening home delivery · Swish');

    await page.locator('button[type=submit]').click();
    await page.waitForURL(new RegExp(`^${shop.url}/confirmation/`));
    await expect.poll(() => page.getByTestId('order-status').getAttribute('data-status')).toBe('AUTHORIZED');
    const order = await shop.kustom.orders.get(new URL(page.url()).searchParams.get('order_id')!);
    expect([order.status, order.order_amount, order.initial_payment_method?.type]).toEqual(['AUTHORIZED', 136800, 'SWISH']);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('express: createOrder passed as a property, approved in the popup', async () => {
    const { page } = await open();
    expect(await page.locator('kustom-express-buttons').evaluate((el: any) => typeof el.createOrder)).toBe('function');
    const [popup] = await Promise.all([page.waitForEvent('popup'), page.locator('kustom-express-buttons').getByRole('button', { name: /Klarna/ }).click()]);
    await popup.getByTestId('express-approve').click();
    await page.waitForURL(new RegExp(`^${shop.url}/confirmation/`));
    await expect.poll(() => page.getByTestId('order-status').getAttribute('data-status')).toBe('AUTHORIZED');
    await page.close();
  });
});
