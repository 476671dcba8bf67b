/**
 * The sandbox's credentials and settings, with their defaults.
 *
 * Defaults (printed by the CLI, documented in the README):
 * - merchant id `PK12345`;
 * - secret API key `kco_test_api_sandbox`, whose username is `PK12345-sandbox`;
 * - public API key `kustom_pk_test_sandbox`, allowed origins `http://localhost:*`
 *   and `http://127.0.0.1:*`.
 */
export const DEFAULT_MERCHANT_ID = 'PK12345';
export const DEFAULT_API_KEY = 'kco_test_api_sandbox';
export const DEFAULT_USERNAME = `${DEFAULT_MERCHANT_ID}-sandbox`;
export const DEFAULT_PUBLIC_KEY = 'kustom_pk_test_sandbox';
export const DEFAULT_ALLOWED_ORIGINS: readonly string[] = ['http://localhost:*', 'http://127.0.0.1:*'];

/** A secret API credential (server side). */
export interface ApiKeyCredential {
  /** The API key, e.g. `kco_test_api_sandbox`. Live keys (`kco_live_…`) are refused. */
  key: string;
  /**
   * The username shown next to the key in the portal (`<MID>-<suffix>`). With
   * `Authorization: Basic base64(username:key)` it must match; it is optional otherwise.
   */
  username?: string | undefined;
}

/** A public API key for the Elements API, with the origins allowed to use it. */
export interface PublicKeyCredential {
  key: string;
  /**
   * Origins (`scheme://host[:port]`) allowed to call the Elements API with this key.
   * `:*` allows any port and `*.` any subdomain, as in CSP source expressions:
   * `http://localhost:*`, `https://*.shop.example`.
   */
  allowedOrigins: readonly string[];
}

/** A built-in data set: `demo` (realistic orders in every status) or `empty`. */
export type SeedName = 'demo' | 'empty';

export interface SandboxOptions {
  /**
   * Start with a frozen clock at this time (it moves only through `clock.advance`,
   * `clock.set` and the clock control). Without it the clock follows real time.
   * @example createSandbox({ now: '2025-03-01T10:00:00Z' })
   */
  now?: Date | string | number | undefined;
  /**
   * Seed of the id and random generator: the same seed gives the same ids.
   * Given, it seeds the errors' `correlation_id` too; without it those are random per answer.
   * @default 1
   */
  randomSeed?: number | string | undefined;
  /** @default 'empty' */
  seed?: SeedName | undefined;
  /** @default 'PK12345' */
  merchantId?: string | undefined;
  /** @default [{ key: 'kco_test_api_sandbox', username: 'PK12345-sandbox' }] */
  apiKeys?: readonly ApiKeyCredential[] | undefined;
  /** @default [{ key: 'kustom_pk_test_sandbox', allowedOrigins: ['http://localhost:*', 'http://127.0.0.1:*'] }] */
  publicKeys?: readonly PublicKeyCredential[] | undefined;
  /**
   * The `Origin` assumed for requests that carry none. Browsers never let page code
   * set `Origin` on a `Request`, so in-page use passes the page's origin here (or uses
   * `sandbox.fetchFrom(origin)`) to have the Elements API check it.
   * Without it, a request without `Origin` is treated as server side and allowed.
   * @example createSandbox({ origin: () => location.origin })
   */
  origin?: string | (() => string | undefined) | undefined;
  /**
   * The sandbox's public base URL for `Location` headers, `approval_url` and
   * pagination links. @default the origin of each request's URL
   */
  publicUrl?: string | undefined;
  /**
   * The express approval page that EXPRESS_BUTTONS answers as `approval_url`: an
   * absolute http(s) URL with `{order_id}` in it; the sandbox adds `client_id`
   * (and the request's `origin`) to its query. For a page that lives elsewhere
   * than the sandbox, e.g. a static approval page in a Storybook build that posts
   * the `ExpressApprovalMessage` itself.
   * @default `${publicUrl}/sandbox/express/{order_id}` (the sandbox's own page)
   * @example createSandbox({ expressApprovalUrl: new URL('express-approval.html?order_id={order_id}', location.href).href })
   */
  expressApprovalUrl?: string | undefined;
  /**
   * Called after every committed write, before the answer is returned; the answer
   * waits for the returned promise. The Node server persists `--data` here.
   */
  onCommit?: (() => void | Promise<void>) | undefined;
  /** Restore this snapshot instead of seeding (see `sandbox.snapshot()`). */
  snapshot?: unknown;
}

