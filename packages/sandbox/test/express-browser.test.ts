/**
 * The express approval page in a real browser (Debian's Chromium through
 * playwright-core): a merchant page on another origin opens it as a popup or frames
 * it, the shopper clicks, and the merchant receives the message, from the sandbox's
 * origin, under the page's strict CSP.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromiumArgs, chromiumPath } from '../../../scripts/chromium.mjs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandboxServer, type SandboxServer } from '../src/server.js';
import { checkoutBody, KEY, NOW } from './helpers.js';

// The merchant's page collects what it is told. (Our test page, so inline script is fine here.)
const MERCHANT_PAGE = `<!doctype html><title>Shop</title><script>
  window.messages = [];
  addEventListener('message', (event) => window.messages.push({ origin: event.origin, data: event.data }));
</script><h1>Shop</h1>`;

let sandbox: SandboxServer;
let merchant: Server;
let merchantUrl: string;
let browser: Browser;

beforeAll(async () => {
  sandbox = await startSandboxServer({ port: 0, now: NOW });
  merchant = createServer((_, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end(MERCHANT_PAGE);
  });
  await new Promise<void>((resolve) => merchant.listen(0, '127.0.0.1', resolve));
  // Another origin than the sandbox (127.0.0.1:<port>), allowed by `http://localhost:*`.
  merchantUrl = `http://localhost:${(merchant.address() as AddressInfo).port}`;
  browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await sandbox?.close();
  await new Promise((resolve) => merchant?.close(resolve));
});

async function newCheckout(): Promise<string> {
  const response = await fetch(`${sandbox.url}/checkout/v3/orders`, {
    method: 'POST',
    headers: { authorization: `Basic ${KEY}`, 'content-type': 'application/json' },
    body: JSON.stringify(checkoutBody()),
  });
  return ((await response.json()) as { order_id: string }).order_id;
}

async function approvalUrl(page: Page, orderId: string): Promise<string> {
  // As the element does: the placement's template, the id, and the page's own origin.
  const placement = await page.evaluate(async (base) => {
    const r = await fetch(`${base}/kustom-elements-api/v1/placements/EXPRESS_BUTTONS?client_id=kustom_pk_test_sandbox&locale=sv-SE`);
    return r.json();
  }, sandbox.url);
  const url = new URL(placement.approval_url.replace('{order_id}', orderId));
  expect(url.searchParams.get('origin')).toBe(merchantUrl);
  url.searchParams.set('origin', await page.evaluate(() => location.origin));
  return url.toString();
}

async function merchantPage() {
  const context = await browser.newContext();
  const page = await context.newPage();
  const problems: string[] = [];
  context.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  await page.goto(merchantUrl);
  return { context, page, problems };
}

// Child processes and a browser: generous limits for a busy 2-core machine (not timing assertions).
describe('express approval page in Chromium', { timeout: 30_000 }, () => {
  it('approve in a popup: the order completes, the opener gets the message from the sandbox origin, the popup closes', async () => {
    const { context, page, problems } = await merchantPage();
    const orderId = await newCheckout();
    const url = await approvalUrl(page, orderId);
    const [popup] = await Promise.all([context.waitForEvent('page'), page.evaluate((u) => void window.open(u, 'kustom-express'), url)]);
    await popup.waitForLoadState();
    expect(await popup.getByTestId('express-total').textContent()).toMatch(/250,00\s?kr/);
    await popup.click('#kustom-express-approve');
    await page.waitForFunction(() => (window as unknown as { messages: unknown[] }).messages.length > 0);
    const messages = await page.evaluate(() => (window as unknown as { messages: unknown[] }).messages);
    expect(messages).toEqual([
      {
        origin: sandbox.url,
        data: { type: 'kustom:express', status: 'approved', order_id: orderId, redirect_url: `https://shop.example/confirmation?id=${orderId}` },
      },
    ]);
    await popup.waitForEvent('close');
    const order = await fetch(`${sandbox.url}/ordermanagement/v1/orders/${orderId}`, { headers: { authorization: `Basic ${KEY}` } });
    expect(((await order.json()) as { status: string }).status).toBe('AUTHORIZED');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('the card fits the 480 px popup the elements open (and the narrower in-page dialog), long names included', async () => {
    const { context, page, problems } = await merchantPage();
    const long = { ...checkoutBody().order_lines[0]!, name: 'Handmade ceramic breakfast mug with a very long product name, glazed' };
    const response = await fetch(`${sandbox.url}/checkout/v3/orders`, {
      method: 'POST',
      headers: { authorization: `Basic ${KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify(checkoutBody([long, ...checkoutBody().order_lines])),
    });
    const url = await approvalUrl(page, ((await response.json()) as { order_id: string }).order_id);
    const approval = await context.newPage();
    for (const width of [480, 440, 320]) {
      await approval.setViewportSize({ width, height: 720 });
      await approval.goto(url);
      const box = await approval.evaluate(() => {
        const card = document.querySelector('main')!.getBoundingClientRect();
        const buttons = [...document.querySelectorAll('button')].map((b) => b.getBoundingClientRect());
        return { left: card.left, right: card.right, scroll: document.documentElement.scrollWidth, width: innerWidth, buttons: buttons.every((b) => b.left >= card.left && b.right <= card.right) };
      });
      expect(box.left, `at ${width} px`).toBeGreaterThanOrEqual(0);
      expect(box.right, `at ${width} px`).toBeLessThanOrEqual(box.width);
      expect(box.scroll, `at ${width} px`).toBeLessThanOrEqual(box.width);
      expect(box.buttons, `at ${width} px`).toBe(true);
    }
    expect(problems).toEqual([]);
    await context.close();
  });

  it('cancel in a popup: the opener is told, the order stays incomplete', async () => {
    const { context, page } = await merchantPage();
    const orderId = await newCheckout();
    const [popup] = await Promise.all([context.waitForEvent('page'), page.evaluate((u) => void window.open(u), await approvalUrl(page, orderId))]);
    await popup.getByTestId('express-cancel').click();
    await page.waitForFunction(() => (window as unknown as { messages: unknown[] }).messages.length > 0);
    expect(await page.evaluate(() => (window as unknown as { messages: Array<{ data: unknown }> }).messages.map((m) => m.data))).toEqual([
      { type: 'kustom:express', status: 'cancelled', order_id: orderId },
    ]);
    const checkout = await fetch(`${sandbox.url}/checkout/v3/orders/${orderId}`, { headers: { authorization: `Basic ${KEY}` } });
    expect(((await checkout.json()) as { status: string }).status).toBe('checkout_incomplete');
    await context.close();
  });

  it('approve in a frame: the parent gets the message', async () => {
    const { context, page, problems } = await merchantPage();
    const orderId = await newCheckout();
    const url = await approvalUrl(page, orderId);
    await page.evaluate((u) => {
      const frame = document.createElement('iframe');
      frame.src = u;
      frame.name = 'kustom-express';
      document.body.append(frame);
    }, url);
    const frame = page.frameLocator('iframe[name="kustom-express"]');
    await frame.locator('#kustom-express-approve').click();
    await page.waitForFunction(() => (window as unknown as { messages: unknown[] }).messages.length > 0);
    const [message] = await page.evaluate(() => (window as unknown as { messages: Array<{ data: { status: string } }> }).messages);
    expect(message!.data.status).toBe('approved');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('a foreign origin gets an error page and nothing posted', async () => {
    const { context, page } = await merchantPage();
    const orderId = await newCheckout();
    const url = new URL(await approvalUrl(page, orderId));
    url.searchParams.set('origin', 'https://evil.example');
    const [popup] = await Promise.all([context.waitForEvent('page'), page.evaluate((u) => void window.open(u), url.toString())]);
    await popup.waitForLoadState();
    expect(await popup.getByTestId('express-error').textContent()).toContain('https://evil.example');
    expect(await popup.locator('#kustom-express-approve').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { messages: unknown[] }).messages)).toEqual([]);
    await context.close();
  });
});
