/**
 * What a route answers: a plain object (status, headers, body) rather than a
 * `Response`, so that an answer can be stored for idempotent replay and sent again
 * byte for byte.
 */

export interface Reply {
  status: number;
  headers: Record<string, string>;
  /** A JSON value (serialized with `content-type: application/json`), a string (sent as is) or nothing. */
  body?: unknown;
}

export const json = (status: number, body: unknown, headers: Record<string, string> = {}): Reply => ({
  status,
  headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
  body,
});

export const noContent = (headers: Record<string, string> = {}): Reply => ({ status: 204, headers });

/** The error body of Checkout, Order Management and Settlements. */
export function apiError(status: number, errorCode: string, messages: string | string[], correlationId: string): Reply {
  return json(status, {
    error_code: errorCode,
    error_messages: Array.isArray(messages) ? messages : [messages],
    correlation_id: correlationId,
  });
}

/** The Elements API's error body: `{ code, message }`. */
export function elementsError(status: number, code: string, message: string): Reply {
  return json(status, { code, message });
}

/** Thrown inside a route to answer with an error; the pipeline turns it into a {@link Reply}. */
export class ReplyError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly messages: string[],
  ) {
    super(`${status} ${code}: ${messages.join('; ')}`);
  }
}

export const fail = (status: number, code: string, ...messages: string[]): never => {
  throw new ReplyError(status, code, messages);
};

/** The bytes of a reply as text (`null` for none): JSON bodies are serialized here. */
export function replyBody(reply: Reply): string | null {
  if (reply.body === undefined || reply.status === 204 || reply.status === 304) return null;
  return typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body);
}

export function toResponse(reply: Reply): Response {
  return new Response(replyBody(reply), { status: reply.status, headers: reply.headers });
}
