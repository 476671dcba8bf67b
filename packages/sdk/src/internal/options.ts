import { KustomError } from '../errors.js';

/** The longest delay `setTimeout` takes (2^31 − 1 ms). */
export const MAX_DELAY = 2_147_483_647;

/** A numeric option: `fallback` when not given, a `KustomError` naming it when out of range. */
export function numberOption(value: number | undefined, name: string, fallback: number, valid: (v: number) => boolean, expected: string): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || Number.isNaN(value) || !valid(value)) {
    throw new KustomError(`${name} must be ${expected}, got ${JSON.stringify(value)}.`);
  }
  return value;
}

/** `timeout`: milliseconds per attempt. */
export const timeoutOption = (value: number | undefined, fallback: number): number =>
  numberOption(value, 'timeout', fallback, (v) => v > 0 && v <= MAX_DELAY, `a number of milliseconds from 1 to ${MAX_DELAY}`);

/** `maxRetries`: a whole number ≥ 0. */
export const maxRetriesOption = (value: number | undefined, fallback: number): number =>
  numberOption(value, 'maxRetries', fallback, (v) => Number.isSafeInteger(v) && v >= 0, 'a whole number ≥ 0');
