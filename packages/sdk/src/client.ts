/**
 * The server-side client for the Kustom API (secret key): Checkout v3, Order
 * Management v1 and Settlements v1.
 *
 * @example
 * import { createKustomClient } from '@kustom/sdk';
 * const kustom = createKustomClient({ apiKey: process.env.KUSTOM_API_KEY! });
 * const order = await kustom.orders.get('f3392f8b-6116-4073-ab96-e330819e2c07');
 */
import { KustomError } from './errors.js';
import { ENVIRONMENTS, REGIONS, apiHost, isLiveHost, isPlaygroundHost, type Environment, type Region } from './hosts.js';
import { createTransport, type FetchLike, type RetryEvent } from './internal/http.js';
import { MAX_DELAY, maxRetriesOption, numberOption, timeoutOption } from './internal/options.js';
import { DEFAULT_BACKOFF, type RetryBackoff } from './internal/retry.js';
import { checkoutOrders, type CheckoutOrdersResource } from './resources/checkout.js';
import { orders, type OrdersResource } from './resources/orders.js';
import { payouts, type PayoutsResource } from './resources/settlements.js';

export type { FetchLike, RequestOptions, RetryEvent, WriteOptions } from './internal/http.js';
export type { RetryBackoff } from './internal/retry.js';
export type { CheckoutOrdersResource } from './resources/checkout.js';
export type { CaptureResult, OrdersResource, RefundResult } from './resources/orders.js';
export type { PayoutsResource } from './resources/settlements.js';

/** Options every client takes, whatever its credentials. */
export interface KustomClientBaseOptions {
  /**
   * Which Kustom environment to talk to. A test key (`kco_test_api_…`) only works with
   * `'playground'`, a live key (`kco_live_api_…`) only with `'live'`.
   * @default 'playground'
   */
  environment?: Environment | undefined;
  /**
   * The API region: `eu` → `api(.playground).kustom.co`, `na` → `api-na…`, `oc` → `api-oc…`.
   * @default 'eu'
   */
  region?: Region | undefined;
  /**
   * Overrides the host that `environment` and `region` pick, e.g. the local sandbox
   * `http://127.0.0.1:4010` or your egress proxy. A path prefix is kept.
   * A live key is only ever sent over `https:`.
   * @default apiHost(environment, region)
   */
  baseUrl?: string | undefined;
  /**
   * The fetch to send requests with: `globalThis.fetch`, the sandbox's in-process
   * handler, a test double. It is called with one `Request`.
   * @default globalThis.fetch (looked up on every call)
   * @example fetch: (request) => sandbox.fetch(request)
   */
  fetch?: FetchLike | undefined;
  /**
   * Milliseconds one attempt may take, from sending to the last byte of the answer.
   * An attempt that runs over is aborted, counted as a `KustomTimeoutError` and retried.
   * @default 30000
   */
  timeout?: number | undefined;
  /**
   * How many times a failed call is tried again (so at most `1 + maxRetries` attempts).
   * Only 408, 409, 429, 5xx, timeouts and connections that fail are retried. `0` turns
   * retries off.
   * @default 2
   */
  maxRetries?: number | undefined;
  /**
   * How long to wait between attempts.
   * @default { initialDelay: 500, maxDelay: 8000, maxRetryAfter: 60000 }
   */
  retryBackoff?: RetryBackoff | undefined;
  /** Called before each wait between attempts, e.g. to log retries. */
  onRetry?: ((event: RetryEvent) => void) | undefined;
  /**
   * Extra headers on every request, e.g. `{ 'Klarna-Integrator': 'my-platform' }`. They
   * cannot replace `Authorization`, `Accept`, `Content-Type` or `Klarna-Idempotency-Key`.
   */
  headers?: Record<string, string> | undefined;
  /** The `User-Agent` header (where the runtime lets a script set it; browsers do not). */
  userAgent?: string | undefined;
  /**
   * Lets the client be created in a browser. Do not: anyone who opens the page can read
   * the secret key. Use `createElementsClient` with the public key there instead.
   * @default false
   */
  dangerouslyAllowBrowser?: boolean | undefined;
}

