/**
 * One error hierarchy for everything the SDK throws.
 *
 * Every class sets a literal `name` (it survives minification, unlike
 * `constructor.name`) and keeps the original failure as `cause`. HTTP statuses
 * map to subclasses in one place: {@link errorFromResponse}.
 *
 * ```
 * KustomError
 * ├── KustomApiError                 any answer with a non-2xx status
 * │   ├── KustomBadRequestError      400 (BAD_VALUE, INVALID_ORDER_ID, …)
 * │   ├── KustomAuthenticationError  401
 * │   ├── KustomNotAllowedError      403 (NOT_ALLOWED, CAPTURE_NOT_ALLOWED, …)
 * │   ├── KustomNotFoundError        404 (NO_SUCH_ORDER, NO_SUCH_CAPTURE, …)
 * │   ├── KustomConflictError        409
 * │   ├── KustomRateLimitError       429 (retryAfter)
 * │   └── KustomServerError          5xx
 * ├── KustomConnectionError          the request never got an answer
 * │   └── KustomTimeoutError         an attempt ran past `timeout`
 * └── KustomValidationError          a request or response body that breaks the schema
 * ```
 */

/** What every {@link KustomError} constructor accepts besides the message. */
export interface KustomErrorOptions {
  cause?: unknown;
  /** The `Klarna-Idempotency-Key` of the failed write, if it was one. */
  idempotencyKey?: string | undefined;
}

export class KustomError extends Error {
  override readonly name: string = 'KustomError';
  /**
   * For a write (POST/PATCH) that failed: the `Klarna-Idempotency-Key` it was sent
   * with. Send the call again later with `{ idempotencyKey: error.idempotencyKey }`
   * and the API will not do it twice. `undefined` for reads and local errors.
   */
  readonly idempotencyKey: string | undefined;

  constructor(message: string, options?: KustomErrorOptions) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.idempotencyKey = options?.idempotencyKey;
  }
}

/** The body the Kustom API sends with every error (Checkout and Order Management). */
export interface KustomErrorBody {
  error_code?: string;
  error_messages?: string[];
  correlation_id?: string;
  /** The Elements API uses `code` / `message` instead. */
  code?: string;
  message?: string;
}

export interface KustomApiErrorInit {
  status: number;
  body?: KustomErrorBody | undefined;
  headers?: Headers | undefined;
  method?: string | undefined;
  url?: string | undefined;
  cause?: unknown;
  idempotencyKey?: string | undefined;
}

/** The API answered with a non-2xx status. */
export class KustomApiError extends KustomError {
  override readonly name: string = 'KustomApiError';
  /** HTTP status code. */
  readonly status: number;
  /** The API's machine-readable code, e.g. `CAPTURE_NOT_ALLOWED` or `ORIGIN_NOT_ALLOWED`. */
  readonly error_code: string | undefined;
  /** The API's human-readable messages. */
  readonly error_messages: string[];
  /** Quote this when you contact Kustom support. */
  readonly correlation_id: string | undefined;
  /** Response headers, when there was a response. */
  readonly headers: Headers | undefined;
  /** `"POST /ordermanagement/v1/orders/…/captures"`: which call failed. */
  readonly request: string | undefined;

  constructor(init: KustomApiErrorInit) {
    const body = init.body ?? {};
    const code = body.error_code ?? body.code;
    const messages = body.error_messages ?? (body.message ? [body.message] : []);
    const request = init.method && init.url ? `${init.method} ${pathOf(init.url)}` : undefined;
    super(
      `${init.status}${code ? ` ${code}` : ''}${messages.length ? `: ${messages.join('; ')}` : ''}` +
        (request ? ` (${request})` : '') +
        (body.correlation_id ? ` [correlation_id ${body.correlation_id}]` : ''),
      { cause: init.cause, idempotencyKey: init.idempotencyKey },
    );
    this.status = init.status;
    this.error_code = code;
    this.error_messages = messages;
    this.correlation_id = body.correlation_id;
    this.headers = init.headers;
    this.request = request;
  }
}

/** 400: the API refused the body (`BAD_VALUE`, `INVALID_ORDER_ID`, …). */
export class KustomBadRequestError extends KustomApiError {
  override readonly name: string = 'KustomBadRequestError';
}
/** 401: missing or wrong credentials. */
export class KustomAuthenticationError extends KustomApiError {
  override readonly name: string = 'KustomAuthenticationError';
}
/** 403: the order's state does not allow the action; `error_code` says which rule (`CAPTURE_NOT_ALLOWED`, …). */
export class KustomNotAllowedError extends KustomApiError {
  override readonly name: string = 'KustomNotAllowedError';
}
/** 404: no such order, capture or refund. */
export class KustomNotFoundError extends KustomApiError {
  override readonly name: string = 'KustomNotFoundError';
}
/** 409: a conflicting write is in progress. Retried automatically. */
export class KustomConflictError extends KustomApiError {
  override readonly name: string = 'KustomConflictError';
}
/** 429: too many requests. Retried automatically, honouring `Retry-After`. */
export class KustomRateLimitError extends KustomApiError {
  override readonly name: string = 'KustomRateLimitError';
  /** Milliseconds the server asked us to wait (from `Retry-After`), if it said. */
  readonly retryAfter: number | undefined;
  constructor(init: KustomApiErrorInit) {
    super(init);
    this.retryAfter = parseRetryAfter(init.headers?.get('retry-after') ?? null);
  }
}
/** 5xx: the service failed. Retried automatically. */
export class KustomServerError extends KustomApiError {
  override readonly name: string = 'KustomServerError';
}

