/**
 * The merchant server: the shop's pages, its JSON API and the back office, on one
 * origin. It holds the secret API key and is the only one that talks to Kustom with
 * it; the pages get the public key (for the elements) and nothing else.
 *
 *   createMerchantServer({ kustom, elements, publicUrl, staticDir, sandboxUrl })
 *
 * `handle(req, res, next?)` fits `http.createServer` and connect-style dev servers.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createElementsClient, type KustomClient } from '@kustom/sdk';
import type { StorefrontConfig } from '../src/api-types.js';
import { SHOP } from '../src/catalog.js';
import { createBackOfficeApi } from './back-office-api.js';
import { HttpError, readJson, sendError, sendJson } from './http.js';
import { sandboxControls } from './sandbox.js';
import { createShopApi } from './shop-api.js';
import { createStaticHandler, pageSecurityHeaders } from './static.js';

export interface MerchantServerOptions {
  /** The server-side Kustom client, with the secret API key. */
  kustom: KustomClient;
  /** What the pages' elements use: the public API key and, for the sandbox, its URL. */
  elements: { publicApiKey: string; baseUrl: string };
  /** The shop's own origin (`http://localhost:4000`), for `merchant_urls`. */
  publicUrl: string;
  /** The built pages (`dist/client`). Leave out when a dev server serves them. */
  staticDir?: string | undefined;
  /**
   * The local sandbox, for what only it can do (server/sandbox.ts): complete a purchase
   * as the shopper would, name the demo orders, tell its clock.
   */
  sandboxUrl?: string | undefined;
  /** A PNG or JPEG data URL: the logo on packing slips. */
  logo?: string | undefined;
}

type Next = (error?: unknown) => void;

export function createMerchantServer(options: MerchantServerOptions) {
  const publicUrl = options.publicUrl.replace(/\/+$/, '');
  const elements = createElementsClient({ publicApiKey: options.elements.publicApiKey, baseUrl: options.elements.baseUrl });
  const config: StorefrontConfig = {
    publicApiKey: options.elements.publicApiKey,
    elementsBaseUrl: elements.baseUrl,
    purchaseCountry: SHOP.purchaseCountry,
    currency: SHOP.currency,
    locale: SHOP.locale,
  };
  const sandbox = options.sandboxUrl ? sandboxControls(options.sandboxUrl) : undefined;

  /** The orders this server created, oldest first. */
  const created = new Set<string>();
  const acknowledged = new Set<string>();
  async function acknowledge(orderId: string) {
    if (acknowledged.has(orderId)) return;
    await options.kustom.orders.acknowledge(orderId);
    acknowledged.add(orderId);
  }

  const shop = createShopApi({
    kustom: options.kustom,
    elements,
    config,
    publicUrl,
    sandbox,
    remember: (id) => void created.add(id),
    knows: (id) => created.has(id),
  });
  const backOffice = createBackOfficeApi({
    kustom: options.kustom,
    orderIds: async () => [...new Set([...created].reverse().concat(sandbox ? await sandbox.orderIds() : []))],
    now: sandbox ? () => sandbox.now() : async () => new Date(),
    store: { name: `${SHOP.name} AB`, address: ['Sveavägen 1', '111 57 Stockholm', 'Sweden'], email: 'orders@nordicwool.example' },
    logo: options.logo,
  });
  const serveStatic = options.staticDir
    ? createStaticHandler(options.staticDir, pageSecurityHeaders(new URL(elements.baseUrl).origin))
    : undefined;

  type Route = [method: string, path: RegExp, run: (req: IncomingMessage, res: ServerResponse, match: string[], url: URL) => Promise<void>];
  const json = (run: (req: IncomingMessage, match: string[], url: URL) => Promise<unknown>, status = 200) =>
    (async (req, res, match, url) => sendJson(res, status, (await run(req, match, url)) ?? {})) satisfies Route[2];

  const routes: Route[] = [
    ['GET', /^\/api\/config$/, json(async () => config)],
    ['POST', /^\/api\/checkout$/, json(async (req) => shop.placeOrder(await readJson(req)), 201)],
    ['POST', /^\/api\/express-orders$/, json(async (req) => shop.createExpressOrder(await readJson(req)), 201)],
    ['POST', /^\/api\/express-orders\/([^/]+)\/abort$/, json(async (_req, [, id]) => shop.abortExpressOrder(id!))],
    ['GET', /^\/api\/orders\/([^/]+)$/, json(async (_req, [, id]) => shop.confirmation(id!, acknowledge))],
    // Kustom's push notification: the order exists; acknowledge it. (The sandbox sends none; the real API does.)
    [
      'POST',
      /^\/api\/kustom\/push$/,
      async (_req, res, _m, url) => {
        const id = url.searchParams.get('order_id');
        if (id && created.has(id)) await acknowledge(id);
        res.writeHead(204).end();
      },
    ],
    ['GET', /^\/api\/back-office\/orders$/, json(async (_req, _m, url) => backOffice.orders(url.searchParams))],
    [
      'GET',
      /^\/api\/back-office\/orders\.csv$/,
      async (_req, res, _m, url) => {
        const chunks = backOffice.csv(url.searchParams);
        const first = await chunks.next(); // errors (a bad filter) surface before the headers go out
        const day = new Date().toISOString().slice(0, 10);
        res.writeHead(200, {
          'content-type': 'text/csv; charset=utf-8',
          'content-disposition': `attachment; filename="orders-${day}.csv"`,
          'cache-control': 'no-store',
        });
        if (!first.done) res.write(first.value);
        for await (const chunk of chunks) if (!res.write(chunk)) await new Promise((r) => res.once('drain', r));
        res.end();
      },
    ],
    ['GET', /^\/api\/back-office\/orders\/([^/]+)$/, json(async (_req, [, id]) => backOffice.order(id!))],
    ['POST', /^\/api\/back-office\/orders\/([^/]+)\/actions$/, json(async (req, [, id]) => backOffice.act(id!, await readJson(req)))],
    [
      'GET',
      /^\/back-office\/orders\/([^/]+)\/packing-slip$/,
      async (_req, res, [, id]) => {
        const html = await backOffice.packingSlip(id!);
        res.writeHead(200, {
          'content-type': 'text/html; charset=utf-8',
          // The document carries its own strict policy (data: images, its style by hash); this one forbids the rest.
          'content-security-policy': "default-src 'none'; img-src data:; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
          'cache-control': 'no-store',
          'x-content-type-options': 'nosniff',
        });
        res.end(html);
      },
    ],
  ];

  async function handle(req: IncomingMessage, res: ServerResponse, next?: Next): Promise<void> {
    const url = new URL(req.url ?? '/', publicUrl);
    try {
      let pathMatched = false;
      for (const [method, path, run] of routes) {
        const match = path.exec(url.pathname);
        if (!match) continue;
        pathMatched = true;
        if (method !== req.method) continue;
        const decoded = match.map((m) => (m === undefined ? m : decodeURIComponent(m)));
        await run(req, res, decoded as string[], url);
        return;
      }
      if (pathMatched) throw new HttpError(405, 'METHOD_NOT_ALLOWED', `${req.method} is not allowed here.`);
      if (url.pathname.startsWith('/api/')) throw new HttpError(404, 'NOT_FOUND', 'No such API route.');
      if (serveStatic && (await serveStatic(req, res))) return;
      if (next) return next();
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
    } catch (error) {
      if (next && !url.pathname.startsWith('/api/') && !url.pathname.startsWith('/back-office/orders/')) return next(error);
      sendError(res, error);
    }
  }

  return { handle, config, createdOrderIds: () => [...created] };
}
