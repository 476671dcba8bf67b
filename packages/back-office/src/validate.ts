import * as z from 'zod';
import { KustomValidationError } from '@kustom/sdk';

/**
 * Parses `input` with `schema` (zod or the SDK's zod/mini schemas); a failure is a
 * `KustomValidationError` naming every field (`lines[1].quantity`).
 */
export function parseInput<S extends z.core.$ZodType>(schema: S, input: unknown, prefix = ''): z.output<S> {
  const r = z.safeParse(schema, input);
  if (r.success) return r.data;
  throw new KustomValidationError(
    'request',
    r.error.issues.map((i) => ({ path: pathOf(prefix, i.path), message: i.message, code: i.code })),
  );
}

function pathOf(prefix: string, path: readonly PropertyKey[]): string {
  return path.reduce<string>((s, p) => (typeof p === 'number' ? `${s}[${p}]` : s ? `${s}.${String(p)}` : String(p)), prefix);
}
