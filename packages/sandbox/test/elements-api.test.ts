import { createElementsClient, taxFromGross } from '@kustom/sdk';
import {
  DeliveryMethodsPlacement,
  ElementsErrorBody,
  ExpressButtonsPlacement,
  PaymentMethodsPlacement,
  type DeliveryOption,
} from '@kustom/sdk/schemas';
import { describe, expect, it } from 'vitest';
import { createSandbox } from '../src/index.js';
import { BASE, call, PUBLIC_KEY, testSandbox } from './helpers.js';

const sandbox = testSandbox();
const placement = (name: string, query: Record<string, string | number>, headers: Record<string, string> = {}) => {
  const params = new URLSearchParams({ client_id: PUBLIC_KEY, ...Object.fromEntries(Object.entries(query).map(([k, v]) => [k, String(v)])) });
  return call(sandbox, 'GET', `/kustom-elements-api/v1/placements/${name}?${params}`, undefined, headers);
};
const methodIds = async (query: Record<string, string | number>) => {
  const answer = await placement('AVAILABLE_PAYMENT_METHODS', query);
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return PaymentMethodsPlacement.parse(answer.body).payment_methods.map((m) => m.id);
};

describe('AVAILABLE_PAYMENT_METHODS', () => {
  it.each([
    ['SE', 'SEK', 'swish', ['vipps', 'mobilepay', 'ideal', 'blik', 'twint']],
    ['NO', 'NOK', 'vipps', ['swish', 'mobilepay']],
    ['DK', 'DKK', 'mobilepay', ['swish', 'vipps']],
    ['FI', 'EUR', 'mobilepay', ['ideal']],
    ['NL', 'EUR', 'ideal', ['mobilepay', 'trustly']],
    ['PL', 'PLN', 'blik', ['swish']],
    ['CH', 'CHF', 'twint', ['trustly']],
  ])('%s/%s offers %s and none of %j', async (country, currency, local, absent) => {
    const ids = await methodIds({ locale: 'en-GB', purchase_country: country, purchase_currency: currency, order_amount: 10000 });
    expect(ids).toContain(local);
    expect(ids).toEqual(expect.arrayContaining(['klarna', 'card', 'applepay', 'googlepay', 'paypal']));
    for (const id of absent) expect(ids).not.toContain(id);
  });

  it('offers local methods only in their own currency', async () => {
    const ids = await methodIds({ purchase_country: 'SE', purchase_currency: 'EUR', order_amount: 10000 });
    expect(ids).not.toContain('swish');
    expect(ids).not.toContain('klarna');
    expect(ids).toContain('card');
  });

  it('offers Trustly in the Nordics and Germany only', async () => {
    expect(await methodIds({ purchase_country: 'DE', purchase_currency: 'EUR' })).toContain('trustly');
    expect(await methodIds({ purchase_country: 'FR', purchase_currency: 'EUR' })).not.toContain('trustly');
  });

  it('drops Klarna above the currency limit and below 1.00', async () => {
    expect(await methodIds({ purchase_country: 'SE', order_amount: 5_000_000 })).toContain('klarna');
    expect(await methodIds({ purchase_country: 'SE', order_amount: 5_000_001 })).not.toContain('klarna');
    expect(await methodIds({ purchase_country: 'SE', order_amount: 99 })).not.toContain('klarna');
    expect(await methodIds({ purchase_country: 'DE', order_amount: 600_000 })).not.toContain('klarna');
  });

  it('takes the country from the locale and the currency from the country', async () => {
    expect(await methodIds({ locale: 'sv-SE' })).toContain('swish');
    expect(await methodIds({ locale: 'nb-NO' })).toContain('vipps');
  });

  it('applies include and exclude (unknown ids are ignored)', async () => {
    expect(await methodIds({ locale: 'sv-SE', include: 'swish,card,unknown' })).toEqual(['swish', 'card']);
    expect(await methodIds({ locale: 'sv-SE', exclude: 'klarna,paypal' })).not.toEqual(expect.arrayContaining(['klarna']));
  });

  it.each([
    ['en-GB', 'Card', 'Visa, Mastercard and American Express'],
    ['sv-SE', 'Kort', 'Visa, Mastercard och American Express'],
    ['fi-FI', 'Kortti', 'Visa, Mastercard ja American Express'],
    ['da-DK', 'Kort', 'Visa, Mastercard og American Express'],
    ['nb-NO', 'Kort', 'Visa, Mastercard og American Express'],
    ['no-NO', 'Kort', 'Visa, Mastercard og American Express'],
    ['de-DE', 'Karte', 'Visa, Mastercard und American Express'],
    ['fr-FR', 'Card', 'Visa, Mastercard and American Express'],
  ])('localizes names and descriptions for %s', async (locale, name, description) => {
    const answer = await placement('AVAILABLE_PAYMENT_METHODS', { locale, include: 'card' });
    expect(answer.body.payment_methods).toEqual([{ id: 'card', name, description }]);
    expect(answer.headers.get('content-language')).toBe(locale.startsWith('fr') ? 'en' : locale.startsWith('no') ? 'nb' : locale.slice(0, 2));
  });
});

