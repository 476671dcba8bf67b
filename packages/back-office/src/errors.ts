/**
 * The back office's own errors. Each extends the SDK's `KustomError` (so one
 * `instanceof KustomError` catches everything), has a literal `name`, and carries the
 * HTTP status and machine-readable code the handler answers with. Bad input is the
 * SDK's `KustomValidationError` (with `field`).
 */
import {
  KustomApiError,
  KustomError,
  KustomValidationError,
  isKustomApiError,
  isKustomConnectionError,
  isKustomOrderNotCapturedError,
  isKustomPlanError,
  isKustomValidationError,
  type KustomPlanError,
} from '@kustom/sdk';

export class BackOfficeError extends KustomError {
  override readonly name: string = 'BackOfficeError';
  readonly status: number;
  readonly code: string;
  /** The input at fault, when there is one. */
  readonly field: string | undefined;
  constructor(status: number, code: string, message: string, options: { field?: string | undefined; cause?: unknown; idempotencyKey?: string | undefined } = {}) {
    super(message, { cause: options.cause, idempotencyKey: options.idempotencyKey });
    this.status = status;
    this.code = code;
    this.field = options.field;
  }
}

/** 401: no session (or an expired or revoked one). */
export class BackOfficeUnauthorizedError extends BackOfficeError {
  override readonly name: string = 'BackOfficeUnauthorizedError';
  constructor(message = 'Sign in to use the back office.') {
    super(401, 'UNAUTHORIZED', message);
  }
}

/** 403: the user's role lacks `permission`, or the user may not reach the store. */
export class BackOfficeForbiddenError extends BackOfficeError {
  override readonly name: string = 'BackOfficeForbiddenError';
  /** The missing permission (`orders:act`), or `store:<merchantId>` for store access, or `access:expired`. */
  readonly permission: string;
  constructor(permission: string, message: string) {
    super(403, 'FORBIDDEN', message);
    this.permission = permission;
  }
}

/** 409: someone else is acting on the order, or it changed since the caller read it. */
export class BackOfficeConflictError extends BackOfficeError {
  override readonly name: string = 'BackOfficeConflictError';
  constructor(message: string, options: { code?: string; field?: string } = {}) {
    super(409, options.code ?? 'CONFLICT', message, { field: options.field });
  }
}

export class BackOfficeNotFoundError extends BackOfficeError {
  override readonly name: string = 'BackOfficeNotFoundError';
  constructor(message: string, field?: string) {
    super(404, 'NOT_FOUND', message, { field });
  }
}

/** 429 with the seconds to wait. */
export class BackOfficeRateLimitError extends BackOfficeError {
  override readonly name: string = 'BackOfficeRateLimitError';
  readonly retryAfter: number;
  constructor(retryAfter: number) {
    super(429, 'TOO_MANY_REQUESTS', `Too many attempts; try again in ${retryAfter} s.`);
    this.retryAfter = retryAfter;
  }
}

/**
 * 503: Kustom did not answer for sure (a 5xx, or the connection dropped after the
 * write). Nothing is recorded as done; send the same request again with the same
 * `idempotencyKey` and Kustom does it at most once.
 */
export class BackOfficePendingError extends BackOfficeError {
  override readonly name: string = 'BackOfficePendingError';
  constructor(idempotencyKey: string, cause: unknown) {
    super(503, 'KUSTOM_UNAVAILABLE', 'Kustom did not confirm the action. Try again: with the same Idempotency-Key it is done at most once.', { cause, idempotencyKey });
  }
}

/** A `KustomValidationError` for one field (request side). */
export function invalidField(field: string, message: string): KustomValidationError {
  return new KustomValidationError('request', [{ path: field, message, code: 'custom' }]);
}

/** The JSON body and status the handler answers an error with. Unknown errors are 500 without details. */
export function errorBody(error: unknown): { status: number; body: Record<string, unknown>; headers?: Record<string, string> } {
  if (error instanceof BackOfficeError) {
    const body: Record<string, unknown> = { error: error.code, message: error.message };
    if (error.field !== undefined) body.field = error.field;
    if (error instanceof BackOfficeForbiddenError) body.permission = error.permission;
    if (error.idempotencyKey) body.idempotency_key = error.idempotencyKey;
    const headers = error instanceof BackOfficeRateLimitError ? { 'retry-after': String(error.retryAfter) } : undefined;
    return { status: error.status, body, ...(headers ? { headers } : {}) };
  }
  if (isKustomValidationError(error)) {
    return { status: 400, body: { error: 'BAD_VALUE', field: error.field, message: error.message, issues: error.issues } };
  }
  if (isKustomPlanError(error)) {
    const e = error as KustomPlanError;
    const refused = e.code === 'ACTION_NOT_ALLOWED';
    return { status: refused ? 409 : 400, body: { error: e.code, field: e.field, message: e.message, ...(e.reason ? { reason: e.reason } : {}) } };
  }
  if (isKustomOrderNotCapturedError(error)) {
    return { status: 409, body: { error: 'NOT_CAPTURED', message: (error as Error).message } };
  }
  if (isKustomConnectionError(error) || (isKustomApiError(error) && (error as KustomApiError).status >= 500)) {
    return { status: 503, body: { error: 'KUSTOM_UNAVAILABLE', message: 'Kustom did not answer; try again.', ...((error as KustomError).idempotencyKey ? { idempotency_key: (error as KustomError).idempotencyKey } : {}) } };
  }
  if (isKustomApiError(error)) {
    // Kustom refused (403 CAPTURE_NOT_ALLOWED, 400 BAD_VALUE, 404 NO_SUCH_ORDER…): not the caller's permission, so never 403 here.
    const e = error as KustomApiError;
    return {
      status: e.status === 404 ? 404 : 422,
      body: { error: e.error_code ?? 'KUSTOM_REFUSED', kustom_status: e.status, message: e.error_messages.join(' ') || e.message, ...(e.correlation_id ? { correlation_id: e.correlation_id } : {}) },
    };
  }
  return { status: 500, body: { error: 'INTERNAL', message: 'Something went wrong on the server.' } };
}