/** Authenticate with an API key from the Kustom Portal. */
export interface KustomApiKeyCredentials {
  /** `kco_test_api_…` (playground) or `kco_live_api_…` (live), sent as `Authorization: Basic <apiKey>`. */
  apiKey: string;
  username?: undefined;
  password?: undefined;
}

/** Authenticate with API credentials (`<MID>-<suffix>` and its password). */
export interface KustomPasswordCredentials {
  apiKey?: undefined;
  /** Sent as `Authorization: Basic base64(username:password)`. */
  username: string;
  password: string;
}

export type KustomClientOptions = KustomClientBaseOptions & (KustomApiKeyCredentials | KustomPasswordCredentials);

/** The object `createKustomClient` returns. */
export interface KustomClient {
  /** Where requests go, e.g. `https://api.playground.kustom.co`. */
  readonly baseUrl: string;
  /** Checkout API v3. */
  readonly checkout: { readonly orders: CheckoutOrdersResource };
  /** Order Management API v1. */
  readonly orders: OrdersResource;
  /** Settlements API v1. */
  readonly settlements: { readonly payouts: PayoutsResource };
}

const API_KEY = /^kco_(test|live)_api_\S+$/;

/**
 * Creates a client for the Kustom API. Throws a `KustomError` that says what to change
 * when the options cannot be right: missing or mixed credentials, a test key aimed at
 * a live host or a live key at the playground, a live key over plain `http:`, a secret
 * key in a browser.
 */
export function createKustomClient(options: KustomClientOptions): KustomClient {
  if (!options || typeof options !== 'object') throw new KustomError('createKustomClient needs an options object with an apiKey.');
  const authorization = credentials(options);
  const keyEnvironment = options.apiKey === undefined ? undefined : options.apiKey.startsWith('kco_live_api_') ? 'live' : 'playground';

  if (!options.dangerouslyAllowBrowser && isBrowser()) {
    throw new KustomError(
      'createKustomClient runs on your server: in a browser anyone can read the secret key. ' +
        'Call your server from the page, and use createElementsClient with the public key for the elements. ' +
        '(If this really is a trusted environment, pass dangerouslyAllowBrowser: true.)',
    );
  }

  const { environment, region } = options;
  if (environment !== undefined && !ENVIRONMENTS.includes(environment)) {
    throw new KustomError(`environment must be ${ENVIRONMENTS.map((e) => `'${e}'`).join(' or ')}, got ${JSON.stringify(environment)}.`);
  }
  if (region !== undefined && !REGIONS.includes(region)) {
    throw new KustomError(`region must be one of ${REGIONS.map((r) => `'${r}'`).join(', ')}, got ${JSON.stringify(region)}.`);
  }
  if (keyEnvironment && environment && environment !== keyEnvironment) {
    throw new KustomError(
      keyEnvironment === 'live'
        ? `A live API key (kco_live_api_…) cannot be used with environment: '${environment}'. Use environment: 'live', or a test key (kco_test_api_…) for the playground.`
        : `A test API key (kco_test_api_…) cannot be used with environment: '${environment}'. Use a live key (kco_live_api_…) for live, or environment: 'playground'.`,
    );
  }

  const baseUrl = resolveBaseUrl(options.baseUrl, environment, region);
  if (keyEnvironment === 'playground' && isLiveHost(baseUrl)) {
    throw new KustomError(
      `A test API key (kco_test_api_…) must never reach a live host (${baseUrl}). Use a live key (kco_live_api_…), or the playground host.`,
    );
  }
  if (keyEnvironment === 'live' && isPlaygroundHost(baseUrl)) {
    throw new KustomError(
      `A live API key (kco_live_api_…) must never reach the playground (${baseUrl}). Pass environment: 'live', or use a test key (kco_test_api_…).`,
    );
  }
  if (keyEnvironment === 'live' && !isLiveHost(baseUrl) && new URL(baseUrl).protocol !== 'https:') {
    throw new KustomError(
      `A live API key (kco_live_api_…) is only sent over https, not to ${baseUrl}. For the local sandbox use a test key (kco_test_api_…).`,
    );
  }

  const headers = defaultHeaders(options, authorization);
  const send = createTransport({
    baseUrl,
    headers,
    fetch: options.fetch ?? ((request) => globalThis.fetch(request)),
    timeout: timeoutOption(options.timeout, 30_000),
    maxRetries: maxRetriesOption(options.maxRetries, 2),
    backoff: backoff(options.retryBackoff),
    onRetry: options.onRetry,
  });

  return Object.freeze({
    baseUrl,
    checkout: Object.freeze({ orders: Object.freeze(checkoutOrders(send)) }),
    orders: Object.freeze(orders(send)),
    settlements: Object.freeze({ payouts: Object.freeze(payouts(send)) }),
  });
}