describe('DELIVERY_METHODS', () => {
  const delivery = async (query: Record<string, string | number>): Promise<DeliveryOption[]> => {
    const answer = await placement('DELIVERY_METHODS', query);
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    return DeliveryMethodsPlacement.parse(answer.body).delivery_options;
  };

  it('offers several carriers and all three delivery types in Sweden', async () => {
    const options = await delivery({ locale: 'sv-SE', postal_code: '11350' });
    expect(new Set(options.map((o) => o.carrier))).toEqual(new Set(['PostNord', 'Instabox', 'Budbee', 'DHL']));
    expect(new Set(options.map((o) => o.type))).toEqual(new Set(['home', 'pickup_point', 'mailbox']));
    expect(new Set(options.map((o) => o.id)).size).toBe(options.length);
  });

  it.each([
    ['NO', 'Bring'],
    ['FI', 'Posti'],
    ['DK', 'GLS'],
    ['DE', 'DPD'],
  ])('uses local carriers in %s', async (country, carrier) => {
    expect((await delivery({ purchase_country: country })).map((o) => o.carrier)).toContain(carrier);
  });

  it('prices in the purchase currency with the tax of the facts page, free above the threshold', async () => {
    for (const o of await delivery({ locale: 'de-DE', order_amount: 2000 })) {
      expect(o.currency).toBe('EUR');
      expect(o.tax_rate).toBe(1900);
      expect(o.price).toBeGreaterThan(0);
      expect(o.tax_amount).toBe(taxFromGross(o.price, o.tax_rate));
    }
    const free = await delivery({ locale: 'de-DE', order_amount: 6000 });
    expect(free.filter((o) => o.price === 0).map((o) => o.type)).toContain('pickup_point');
    expect(free.every((o) => o.price === 0 || o.tax_amount === taxFromGross(o.price, 1900))).toBe(true);
  });

  it('counts delivery windows in business days from the sandbox clock', async () => {
    // Monday 10:00 UTC, before the 14:00 cutoff: dispatched today.
    const [postnord] = await delivery({ locale: 'sv-SE' });
    expect(postnord!.delivery_window).toEqual({ earliest: '2025-03-04', latest: '2025-03-06' });
    const friday = testSandbox({ now: '2025-03-07T15:00:00Z' });
    const answer = await call(friday, 'GET', `/kustom-elements-api/v1/placements/DELIVERY_METHODS?client_id=${PUBLIC_KEY}&locale=sv-SE`);
    // Friday after the cutoff: dispatched Monday, delivered from Tuesday.
    expect(answer.body.delivery_options[0].delivery_window).toEqual({ earliest: '2025-03-11', latest: '2025-03-13' });
  });

  it('lists pickup points near the postal code, the same for the same code, ordered by distance', async () => {
    const a = await delivery({ locale: 'sv-SE', postal_code: '41119' });
    const again = await delivery({ locale: 'sv-SE', postal_code: '411 19' });
    const elsewhere = await delivery({ locale: 'sv-SE', postal_code: '11350' });
    expect(again).toEqual(a);
    expect(elsewhere).not.toEqual(a);
    for (const option of a.filter((o) => o.type === 'pickup_point')) {
      const points = option.pickup_points!;
      expect(points.length).toBeGreaterThan(0);
      expect(points.map((p) => p.distance_meters)).toEqual([...points.map((p) => p.distance_meters)].sort((x, y) => x - y));
      for (const point of points) {
        expect(point.address.city).toBe('Göteborg');
        expect(point.address.postal_code).toMatch(/^411 1\d$/);
        expect(point.opening_hours.length).toBeGreaterThan(0);
        for (const hours of point.opening_hours) expect(hours.opens < hours.closes).toBe(true);
      }
    }
    expect(a.filter((o) => o.type !== 'pickup_point').every((o) => o.pickup_points === undefined)).toBe(true);
  });

  it('refuses a postal code of another country', async () => {
    const answer = await placement('DELIVERY_METHODS', { locale: 'sv-SE', postal_code: '1234' });
    expect(answer.status).toBe(400);
    expect(ElementsErrorBody.parse(answer.body)).toEqual({ code: 'BAD_VALUE', message: expect.stringContaining('postal_code') });
  });
});

