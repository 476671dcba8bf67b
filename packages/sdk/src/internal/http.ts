/**
 * The transport of `createKustomClient`: one logical call becomes up to
 * `1 + maxRetries` attempts over `fetch`.
 *
 * Why not ky's retry: ky 1.14 retries neither POST nor PATCH by default, never 409,
 * always 413, and neither its retry nor its `timeout` covers reading the body, so a
 * connection dropped mid-answer or a server that stalls after the headers escapes
 * both. With retry, timeout and HTTP errors switched off, ky is left building a
 * `Request`, which `fetch` does by itself. So the loop is ours, and small:
 *
 * - one idempotency key per call, the same on every attempt;
 * - a per-attempt deadline covering connect, headers and the whole body;
 * - retry on 408, 409, 429, 5xx and on answers that never (fully) arrived;
 * - every failure becomes a `KustomError`; the underlying one stays as `cause`.
 */
import type * as z from 'zod/mini';
import {
  KustomConnectionError,
  KustomTimeoutError,
  KustomValidationError,
  errorFromResponse,
  parseRetryAfter,
  type KustomError,
} from '../errors.js';
import { ApiErrorBody } from '../schemas/common.js';
import { maxRetriesOption, timeoutOption } from './options.js';
import { isRetryableStatus, retryDelay, sleep, type RetryBackoff } from './retry.js';
import { parseOrThrow } from './validate.js';

/**
 * Any fetch. The SDK always calls it with a `Request` as the only meaningful argument,
 * so a plain handler `(request: Request) => Promise<Response>` (the sandbox's
 * in-process handler, a worker's router) works as well as `globalThis.fetch`.
 */
export type FetchLike = (input: Request, init?: RequestInit) => Promise<Response>;

/** Per-call options of every read. */
export interface RequestOptions {
  /** Aborts the call (and any wait between attempts); the promise rejects with the signal's reason. */
  signal?: AbortSignal | undefined;
  /** Overrides the client's `timeout` (ms per attempt) for this call. */
  timeout?: number | undefined;
  /** Overrides the client's `maxRetries` for this call. */
  maxRetries?: number | undefined;
}

/** Per-call options of every write (POST/PATCH). */
export interface WriteOptions extends RequestOptions {
  /**
   * The `Klarna-Idempotency-Key` for this write. By default a UUID v4 is generated once
   * per call and reused on every retry. Pass your own to make a write safe to repeat
   * across processes, e.g. `error.idempotencyKey` of a write that failed for good.
   */
  idempotencyKey?: string | undefined;
}

/** What {@link TransportConfig.onRetry} is told before each wait. */
export interface RetryEvent {
  /** The resource call, e.g. `orders.capture`. */
  operation: string;
  method: string;
  url: string;
  /** Which retry is coming: 1 for the second attempt. */
  retry: number;
  /** Milliseconds the SDK waits before it. */
  delay: number;
  /** Why: the error the previous attempt ended with. */
  error: KustomError;
  /** The key of a write, the same on every attempt. */
  idempotencyKey: string | undefined;
}

export interface TransportConfig {
  baseUrl: string;
  /** Sent on every request; includes `authorization`. */
  headers: Headers;
  fetch: FetchLike;
  timeout: number;
  maxRetries: number;
  backoff: Required<RetryBackoff>;
  onRetry?: ((event: RetryEvent) => void) | undefined;
}

/** What the resource functions tell the transport about one call. */
export interface Call<T> {
  /** Names the call in errors and retry events, e.g. `orders.capture`. */
  operation: string;
  method: 'GET' | 'POST' | 'PATCH';
  /** Path with its parameters already encoded, e.g. `/ordermanagement/v1/orders/abc`. */
  path: string;
  query?: URLSearchParams | undefined;
  /** A body that has already passed validation. */
  body?: unknown;
  read: ResponseReader<T>;
}

export interface ReadContext {
  operation: string;
  idempotencyKey: string | undefined;
  /** The path the call was sent to, e.g. `/ordermanagement/v1/orders/{order_id}/captures`. */
  path: string;
}

