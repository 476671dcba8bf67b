/** The browser-safe Elements client against a real local HTTP server. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { KustomApiError, KustomConnectionError, KustomError, KustomValidationError, createElementsClient } from '@kustom/sdk/elements';
import { startApiServer, type ApiServer } from './helpers/api-server.js';

const PUBLIC_KEY = 'kustom_pk_test_sandbox';
let server: ApiServer;

beforeAll(async () => {
  server = await startApiServer();
});
afterAll(() => server.close());
beforeEach(() => server.reset());

const paymentMethods = {
  placement: 'AVAILABLE_PAYMENT_METHODS',
  payment_methods: [
    { id: 'klarna', name: 'Klarna', description: 'Betala senare' },
    { id: 'swish', name: 'Swish', description: 'Betala direkt' },
  ],
};

const client = () => createElementsClient({ publicApiKey: PUBLIC_KEY, baseUrl: `${server.url}/` });

function query(url: string): Record<string, string> {
  return Object.fromEntries(new URL(url, 'http://x').searchParams);
}

describe('createElementsClient', () => {
  it('paymentMethods: GET the placement with client_id, purchase and filters', async () => {
    server.reply({ body: paymentMethods });
    const result = await client().paymentMethods({
      locale: 'sv-SE',
      purchaseCountry: 'SE',
      currency: 'SEK',
      amount: 49900,
      include: ['klarna', 'swish'],
      exclude: ['card'],
    });
    expect(result).toEqual(paymentMethods);
    const [request] = server.requests;
    expect(request!.method).toBe('GET');
    expect(request!.url.split('?')[0]).toBe('/kustom-elements-api/v1/placements/AVAILABLE_PAYMENT_METHODS');
    expect(query(request!.url)).toEqual({
      client_id: PUBLIC_KEY,
      locale: 'sv-SE',
      purchase_country: 'SE',
      purchase_currency: 'SEK',
      order_amount: '49900',
      include: 'klarna,swish',
      exclude: 'card',
    });
    expect(request!.headers.accept).toBe('application/json');
    expect(request!.headers.authorization).toBeUndefined();
  });

  it('deliveryMethods and expressButtons: their placements and parameters', async () => {
    const delivery = { placement: 'DELIVERY_METHODS', delivery_options: [] };
    const express = { placement: 'EXPRESS_BUTTONS', buttons: [{ id: 'applepay', name: 'Apple Pay' }], approval_url: 'https://x.example/approve/{order_id}' };
    server.reply({ body: delivery }, { body: express });
    await expect(client().deliveryMethods({ locale: 'sv-SE', purchaseCountry: 'SE', currency: 'SEK', postalCode: '11122' })).resolves.toEqual(delivery);
    await expect(client().expressButtons({ locale: 'en-GB', purchaseCountry: 'GB', currency: 'GBP' })).resolves.toEqual(express);
    expect(server.requests[0]!.url.split('?')[0]).toBe('/kustom-elements-api/v1/placements/DELIVERY_METHODS');
    expect(query(server.requests[0]!.url)).toEqual({ client_id: PUBLIC_KEY, locale: 'sv-SE', purchase_country: 'SE', purchase_currency: 'SEK', postal_code: '11122' });
    expect(server.requests[1]!.url.split('?')[0]).toBe('/kustom-elements-api/v1/placements/EXPRESS_BUTTONS');
    expect(query(server.requests[1]!.url)).toEqual({ client_id: PUBLIC_KEY, locale: 'en-GB', purchase_country: 'GB', purchase_currency: 'GBP' });
  });

  it.each([
    [404, 'CLIENT_NOT_FOUND', 'No such public API key'],
    [403, 'ORIGIN_NOT_ALLOWED', 'https://evil.example is not an allowed domain'],
  ])('%i %s → KustomApiError with error_code', async (status, code, message) => {
    server.reply({ status, body: { code, message } });
    const error = await client()
      .paymentMethods({ locale: 'sv-SE', purchaseCountry: 'SE', currency: 'SEK' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KustomApiError);
    expect((error as KustomApiError).status).toBe(status);
    expect((error as KustomApiError).error_code).toBe(code);
    expect((error as KustomApiError).error_messages).toEqual([message]);
  });

  it('a body that breaks the contract → KustomValidationError (response)', async () => {
    server.reply({ body: { placement: 'AVAILABLE_PAYMENT_METHODS', payment_methods: [{ id: 'klarna', name: 'Klarna' }] } });
    const error = await client()
      .paymentMethods({ locale: 'sv-SE', purchaseCountry: 'SE', currency: 'SEK' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KustomValidationError);
    expect((error as KustomValidationError).side).toBe('response');
    expect((error as KustomValidationError).field).toBe('payment_methods[0].description');
  });

  it('a body that is not JSON → KustomValidationError (response)', async () => {
    server.reply({ body: '<html>maintenance</html>' });
    const error = await client()
      .expressButtons({ locale: 'sv-SE', purchaseCountry: 'SE', currency: 'SEK' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KustomValidationError);
    expect((error as KustomValidationError).issues[0]!.code).toBe('invalid_json');
  });

  it('a server that is not there → KustomConnectionError', async () => {
    const gone = await startApiServer();
    await gone.close();
    const error = await createElementsClient({ publicApiKey: PUBLIC_KEY, baseUrl: gone.url })
      .paymentMethods({ locale: 'sv-SE', purchaseCountry: 'SE', currency: 'SEK' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KustomConnectionError);
  });

  it('refuses a secret key, or none', () => {
    expect(() => createElementsClient({ publicApiKey: 'kco_test_api_secret' })).toThrow(/secret API key/);
    expect(() => createElementsClient({ publicApiKey: 'kco_live_api_secret' })).toThrow(KustomError);
    // Every spelling a paste can bring: whitespace, zero-width space, BOM, case, the Portal's username:key.
    for (const key of [' kco_test_api_x', '\u200Bkco_test_api_x', '\uFEFFkco_live_api_x', 'KCO_TEST_API_X', 'K123456_abc:kco_test_api_x', 'user:password']) {
      expect(() => createElementsClient({ publicApiKey: key }), JSON.stringify(key)).toThrow(/secret API key/);
    }
    expect(() => createElementsClient({ publicApiKey: '' })).toThrow(/publicApiKey is required/);
  });

  it('defaults to the Elements host of its environment (js.{playground|live}.kustom.co), not the API host', () => {
    expect(createElementsClient({ publicApiKey: PUBLIC_KEY }).baseUrl).toBe('https://js.playground.kustom.co');
    expect(createElementsClient({ publicApiKey: PUBLIC_KEY, environment: 'playground', region: 'na' }).baseUrl).toBe('https://js.playground.kustom.co');
    expect(createElementsClient({ publicApiKey: PUBLIC_KEY, environment: 'live' }).baseUrl).toBe('https://js.live.kustom.co');
    expect(createElementsClient({ publicApiKey: PUBLIC_KEY, environment: 'live', region: 'oc' }).baseUrl).toBe('https://js.live.kustom.co');
    expect(createElementsClient({ publicApiKey: PUBLIC_KEY, environment: 'live', baseUrl: 'http://127.0.0.1:4010/' }).baseUrl).toBe('http://127.0.0.1:4010');
  });

  it('takes an injected fetch', async () => {
    const urls: string[] = [];
    const elements = createElementsClient({
      publicApiKey: PUBLIC_KEY,
      baseUrl: 'http://127.0.0.1:4010',
      fetch: async (input) => {
        urls.push(String(input));
        return Response.json(paymentMethods);
      },
    });
    await expect(elements.paymentMethods({ locale: 'sv-SE', purchaseCountry: 'SE', currency: 'SEK' })).resolves.toEqual(paymentMethods);
    expect(urls[0]).toMatch(/^http:\/\/127\.0\.0\.1:4010\/kustom-elements-api\/v1\/placements\/AVAILABLE_PAYMENT_METHODS\?client_id=kustom_pk_test_sandbox/);
  });
});