describe('EXPRESS_BUTTONS', () => {
  it('offers wallets by country, and an approval URL on the sandbox', async () => {
    const de = ExpressButtonsPlacement.parse((await placement('EXPRESS_BUTTONS', { locale: 'de-DE', order_amount: 5000 })).body);
    expect(de.buttons.map((b) => b.id)).toEqual(['klarna', 'applepay', 'googlepay', 'paypal', 'amazonpay']);
    const se = ExpressButtonsPlacement.parse((await placement('EXPRESS_BUTTONS', { locale: 'sv-SE' })).body);
    expect(se.buttons.map((b) => b.name)).toEqual(['Klarna', 'Apple Pay', 'Google Pay', 'PayPal']);
    expect(se.approval_url).toBe(`${BASE}/sandbox/express/{order_id}?client_id=${PUBLIC_KEY}`);
    const framed = await placement('EXPRESS_BUTTONS', { locale: 'sv-SE' }, { origin: 'http://localhost:5173' });
    expect(framed.body.approval_url).toBe(`${BASE}/sandbox/express/{order_id}?client_id=${PUBLIC_KEY}&origin=http%3A%2F%2Flocalhost%3A5173`);
  });

  it('answers the approval page given as expressApprovalUrl, with client_id and origin added to its query', async () => {
    const storybook = testSandbox({ expressApprovalUrl: 'http://localhost:6006/express-approval.html?order_id={order_id}&amount=49900' });
    const answer = await call(storybook, 'GET', `/kustom-elements-api/v1/placements/EXPRESS_BUTTONS?client_id=${PUBLIC_KEY}&locale=sv-SE`, undefined, {
      origin: 'http://localhost:6006',
    });
    const { approval_url } = ExpressButtonsPlacement.parse(answer.body);
    expect(approval_url).toBe(
      `http://localhost:6006/express-approval.html?order_id={order_id}&amount=49900&client_id=${PUBLIC_KEY}&origin=http%3A%2F%2Flocalhost%3A6006`,
    );
    // What the element does with it: fill in the order id, then read it back.
    const filled = new URL(approval_url.replace('{order_id}', encodeURIComponent('7f1c-ä/1')));
    expect(filled.searchParams.get('order_id')).toBe('7f1c-ä/1');
    expect(filled.searchParams.get('origin')).toBe('http://localhost:6006');
    const inPath = testSandbox({ expressApprovalUrl: 'https://approve.example/x/{order_id}/page' });
    const body = (await call(inPath, 'GET', `/kustom-elements-api/v1/placements/EXPRESS_BUTTONS?client_id=${PUBLIC_KEY}&locale=sv-SE`)).body;
    expect(body.approval_url).toBe(`https://approve.example/x/{order_id}/page?client_id=${PUBLIC_KEY}`);
  });

  it.each(['/express-approval.html?order_id={order_id}', 'javascript:alert(1)//{order_id}', 'https://approve.example/no-order-id'])(
    'refuses expressApprovalUrl %s (absolute http(s) with {order_id} only)',
    (expressApprovalUrl) => {
      expect(() => testSandbox({ expressApprovalUrl })).toThrow(/expressApprovalUrl/);
    },
  );
});

