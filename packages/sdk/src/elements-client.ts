/**
 * The browser-safe client for the Elements API. It takes only the **public** API
 * key; a secret key (`kco_…`) is refused. The elements bundle carries it, so it stays
 * small: plain `fetch`, and responses checked against shapes generated from the zod
 * schemas (`schemas/elements-shapes.ts`) instead of zod's runtime (see `internal/shape.ts`).
 *
 * Why plain `fetch` and not ky, the transport of `createKustomClient`: this module is part
 * of the one-tag `@kustom/elements` file, which has a size budget (`npm run size`), and ky
 * would add about 4.5 KB brotli to it for nothing this client uses: it sends one GET per
 * placement, never retries (an element shows its error state and the shopper can try
 * again) and carries no idempotency key. So it imports nothing from `internal/http.ts`
 * (`test/client/ky-transport.test.ts` holds that its module graph never imports ky).
 *
 * @example
 * const elements = createElementsClient({ publicApiKey: 'kustom_pk_test_sandbox', baseUrl: 'http://127.0.0.1:4010' });
 * const { payment_methods } = await elements.paymentMethods({ locale: 'sv-SE', purchaseCountry: 'SE', currency: 'SEK', amount: 49900 });
 */
import { KustomConnectionError, KustomError, KustomValidationError, errorFromResponse } from './errors.js';
import { elementsHost, type Environment, type Region } from './hosts.js';
import { arrayArgument, objectArgument, optionsArgument, signalArgument } from './internal/arguments.js';
import { shapeIssues, type Shape } from './internal/shape.js';
import type {
  DeliveryMethodsPlacement,
  ElementsErrorBody,
  ExpressApprovalMessage,
  ExpressButtonsPlacement,
  PaymentMethodsPlacement,
  Placement,
} from './schemas/elements.js';
import {
  DeliveryMethodsPlacementShape,
  ElementsErrorBodyShape,
  ExpressApprovalMessageShape,
  ExpressButtonsPlacementShape,
  PaymentMethodsPlacementShape,
} from './schemas/elements-shapes.js';

export type {
  DeliveryMethodsPlacement,
  DeliveryOption,
  DeliveryType,
  ExpressApprovalMessage,
  ExpressButton,
  ExpressButtonsPlacement,
  OpeningHours,
  PaymentMethod,
  PaymentMethodsPlacement,
  PickupPoint,
  Placement,
} from './schemas/elements.js';
export { elementsHost, type Environment, type Region } from './hosts.js';
// The errors this client throws, so that a page importing only `@kustom/sdk/elements`
// can tell them apart (`instanceof`, type guards) without the server-side entry point.
export * from './errors.js';
// The elements format prices with it, and import only this browser-safe module.
export { formatAmount } from './money.js';

export interface ElementsClientOptions {
  /** The public API key from the Kustom Portal (`kustom_pk_…`). Never the secret key. */
  publicApiKey: string;
  /** @default 'playground' */
  environment?: Environment | undefined;
  /**
   * Accepted for symmetry with the server client; the Elements API has one host per
   * environment (`js.{playground|live}.kustom.co`), so it does not change the host.
   * @default 'eu'
   */
  region?: Region | undefined;
  /**
   * Overrides the host, e.g. the local sandbox `http://127.0.0.1:4010`.
   * @default elementsHost(environment): `https://js.playground.kustom.co` or `https://js.live.kustom.co`
   */
  baseUrl?: string | undefined;
  /** Any fetch: the sandbox's in-browser handler, a test double. @default globalThis.fetch */
  fetch?: typeof fetch | undefined;
}

/** The purchase a placement is asked for. */
export interface PurchaseContext {
  /** `language-COUNTRY`, e.g. `sv-SE`. */
  locale: string;
  /** ISO 3166-1 alpha-2. */
  purchaseCountry: string;
  /** ISO 4217. */
  currency: string;
  /** Order amount in minor units. */
  amount?: number | undefined;
}

export interface PaymentMethodsQuery extends PurchaseContext {
  /** Only these payment method ids. */
  include?: readonly string[] | undefined;
  /** Not these payment method ids. */
  exclude?: readonly string[] | undefined;
}

export interface DeliveryMethodsQuery extends PurchaseContext {
  postalCode?: string | undefined;
}

export interface RequestOptions {
  signal?: AbortSignal | undefined;
}

export interface ElementsClient {
  readonly baseUrl: string;
  paymentMethods(query: PaymentMethodsQuery, options?: RequestOptions): Promise<PaymentMethodsPlacement>;
  deliveryMethods(query: DeliveryMethodsQuery, options?: RequestOptions): Promise<DeliveryMethodsPlacement>;
  expressButtons(query: PurchaseContext, options?: RequestOptions): Promise<ExpressButtonsPlacement>;
}

/** What every secret API key starts with. */
const SECRET_PREFIX = 'kco_';
/** Zero-width characters and the BOM, which `trim()` keeps. */
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF]/g;

