import type * as z from 'zod/mini';
import { arrayArgument, badArgument, objectArgument } from './arguments.js';
import { KustomValidationError, type KustomErrorOptions, type KustomValidationIssue } from '../errors.js';

/** `['order_lines', 2, 'tax_rate']` → `order_lines[2].tax_rate`. */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  arrayArgument(path, 'path');
  let out = '';
  for (const key of path) {
    out += typeof key === 'number' ? `[${key}]` : out ? `.${String(key)}` : String(key);
  }
  return out;
}

/**
 * A plain-English message for one zod issue (zod/mini ships without messages).
 * `input` is the offending value; zod 4 leaves it out of issues unless asked
 * (`reportInput`), so callers pass it (see {@link toIssues}).
 */
export function describeIssue(issue: z.core.$ZodIssue, input: unknown = issue.input): string {
  switch (issue.code) {
    case 'invalid_type':
      if (input === undefined) return 'is required';
      if (issue.expected === 'int') return `must be an integer (minor units), got ${show(input)}`;
      return `must be ${article(issue.expected)}, got ${kind(input)}`;
    case 'too_big':
      return issue.origin === 'string'
        ? `must be at most ${issue.maximum} characters`
        : issue.origin === 'array'
          ? `must have at most ${issue.maximum} items`
          : `must be at most ${issue.maximum}`;
    case 'too_small':
      return issue.origin === 'string'
        ? `must be at least ${issue.minimum} character${Number(issue.minimum) === 1 ? '' : 's'}`
        : issue.origin === 'array'
          ? `must have at least ${issue.minimum} item${Number(issue.minimum) === 1 ? '' : 's'}`
          : `must be at least ${issue.minimum}`;
    case 'invalid_value':
      return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'invalid_format':
      return issue.message && issue.message !== 'Invalid input' ? issue.message : `must be a valid ${issue.format}`;
    case 'unrecognized_keys':
      return `has unknown keys ${issue.keys.join(', ')}`;
    default:
      return issue.message || 'is invalid';
  }
}

/** The issues of a failed parse of `input`, with field paths in the API's names. */
export function toIssues(error: z.core.$ZodError, input?: unknown): KustomValidationIssue[] {
  if (!Array.isArray((objectArgument(error, 'error', 'a ZodError') as { issues?: unknown }).issues)) throw badArgument('error.issues', 'must be an array (a ZodError)', error.issues);
  return error.issues.map((issue) => ({
    path: formatPath(issue.path),
    message: describeIssue(issue, 'input' in issue ? issue.input : valueAt(input, issue.path)),
    code: issue.code,
  }));
}

/** The value at `path` inside `root` (`undefined` when any step is missing). */
function valueAt(root: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  let value = root;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/**
 * Parses `value` with `schema` or throws {@link KustomValidationError} naming every
 * offending field. `side` says whether the value was about to be sent or was received.
 */
export function parseOrThrow<S extends z.ZodMiniType>(
  schema: S,
  value: unknown,
  side: 'request' | 'response',
  context?: string,
  options?: Omit<KustomErrorOptions, 'cause'>,
): z.infer<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data as z.infer<S>;
  throw new KustomValidationError(side, toIssues(result.error, value), context, { ...options, cause: result.error });
}

function kind(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'number') return Number.isInteger(value) ? `the number ${value}` : `the float ${value}`;
  return typeof value === 'object' ? 'an object' : `${article(typeof value)} (${show(value)})`;
}

function show(value: unknown): string {
  const text = typeof value === 'string' ? JSON.stringify(value) : String(value);
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

function article(word: string): string {
  return /^[aeiou]/.test(word) ? `an ${word}` : `a ${word}`;
}