export interface ResolvedConfig {
  merchantId: string;
  apiKeys: readonly ApiKeyCredential[];
  publicKeys: readonly PublicKeyCredential[];
  randomSeed: number | string;
  /** Whether the caller chose `randomSeed` (then correlation ids are seeded too). */
  seeded: boolean;
  seed: SeedName;
  start: Date | string | number | undefined;
  publicUrl: string | undefined;
  expressApprovalUrl: string | undefined;
}

export function resolveConfig(options: SandboxOptions): ResolvedConfig {
  const merchantId = options.merchantId ?? DEFAULT_MERCHANT_ID;
  const apiKeys = options.apiKeys ?? [{ key: DEFAULT_API_KEY, username: `${merchantId}-sandbox` }];
  const publicKeys = options.publicKeys ?? [{ key: DEFAULT_PUBLIC_KEY, allowedOrigins: DEFAULT_ALLOWED_ORIGINS }];
  for (const { key } of apiKeys) {
    if (!/^kco_test_api_\S+$/.test(key)) throw new TypeError(`apiKeys: "${key}" is not a test API key (kco_test_api_…)`);
  }
  for (const { key, allowedOrigins } of publicKeys) {
    if (!key || /^kco_/.test(key)) throw new TypeError(`publicKeys: "${key}" is not a public API key`);
    for (const origin of allowedOrigins) parseOriginPattern(origin);
  }
  return {
    merchantId,
    apiKeys,
    publicKeys,
    randomSeed: options.randomSeed ?? 1,
    seeded: options.randomSeed !== undefined,
    seed: options.seed ?? 'empty',
    start: options.now,
    publicUrl: options.publicUrl?.replace(/\/+$/, ''),
    expressApprovalUrl: options.expressApprovalUrl === undefined ? undefined : approvalTemplate(options.expressApprovalUrl),
  };
}

function approvalTemplate(template: string): string {
  let url: URL | undefined;
  try {
    url = new URL(template);
  } catch {
    // reported below
  }
  if (!url || !/^https?:$/.test(url.protocol) || !template.includes('{order_id}')) {
    throw new TypeError(`expressApprovalUrl: "${template}" is not an absolute http(s) URL with {order_id} in it`);
  }
  return template;
}

interface OriginPattern {
  scheme: string;
  /** Lower-case host; a leading `*.` allows any subdomain. */
  host: string;
  /** `*` for any port, '' for the scheme's default port. */
  port: string;
}

const DEFAULT_PORTS: Record<string, string> = { 'http:': '80', 'https:': '443' };

/** Parses `http://localhost:*`, `https://*.shop.example`, `https://shop.example:8443`. */
export function parseOriginPattern(pattern: string): OriginPattern {
  const match = /^(https?:)\/\/(\*\.)?([a-z0-9.-]+|\[[0-9a-f:]+\])(?::(\*|\d{1,5}))?\/?$/i.exec(pattern.trim());
  if (!match) throw new TypeError(`Not an origin pattern: "${pattern}" (expected e.g. http://localhost:* or https://shop.example)`);
  const scheme = match[1]!.toLowerCase();
  const port = match[4] ?? '';
  return { scheme, host: `${match[2] ?? ''}${match[3]!.toLowerCase()}`, port: port === DEFAULT_PORTS[scheme] ? '' : port };
}

/** Whether an `Origin` header value matches one of the patterns. `null` never does. */
export function originAllowed(origin: string, patterns: readonly string[]): boolean {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  if (url.origin === 'null' || `${url.protocol}//${url.host}` !== origin.replace(/\/$/, '').toLowerCase()) return false;
  const host = url.hostname.toLowerCase();
  return patterns.some((raw) => {
    const p = parseOriginPattern(raw);
    if (p.scheme !== url.protocol) return false;
    if (p.port !== '*' && p.port !== url.port) return false;
    return p.host.startsWith('*.') ? host.endsWith(p.host.slice(1)) && host.length > p.host.length - 1 : host === p.host;
  });
}
