import { describe, expect, it } from 'vitest';
import { BASE, call, checkoutBody, PUBLIC_KEY, testSandbox } from './helpers.js';

const MERCHANT = 'http://localhost:5173';

async function setup() {
  const sandbox = testSandbox();
  const created = await call(sandbox, 'POST', '/checkout/v3/orders', checkoutBody());
  return { sandbox, id: created.body.order_id as string };
}
const pageUrl = (id: string, query: Record<string, string> = { origin: MERCHANT, client_id: PUBLIC_KEY }) =>
  `/sandbox/express/${id}?${new URLSearchParams(query)}`;

describe('express approval page', () => {
  it('shows the order with stable ids under a strict CSP', async () => {
    const { sandbox, id } = await setup();
    const page = await call(sandbox, 'GET', pageUrl(id));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const csp = page.headers.get('content-security-policy')!;
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain('frame-ancestors http://localhost:* http://127.0.0.1:*');
    expect(csp).not.toContain('unsafe');
    const html = page.body as string;
    expect(html).toContain('id="kustom-express-approve"');
    expect(html).toContain('data-testid="express-cancel"');
    expect(html).toContain(`data-origin="${MERCHANT}"`);
    expect(html).toContain(`data-order-id="${id}"`);
    expect(html).toMatch(/data-testid="express-total">250,00\s?kr</);
    expect(html).toContain('<html lang="sv">');
    // No inline script or style: every <script> has a src, no style attributes.
    expect(html.match(/<script[^>]*>/g)).toEqual(['<script type="module" src="app.js">']);
    expect(html).not.toMatch(/\sstyle=|<style/);
  });

  it('serves its script and style as files; the script posts to the merchant origin only', async () => {
    const { sandbox } = await setup();
    const script = await call(sandbox, 'GET', '/sandbox/express/app.js');
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(script.body).toContain('postMessage(message, origin)');
    expect(script.body).not.toMatch(/postMessage\([^)]*['"]\*['"]/);
    expect((await call(sandbox, 'GET', '/sandbox/express/app.css')).headers.get('content-type')).toMatch(/^text\/css/);
  });

  it.each([
    [{ origin: 'http://evil.example', client_id: PUBLIC_KEY }, 403],
    [{ client_id: PUBLIC_KEY }, 400],
    [{ origin: MERCHANT, client_id: 'kustom_pk_test_unknown' }, 401],
    [{ origin: MERCHANT, client_id: PUBLIC_KEY, method: 'bitcoin' }, 400],
  ])('shows an error and posts nothing for %j', async (query, status) => {
    const { sandbox, id } = await setup();
    const page = await call(sandbox, 'GET', pageUrl(id, query));
    expect(page.status).toBe(status);
    expect(page.body).toContain('id="kustom-express-error"');
    expect(page.body).not.toContain('data-origin');
    expect(page.body).not.toContain('kustom-express-approve');
  });

  it('answers 404 for an unknown order and 400 for a malformed id', async () => {
    const { sandbox } = await setup();
    expect((await call(sandbox, 'GET', pageUrl('7e1d3c8e-8f43-4c3a-9a55-2f2d6e9c1b00'))).status).toBe(404);
    expect((await call(sandbox, 'GET', pageUrl('nope'))).status).toBe(400);
  });

  it('approve completes the checkout and answers the confirmation URL', async () => {
    const { sandbox, id } = await setup();
    const approve = () =>
      call(sandbox, 'POST', `/sandbox/express/${id}/approve`, { payment_method: 'applepay' }, { origin: BASE });
    const first = await approve();
    expect(first.status).toBe(200);
    expect(first.body).toEqual({
      order_id: id,
      status: 'checkout_complete',
      redirect_url: `https://shop.example/confirmation?id=${id}`,
    });
    const order = await call(sandbox, 'GET', `/ordermanagement/v1/orders/${id}`);
    expect(order.body.status).toBe('AUTHORIZED');
    expect(order.body.initial_payment_method.description).toBe('Apple Pay');
    // A second approval (a double click) answers the same and changes nothing.
    expect((await approve()).body).toEqual(first.body);
    const page = await call(sandbox, 'GET', pageUrl(id));
    expect(page.body).toContain('data-state="complete"');
  });

  it('refuses approvals from other origins and non-JSON posts', async () => {
    const { sandbox, id } = await setup();
    const foreign = await call(sandbox, 'POST', `/sandbox/express/${id}/approve`, {}, { origin: 'http://localhost:5173' });
    expect(foreign.status).toBe(403);
    const form = await sandbox.fetch(`${BASE}/sandbox/express/${id}/approve`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'a=1',
    });
    expect(form.status).toBe(415);
    expect((await call(sandbox, 'GET', `/checkout/v3/orders/${id}`)).body.status).toBe('checkout_incomplete');
  });

  it('shows an error for an aborted checkout', async () => {
    const { sandbox, id } = await setup();
    await call(sandbox, 'POST', `/checkout/v3/orders/${id}/abort`);
    expect((await call(sandbox, 'GET', pageUrl(id))).status).toBe(409);
  });
});