/** The request got no answer: DNS, refused or dropped connection. Retried automatically. */
export class KustomConnectionError extends KustomError {
  override readonly name: string = 'KustomConnectionError';
}
/** An attempt ran past the client's `timeout`. Retried automatically. */
export class KustomTimeoutError extends KustomConnectionError {
  override readonly name: string = 'KustomTimeoutError';
}

/** One problem found by validation. */
export interface KustomValidationIssue {
  /** Field path in the API's own names, e.g. `order_lines[2].tax_rate` (empty for the whole body). */
  path: string;
  /** What is wrong, in plain English. */
  message: string;
  /** Zod's issue code, e.g. `invalid_type`, `too_big`, or `custom` for arithmetic rules. */
  code: string;
}

/**
 * A body broke the schema. `side: 'request'` means nothing was sent; `side:
 * 'response'` means the API (or something in between) answered with a body the SDK
 * cannot trust.
 */
export class KustomValidationError extends KustomError {
  override readonly name: string = 'KustomValidationError';
  readonly side: 'request' | 'response';
  readonly issues: KustomValidationIssue[];
  /** The first offending field path, e.g. `order_lines[2].tax_rate`. */
  readonly field: string;

  constructor(side: 'request' | 'response', issues: KustomValidationIssue[], context?: string, options?: KustomErrorOptions) {
    const head = issues
      .slice(0, 3)
      .map((i) => (i.path ? `${i.path}: ${i.message}` : i.message))
      .join('; ');
    const more = issues.length > 3 ? ` (and ${issues.length - 3} more)` : '';
    super(`Invalid ${side}${context ? ` for ${context}` : ''}: ${head}${more}`, options);
    this.side = side;
    this.issues = issues;
    this.field = issues[0]?.path ?? '';
  }
}

const STATUS_CLASSES: Record<number, typeof KustomApiError> = {
  400: KustomBadRequestError,
  401: KustomAuthenticationError,
  403: KustomNotAllowedError,
  404: KustomNotFoundError,
  409: KustomConflictError,
  429: KustomRateLimitError,
};

/** The one place where an HTTP status becomes an error class. */
export function errorFromResponse(init: KustomApiErrorInit): KustomApiError {
  if (typeof init !== 'object' || init === null || !Number.isSafeInteger(init.status)) {
    throw new KustomError(`errorFromResponse needs { status } with an integer HTTP status, got ${init === null ? 'null' : typeof init}.`);
  }
  if (init.headers !== undefined && !(init.headers instanceof Headers)) throw new KustomError('errorFromResponse: headers must be a Headers object.');
  const body = init.body as Record<string, unknown> | undefined;
  if (body !== undefined) {
    const texts = (v: unknown) => v === undefined || typeof v === 'string';
    const list = body.error_messages;
    if (typeof body !== 'object' || body === null || !texts(body.error_code) || !texts(body.code) || !texts(body.message) || !texts(body.correlation_id) ||
      (list !== undefined && !(Array.isArray(list) && list.every((m) => typeof m === 'string')))) {
      throw new KustomError('errorFromResponse: body must be the API\'s error body ({ error_code?, error_messages?: string[], correlation_id? }).');
    }
  }
  const Class = STATUS_CLASSES[init.status] ?? (init.status >= 500 ? KustomServerError : KustomApiError);
  return new Class(init);
}

/** `Retry-After` as milliseconds: seconds or an HTTP date. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function pathOf(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return url;
  }
}

/**
 * A type guard for an error class: `instanceof`, or the same literal `name` (another
 * copy of the SDK in one bundle throws its own classes). `names` are literals, because
 * minifiers rename classes. Used by every guard the SDK exports, the helpers' ones included.
 */
export const errorGuard =
  <T extends KustomError>(Class: abstract new (...args: never[]) => T, names: readonly string[]) =>
  (error: unknown): error is T =>
    error instanceof Class || (error instanceof Error && names.includes(error.name));

const API_NAMES = [
  'KustomApiError',
  'KustomBadRequestError',
  'KustomAuthenticationError',
  'KustomNotAllowedError',
  'KustomNotFoundError',
  'KustomConflictError',
  'KustomRateLimitError',
  'KustomServerError',
] as const;

/**
 * `true` for every error the SDK throws, including the helpers' own subclasses
 * (`KustomPlanError`, `KustomOrderNotCapturedError`, …): every class is named
 * `Kustom…Error`, which also holds when two copies of the SDK share one bundle.
 */
export const isKustomError = (error: unknown): error is KustomError =>
  error instanceof KustomError || (error instanceof Error && /^Kustom\w*Error$/.test(error.name));
export const isKustomApiError = errorGuard(KustomApiError, API_NAMES);
export const isKustomNotAllowedError = errorGuard(KustomNotAllowedError, ['KustomNotAllowedError']);
export const isKustomNotFoundError = errorGuard(KustomNotFoundError, ['KustomNotFoundError']);
export const isKustomRateLimitError = errorGuard(KustomRateLimitError, ['KustomRateLimitError']);
export const isKustomConnectionError = errorGuard(KustomConnectionError, ['KustomConnectionError', 'KustomTimeoutError']);
export const isKustomTimeoutError = errorGuard(KustomTimeoutError, ['KustomTimeoutError']);
export const isKustomValidationError = errorGuard(KustomValidationError, ['KustomValidationError']);
