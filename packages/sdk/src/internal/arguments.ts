/**
 * Checks of a public function's arguments, so that a wrong one is a
 * `KustomValidationError` naming it (side `'request'`: nothing was sent), never the
 * TypeError that reading a property of `null` would be.
 */
import { KustomValidationError } from '../errors.js';

/** A function's argument that is not what it must be: a `KustomValidationError` naming it. */
export function badArgument(path: string, message: string, value: unknown, cause?: unknown): KustomValidationError {
  return new KustomValidationError('request', [{ path, message: `${message}, got ${shownArgument(value)}`, code: 'invalid_type' }], undefined, cause === undefined ? undefined : { cause });
}

/**
 * `value` for an error message, never throwing: a number or string as it is, anything
 * else by its kind (`String()` of an object whose `toString` is not a function throws).
 */
export function shownArgument(value: unknown): string {
  if (typeof value === 'number' || typeof value === 'bigint' || typeof value === 'boolean' || value === undefined) return String(value);
  return typeof value === 'string' ? JSON.stringify(value) : value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** `value` must be an object (not null, not an array). */
export function objectArgument<T>(value: T, path: string, what = 'an object'): T {
  if (!isObject(value)) throw badArgument(path, `must be ${what}`, value);
  return value;
}

/** An options argument: `undefined` is `{}`; anything else must be an object. */
export function optionsArgument<T extends object>(value: T | undefined, path = 'options'): T {
  if (value === undefined) return {} as T;
  return objectArgument(value, path, 'an options object');
}

/** `value` must be an array; `each` checks every element (named `path[i]`). */
export function arrayArgument<T>(value: readonly T[], path: string, each?: (item: T, path: string) => void): readonly T[] {
  if (!Array.isArray(value)) throw badArgument(path, 'must be an array', value);
  if (each) value.forEach((item, i) => each(item, `${path}[${i}]`));
  return value;
}

/** An optional string argument: `undefined` or a string. */
export function optionalString(value: unknown, path: string): string | undefined {
  if (value !== undefined && typeof value !== 'string') throw badArgument(path, 'must be a string', value);
  return value;
}

/** An optional `AbortSignal`. */
export function signalArgument(value: unknown, path = 'options.signal'): AbortSignal | undefined {
  if (value !== undefined && !(value instanceof AbortSignal)) throw badArgument(path, 'must be an AbortSignal', value);
  return value;
}

/**
 * An Order Management order, as far as the helpers read it without further checks: an
 * object whose `order_lines`, `captures` and `refunds` are arrays of objects (and the
 * captures' and refunds' `order_lines`, when present), and whose `status` is a string.
 * `fields` names which of the three the helper needs (all by default).
 */
export function orderArgument<T>(value: T, path = 'order', fields: readonly ('order_lines' | 'captures' | 'refunds' | 'status')[] = ['order_lines', 'captures', 'refunds', 'status']): T {
  const order = objectArgument(value, path, 'an order') as Record<string, unknown>;
  for (const field of fields) {
    if (field === 'status') {
      if (typeof order.status !== 'string') throw badArgument(`${path}.status`, 'must be a string', order.status);
      continue;
    }
    arrayArgument(order[field] as unknown[], `${path}.${field}`, (item, at) => {
      const element = objectArgument(item, at) as Record<string, unknown>;
      if (field !== 'order_lines' && element.order_lines !== undefined) arrayArgument(element.order_lines as unknown[], `${at}.order_lines`, (l, p) => objectArgument(l, p));
    });
  }
  return value;
}
