/**
 * `@kustom/sandbox/server` (Node only): the sandbox over HTTP.
 *
 * - `createNodeHandler(sandbox)`: a connect-style `(req, res, next?)` middleware that
 *   answers the sandbox's routes and passes everything else to `next()`. Mount it in
 *   Vite (`server.middlewares.use(…)`) or any connect/express app, so the page and the
 *   sandbox share an origin.
 * - `createKoaMiddleware(sandbox)`: the same for Koa (web-test-runner, `@web/dev-server`).
 * - `startSandboxServer({ port, host, seed, dataFile, … })`: a standalone server, what
 *   the `kustom-sandbox` CLI runs.
 *
 * A `drop_after_commit` fault destroys the socket after the write is committed:
 * the client sees a dropped connection.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SandboxOptions } from './config.js';
import { isConnectionDropped } from './faults.js';
import { createPersister, readSnapshotFile } from './persistence.js';
import type { SandboxRequest } from './core.js';
import { replyBody } from './reply.js';
import { createSandbox, SANDBOX_PREFIXES, type Sandbox } from './sandbox.js';

export interface NodeHandlerOptions {
  /**
   * Path prefixes the middleware answers; others go to `next()`.
   * @default ['/checkout/v3/', '/ordermanagement/v1/', '/settlements/v1/', '/kustom-elements-api/v1/', '/sandbox/']
   */
  prefixes?: readonly string[] | undefined;
  /** Largest request body, in bytes; larger ones get 413. @default 5_000_000 */
  bodyLimit?: number | undefined;
}

export type NodeMiddleware = (req: IncomingMessage, res: ServerResponse, next?: (error?: unknown) => void) => void;

/** Minimal shape of a Koa context (no Koa dependency). */
export interface KoaLikeContext {
  req: IncomingMessage;
  res: ServerResponse;
  path: string;
  respond?: boolean;
}

function send(res: ServerResponse, status: number, body: unknown, extra: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), ...extra });
  res.end(text);
}

async function serve(sandbox: Sandbox, req: IncomingMessage, res: ServerResponse, bodyLimit: number): Promise<void> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > bodyLimit) {
      // The rest of the body is not read: close the connection so no later request is parsed from it.
      send(res, 413, { error_code: 'REQUEST_TOO_LARGE', error_messages: [`The request body is larger than ${bodyLimit} bytes.`] }, { connection: 'close' });
      req.resume();
      return;
    }
    chunks.push(chunk);
  }
  const method = (req.method ?? 'GET').toUpperCase();
  const secure = (req.socket as { encrypted?: boolean }).encrypted === true;
  const body = size === 0 ? '' : Buffer.concat(chunks).toString('utf8');
  // A light request object rather than a `Request`: the sandbox reads only these.
  const request: SandboxRequest = {
    method,
    url: `${secure ? 'https' : 'http'}://${req.headers.host ?? 'localhost'}${req.url ?? '/'}`,
    headers: {
      get(name) {
        const value = req.headers[name.toLowerCase()];
        return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value;
      },
    },
    text: async () => body,
  };
  let reply;
  try {
    reply = await sandbox.handle(request);
  } catch (error) {
    if (isConnectionDropped(error)) {
      // The write is committed; the client must see a dropped connection, not an answer.
      req.socket.destroy();
      return;
    }
    throw error;
  }
  const payload = replyBody(reply);
  res.writeHead(reply.status, { ...reply.headers, 'content-length': payload === null ? 0 : Buffer.byteLength(payload) });
  res.end(method === 'HEAD' || payload === null ? undefined : payload);
}

/** Connect-style middleware answering the sandbox's routes; others go to `next()` (or 404 without one). */
export function createNodeHandler(sandbox: Sandbox, options: NodeHandlerOptions = {}): NodeMiddleware {
  const prefixes = options.prefixes ?? SANDBOX_PREFIXES;
  const bodyLimit = options.bodyLimit ?? 5_000_000;
  return (req, res, next) => {
    const path = (req.url ?? '/').split('?', 1)[0]!;
    if (!prefixes.some((prefix) => path.startsWith(prefix))) {
      if (next) next();
      else send(res, 404, { error_code: 'NOT_FOUND', error_messages: [`No route ${path}`] });
      return;
    }
    serve(sandbox, req, res, bodyLimit).catch((error: unknown) => {
      if (next) return next(error);
      if (!res.headersSent) send(res, 500, { error_code: 'INTERNAL_SERVER_ERROR', error_messages: [String(error)] });
      else res.destroy();
    });
  };
}

/**
 * Koa middleware (web-test-runner's and `@web/dev-server`'s `middleware` option).
 * @example
 * // web-test-runner.config.mjs
 * import { createSandbox } from '@kustom/sandbox';
 * import { createKoaMiddleware } from '@kustom/sandbox/server';
 * export default { middleware: [createKoaMiddleware(createSandbox())] };
 */
export function createKoaMiddleware(sandbox: Sandbox, options: NodeHandlerOptions = {}) {
  const prefixes = options.prefixes ?? SANDBOX_PREFIXES;
  const bodyLimit = options.bodyLimit ?? 5_000_000;
  return async (ctx: KoaLikeContext, next: () => Promise<unknown>): Promise<void> => {
    if (!prefixes.some((prefix) => ctx.path.startsWith(prefix))) {
      await next();
      return;
    }
    ctx.respond = false;
    await serve(sandbox, ctx.req, ctx.res, bodyLimit);
  };
}

export interface SandboxServerOptions extends Omit<SandboxOptions, 'snapshot' | 'onCommit'> {
  /** `0` picks a free port. @default 4010 */
  port?: number | undefined;
  /** @default '127.0.0.1' */
  host?: string | undefined;
  /** Keep state in this JSON file across restarts (written atomically after every write). */
  dataFile?: string | undefined;
}

export interface SandboxServer {
  /** `http://127.0.0.1:4010` */
  readonly url: string;
  readonly port: number;
  readonly host: string;
  readonly sandbox: Sandbox;
  readonly server: Server;
  /** Stops listening, closes connections and waits for the last data file write. */
  close(): Promise<void>;
}

/** Starts the sandbox on a port. With `dataFile`, state comes from the file when it exists. */
export async function startSandboxServer(options: SandboxServerOptions = {}): Promise<SandboxServer> {
  const { port = 4010, host = '127.0.0.1', dataFile, ...sandboxOptions } = options;
  const snapshot = dataFile ? await readSnapshotFile(dataFile) : undefined;
  let sandbox!: Sandbox;
  const persister = dataFile ? createPersister(dataFile, () => sandbox.snapshot()) : undefined;
  sandbox = createSandbox({
    ...sandboxOptions,
    ...(snapshot !== undefined ? { snapshot } : {}),
    ...(persister ? { onCommit: () => persister.persist() } : {}),
  });
  if (persister && snapshot === undefined) await persister.persist();

  const handler = createNodeHandler(sandbox);
  const server = createServer((req, res) => handler(req, res));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const hostInUrl = address.address.includes(':') ? `[${address.address}]` : address.address;
  return {
    url: `http://${hostInUrl}:${address.port}`,
    port: address.port,
    host: address.address,
    sandbox,
    server,
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await persister?.flush();
    },
  };
}

export { createSandbox } from './sandbox.js';
export type { Sandbox } from './sandbox.js';
