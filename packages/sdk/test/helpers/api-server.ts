/**
 * A real HTTP server on 127.0.0.1 for the client tests: it records every request and
 * answers from a queue of scripted replies, including the failures a network can
 * produce (a server that hangs, a connection dropped before or during the answer).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  /** Path and query, as sent. */
  url: string;
  headers: IncomingMessage['headers'];
  /** The raw body ('' when none). */
  text: string;
  /** The body parsed as JSON, `undefined` when there was none. */
  body: unknown;
}

export type Reply =
  | {
      status?: number;
      headers?: Record<string, string>;
      /** An object or array is sent as JSON; a string is sent as it is. */
      body?: unknown;
    }
  /** Never answers (the client's timeout must fire). */
  | { hang: true }
  /** Closes the connection before any answer. */
  | { drop: 'before-headers' }
  /** Sends the headers and half the body (Content-Length says more), then closes. */
  | { drop: 'mid-body'; body: unknown }
  /** Sends the headers and half the body, then nothing more (the connection stays open). */
  | { stall: 'mid-body'; body: unknown };

export interface ApiServer {
  url: string;
  requests: RecordedRequest[];
  /** Queues replies, answered in order; when the queue is empty the server answers 500. */
  reply(...replies: Reply[]): void;
  /** Forgets recorded requests and queued replies. */
  reset(): void;
  close(): Promise<void>;
}

export async function startApiServer(): Promise<ApiServer> {
  const requests: RecordedRequest[] = [];
  let queue: Reply[] = [];

  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, text, body: text ? JSON.parse(text) : undefined });
    const reply = queue.shift() ?? { status: 500, body: { error_code: 'NO_REPLY_QUEUED', error_messages: ['the test queued no reply'] } };
    if ('hang' in reply) return;
    if ('stall' in reply) {
      const payload = encode(reply.body);
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(payload.length) });
      res.write(payload.subarray(0, Math.floor(payload.length / 2)));
      return;
    }
    if ('drop' in reply) {
      if (reply.drop === 'before-headers') return req.socket.destroy();
      const payload = encode(reply.body);
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(payload.length) });
      res.write(payload.subarray(0, Math.floor(payload.length / 2)));
      // Let the first half reach the client before the connection goes away.
      setTimeout(() => res.socket?.destroy(), 20);
      return;
    }
    const status = reply.status ?? 200;
    const payload = reply.body === undefined ? Buffer.alloc(0) : encode(reply.body);
    const headers: Record<string, string> = { ...(payload.length && typeof reply.body !== 'string' ? { 'content-type': 'application/json' } : {}), ...reply.headers };
    res.writeHead(status, headers);
    res.end(payload);
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    reply: (...replies) => void queue.push(...replies),
    reset: () => {
      requests.length = 0;
      queue = [];
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

function encode(body: unknown): Buffer {
  return Buffer.from(typeof body === 'string' ? body : JSON.stringify(body), 'utf8');
}
