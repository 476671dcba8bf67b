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
import { createElementsClient, type KustomClient, type KustomStores } from '@kustom/sdk';
import {
  ROLES,
  ROUTES,
  createBackOfficeHandler,
  createSessions,
  openStore,
  sendFetchResponse,
  toFetchRequest,
  type MagicLink,
  type OrderStore,
} from '@kustom/back-office/server';
import type { StorefrontConfig } from '../src/api-types.js';
import { SHOP } from '../src/catalog.js';
import { backOfficePageRoutes } from './back-office-api.js';
import { HttpError, readJson, sendError, sendJson } from './http.js';
import { sandboxControls, type SandboxControls } from './sandbox.js';
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
  /** A PNG or JPEG data URL: the logo on packing slips (stored per store at start). */
  logo?: string | undefined;
  /** The back office's order store: a PGlite data directory (kept across restarts); in memory when left out. */
  dataDir?: string | undefined;
  /** …or a PostgreSQL server (`DATABASE_URL`). */
  databaseUrl?: string | undefined;
  /** The Kustom merchant id of the sandbox's credentials. @default 'PK12345' */
  merchantId?: string | undefined;
  /** Signs the back office's session cookies (32+ characters). @default a random one per start (sessions end with the process) */
  sessionSecret?: string | undefined;
  /** Where magic links go; the demo prints them. @default console.log */
  onMagicLink?: ((link: MagicLink) => void) | undefined;
}

