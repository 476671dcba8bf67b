/**
 * Checks what a caller hands a resource call before anything is sent: path
 * parameters, bodies (schema and order arithmetic) and query strings. Every failure is
 * a `KustomValidationError` with side `'request'`.
 */
import type * as z from 'zod/mini';
import { KustomValidationError } from '../errors.js';
import { checkOrderArithmetic } from '../money.js';
import { parseOrThrow } from './validate.js';

/**
 * A path parameter, percent-encoded. Empty values and the dot segments `.` / `..`
 * (which URL parsing would resolve into a different endpoint) are refused.
 */
export function pathParam(value: unknown, field: string, operation: string): string {
  if (typeof value !== 'string' || value === '' || value === '.' || value === '..') {
    throw new KustomValidationError(
      'request',
      [{ path: field, message: typeof value === 'string' ? `must be a non-empty id, got ${JSON.stringify(value)}` : 'must be a string id', code: 'invalid_type' }],
      operation,
    );
  }
  return encodeURIComponent(value);
}

/**
 * Validates `body` with `schema` and returns it unchanged (so fields that the schemas
 * do not know yet still reach the API). With `arithmetic`, the order arithmetic of the
 * facts page is checked as well (`checkOrderArithmetic`), as code `custom` issues.
 */
export function requestBody<S extends z.ZodMiniType>(
  schema: S,
  body: z.input<S>,
  operation: string,
  options: { arithmetic?: boolean } = {},
): z.input<S> {
  const parsed = parseOrThrow(schema, body, 'request', operation);
  if (options.arithmetic) {
    const issues = checkOrderArithmetic(parsed as Parameters<typeof checkOrderArithmetic>[0]);
    if (issues.length) throw new KustomValidationError('request', issues.map((i) => ({ ...i, code: 'custom' })), operation);
  }
  return body;
}

/** Validates a query object and turns it into search parameters (undefined values left out). */
export function queryParams<S extends z.ZodMiniType>(schema: S, query: z.input<S>, operation: string): URLSearchParams {
  const parsed = parseOrThrow(schema, query ?? {}, 'request', operation) as Record<string, unknown>;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(parsed)) if (value !== undefined) params.set(key, String(value));
  return params;
}