function credentials(options: KustomClientOptions): string {
  const { apiKey, username, password } = options;
  if (apiKey !== undefined && (username !== undefined || password !== undefined)) {
    throw new KustomError('Pass either apiKey, or username and password, not both.');
  }
  if (apiKey !== undefined) {
    if (typeof apiKey !== 'string' || !API_KEY.test(apiKey)) {
      throw new KustomError(
        'apiKey must be a Kustom API key: kco_test_api_… (playground) or kco_live_api_… (live), from the Kustom Portal. ' +
          'For API credentials (<MID>-<suffix> and a password) pass username and password instead.',
      );
    }
    // The facts page: "Either the API key alone or base64(username:password)".
    return `Basic ${apiKey}`;
  }
  if (typeof username === 'string' && username && typeof password === 'string' && password) {
    return `Basic ${base64(`${username}:${password}`)}`;
  }
  throw new KustomError(
    username || password
      ? 'username and password go together: pass both (your API credentials from the Kustom Portal).'
      : 'Pass apiKey (kco_test_api_… or kco_live_api_… from the Kustom Portal), or username and password.',
  );
}

function resolveBaseUrl(baseUrl: string | undefined, environment: Environment | undefined, region: Region | undefined): string {
  if (baseUrl === undefined) return apiHost(environment ?? 'playground', region ?? 'eu');
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new KustomError(`baseUrl must be an absolute http(s) URL such as http://127.0.0.1:4010, got ${JSON.stringify(baseUrl)}.`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new KustomError(`baseUrl must use http: or https:, got ${JSON.stringify(baseUrl)}.`);
  }
  if (url.search || url.hash || url.username || url.password) {
    throw new KustomError(`baseUrl must not carry a query, a fragment or credentials, got ${JSON.stringify(baseUrl)}.`);
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}

function defaultHeaders(options: KustomClientBaseOptions, authorization: string): Headers {
  let headers: Headers;
  try {
    headers = new Headers(options.headers);
    if (options.userAgent !== undefined) headers.set('user-agent', options.userAgent);
  } catch (cause) {
    throw new KustomError(`headers must be valid HTTP header names and values: ${(cause as Error).message}`, { cause });
  }
  for (const reserved of ['content-type', 'klarna-idempotency-key']) headers.delete(reserved);
  headers.set('accept', 'application/json');
  headers.set('authorization', authorization);
  return headers;
}

function backoff(given: RetryBackoff | undefined): Required<RetryBackoff> {
  const result = { ...DEFAULT_BACKOFF };
  for (const key of Object.keys(DEFAULT_BACKOFF) as (keyof RetryBackoff)[]) {
    result[key] = numberOption(given?.[key], `retryBackoff.${key}`, DEFAULT_BACKOFF[key], (v) => v >= 0 && v <= MAX_DELAY, `a number of milliseconds from 0 to ${MAX_DELAY}`);
  }
  return result;
}

/** A browser page (not a worker, not Node, not Deno without a DOM). */
function isBrowser(): boolean {
  const scope = globalThis as { window?: unknown; document?: unknown };
  return typeof scope.window !== 'undefined' && typeof scope.document !== 'undefined';
}

/** Base64 of the UTF-8 bytes of `text` (`btoa` alone only takes Latin-1). */
function base64(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}
