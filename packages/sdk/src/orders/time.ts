import { KustomValidationError } from '../errors.js';
import { instantOf } from '../internal/instant.js';
import type { Instant } from './types.js';

export const DAY_MS = 86_400_000;
/** A new authorization, and each extension, reserves the amount for 28 days. */
export const RESERVATION_DAYS = 28;
/** Extensions may not pass this many days after the original authorization. */
export const EXTENSION_LIMIT_DAYS = 90;

/** Epoch milliseconds of an {@link Instant}; an unreadable one is a validation error naming `field`. */
export function toMillis(value: Instant, field: string): number {
  const ms = value instanceof Date ? value.getTime() : typeof value === 'number' ? value : instantOf(value);
  if (!Number.isFinite(ms)) {
    throw new KustomValidationError('request', [
      { path: field, message: `must be a date (Date, epoch milliseconds or ISO 8601; UTC when it names no zone), got ${String(value)}`, code: 'invalid_type' },
    ]);
  }
  return ms;
}

export function toIso(ms: number): string {
  return new Date(ms).toISOString();
}
