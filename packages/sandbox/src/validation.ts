/**
 * Request bodies are checked with the SDK's own zod schemas (`@kustom/sdk/schemas`),
 * so the sandbox and the SDK agree on the wire format, and refusals name the field
 * the way the SDK does: `order_lines[2].tax_rate`.
 */
import { checkOrderArithmetic } from '@kustom/sdk';
import { toIssues } from '@kustom/sdk/schemas';
import type * as z from 'zod/mini';
import { fail } from './reply.js';

export interface FieldIssue {
  path: string;
  message: string;
}

/** The API's wording: one `Bad value: <field>: <why>` message per broken rule. */
export function badValueMessages(issues: readonly FieldIssue[]): string[] {
  return issues.map((i) => `Bad value: ${i.path || 'body'}${i.message ? ` (${i.message})` : ''}`);
}

/** Parses `value` or answers 400 `BAD_VALUE` naming every offending field. */
export function parseBody<S extends z.ZodMiniType>(schema: S, value: unknown): z.infer<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data as z.infer<S>;
  const issues = toIssues(result.error, value);
  return fail(400, 'BAD_VALUE', ...badValueMessages(issues));
}

/** Answers 400 `BAD_VALUE` when the order lines and totals do not add up (facts page arithmetic). */
export function assertArithmetic(body: Parameters<typeof checkOrderArithmetic>[0]): void {
  const issues = checkOrderArithmetic(body);
  if (issues.length) fail(400, 'BAD_VALUE', ...badValueMessages(issues));
}

/** Deepest nesting of arrays and objects a body may have; Kustom's documents need fewer than ten. */
export const MAX_JSON_DEPTH = 64;

/**
 * Whether `text` opens more than `max` arrays/objects at once, found in one pass without
 * parsing (so 2 000 000 nested `[` cost a scan, not a parse that blocks and eats memory).
 */
function tooDeep(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) return true;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return false;
}

/** Parses a JSON body: 400 `BAD_VALUE` when it is not JSON (or empty unless optional), 413 when too large. */
export function parseJsonBody(text: string, { optional = false, limit = 5_000_000 } = {}): unknown {
  if (text.length > limit) fail(413, 'REQUEST_TOO_LARGE', `The request body is larger than ${limit} bytes.`);
  if (!text.trim()) return optional ? undefined : fail(400, 'BAD_VALUE', 'Bad value: body (a JSON body is required)');
  if (tooDeep(text, MAX_JSON_DEPTH)) fail(400, 'BAD_VALUE', `Bad value: body (nested deeper than ${MAX_JSON_DEPTH} levels)`);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return fail(400, 'BAD_VALUE', 'Bad value: body (not valid JSON)');
  }
}
