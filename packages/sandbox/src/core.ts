/**
 * What every route works with: the configuration, the clock, the stores and the
 * generators. Routes are plain objects (method, path pattern, access, handler), so
 * the pipeline in `sandbox.ts` applies faults, authentication, CORS, per-order
 * serialization and idempotency the same way to all of them.
 */
import type { ClockControl } from './clock.js';
import type { PublicKeyCredential, ResolvedConfig } from './config.js';
import type { Random } from './random.js';
import type { Reply } from './reply.js';
import type { Stores } from './store.js';
import { parseJsonBody } from './validation.js';

/**
 * What the pipeline reads of a request: a `Request` fits, and so does a light object
 * built by a server adapter (no `Request`/`Response` objects on the hot path).
 */
export interface SandboxRequest {
  readonly method: string;
  /** Absolute URL. */
  readonly url: string;
  readonly headers: { get(name: string): string | null };
  text(): Promise<string>;
}

export interface Core {
  readonly config: ResolvedConfig;
  readonly clock: ClockControl;
  readonly stores: Stores;
  /** Ids, references and demo data: reproducible from the seed. */
  readonly ids: Random;
  /** Correlation ids and fault draws: kept apart so that they never shift the ids. */
  readonly noise: Random;
  /** Marks a state change: the answer waits until it is committed (persisted). */
  changed(): void;
  correlationId(): string;
}

/**
 * - `secret`: Basic auth with a secret API key (Checkout, Order Management, Settlements).
 * - `public`: the Elements API: `client_id` (public key) and the `Origin` check.
 * - `open`: the sandbox's own pages and test controls.
 */
export type Access = 'secret' | 'public' | 'open';

export interface RouteContext {
  core: Core;
  request: SandboxRequest;
  url: URL;
  params: Record<string, string>;
  /** The request's `Origin` (or the one assumed for in-page use), if any. */
  origin: string | undefined;
  /** Base for absolute links (`Location`, `approval_url`, pagination). */
  baseUrl: string;
  /** The public key of an Elements API call. */
  publicKey?: PublicKeyCredential | undefined;
  /** The request body parsed as JSON: 400 `BAD_VALUE` when it is not JSON. */
  json(options?: { optional?: boolean }): Promise<unknown>;
}

export interface Route {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  /** `/ordermanagement/v1/orders/:order_id/captures` */
  path: string;
  access: Access;
  /** A write: serialized per `:order_id` and replayed by `Klarna-Idempotency-Key`. */
  write?: boolean;
  handle(ctx: RouteContext): Reply | Promise<Reply>;
}

export interface CompiledRoute extends Route {
  regex: RegExp;
  names: string[];
}

export function compile(route: Route): CompiledRoute {
  const names: string[] = [];
  const source = route.path
    .split('/')
    .map((part) => {
      if (!part.startsWith(':')) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      names.push(part.slice(1));
      return '([^/]+)';
    })
    .join('/');
  return { ...route, regex: new RegExp(`^${source}/?$`), names };
}

/** The body reader for a context: the text is read once, parsed on demand. */
export function bodyReader(request: SandboxRequest): RouteContext['json'] {
  let text: Promise<string> | undefined;
  return async (options) => parseJsonBody(await (text ??= request.text()), options);
}
