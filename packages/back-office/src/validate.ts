import type * as z from 'zod';
import { KustomValidationError } from '@kustom/sdk';

/** Parses `input` with `schema`; a failure is a `KustomValidationError` naming every field (`lines[1].quantity`). */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  throw new KustomValidationError(
    'request',
    r.error.issues.map((i) => ({ path: pathOf(i.path), message: i.message, code: i.code })),
  );
}

function pathOf(path: readonly PropertyKey[]): string {
  return path.reduce<string>((s, p) => (typeof p === 'number' ? `${s}[${p}]` : s ? `${s}.${String(p)}` : String(p)), '');
}
