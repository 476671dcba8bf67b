/**
 * The transport of `createKustomClient`, built on ky 1.14: one logical call becomes up
 * to `1 + maxRetries` attempts. ky runs the attempts, the waits between them (abortable
 * by the caller's signal) and the hooks; this file only configures it:
 *
 * - one idempotency key per call, set once on the request ky clones for every attempt;
 * - `retry.shouldRetry` decides outright (408, 409, 429, 5xx, no complete answer; never
 *   after the caller aborted) and computes the wait itself (`Retry-After` or capped,
 *   jittered backoff), so `onRetry` is told the wait before it starts and `retry.delay`
 *   hands ky that same number;
 * - an `afterResponse` hook turns every non-2xx answer into its `KustomApiError`, so
 *   whatever ky retries or finally throws is already typed;
 * - `redirect: 'manual'`: a 3xx is the `KustomApiError` it is, never followed with the key.
 *
 * One part stays ours: the per-attempt deadline. ky's `timeout` stops at the headers (its
 * timer is cleared when `fetch` resolves), so a server that stalls in the middle of the
 * body would never time out (`test/client/ky-transport.test.ts` shows it). The fetch ky
 * is given (`attempt` below) reads the whole body under one deadline and hands ky a
 * buffered answer; a body cut short therefore fails inside the attempt and is retried.
 */
import ky from 'ky';
import type * as z from 'zod/mini';
import {
  KustomApiError,
  KustomConnectionError,
  KustomTimeoutError,
  KustomValidationError,
  errorFromResponse,
  parseRetryAfter,
  type KustomError,
} from '../errors.js';
import { ApiErrorBody } from '../schemas/common.js';
import { optionsArgument, signalArgument } from './arguments.js';
import { maxRetriesOption, timeoutOption } from './options.js';
import { isRetryableStatus, retryDelay, type RetryBackoff } from './retry.js';
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

export function createTransport(config: TransportConfig): Transport {
  return async function send<T>(call: Call<T>, given?: WriteOptions): Promise<T> {
    const options = optionsArgument(given);
    const signal = signalArgument(options.signal);
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
    const context: ReadContext = { operation: call.operation, idempotencyKey, path: call.path };
    const describe = `${call.operation} (${call.method} ${call.path})`;
    /** The wait `shouldRetry` chose for the retry ky is about to make. */
    let nextDelay = 0;

    const response = await ky(url, {
      method: call.method,
      headers,
      body: body ?? null,
      // Never follow a redirect with the secret key (and never let a 301/302 turn a POST into a GET).
      redirect: 'manual',
      signal,
      timeout: false,
      throwHttpErrors: false,
      // ky always calls its fetch with the Request it built (see `Ky.#fetch`).
      fetch: (request) => attempt(config.fetch, request as Request, timeout, describe, idempotencyKey),
      retry: {
        limit: maxRetries,
        methods: ['get', 'post', 'patch'],
        shouldRetry: ({ error, retryCount }) => {
          if (signal?.aborted || !isRetryable(error)) return false;
          const retryAfter = error instanceof KustomApiError ? parseRetryAfter(error.headers?.get('retry-after') ?? null) : undefined;
          nextDelay = retryDelay(retryCount, retryAfter, config.backoff);
          config.onRetry?.({ operation: call.operation, method: call.method, url, retry: retryCount, delay: nextDelay, error, idempotencyKey });
          return true;
        },
        delay: () => nextDelay,
      },
      hooks: {
        afterResponse: [
          async (_request, _options, answer) => {
            if (answer.ok) return;
            throw errorFromResponse({
              status: answer.status,
              body: errorBody(await answer.text()),
              headers: answer.headers,
              method: call.method,
              url,
              idempotencyKey,
            });
          },
        ],
      },
    });
    return call.read(response, await response.text(), context);
  };
}

/** What is worth another attempt: a retryable status, or an attempt that got no complete answer. */
function isRetryable(error: Error): error is KustomError {
  if (error instanceof KustomApiError) return isRetryableStatus(error.status);
  return error instanceof KustomConnectionError;
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

const TIMED_OUT = Symbol('timed out');

/**
 * One attempt, as the `fetch` ky calls: send, then read the whole body, both under one
 * deadline, and resolve with a buffered copy of the answer. An attempt that gets no
 * complete answer rejects with `KustomTimeoutError` or `KustomConnectionError`; when the
 * caller's signal (which ky folds into `request.signal`) aborts, with its reason.
 */
async function attempt(
  fetchImpl: FetchLike,
  request: Request,
  timeout: number,
  describe: string,
  idempotencyKey: string | undefined,
): Promise<Response> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(TIMED_OUT), timeout);
  const forward = () => controller.abort(request.signal.reason);
  request.signal.addEventListener('abort', forward, { once: true });
  try {
    // `abortable` also guards against an injected fetch (or body) that ignores the signal.
    const response = await abortable(fetchImpl(new Request(request, { signal: controller.signal })), controller.signal);
    const bytes = await abortable(response.arrayBuffer(), controller.signal);
    const empty = response.status === 204 || response.status === 205 || response.status === 304;
    return new Response(empty ? null : bytes, { status: response.status, statusText: response.statusText, headers: response.headers });
  } catch (cause) {
    if (request.signal.aborted) throw request.signal.reason;
    if (controller.signal.reason === TIMED_OUT) {
      throw new KustomTimeoutError(`${describe} got no complete answer within ${timeout} ms`, { cause, idempotencyKey });
    }
    throw new KustomConnectionError(`${describe} lost the connection before a complete answer: ${reason(cause)}`, { cause, idempotencyKey });
  } finally {
    clearTimeout(timer);
    request.signal.removeEventListener('abort', forward);
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
