/**
 * Query parameters of the read routes, validated with zod at the edge: a bad value is
 * a `KustomValidationError` naming the parameter (the handler answers it with 400).
 * Lists are repeated parameters or comma-separated (`status=AUTHORIZED,CAPTURED`).
 */
import { CSV_DELIMITERS, KustomValidationError } from '@kustom/sdk';
import * as z from 'zod';

/** Reads `url`'s query into `schema`; `lists` are the parameters that may hold several values. */
export function readQuery<S extends z.ZodType>(url: URL, schema: S, lists: readonly string[] = []): z.output<S> {
  const raw: Record<string, string | string[]> = {};
  for (const key of new Set(url.searchParams.keys())) {
    const values = url.searchParams.getAll(key);
    raw[key] = lists.includes(key) ? values.flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean) : values[values.length - 1]!;
  }
  const r = schema.safeParse(raw);
  if (!r.success) {
    throw new KustomValidationError(
      'request',
      r.error.issues.map((issue) => ({
        // An unknown parameter is named itself.
        path: issue.path.join('.') || (issue.code === 'unrecognized_keys' ? issue.keys.join(',') : 'query'),
        message: issue.message,
        code: issue.code,
      })),
    );
  }
  return r.data;
}

/** An integer parameter (`?limit=20`). */
export const int = (min: number, max: number) =>
  z
    .string()
    .regex(/^-?\d{1,15}$/, 'must be a whole number')
    .transform(Number)
    .pipe(z.int().min(min).max(max));

/** `true` / `false` / `1` / `0`. */
export const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

/** Text of a bounded length. */
export const text = (max = 200) => z.string().max(max);

/** A list parameter (already split) of bounded values. */
export const list = (max = 20) => z.array(text(100)).max(max);

/** The CSV delimiter by name (`;` does not survive a URL unescaped in every client). */
export const delimiter = z
  .enum(['comma', 'semicolon', 'tab', 'pipe'])
  .transform((name) => ({ comma: CSV_DELIMITERS[0], semicolon: CSV_DELIMITERS[1], tab: CSV_DELIMITERS[2], pipe: CSV_DELIMITERS[3] })[name]);

/** A JSON response. */
export function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' },
  });
}

/** A streamed CSV download. */
export function csvDownload(body: ReadableStream<Uint8Array>, filename: string): Response {
  return new Response(body, {
    status: 200,
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': `attachment; filename="${filename.replace(/[^\w.-]/g, '_')}"`,
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    },
  });
}