describe('Elements API errors', () => {
  it.each([
    [{}, 401, 'CLIENT_NOT_FOUND'],
    [{ client_id: 'kustom_pk_test_unknown' }, 401, 'CLIENT_NOT_FOUND'],
    [{ client_id: PUBLIC_KEY, order_amount: '12.50' }, 400, 'BAD_VALUE'],
    [{ client_id: PUBLIC_KEY, purchase_country: 'XX' }, 400, 'BAD_VALUE'],
    [{ client_id: PUBLIC_KEY, purchase_country: 'SE', purchase_currency: 'BTC' }, 400, 'BAD_VALUE'],
    [{ client_id: PUBLIC_KEY, locale: 'not a locale!' }, 400, 'BAD_VALUE'],
    [{ client_id: PUBLIC_KEY, locale: 'en' }, 400, 'BAD_VALUE'],
    [{ client_id: PUBLIC_KEY, locale: 'sv-SE', include: 'a b' }, 400, 'BAD_VALUE'],
  ])('%j → %i %s', async (query, status, code) => {
    const answer = await call(sandbox, 'GET', `/kustom-elements-api/v1/placements/AVAILABLE_PAYMENT_METHODS?${new URLSearchParams(query as Record<string, string>)}`);
    expect(answer.status).toBe(status);
    expect(ElementsErrorBody.parse(answer.body).code).toBe(code);
  });

  it('never echoes a secret key given as client_id', async () => {
    const answer = await call(sandbox, 'GET', '/kustom-elements-api/v1/placements/AVAILABLE_PAYMENT_METHODS?client_id=kco_test_api_sandbox&locale=sv-SE');
    expect(answer.status).toBe(401);
    expect(answer.body.code).toBe('CLIENT_NOT_FOUND');
    expect(answer.body.message).not.toContain('kco_test_api_sandbox');
  });

  it('answers 404 NOT_FOUND for an unknown placement', async () => {
    const answer = await placement('CART_BANNER', { locale: 'sv-SE' });
    expect([answer.status, answer.body.code]).toEqual([404, 'NOT_FOUND']);
  });
});

