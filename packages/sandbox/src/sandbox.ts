/**
 * `createSandbox()`: the whole local Kustom API as one fetch handler. No Node
 * built-ins: it runs in Node, in a browser page, in a worker.
 *
 * Every request goes through one pipeline:
 * 1. CORS preflight (`OPTIONS`) and routing (404 / 405);
 * 2. faults (`Kustom-Sandbox-Fault` or a rule): latency, an error status, or a drop
 *    after commit;
 * 3. access: Basic auth (secret key), `client_id` + `Origin` (Elements API), or the
 *    origin check of the test controls;
 * 4. writes: serialized per `order_id` and per idempotency key; a repeated
 *    `Klarna-Idempotency-Key` replays the first answer (status, headers, body) and
 *    changes nothing; the answer waits for `onCommit` (persistence);
 * 5. CORS headers on the answer for allowed origins.
 */
import { checkoutRoutes, completeCheckout, findCheckout, type CompleteCheckoutRequest } from './checkout.js';
import { createClock, type SandboxClock } from './clock.js';
import {
  originAllowed,
  resolveConfig,
  type ApiKeyCredential,
  type PublicKeyCredential,
  type SandboxOptions,
  type SeedName,
} from './config.js';
import { controlRoutes } from './controls.js';
import { bodyReader, compile, type Core, type RouteContext, type SandboxRequest } from './core.js';
import { elementsRoutes } from './elements/placements.js';
import { expressRoutes } from './express-page.js';
import { authenticate, authorizePublic } from './auth.js';
import {
  ConnectionDroppedError,
  FAULT_ERROR_CODES,
  FAULT_HEADER,
  outcomeOf,
  parseFaultHeader,
  parseFaultRule,
  ruleMatches,
  type FaultOutcome,
  type FaultRule,
  type FaultRuleInput,
} from './faults.js';
import { KeyedMutex } from './lock.js';
import { orderManagementRoutes } from './order-management.js';
import { orderView } from './orders.js';
import { createRandom, randomUuid, seedState, type Random } from './random.js';
import { apiError, elementsError, ReplyError, toResponse, type Reply } from './reply.js';
import { seedDemo } from './seed.js';
import { settlementRoutes } from './settlements.js';
import { emptyStores, fromSnapshot, toSnapshot, type Snapshot, type Stores } from './store.js';
import type { Order } from '@kustom/sdk/schemas';

/** The idempotency header of the Kustom API. */
export const IDEMPOTENCY_HEADER = 'Klarna-Idempotency-Key';
/** Set on an answer replayed for a repeated idempotency key. */
export const REPLAYED_HEADER = 'Kustom-Idempotent-Replayed';
/** Answers kept for replay; the oldest are forgotten first. */
export const IDEMPOTENCY_CAPACITY = 100_000;

/** Path prefixes the sandbox answers (for mounting it in a dev server). */
export const SANDBOX_PREFIXES: readonly string[] = [
  '/checkout/v3/',
  '/ordermanagement/v1/',
  '/settlements/v1/',
  '/kustom-elements-api/v1/',
  '/sandbox/',
];

const EXPOSED_HEADERS = ['Capture-Id', 'Refund-Id', 'Location', 'Retry-After', 'Content-Language', REPLAYED_HEADER].join(', ');
const ALLOWED_HEADERS = [
  'Authorization',
  'Content-Type',
  'Accept',
  IDEMPOTENCY_HEADER,
  FAULT_HEADER,
  'Klarna-Partner',
  'Klarna-Integrator',
].join(', ');