/** Turns a successful answer into the call's result, or throws `KustomValidationError` (side `'response'`). */
export type ResponseReader<T> = (response: Response, text: string, context: ReadContext) => T;

export type Transport = <T>(call: Call<T>, options?: WriteOptions) => Promise<T>;

const TIMED_OUT = Symbol('timed out');

export function createTransport(config: TransportConfig): Transport {
  return async function send<T>(call: Call<T>, options: WriteOptions = {}): Promise<T> {
    const { signal } = options;
    signal?.throwIfAborted();
    const timeout = timeoutOption(options.timeout, config.timeout);
    const maxRetries = maxRetriesOption(options.maxRetries, config.maxRetries);
    const idempotencyKey = call.method === 'GET' ? undefined : (idempotencyKeyOption(options.idempotencyKey, call.operation) ?? uuidV4());
    const query = call.query?.toString();
    const url = config.baseUrl + call.path + (query ? `?${query}` : '');
    const headers = new Headers(config.headers);
    if (idempotencyKey) headers.set('klarna-idempotency-key', idempotencyKey);
    let body: string | undefined;
    if (call.body !== undefined) {
      body = JSON.stringify(call.body);
      headers.set('content-type', 'application/json');
    }
    // Never follow a redirect with the secret key (and never let a 301/302 turn a POST
    // into a GET): a 3xx is answered as the KustomApiError it is.
    const init: RequestInit = { method: call.method, headers, body: body ?? null, redirect: 'manual' };
    const context: ReadContext = { operation: call.operation, idempotencyKey, path: call.path };
    const describe = `${call.operation} (${call.method} ${call.path})`;

    for (let retry = 0; ; retry++) {
      const outcome = await exchange(config.fetch, url, init, timeout, signal);
      let failure: KustomError;
      let retryAfter: number | undefined;
      if (outcome instanceof Error) {
        failure = outcome.kind === TIMED_OUT
          ? new KustomTimeoutError(`${describe} got no complete answer within ${timeout} ms`, { cause: outcome.cause, idempotencyKey })
          : new KustomConnectionError(`${describe} lost the connection before a complete answer: ${reason(outcome.cause)}`, {
              cause: outcome.cause,
              idempotencyKey,
            });
      } else {
        const { response, text } = outcome;
        if (response.ok) return call.read(response, text, context);
        failure = errorFromResponse({
          status: response.status,
          body: errorBody(text),
          headers: response.headers,
          method: call.method,
          url,
          idempotencyKey,
        });
        if (!isRetryableStatus(response.status)) throw failure;
        retryAfter = parseRetryAfter(response.headers.get('retry-after'));
      }
      if (retry >= maxRetries) throw failure;
      const delay = retryDelay(retry + 1, retryAfter, config.backoff);
      config.onRetry?.({ operation: call.operation, method: call.method, url, retry: retry + 1, delay, error: failure, idempotencyKey });
      await sleep(delay, signal);
    }
  };
}

/** A caller's key: printable ASCII without spaces, at most 255 characters (it travels in a header). */
function idempotencyKeyOption(key: string | undefined, operation: string): string | undefined {
  if (key === undefined || (typeof key === 'string' && /^[\x21-\x7e]{1,255}$/.test(key))) return key;
  throw new KustomValidationError(
    'request',
    [{ path: 'idempotencyKey', message: 'must be 1–255 printable ASCII characters without spaces, e.g. a UUID', code: 'invalid_format' }],
    operation,
  );
}

/**
 * A random UUID v4. `crypto.randomUUID` exists in Node ≥ 19, workers and secure
 * browser contexts; elsewhere the same bits come from `crypto.getRandomValues`.
 */
