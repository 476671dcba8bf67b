/**
 * What is retried and how long to wait: the rules of the README's "Retries" section,
 * kept apart from the transport so that they read (and test) as a table. ky asks them
 * through `retry.shouldRetry` and `retry.delay`, and does the waiting itself.
 */

/** How long to wait between attempts. All in milliseconds. */
export interface RetryBackoff {
  /** Wait before the first retry; it doubles each retry. @default 500 */
  initialDelay?: number | undefined;
  /** Longest wait computed by the backoff. @default 8000 */
  maxDelay?: number | undefined;
  /**
   * Longest wait the SDK accepts from a `Retry-After` header; a longer one is cut to
   * this. @default 60000
   */
  maxRetryAfter?: number | undefined;
}

export const DEFAULT_BACKOFF: Required<RetryBackoff> = { initialDelay: 500, maxDelay: 8000, maxRetryAfter: 60_000 };

/**
 * The statuses worth another attempt: 408 (request timeout), 409 (a conflicting write
 * in progress), 429 (rate limited) and every 5xx. Everything else (400, 401, 403, 404,
 * 413, 422, …) would fail the same way again.
 */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 409 || status === 429 || (status >= 500 && status <= 599);
}

/**
 * The wait before retry number `retry` (1-based). The server's `Retry-After` wins
 * (capped at `maxRetryAfter`, no jitter: the server named the time); otherwise
 * `initialDelay × 2^(retry−1)`, capped at `maxDelay`, minus up to 25 % random jitter so
 * that many clients failing together do not come back together.
 */
export function retryDelay(
  retry: number,
  retryAfter: number | undefined,
  backoff: Required<RetryBackoff>,
  random: () => number = Math.random,
): number {
  if (retryAfter !== undefined) return Math.min(retryAfter, backoff.maxRetryAfter);
  const exponential = Math.min(backoff.maxDelay, backoff.initialDelay * 2 ** (retry - 1));
  return Math.round(exponential * (1 - random() * 0.25));
}
