/**
 * The sandbox's clock. Everything time-dependent (authorization expiry, extension
 * limits, delivery windows, payouts) reads it, so tests move time instead of waiting.
 *
 * Two modes:
 * - **running** (default): real time plus an offset; `advance` and `set` move the offset.
 * - **frozen** (`start` given): time stands still except through `advance` and `set`,
 *   which makes a run fully reproducible.
 */

export const DAY_MS = 86_400_000;

/** A span of time for {@link SandboxClock.advance}. */
export interface Duration {
  days?: number;
  hours?: number;
  minutes?: number;
  seconds?: number;
  ms?: number;
}

export interface SandboxClock {
  /** The sandbox's current time. */
  now(): Date;
  /** Milliseconds since the epoch, as `now().getTime()`. */
  nowMs(): number;
  /** Moves time forward (or back, with negative values) and answers the new time. */
  advance(by: number | Duration): Date;
  /** Jumps to a point in time and answers it. */
  set(date: Date | string | number): Date;
  /** `true` when time only moves through `advance` and `set`. */
  readonly frozen: boolean;
}

/** What the clock persists: enough to come back to the same time line. */
export type ClockState = { mode: 'frozen'; at: number } | { mode: 'running'; offset: number };

export function durationMs(by: number | Duration): number {
  if (typeof by === 'number') return by;
  return (by.days ?? 0) * DAY_MS + (by.hours ?? 0) * 3_600_000 + (by.minutes ?? 0) * 60_000 + (by.seconds ?? 0) * 1000 + (by.ms ?? 0);
}

export function toMs(date: Date | string | number): number {
  const ms = date instanceof Date ? date.getTime() : typeof date === 'number' ? date : Date.parse(date);
  if (!Number.isFinite(ms)) throw new RangeError(`Not a valid date: ${String(date)}`);
  return ms;
}

export interface ClockControl extends SandboxClock {
  state(): ClockState;
  restore(state: ClockState): void;
}

/** A clock frozen at `start`, or running from real time when `start` is undefined. */
export function createClock(start?: Date | string | number, realNow: () => number = Date.now): ClockControl {
  let state: ClockState = start === undefined ? { mode: 'running', offset: 0 } : { mode: 'frozen', at: toMs(start) };
  const nowMs = () => (state.mode === 'frozen' ? state.at : realNow() + state.offset);
  const move = (to: number) => {
    state = state.mode === 'frozen' ? { mode: 'frozen', at: to } : { mode: 'running', offset: to - realNow() };
    return new Date(to);
  };
  return {
    now: () => new Date(nowMs()),
    nowMs,
    advance: (by) => move(nowMs() + durationMs(by)),
    set: (date) => move(toMs(date)),
    get frozen() {
      return state.mode === 'frozen';
    },
    state: () => ({ ...state }),
    restore(next) {
      state = { ...next };
    },
  };
}

/** `2025-03-01T10:00:00Z`: the API's date-time format (whole seconds, UTC). */
export function isoSeconds(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

/** `2025-03-01`: the UTC calendar date. */
export function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}
