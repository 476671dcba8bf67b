import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { KustomError, KustomUnknownStoreError, createKustomStores, isKustomUnknownStoreError, type FetchLike } from '@kustom/sdk';
import { makeOrder, invalidField } from './fixtures.js';

/** A fetch double that answers every GET with an order and records the credentials it saw. */
function recordingFetch() {
  const seen: string[] = [];
  const fetch: FetchLike = async (request: Request) => {
    seen.push(`${request.headers.get('authorization')} ${new URL(request.url).pathname}`);
    return Response.json(makeOrder({ order_id: new URL(request.url).pathname.split('/').pop()! }));
  };
  return { fetch, seen };
}

describe('createKustomStores', () => {
  it("reaches each store with that store's own credentials", async () => {
    const { fetch, seen } = recordingFetch();
    const stores = createKustomStores({
      PN01234: { apiKey: 'kco_test_api_se', fetch, maxRetries: 0 },
      PN05678: { username: 'PN05678-abc', password: 'secret', fetch, maxRetries: 0 },
    });
    expect(stores.ids).toEqual(['PN01234', 'PN05678']);
    const a = await stores.get('PN01234').orders.get('o-1');
    const b = await stores.get('PN05678').orders.get('o-2');
    expect([a.order_id, b.order_id]).toEqual(['o-1', 'o-2']);
    expect(seen).toEqual([
      'Basic kco_test_api_se /ordermanagement/v1/orders/o-1',
      `Basic ${btoa('PN05678-abc:secret')} /ordermanagement/v1/orders/o-2`,
    ]);
  });

  it('creates each client lazily, once', () => {
    // A live key aimed at the playground cannot work: the client refuses it, but only when first used.
    const stores = createKustomStores({
      GOOD: { apiKey: 'kco_test_api_x' },
      BROKEN: { apiKey: 'kco_live_api_x', environment: 'playground' },
    });
    expect(stores.get('GOOD')).toBe(stores.get('GOOD'));
    expect(() => stores.get('BROKEN')).toThrow(KustomError);
    expect(stores.has('BROKEN')).toBe(true);
  });

  it('refuses an unknown merchant id with a typed error listing the configured ones', () => {
    const stores = createKustomStores({ PN01234: { apiKey: 'kco_test_api_x' } });
    for (const id of ['PN99999', 'toString', '__proto__', 'pn01234']) {
      let error: unknown;
      try {
        stores.get(id);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(KustomUnknownStoreError);
      expect(isKustomUnknownStoreError(error)).toBe(true);
      expect(error).toMatchObject({ name: 'KustomUnknownStoreError', merchantId: id, knownIds: ['PN01234'] });
    }
    expect(stores.has('toString')).toBe(false);
  });

  it('checks the configuration up front', () => {
    const field = invalidField;
    expect(field(() => createKustomStores({ PN01: { username: 'PN02-x', password: 'p' } }))).toBe('stores.PN01.username');
    expect(field(() => createKustomStores({ ' ': { apiKey: 'kco_test_api_x' } }))).toBe('stores. ');
    expect(field(() => createKustomStores({ PN01: null as never }))).toBe('stores.PN01');
    expect(field(() => createKustomStores(null as never))).toBe('stores');
    expect(createKustomStores({}).ids).toEqual([]);
  });

  it('knows exactly the ids it was given', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.stringMatching(/^[A-Z]{1,3}\d{1,6}$/), { maxLength: 8 }), fc.stringMatching(/^[A-Z]{1,3}\d{1,6}$/), (ids, probe) => {
        const stores = createKustomStores(Object.fromEntries(ids.map((id) => [id, { apiKey: 'kco_test_api_x' }])));
        expect([...stores.ids]).toEqual(ids);
        expect(stores.has(probe)).toBe(ids.includes(probe));
        if (!ids.includes(probe)) expect(() => stores.get(probe)).toThrow(KustomUnknownStoreError);
        else expect(stores.get(probe).baseUrl).toBe('https://api.playground.kustom.co');
      }),
    );
  });
});
