/**
 * Small HTTP helpers for the merchant server: JSON in and out, and one mapping from
 * every error the SDK (or the cart) can throw to an answer the page shows as text.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isKustomApiError, isKustomError, isKustomOrderNotCapturedError, isKustomPlanError, isKustomValidationError } from '@kustom/sdk';
import type { ApiErrorResponse } from '../src/api-types.js';
import { EditError } from '../src/back-office/edit-lines.js';
import { CartError } from '../src/order-lines.js';

/** A refusal of the merchant server itself (bad input from the page). */
export class HttpError extends Error {
  override readonly name = 'HttpError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

const BODY_LIMIT = 64 * 1024;

export async function readJson(req: IncomingMessage): Promise<unknown> {
  if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) {
    throw new HttpError(415, 'UNSUPPORTED_MEDIA_TYPE', 'Send JSON (Content-Type: application/json).');
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > BODY_LIMIT) throw new HttpError(413, 'REQUEST_TOO_LARGE', 'The request body is too large.');
    chunks.push(chunk);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    throw new HttpError(400, 'BAD_REQUEST', 'The request body is not valid JSON.');
  }
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
  });
  res.end(text);
}

/** The answer for an error: its status and `{ error: { code, message, field } }`. */
export function errorAnswer(error: unknown): { status: number; body: ApiErrorResponse } {
  const answer = (status: number, code: string, message: string, field?: string, correlation_id?: string) => ({
    status,
    body: { error: { code, message, ...(field ? { field } : {}), ...(correlation_id ? { correlation_id } : {}) } },
  });
  if (error instanceof HttpError) return answer(error.status, error.code, error.message, error.field);
  if (error instanceof CartError) return answer(400, 'BAD_CART', error.message, error.field);
  if (error instanceof EditError) return answer(400, 'BAD_EDIT', error.message, error.reference);
  if (error instanceof URIError) return answer(400, 'BAD_REQUEST', 'Malformed URL.');
  if (isKustomOrderNotCapturedError(error)) return answer(409, 'NOT_CAPTURED', 'Nothing of this order has been captured yet: there is nothing to pack.');
  if (isKustomPlanError(error)) return answer(422, error.code, error.message, error.field || undefined);
  if (isKustomValidationError(error)) {
    // A request the SDK refused before sending is the page's fault; an answer it could not trust is Kustom's.
    return error.side === 'request'
      ? answer(400, 'BAD_VALUE', error.issues.map((i) => `${i.path}: ${i.message}`).join('; '), error.field)
      : answer(502, 'INVALID_RESPONSE', 'Kustom answered with something unexpected.');
  }
  if (isKustomApiError(error)) {
    const status = error.status >= 500 ? 502 : error.status;
    const message = error.error_messages.join(' ') || `Kustom answered ${error.status}.`;
    return answer(status, error.error_code ?? `HTTP_${error.status}`, message, undefined, error.correlation_id);
  }
  if (isKustomError(error)) return answer(502, 'KUSTOM_UNAVAILABLE', error.message);
  return answer(500, 'INTERNAL_ERROR', 'Something went wrong on the merchant server.');
}

export function sendError(res: ServerResponse, error: unknown): void {
  const { status, body } = errorAnswer(error);
  // Kustom unreachable or failing: one line; anything else unexpected: the whole error.
  if (status === 500) console.error(error);
  else if (status >= 500) console.error(`merchant server: ${(error as Error).message}`);
  if (res.headersSent) {
    res.destroy();
    return;
  }
  sendJson(res, status, body);
}
