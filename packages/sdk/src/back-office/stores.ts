/**
 * One back office, several stores: a client per merchant id, like the portal's store
 * switcher for a login that reaches several merchant ids.
 */
import { createKustomClient, type KustomClient, type KustomClientOptions } from '../client.js';
import { KustomUnknownStoreError, invalidInput } from './errors.js';

export interface KustomStores {
  /** The configured merchant ids, in the order they were given. */
  readonly ids: readonly string[];
  /** Whether `merchantId` is configured. */
  has(merchantId: string): boolean;
  /**
   * The client of that store. It is created on first use and the same instance is
   * returned afterwards. An id that is not configured throws `KustomUnknownStoreError`
   * (with `merchantId` and `knownIds`); client options that cannot work throw the
   * client's own `KustomError` here, on first use.
   */
  get(merchantId: string): KustomClient;
}

/**
 * Clients for several stores (merchant ids), each with its own credentials.
 *
 * The configuration is checked now: every merchant id must be a non-empty string and
 * each store needs an options object; API credentials (`username`) must belong to
 * their merchant id (`<MID>-<suffix>`), so one store's orders are never read with
 * another's credentials. A mistake is a `KustomValidationError` naming the store
 * (`stores.PN01234.username`).
 *
 * @example
 * const stores = createKustomStores({
 *   PN01234: { apiKey: process.env.KUSTOM_KEY_SE! },
 *   PN05678: { username: 'PN05678-a1b2c3', password: process.env.KUSTOM_PASSWORD_NO! },
 * });
 * const order = await stores.get(merchantId).orders.get(orderId);
 */
export function createKustomStores(stores: Readonly<Record<string, KustomClientOptions>>): KustomStores {
  if (!stores || typeof stores !== 'object' || Array.isArray(stores)) {
    throw invalidInput('stores', 'must be an object of client options by merchant id', 'invalid_type');
  }
  const config = new Map<string, KustomClientOptions>();
  for (const [merchantId, options] of Object.entries(stores)) {
    if (!merchantId.trim() || merchantId !== merchantId.trim()) {
      throw invalidInput(`stores.${merchantId}`, 'merchant ids must be non-empty and without surrounding spaces', 'invalid_value');
    }
    if (!options || typeof options !== 'object') throw invalidInput(`stores.${merchantId}`, 'must be the options of createKustomClient', 'invalid_type');
    if (typeof options.username === 'string' && !options.username.toUpperCase().startsWith(`${merchantId.toUpperCase()}-`)) {
      throw invalidInput(`stores.${merchantId}.username`, `must be API credentials of merchant id ${merchantId} (${merchantId}-…)`, 'invalid_value');
    }
    config.set(merchantId, options);
  }
  const ids = Object.freeze([...config.keys()]);
  const clients = new Map<string, KustomClient>();

  return Object.freeze({
    ids,
    has: (merchantId: string) => config.has(merchantId),
    get(merchantId: string): KustomClient {
      let client = clients.get(merchantId);
      if (!client) {
        const options = config.get(merchantId);
        if (!options) throw new KustomUnknownStoreError(String(merchantId), ids);
        client = createKustomClient(options);
        clients.set(merchantId, client);
      }
      return client;
    },
  });
}
