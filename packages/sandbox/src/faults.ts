/**
 * Faults on demand, to prove retries and idempotency: an error status (500, 502,
 * 503, 504 or 429, with `Retry-After`), added latency, or **drop after commit**: the
 * write is performed and committed, then the connection is dropped before the answer,
 * exactly the case an idempotency key exists for.
 *
 * Two sources, the header winning over the rules:
 * - per request: `Kustom-Sandbox-Fault: status=503; retry_after=2`,
 *   `Kustom-Sandbox-Fault: drop_after_commit`, `Kustom-Sandbox-Fault: latency=300; probability=0.5`;
 * - rules (`POST /sandbox/v1/faults`, `sandbox.faults.add`), with a method and path
 *   filter (`*` is one path segment, `**` any number), a probability and a count.
 *
 * Faults never apply to `/sandbox/…` (the controls stay reachable to clear them).
 */
import { fail } from './reply.js';

export const FAULT_HEADER = 'Kustom-Sandbox-Fault';

/** Error statuses a fault can answer with. */
export const FAULT_STATUSES = [429, 500, 502, 503, 504] as const;
export type FaultStatus = (typeof FAULT_STATUSES)[number];

/** What a fault does; the fields combine (latency, then a status or a drop). */
export interface FaultSpec {
  /** Answer with this status instead of performing the request (nothing is written). */
  status?: FaultStatus | undefined;
  /** Seconds for `Retry-After` (429 and 503 only). @default 1 */
  retry_after?: number | undefined;
  /** Wait this long before answering. */
  latency_ms?: number | undefined;
  /** Perform and commit the request, then drop the connection instead of answering. */
  drop_after_commit?: boolean | undefined;
  /** Chance (0–1) that the fault applies to a matching request. @default 1 */
  probability?: number | undefined;
}

/** A fault rule: a spec with a route filter and an optional count. */
export interface FaultRule extends FaultSpec {
  id: string;
  /** Only this HTTP method. */
  method?: string | undefined;
  /** Only paths matching this pattern, e.g. `/ordermanagement/v1/orders/*\/captures` or `/checkout/**`. */
  path?: string | undefined;
  /** Apply this many times, then remove the rule. */
  times?: number | undefined;
}

export type FaultRuleInput = Omit<FaultRule, 'id'>;