export function uuidV4(): string {
  const { crypto } = globalThis;
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** An attempt that got no (complete) answer. */
class NoAnswer extends Error {
  constructor(
    readonly kind: typeof TIMED_OUT | 'network',
    cause: unknown,
  ) {
    super('no answer', { cause });
  }
}

/**
 * One attempt: send, then read the whole body, both under one deadline. Resolves with
 * the answer or a {@link NoAnswer}; rejects only when the caller's signal aborts.
 */
async function exchange(
  fetchImpl: FetchLike,
  url: string,
  init: RequestInit,
  timeout: number,
  signal: AbortSignal | undefined,
): Promise<{ response: Response; text: string } | NoAnswer> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(TIMED_OUT), timeout);
  const forward = () => controller.abort(signal!.reason);
  signal?.addEventListener('abort', forward, { once: true });
  try {
    // `abortable` also guards against an injected fetch (or body) that ignores the signal.
    const response = await abortable(fetchImpl(new Request(url, { ...init, signal: controller.signal })), controller.signal);
    const text = await abortable(response.text(), controller.signal);
    return { response, text };
  } catch (cause) {
    if (signal?.aborted) throw signal.reason;
    return new NoAnswer(controller.signal.reason === TIMED_OUT ? TIMED_OUT : 'network', cause);
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', forward);
  }
}

function abortable<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

function errorBody(text: string): ApiErrorBody | undefined {
  try {
    const parsed = ApiErrorBody.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

function reason(cause: unknown): string {
  if (!(cause instanceof Error)) return String(cause);
  // Node's fetch says "fetch failed" and keeps the useful part (ECONNREFUSED, "other side closed") in its cause.
  const inner = cause.cause instanceof Error ? `: ${cause.cause.message}` : '';
  return `${cause.message}${inner}`;
}

/** Reads a JSON body and checks it against `schema`. */
export function json<S extends z.ZodMiniType>(schema: S): ResponseReader<z.infer<S>> {
  return (_response, text, context) => {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (cause) {
      throw new KustomValidationError(
        'response',
        [{ path: '', message: text ? `is not valid JSON (${text.length} characters)` : 'is empty, expected JSON', code: 'invalid_json' }],
        context.operation,
        { cause, idempotencyKey: context.idempotencyKey },
      );
    }
    return parseOrThrow(schema, value, 'response', context.operation, { idempotencyKey: context.idempotencyKey });
  };
}

/** A `204 No Content` (or any 2xx) whose body does not matter. */
export const noContent: ResponseReader<void> = () => undefined;

/** The path of a `Location` (absolute or relative); `''` when it is not a URL at all. */
function pathOf(location: string): string {
  try {
    return new URL(location, 'http://relative.invalid').pathname;
  } catch {
    return '';
  }
}

/**
 * A `201 Created` that names what it created in headers: `{ [idField]: <idHeader>,
 * location: <Location> }`, e.g. `{ capture_id, location }` from `Capture-Id` and `Location`.
 * A `Location` outside the collection the call was sent to (another order's capture, a
 * capture answering a refund) means the idempotency key was reused: a typed error, never
 * a result that says money moved when it did not.
 */
export function created<K extends string>(idHeader: string, idField: K): ResponseReader<{ [P in K]: string } & { location: string }> {
  return (response, _text, context) => {
    const id = response.headers.get(idHeader);
    const location = response.headers.get('location');
    if (location && !pathOf(location).includes(`${context.path}/`)) {
      // Kustom replays the first answer to an idempotency key whatever the request: a key
      // reused for another order (or another kind of write) brings back that write's result.
      const key = context.idempotencyKey;
      const message =
        `is ${location}, which is not under ${context.path}: Kustom answered with what it created for an earlier request ` +
        `with the same Klarna-Idempotency-Key${key ? ` (${key})` : ''}, and did nothing for this one. Send it again with a new key.`;
      throw new KustomValidationError('response', [{ path: 'Location', message, code: 'idempotency_key_reused' }], context.operation, { idempotencyKey: key });
    }
    const issues = [
      ...(id ? [] : [{ path: idHeader, message: 'header is missing', code: 'missing_header' }]),
      ...(location ? [] : [{ path: 'Location', message: 'header is missing', code: 'missing_header' }]),
    ];
    if (issues.length) throw new KustomValidationError('response', issues, context.operation, { idempotencyKey: context.idempotencyKey });
    return { [idField]: id, location } as { [P in K]: string } & { location: string };
  };
}