export type SandboxFetch = (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>;

export interface Sandbox {
  /**
   * The handler, shaped like `fetch`: pass it as the SDK's `fetch` and no server is
   * needed. Rejects with a `TypeError` (`ConnectionDroppedError`) for a drop fault,
   * after the write was committed.
   */
  readonly fetch: SandboxFetch;
  /** A `fetch` whose requests count as coming from `origin` (browsers never let pages set `Origin`). */
  fetchFrom(origin: string): SandboxFetch;
  /**
   * Lower level than `fetch`, for server adapters: a request-like object in, a plain
   * reply out (`{ status, headers, body }`; turn it into bytes with `replyBody`).
   * Rejects like `fetch` for a drop fault.
   */
  handle(request: SandboxRequest, options?: { origin?: string | undefined }): Promise<Reply>;
  /** `true` when `pathname` is one of the sandbox's routes (any method). */
  matches(pathname: string): boolean;
  /** Back to the initial state: empty or the seed, the initial clock and generators. */
  reset(options?: { seed?: SeedName | undefined }): void;
  readonly clock: SandboxClock;
  readonly faults: {
    add(rule: FaultRuleInput): FaultRule;
    remove(id: string): boolean;
    clear(): void;
    list(): readonly FaultRule[];
  };
  /** Completes a checkout as the customer would (the `…/complete` control). */
  completeCheckout(orderId: string, input?: CompleteCheckoutRequest): Order;
  /** The whole state as JSON-safe data (what `--data FILE` holds). */
  snapshot(): Snapshot;
  readonly merchantId: string;
  readonly apiKeys: readonly ApiKeyCredential[];
  readonly publicKeys: readonly PublicKeyCredential[];
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A malformed `%` sequence stays as sent (and fails the id checks) instead of throwing. */
function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** Creates a sandbox. @example const sandbox = createSandbox({ seed: 'demo', now: '2025-03-01T10:00:00Z' }); */
export function createSandbox(options: SandboxOptions = {}): Sandbox {
  const config = resolveConfig(options);
  const clock = createClock(config.start);
  const initialClock = clock.state();
  const locks = new KeyedMutex();
  const corsPatterns = [...new Set(config.publicKeys.flatMap((k) => k.allowedOrigins))];

  let stores: Stores = emptyStores();
  let ids: Random = createRandom(seedState(config.randomSeed));
  let noise: Random = createRandom(seedState(`${config.randomSeed}|noise`));
  let version = 0;
  let faultCounter = 0;

  const core: Core = {
    config,
    clock,
    get stores() {
      return stores;
    },
    get ids() {
      return ids;
    },
    get noise() {
      return noise;
    },
    changed() {
      version++;
    },
    correlationId: () => (config.seeded ? noise.uuid() : randomUuid()),
  };

  function reset(seed: SeedName = config.seed): void {
    stores = emptyStores();
    clock.restore(initialClock);
    ids = createRandom(seedState(config.randomSeed));
    noise = createRandom(seedState(`${config.randomSeed}|noise`));
    faultCounter = 0;
    if (seed === 'demo') seedDemo(core);
    version++;
  }

  function addFault(input: FaultRuleInput): FaultRule {
    const rule: FaultRule = { id: `fault_${++faultCounter}`, ...input };
    stores.faults.push(rule);
    version++;
    return rule;
  }
  function removeFault(id: string): boolean {
    const before = stores.faults.length;
    stores.faults = stores.faults.filter((f) => f.id !== id);
    version++;
    return stores.faults.length !== before;
  }
  const clearFaults = () => {
    stores.faults = [];
    version++;
  };

  const routes = [
    ...checkoutRoutes,
    ...orderManagementRoutes,
    ...settlementRoutes,
    ...elementsRoutes,
    ...expressRoutes,
    ...controlRoutes({ reset, addFault, removeFault, clearFaults }),
  ].map(compile);

  if (options.snapshot !== undefined) {
    const restored = fromSnapshot(options.snapshot);
    stores = restored.stores;
    clock.restore(restored.snapshot.clock);
    ids = createRandom(restored.snapshot.random.ids);
    noise = createRandom(restored.snapshot.random.noise);
    faultCounter = Math.max(0, ...stores.faults.map((f) => Number(f.id.replace(/\D/g, '')) || 0));
  } else {
    reset();
  }

  function match(method: string, path: string) {
    let pathMatched = false;
    for (const route of routes) {
      const m = route.regex.exec(path);
      if (!m) continue;
      pathMatched = true;
      if (route.method !== method) continue;
      const params: Record<string, string> = {};
      route.names.forEach((name, i) => (params[name] = safeDecode(m[i + 1]!)));
      return { route, params, pathMatched };
    }
    return { route: undefined, params: {}, pathMatched };
  }

  function errorReply(error: ReplyError, elementsStyle: boolean): Reply {
    return elementsStyle
      ? elementsError(error.status, error.code, error.messages.join(' '))
      : apiError(error.status, error.code, error.messages, core.correlationId());
  }

  function chooseFault(request: SandboxRequest, method: string, path: string): FaultOutcome | undefined {
    const header = request.headers.get(FAULT_HEADER);
    if (header) {
      const spec = parseFaultHeader(header);
      return noise.chance(spec.probability ?? 1) ? outcomeOf(spec) : undefined;
    }
    for (const rule of stores.faults) {
      if (!ruleMatches(rule, method, path) || !noise.chance(rule.probability ?? 1)) continue;
      if (rule.times !== undefined) {
        rule.times -= 1;
        if (rule.times <= 0) stores.faults = stores.faults.filter((f) => f !== rule);
        version++;
      }
      return outcomeOf(rule);
    }
    return undefined;
  }

  function corsHeaders(origin: string | null, path: string): Record<string, string> | undefined {
    if (!origin || !(path.startsWith('/kustom-elements-api/') || originAllowed(origin, corsPatterns))) return undefined;
    return { 'access-control-allow-origin': origin, 'access-control-expose-headers': EXPOSED_HEADERS, vary: 'Origin' };
  }

  function assumedOrigin(fixed: string | undefined): string | undefined {
    if (fixed !== undefined) return fixed;
    return typeof options.origin === 'function' ? options.origin() : options.origin;
  }

  async function dispatch(request: SandboxRequest, fixedOrigin: string | undefined): Promise<Reply> {
    const url = new URL(request.url);
    const method = request.method.toUpperCase();
    const path = url.pathname;
    const rawOrigin = request.headers.get('origin');
    const elementsStyle = path.startsWith('/kustom-elements-api/');
    const cors = corsHeaders(rawOrigin, path);
    const finish = (reply: Reply): Reply => (cors ? { ...reply, headers: { ...reply.headers, ...cors } } : reply);
    const error = (status: number, code: string, message: string) => finish(errorReply(new ReplyError(status, code, [message]), elementsStyle));

    if (method === 'OPTIONS') {
      if (!match('GET', path).pathMatched) return error(404, 'NOT_FOUND', `No route ${path}`);
      if (!cors) return error(403, 'NOT_ALLOWED', `Origin ${rawOrigin ?? '(none)'} is not allowed.`);
      return finish({
        status: 204,
        headers: {
          'access-control-allow-methods': 'GET, POST, PATCH, DELETE',
          'access-control-allow-headers': ALLOWED_HEADERS,
          'access-control-max-age': '600',
        },
      });
    }

    const { route, params, pathMatched } = match(method, path);
    if (!route) {
      return pathMatched ? error(405, 'METHOD_NOT_ALLOWED', `${method} is not allowed on ${path}`) : error(404, 'NOT_FOUND', `No route ${method} ${path}`);
    }
    const routeStyle = route.access === 'public';
    const isControl = path.startsWith('/sandbox/');
    try {
      const fault = isControl ? undefined : chooseFault(request, method, path);
      if (fault?.latencyMs) await sleep(fault.latencyMs);
      if (fault?.status) {
        const reply = errorReply(new ReplyError(fault.status, FAULT_ERROR_CODES[fault.status], [`Injected fault: ${fault.status}`]), routeStyle);
        if (fault.retryAfter !== undefined) reply.headers['retry-after'] = String(fault.retryAfter);
        return finish(reply);
      }

      const ctx: RouteContext = {
        core,
        request,
        url,
        params,
        origin: rawOrigin ?? assumedOrigin(fixedOrigin),
        baseUrl: config.publicUrl ?? url.origin,
        json: bodyReader(request),
      };
      let credential = '';
      if (route.access === 'secret') credential = authenticate(request.headers.get('authorization'), config.apiKeys).key;
      if (route.access === 'public') ctx.publicKey = authorizePublic(url.searchParams.get('client_id'), ctx.origin, config.publicKeys);
      if (isControl && route.write && rawOrigin && rawOrigin !== url.origin && !originAllowed(rawOrigin, corsPatterns)) {
        throw new ReplyError(403, 'NOT_ALLOWED', [`Origin ${rawOrigin} may not use the sandbox controls.`]);
      }

      let reply: Reply;
      if (route.write) {
        const key = isControl ? null : request.headers.get(IDEMPOTENCY_HEADER);
        if (key !== null && (key.length === 0 || key.length > 255)) {
          throw new ReplyError(400, 'BAD_VALUE', [`Bad value: ${IDEMPOTENCY_HEADER} (must be 1–255 characters)`]);
        }
        const scope = key === null ? undefined : `${credential}\u0000${key}`;
        const lockKeys = [...(scope ? [`idempotency:${scope}`] : []), ...(params.order_id ? [`order:${params.order_id.toLowerCase()}`] : [])];
        reply = await locks.run(lockKeys, async () => {
          const stored = scope === undefined ? undefined : stores.idempotency.get(scope);
          if (stored) return { ...stored.reply, headers: { ...stored.reply.headers, [REPLAYED_HEADER.toLowerCase()]: 'true' } };
          const before = version;
          let answer: Reply;
          try {
            answer = await route.handle(ctx);
          } catch (failure) {
            if (!(failure instanceof ReplyError)) throw failure;
            answer = errorReply(failure, routeStyle);
          }
          if (scope !== undefined && answer.status < 500) {
            stores.idempotency.set(scope, { reply: answer, at: clock.nowMs() });
            if (stores.idempotency.size > IDEMPOTENCY_CAPACITY) stores.idempotency.delete(stores.idempotency.keys().next().value!);
            version++;
          }
          if (version !== before) await options.onCommit?.();
          return answer;
        });
      } else {
        reply = await route.handle(ctx);
      }
      if (fault?.drop) throw new ConnectionDroppedError(method, path);
      return finish(reply);
    } catch (failure) {
      if (failure instanceof ConnectionDroppedError) throw failure;
      if (failure instanceof ReplyError) return finish(errorReply(failure, routeStyle));
      const message = failure instanceof Error ? failure.message : String(failure);
      return error(500, 'INTERNAL_SERVER_ERROR', `Internal sandbox error: ${message}`);
    }
  }

  /**
   * Changes made through the object (not over HTTP) are committed in the background:
   * the methods stay synchronous, and the next write over HTTP waits for the file anyway.
   */
  function touched<T>(result: T): T {
    version++;
    void Promise.resolve(options.onCommit?.()).catch(() => undefined);
    return result;
  }
  const publicClock: SandboxClock = {
    now: () => clock.now(),
    nowMs: () => clock.nowMs(),
    advance: (by) => touched(clock.advance(by)),
    set: (date) => touched(clock.set(date)),
    get frozen() {
      return clock.frozen;
    },
  };

  const fetchAs =
    (origin?: string): SandboxFetch =>
    async (input, init) => {
      const target =
        typeof input === 'string' && input.startsWith('/')
          ? `${(globalThis as { location?: { origin?: string } }).location?.origin ?? 'http://sandbox.localhost'}${input}`
          : input;
      const request = target instanceof Request && init === undefined ? target : new Request(target, init);
      return toResponse(await dispatch(request, origin));
    };

  return {
    fetch: fetchAs(),
    fetchFrom: (origin) => fetchAs(origin),
    handle: (request, o) => dispatch(request, o?.origin),
    matches: (pathname) => routes.some((r) => r.regex.test(pathname)),
    reset: (o) => touched(reset(o?.seed)),
    clock: publicClock,
    faults: {
      add(rule) {
        try {
          return touched(addFault(parseFaultRule(rule)));
        } catch (failure) {
          throw failure instanceof ReplyError ? new TypeError(failure.messages.join(' ')) : failure;
        }
      },
      remove: (id) => touched(removeFault(id)),
      clear: () => touched(clearFaults()),
      list: () => stores.faults,
    },
    completeCheckout(orderId, input) {
      const order = completeCheckout(core, findCheckout(core, orderId), input);
      return touched(orderView(order, clock.nowMs()));
    },
    snapshot: () => toSnapshot(stores, clock.state(), { ids: ids.state(), noise: noise.state() }),
    merchantId: config.merchantId,
    apiKeys: config.apiKeys,
    publicKeys: config.publicKeys,
  };
}