/** What the pipeline does with one request. */
export interface FaultOutcome {
  latencyMs: number;
  status?: FaultStatus | undefined;
  retryAfter?: number | undefined;
  drop: boolean;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Validates a spec or rule body; answers 400 `BAD_VALUE` naming the field. */
export function parseFaultRule(value: unknown, where = 'body'): FaultRuleInput {
  if (!isObject(value)) return fail(400, 'BAD_VALUE', `Bad value: ${where} (must be an object)`);
  const known = ['status', 'retry_after', 'latency_ms', 'drop_after_commit', 'probability', 'method', 'path', 'times'];
  const unknown = Object.keys(value).filter((k) => !known.includes(k));
  if (unknown.length) fail(400, 'BAD_VALUE', `Bad value: ${unknown[0]} (unknown field; expected one of ${known.join(', ')})`);
  const rule: FaultRuleInput = {};
  const { status, retry_after, latency_ms, drop_after_commit, probability, method, path, times } = value;
  if (status !== undefined) {
    if (!FAULT_STATUSES.includes(status as FaultStatus)) fail(400, 'BAD_VALUE', `Bad value: status (must be one of ${FAULT_STATUSES.join(', ')})`);
    rule.status = status as FaultStatus;
  }
  if (retry_after !== undefined) rule.retry_after = integerIn(retry_after, 0, 3600, 'retry_after');
  if (latency_ms !== undefined) rule.latency_ms = integerIn(latency_ms, 0, 60_000, 'latency_ms');
  if (drop_after_commit !== undefined) {
    if (typeof drop_after_commit !== 'boolean') fail(400, 'BAD_VALUE', 'Bad value: drop_after_commit (must be a boolean)');
    rule.drop_after_commit = drop_after_commit as boolean;
  }
  if (probability !== undefined) {
    if (typeof probability !== 'number' || !(probability >= 0 && probability <= 1)) {
      fail(400, 'BAD_VALUE', 'Bad value: probability (must be a number from 0 to 1)');
    }
    rule.probability = probability as number;
  }
  if (method !== undefined) {
    if (typeof method !== 'string' || !/^[A-Za-z]+$/.test(method)) fail(400, 'BAD_VALUE', 'Bad value: method (must be an HTTP method)');
    rule.method = (method as string).toUpperCase();
  }
  if (path !== undefined) {
    if (typeof path !== 'string' || !path.startsWith('/')) fail(400, 'BAD_VALUE', 'Bad value: path (must be a path pattern starting with /)');
    rule.path = path as string;
  }
  if (times !== undefined) rule.times = integerIn(times, 1, 1_000_000, 'times');
  if (rule.status === undefined && rule.latency_ms === undefined && !rule.drop_after_commit) {
    fail(400, 'BAD_VALUE', 'Bad value: body (a fault needs status, latency_ms or drop_after_commit)');
  }
  if (rule.status !== undefined && rule.drop_after_commit) {
    fail(400, 'BAD_VALUE', 'Bad value: drop_after_commit (cannot be combined with status: a status fault performs nothing)');
  }
  return rule;
}

function integerIn(value: unknown, min: number, max: number, field: string): number {
  if (!Number.isInteger(value) || (value as number) < min || (value as number) > max) {
    fail(400, 'BAD_VALUE', `Bad value: ${field} (must be an integer from ${min} to ${max})`);
  }
  return value as number;
}

/**
 * Parses the `Kustom-Sandbox-Fault` header: `;`- or `,`-separated `key=value` pairs
 * and flags. Keys: `status`, `retry_after`, `latency` (ms), `drop_after_commit`
 * (also `drop-after-commit`, `drop`), `probability`.
 */
export function parseFaultHeader(header: string): FaultSpec {
  const body: Record<string, unknown> = {};
  for (const token of header.split(/[;,]/)) {
    const trimmed = token.trim();
    if (!trimmed) continue;
    const [rawKey, rawValue] = trimmed.split('=', 2).map((s) => s.trim());
    const key = rawKey!.toLowerCase().replace(/-/g, '_');
    const number = rawValue === undefined ? NaN : Number(rawValue);
    switch (key) {
      case 'drop':
      case 'drop_after_commit':
        body.drop_after_commit = rawValue === undefined || rawValue === 'true' || rawValue === '1';
        break;
      case 'status':
      case 'retry_after':
      case 'probability':
        body[key] = number;
        break;
      case 'latency':
      case 'latency_ms':
        body.latency_ms = number;
        break;
      default:
        fail(400, 'BAD_VALUE', `Bad value: ${FAULT_HEADER} (unknown key "${rawKey}"; use status, retry_after, latency, drop_after_commit, probability)`);
    }
  }
  return parseFaultRule(body, FAULT_HEADER);
}

/** `*` matches one path segment, `**` any number of them; a pattern without `*` is a prefix. */
export function pathMatches(pattern: string, path: string): boolean {
  if (!pattern.includes('*')) return path === pattern || path.startsWith(pattern.endsWith('/') ? pattern : `${pattern}/`);
  const source = pattern
    .split(/(\*\*|\*)/)
    .map((part) => (part === '**' ? '.*' : part === '*' ? '[^/]+' : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}/?$`).test(path);
}

export function ruleMatches(rule: FaultRule, method: string, path: string): boolean {
  return (!rule.method || rule.method === method) && (!rule.path || pathMatches(rule.path, path));
}

export function outcomeOf(spec: FaultSpec): FaultOutcome {
  return {
    latencyMs: spec.latency_ms ?? 0,
    status: spec.status,
    retryAfter: spec.status === 429 || spec.status === 503 ? (spec.retry_after ?? 1) : undefined,
    drop: spec.drop_after_commit === true,
  };
}

/** Error codes of the facts page for fault statuses. */
export const FAULT_ERROR_CODES: Record<FaultStatus, string> = {
  429: 'TOO_MANY_REQUESTS',
  500: 'INTERNAL_SERVER_ERROR',
  502: 'TEMPORARILY_UNAVAILABLE',
  503: 'TEMPORARILY_UNAVAILABLE',
  504: 'TEMPORARILY_UNAVAILABLE',
};

/**
 * What `sandbox.fetch` rejects with for a dropped connection: a `TypeError`, as
 * `fetch` itself rejects on a network failure. The write it carried was committed.
 */
export class ConnectionDroppedError extends TypeError {
  readonly code = 'KUSTOM_SANDBOX_CONNECTION_DROPPED';
  constructor(method: string, path: string) {
    super(`fetch failed: the sandbox dropped the connection after committing ${method} ${path} (drop_after_commit fault)`);
  }
}

export const isConnectionDropped = (error: unknown): error is ConnectionDroppedError =>
  error instanceof ConnectionDroppedError ||
  (error instanceof TypeError && (error as { code?: unknown }).code === 'KUSTOM_SANDBOX_CONNECTION_DROPPED');