describe('Origin checks and CORS', () => {
  const url = `/kustom-elements-api/v1/placements/AVAILABLE_PAYMENT_METHODS?client_id=${PUBLIC_KEY}&locale=sv-SE`;

  it.each(['http://localhost:3000', 'http://localhost', 'http://127.0.0.1:8080'])('allows %s and echoes it', async (origin) => {
    const answer = await call(sandbox, 'GET', url, undefined, { origin });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('access-control-allow-origin')).toBe(origin);
    expect(answer.headers.get('vary')).toContain('Origin');
  });

  it.each(['https://localhost:3000', 'http://evil.example', 'http://localhost.evil.example:3000', 'null'])(
    'refuses %s with ORIGIN_NOT_ALLOWED, readable by the page',
    async (origin) => {
      const answer = await call(sandbox, 'GET', url, undefined, { origin });
      expect(answer.status).toBe(403);
      expect(answer.body).toEqual({ code: 'ORIGIN_NOT_ALLOWED', message: expect.stringContaining(origin) });
      expect(answer.headers.get('access-control-allow-origin')).toBe(origin);
    },
  );

  it('allows requests without an Origin (server side, curl)', async () => {
    expect((await call(sandbox, 'GET', url)).status).toBe(200);
  });

  it('checks an assumed origin in-page: fetchFrom and the origin option', async () => {
    const pinned = createSandbox({ publicKeys: [{ key: PUBLIC_KEY, allowedOrigins: ['https://shop.example'] }] });
    expect((await call(pinned.fetchFrom('http://localhost:8000'), 'GET', url)).status).toBe(403);
    expect((await call(pinned.fetchFrom('https://shop.example'), 'GET', url)).status).toBe(200);
    const assumed = createSandbox({ origin: () => 'http://localhost:8000', publicKeys: [{ key: PUBLIC_KEY, allowedOrigins: ['https://*.shop.example'] }] });
    expect((await call(assumed, 'GET', url)).body.code).toBe('ORIGIN_NOT_ALLOWED');
    expect((await call(assumed.fetchFrom('https://www.shop.example'), 'GET', url)).status).toBe(200);
  });

  it('answers preflights for allowed origins only, exposing the API headers', async () => {
    const ok = await sandbox.fetch(`${BASE}/ordermanagement/v1/orders/x/captures`, {
      method: 'OPTIONS',
      headers: { origin: 'http://localhost:6006', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization' },
    });
    expect(ok.status).toBe(204);
    expect(ok.headers.get('access-control-allow-origin')).toBe('http://localhost:6006');
    expect(ok.headers.get('access-control-allow-headers')).toMatch(/Authorization.*Klarna-Idempotency-Key/);
    expect(ok.headers.get('access-control-allow-methods')).toContain('PATCH');
    expect(ok.headers.get('access-control-expose-headers')).toMatch(/Capture-Id.*Refund-Id.*Location/);
    const refused = await sandbox.fetch(`${BASE}/ordermanagement/v1/orders/x/captures`, {
      method: 'OPTIONS',
      headers: { origin: 'http://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(refused.status).toBe(403);
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('refuses the test controls to foreign origins', async () => {
    const answer = await call(sandbox, 'POST', '/sandbox/v1/reset', {}, { origin: 'http://evil.example' });
    expect(answer.status).toBe(403);
  });
});

describe('the SDK elements client on the in-page handler', () => {
  it('reads all three placements through sandbox.fetch', async () => {
    const elements = createElementsClient({ publicApiKey: PUBLIC_KEY, baseUrl: BASE, fetch: sandbox.fetch });
    const methods = await elements.paymentMethods({ locale: 'sv-SE', purchaseCountry: 'SE', currency: 'SEK', amount: 49900 });
    expect(methods.payment_methods[0]).toEqual({ id: 'klarna', name: 'Klarna', description: 'Betala nu, senare eller dela upp' });
    const delivery = await elements.deliveryMethods({ locale: 'fi-FI', purchaseCountry: 'FI', currency: 'EUR', postalCode: '00100' });
    expect(delivery.delivery_options[0]!.name).toBe('Pakettiautomaatti');
    const express = await elements.expressButtons({ locale: 'en-GB', purchaseCountry: 'GB', currency: 'GBP' });
    expect(express.buttons.map((b) => b.id)).toContain('amazonpay');
  });

  it('surfaces ORIGIN_NOT_ALLOWED as a typed error', async () => {
    const pinned = createSandbox({ publicKeys: [{ key: PUBLIC_KEY, allowedOrigins: ['https://shop.example'] }] });
    const elements = createElementsClient({ publicApiKey: PUBLIC_KEY, baseUrl: BASE, fetch: pinned.fetchFrom('http://localhost:1234') });
    await expect(elements.paymentMethods({ locale: 'sv-SE', purchaseCountry: 'SE', currency: 'SEK' })).rejects.toMatchObject({
      status: 403,
      error_code: 'ORIGIN_NOT_ALLOWED',
    });
  });
});