/**
 * Whether `key` is, or contains, a secret API key: `kco_…` in any case and with any
 * surrounding whitespace, zero-width characters or BOM (as pasted from a password
 * manager or a PDF), or the Portal's `username:key` form. Such a value is never sent.
 */
export function isSecretKey(key: unknown): boolean {
  if (typeof key !== 'string') return false;
  const visible = key.replace(INVISIBLE, '').trim().toLowerCase();
  return visible.includes(SECRET_PREFIX) || /^[^\s:]+:[^\s:]+$/.test(visible);
}

/** The message every refusal of a secret key carries. */
export const SECRET_KEY_MESSAGE =
  'publicApiKey looks like a secret API key (kco_… or username:key). Never put the secret key in a browser; use the public API key (kustom_pk_…) from the Kustom Portal.';

/** Creates the Elements API client. Throws a `KustomError` for a missing or secret key. */
export function createElementsClient(options: ElementsClientOptions): ElementsClient {
  if (typeof options !== 'object' || options === null) {
    throw new KustomError('createElementsClient needs an options object with publicApiKey (the public API key, kustom_pk_…, from the Kustom Portal).');
  }
  const key = options.publicApiKey;
  if (!key || typeof key !== 'string') {
    throw new KustomError('publicApiKey is required: use the public API key (kustom_pk_…) from the Kustom Portal.');
  }
  if (isSecretKey(key)) throw new KustomError(SECRET_KEY_MESSAGE);
  if (options.baseUrl !== undefined && (typeof options.baseUrl !== 'string' || !URL.canParse(options.baseUrl))) {
    throw new KustomError(`baseUrl must be an absolute URL such as http://127.0.0.1:4010, got ${JSON.stringify(options.baseUrl)}.`);
  }
  if (options.fetch !== undefined && typeof options.fetch !== 'function') throw new KustomError('fetch must be a function (a fetch, or a handler of a Request).');
  const baseUrl = (options.baseUrl ?? elementsHost(options.environment)).replace(/\/+$/, '');
  const doFetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));

  async function placement<T>(
    name: Placement,
    shape: Shape,
    params: Record<string, string | number | undefined>,
    signal?: AbortSignal,
  ): Promise<T> {
    const url = new URL(`${baseUrl}/kustom-elements-api/v1/placements/${name}`);
    url.searchParams.set('client_id', key);
    for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') url.searchParams.set(k, String(v));
    let response: Response;
    try {
      response = await doFetch(url.toString(), { headers: { accept: 'application/json' }, signal: signal ?? null });
    } catch (cause) {
      if (signal?.aborted) throw cause;
      throw new KustomConnectionError(`Could not reach the Kustom Elements API at ${baseUrl}`, { cause });
    }
    let body: unknown;
    try {
      body = await response.json();
    } catch (cause) {
      if (!response.ok) throw errorFromResponse({ status: response.status, headers: response.headers, method: 'GET', url: url.toString(), cause });
      throw new KustomValidationError('response', [{ path: '', message: 'is not valid JSON', code: 'invalid_json' }], name, { cause });
    }
    if (!response.ok) {
      throw errorFromResponse({
        status: response.status,
        body: shapeIssues(ElementsErrorBodyShape, body).length ? undefined : (body as ElementsErrorBody),
        headers: response.headers,
        method: 'GET',
        url: url.toString(),
      });
    }
    const issues = shapeIssues(shape, body);
    if (issues.length) throw new KustomValidationError('response', issues, name);
    return body as T;
  }

  const purchase = (q: PurchaseContext) => {
    objectArgument(q, 'query', 'a query object with locale, purchaseCountry and currency');
    return { locale: q.locale, purchase_country: q.purchaseCountry, purchase_currency: q.currency, order_amount: q.amount };
  };
  const signal = (o: RequestOptions | undefined) => signalArgument(optionsArgument(o).signal);
  const ids = (value: readonly string[] | undefined, path: string) => (value === undefined ? undefined : arrayArgument(value, path).join(','));

  return {
    baseUrl,
    paymentMethods: async (q, o) =>
      placement(
        'AVAILABLE_PAYMENT_METHODS',
        PaymentMethodsPlacementShape,
        { ...purchase(q), include: ids(q.include, 'query.include'), exclude: ids(q.exclude, 'query.exclude') },
        signal(o),
      ),
    deliveryMethods: async (q, o) =>
      placement('DELIVERY_METHODS', DeliveryMethodsPlacementShape, { ...purchase(q), postal_code: q.postalCode }, signal(o)),
    expressButtons: async (q, o) => placement('EXPRESS_BUTTONS', ExpressButtonsPlacementShape, purchase(q), signal(o)),
  };
}

/**
 * The approval page's `postMessage` data as an {@link ExpressApprovalMessage}, or
 * `undefined` for anything else (another script's message, a forged shape). Check the
 * event's `origin` and `source` before trusting it.
 */
export function readApprovalMessage(data: unknown): ExpressApprovalMessage | undefined {
  return shapeIssues(ExpressApprovalMessageShape, data).length ? undefined : (data as ExpressApprovalMessage);
}