/** The demo's users, one of every role, all on the sandbox's store. */
export const DEMO_USERS = ROLES.map((role) => ({
  id: `demo-${role}`,
  email: `${role.replace(/_/g, '-')}@nordicwool.example`,
  name: role.replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase()),
  role,
  external: role === 'external',
  expiresAt: role === 'external' ? '2099-12-31T00:00:00.000Z' : null,
}));

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
  /** The orders this server created (the shop's confirmation page shows only those). */
  const created = new Set<string>();
  const merchantId = options.merchantId ?? 'PK12345';
  // One store here; `createKustomStores` builds the same from per-store credentials.
  const stores: KustomStores = { ids: [merchantId], has: (id) => id === merchantId, get: () => options.kustom };
  const onMagicLink = options.onMagicLink ?? ((link: MagicLink) => console.log(`Sign-in link for ${link.to} (${link.user.role}): ${link.url}`));

  const sandboxRaw = options.sandboxUrl ? sandboxControls(options.sandboxUrl) : undefined;
  const sandbox: SandboxControls | undefined = sandboxRaw && {
    ...sandboxRaw,
    async completeCheckout(orderId, choice) {
      await sandboxRaw.completeCheckout(orderId, choice);
      await deliverPush(orderId);
    },
  };
  // The back office decides at the sandbox's time (its clock can be frozen or moved): read before each request.
  let clock: { offset: number; frozenAt?: number | undefined } = { offset: 0 };
  const now = () => new Date(clock.frozenAt ?? Date.now() + clock.offset);
  async function syncClock() {
    if (!sandboxRaw) return;
    const c = await sandboxRaw.clock();
    clock = c.frozen ? { offset: 0, frozenAt: c.now.getTime() } : { offset: c.now.getTime() - Date.now() };
  }

  // The back office: its order store on PGlite (or PostgreSQL), users of every role, the handler.
  const boPath = '/api/back-office';
  const backOffice = (async () => {
    const store: OrderStore = await openStore({ dataDir: options.dataDir, databaseUrl: options.databaseUrl });
    for (const u of DEMO_USERS) if (!(await store.getUser(u.id))) await store.saveUser({ ...u, merchantIds: [merchantId] });
    if (options.logo) {
      await store.db.query('INSERT INTO store_settings (merchant_id, logo) VALUES ($1, $2) ON CONFLICT (merchant_id) DO NOTHING', [merchantId, options.logo]);
    }
    const sessions = createSessions({
      store,
      secret: options.sessionSecret ?? crypto.randomUUID() + crypto.randomUUID(),
      origin: publicUrl,
      verifyUrl: `${publicUrl}${boPath}/auth/verify`,
      sendMagicLink: onMagicLink,
    });
    const handler = createBackOfficeHandler({
      store,
      stores,
      origin: publicUrl,
      basePath: boPath,
      sessions,
      routes: [...ROUTES, ...backOfficePageRoutes({ now: async () => now() })],
      now,
      storeProfile: () => ({ name: `${SHOP.name} AB`, address: ['Sveavägen 1', '111 57 Stockholm', 'Sweden'], email: 'orders@nordicwool.example' }),
      notify: (mail) => console.log(`E-mail to ${mail.to}: ${mail.subject}`),
      afterSignIn: '/back-office/',
    });
    // The sandbox's demo orders reach the store the way any order id list would: a backfill (read from Kustom, stored).
    await syncClock();
    if (sandboxRaw) await handler.intake.backfill(merchantId, await sandboxRaw.orderIds());
    // The periodic work (pending actions, sync of open orders, expiry notices, the e-mail outbox).
    const timer = setInterval(() => {
      void syncClock()
        .then(() => handler.runMaintenance())
        .catch((error: unknown) => console.error('back office maintenance:', error));
    }, 60_000);
    timer.unref();
    return { store, handler, timer };
  })();
  void backOffice.catch(() => undefined); // awaited where it is used; a failure answers there

  /**
   * Kustom's push for a completed checkout: `merchant_urls.push` (`/api/kustom/push?order_id=…`).
   * The real API sends it; the sandbox sends none, so the demo delivers it in the sandbox's
   * place right after the shopper's part (below), over HTTP to this very route.
   */
  async function deliverPush(orderId: string): Promise<void> {
    const checkout = await options.kustom.checkout.orders.get(orderId);
    const push = checkout.merchant_urls?.push;
    if (!push) return;
    const url = push.replace('{checkout.order.id}', encodeURIComponent(orderId));
    const response = await fetch(url, { method: 'POST' });
    if (!response.ok) throw new HttpError(502, 'PUSH_FAILED', `The push for ${orderId} answered ${response.status}.`);
  }
  /** The confirmation page: an express checkout completed in the sandbox's popup gets its push here. */
  const acknowledge = async (orderId: string) => {
    const { store } = await backOffice;
    if (!(await store.getOrder(merchantId, orderId))) await deliverPush(orderId);
  };

  const shop = createShopApi({
    kustom: options.kustom,
    elements,
    config,
    publicUrl,
    sandbox,
    remember: (id) => void created.add(id),
    knows: (id) => created.has(id),
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
    // Kustom's push (merchant_urls.push): the back office reads the order, stores it and acknowledges it.
    [
      'POST',
      /^\/api\/kustom\/push$/,
      async (req, res, _m, url) => {
        const { handler } = await backOffice;
        const push = new URL(url.pathname + url.search, publicUrl);
        push.searchParams.set('store', merchantId);
        await sendFetchResponse(res, await handler.intake.handlePush(new Request(push, { method: 'POST', headers: { host: req.headers.host ?? '' } })));
      },
    ],
  ];

  async function handle(req: IncomingMessage, res: ServerResponse, next?: Next): Promise<void> {
    const url = new URL(req.url ?? '/', publicUrl);
    try {
      if (url.pathname === boPath || url.pathname.startsWith(`${boPath}/`)) {
        const { handler } = await backOffice;
        await syncClock();
        return await sendFetchResponse(res, await handler(toFetchRequest(req)));
      }
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
      if (next && !url.pathname.startsWith('/api/')) return next(error);
      sendError(res, error);
    }
  }

  return {
    handle,
    config,
    createdOrderIds: () => [...created],
    /** Resolves once the store is open, the users seeded and the demo orders backfilled. */
    ready: backOffice.then(() => undefined),
    /** The back office's store and handler. */
    backOffice,
    async close() {
      const { store, timer } = await backOffice;
      clearInterval(timer);
      await store.close();
    },
  };
}
