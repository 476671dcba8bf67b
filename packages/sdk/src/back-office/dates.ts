/**
 * Instants, calendar days and time zones for the back-office helpers.
 *
 * Timestamps are epoch milliseconds internally. A date-time without a zone
 * designator is read as UTC (never as the machine's local time, which would make a
 * report depend on the server it runs on). Calendar days are counted in an IANA time
 * zone, UTC unless the caller names one.
 */
import type { Instant } from '../orders/index.js';
import { instantOf } from '../internal/instant.js';
import { invalidInput } from './errors.js';

const DAY_MS = 86_400_000;
/** The range of a JavaScript `Date`. */
const MAX_MS = 8.64e15;
const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const CANONICAL = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?Z$/;

/** Epoch ms of a caller's date, or a validation error naming `field`. */
export function parseInstant(value: Instant, field: string): number {
  const ms = value instanceof Date ? value.getTime() : typeof value === 'number' ? value : typeof value === 'string' ? instantOf(value) : NaN;
  if (!(Math.abs(ms) <= MAX_MS)) throw invalidInput(field, `must be an ISO 8601 date or date-time, a Date or epoch milliseconds, got ${show(value)}`, 'invalid_format');
  return ms;
}

/** Epoch ms of an order's timestamp field, or a validation error naming it. */
export function orderInstant(value: unknown, field: string): number {
  const ms = typeof value === 'string' ? instantOf(value) : NaN;
  if (!Number.isFinite(ms)) throw invalidInput(field, `must be an ISO 8601 date-time, got ${show(value)}`, 'invalid_format');
  return ms;
}

/**
 * One end of a date range as an instant. A date-only bound (`2024-05-31`) covers that
 * whole day in `timeZone`: as a start it is the day's first instant, as an end the next
 * day's first instant. A date-time bound is taken as it is. Ranges are half open:
 * `start <= t < end`.
 */
export function parseBound(value: Instant, field: string, edge: 'start' | 'end', timeZone: string): number {
  if (typeof value === 'string') {
    const day = DATE_ONLY.exec(value);
    if (day) {
      const index = Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3])) / DAY_MS;
      if (!Number.isFinite(index) || dayString(index) !== value) throw invalidInput(field, `is not a calendar date: ${show(value)}`, 'invalid_format');
      return startOfDay(edge === 'start' ? index : index + 1, timeZone);
    }
  }
  return parseInstant(value, field);
}

/** Checks an IANA time zone name; returns it canonicalised (`utc` → `UTC`). */
export function checkTimeZone(timeZone: string | undefined, field = 'timeZone'): string {
  if (timeZone === undefined) return 'UTC';
  try {
    return new Intl.DateTimeFormat('en', { timeZone }).resolvedOptions().timeZone;
  } catch {
    throw invalidInput(field, `must be an IANA time zone such as Europe/Stockholm, got ${show(timeZone)}`, 'invalid_value');
  }
}

const formatters = new Map<string, Intl.DateTimeFormat>();
const offsets = new Map<string, Map<number, number>>();
const OFFSET_BUCKET_MS = 15 * 60_000; // zone transitions fall on quarter hours

/** The zone's offset from UTC at `ms`, in milliseconds (Stockholm in summer: +7 200 000). */
export function zoneOffset(ms: number, timeZone: string): number {
  if (timeZone === 'UTC') return 0;
  let cache = offsets.get(timeZone);
  if (!cache) offsets.set(timeZone, (cache = new Map()));
  const bucket = Math.floor(ms / OFFSET_BUCKET_MS);
  let offset = cache.get(bucket);
  if (offset === undefined) {
    let format = formatters.get(timeZone);
    if (!format) {
      format = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
      formatters.set(timeZone, format);
    }
    const at = bucket * OFFSET_BUCKET_MS;
    const part: Record<string, number> = {};
    for (const { type, value } of format.formatToParts(at)) part[type] = Number(value);
    const local = Date.UTC(part.year!, part.month! - 1, part.day!, part.hour!, part.minute!, part.second!);
    offset = local - at;
    cache.set(bucket, offset);
  }
  return offset;
}

/** The calendar day (days since 1970-01-01) that `ms` falls on in `timeZone`. */
export function dayIndex(ms: number, timeZone: string): number {
  return Math.floor((ms + zoneOffset(ms, timeZone)) / DAY_MS);
}

/** The first instant of a calendar day in `timeZone`. */
export function startOfDay(day: number, timeZone: string): number {
  const guess = day * DAY_MS;
  // Two rounds settle the offset even when the day starts next to a transition.
  const first = guess - zoneOffset(guess, timeZone);
  return guess - zoneOffset(first, timeZone);
}

/** `YYYY-MM-DD` of a day index. */
export function dayString(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** An order's timestamp as ISO 8601 in UTC (`2024-05-01T10:00:00.000Z`), for exports. */
export function isoTimestamp(value: string, field: string): string {
  const ms = orderInstant(value, field);
  // The API's own form (UTC, `Z`) is already canonical: skip building a Date.
  const canonical = CANONICAL.exec(value);
  if (canonical) return canonical[1] ? value : `${value.slice(0, -1)}.000Z`;
  return new Date(ms).toISOString();
}

function show(value: unknown): string {
  const text = typeof value === 'string' ? JSON.stringify(value) : String(value);
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}
