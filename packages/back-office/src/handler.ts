/**
 * `createBackOfficeHandler(options)`: the back office's HTTP API as a standard fetch
 * handler, `(request: Request) => Promise<Response>`, for Node's http server, Express,
 * Hono, Next.js route handlers and workers.
 *
 * Every request, in this order:
 * 1. `Host` (and the URL's host) must be the configured `origin`'s host: a foreign Host
 *    is 421, before anything is read.
 * 2. A foreign `Origin` is 403; a write (POST, PUT, PATCH, DELETE) must carry the
 *    back office's `Origin` (or a `Referer` of it).
 * 3. Public endpoints: `POST /push` (Kustom's push: no session; it only makes the store
 *    read an order from Kustom), `POST /auth/magic-link`, `GET /auth/verify`.
 * 4. The route is matched (404, 405); no session is 401; an external user past
 *    `expiresAt` is 403 `access:expired`; a store the user does not reach is 403
 *    `store:<id>`; a write without the session's CSRF token is 403 `csrf`; a role
 *    without the route's permission is 403 naming it. Only then does the route run.
 */
import type { KustomStores } from '@kustom/sdk';
import { createActions, type Actions } from './actions.js';
import { BackOfficeError, BackOfficeForbiddenError, BackOfficeUnauthorizedError, errorBody, invalidField } from './errors.js';
import { json, readJson, type Route, type RouteContext, type StoreProfile } from './http/route.js';
import { createIntake, type Intake } from './intake.js';
import { createNotifications, type Notifications, type NotifyHook } from './notifications.js';
import { can } from './roles.js';
import { ROUTES } from './routes/index.js';
import type { ResolvedSession, Sessions } from './session.js';
import type { OrderStore, User } from './store.js';

export interface BackOfficeHandlerOptions {
  store: OrderStore;
  /** The stores' Kustom clients (`createKustomStores`); credentials never leave the server. */
  stores: KustomStores;
  /** The back office's own origin, `https://shop.example`: Host and Origin are checked against it. */
  origin: string;
  /** Where the handler is mounted. @default '/api/back-office' */
  basePath?: string | undefined;
  /** The package's sessions (`createSessions`): cookies, CSRF, magic links. */
  sessions?: Sessions | undefined;
  /**
   * The host's own sign-in instead: returns the signed-in user or nothing. With it,
   * `verifyCsrf` must say whether a write carries the host's CSRF token.
   */
  authenticate?: ((request: Request) => Promise<User | undefined> | User | undefined) | undefined;
  verifyCsrf?: ((request: Request, user: User) => Promise<boolean> | boolean) | undefined;
  /** Sends e-mail notifications (retried from the outbox until it succeeds). */
  notify?: NotifyHook | undefined;
  notifications?: Notifications | undefined;
  actions?: Actions | undefined;
  intake?: Intake | undefined;
  /** @default ROUTES */
  routes?: readonly Route[] | undefined;
  /** The store on packing slips. @default { name: merchantId } */
  storeProfile?: ((merchantId: string) => Promise<StoreProfile> | StoreProfile) | undefined;
  /** The client's address for the sign-in rate limit (behind a proxy: from your trusted header). */
  clientAddress?: ((request: Request) => string | undefined) | undefined;
  /** Where `GET /auth/verify` sends the browser after signing in. @default '/back-office/' */
  afterSignIn?: string | undefined;
  now?: (() => Date) | undefined;
}

export interface BackOfficeHandler {
  (request: Request): Promise<Response>;
  readonly intake: Intake;
  readonly actions: Actions;
  readonly notifications: Notifications;
  readonly routes: readonly Route[];
  readonly basePath: string;
  /**
   * The periodic work, once: finish actions left pending by a Kustom failure, re-read open
   * orders last read more than `syncAfterMs` ago, notice orders expiring within 3 days,
   * send the e-mails that are due. Run it on a timer (every minute or so), on one instance
   * or several (the outbox is leased, so an e-mail is sent once).
   */
  runMaintenance(options?: { syncAfterMs?: number }): Promise<MaintenanceResult>;
}

export interface MaintenanceResult {
  resumed: { done: number; refused: number; pending: number };
  synced: { read: number; updated: number; failed: number };
  expiringNotices: number;
  emails: { sent: number; failed: number };
}

interface Compiled {
  route: Route;
  pattern: RegExp;
  names: string[];
}

function compile(route: Route): Compiled {
  const names: string[] = [];
  const source = route.path
    .split('/')
    .map((seg) => {
      if (seg.startsWith(':')) {
        names.push(seg.slice(1));
        return '([^/]+)';
      }
      return seg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('/');
  return { route, pattern: new RegExp(`^${source}/?$`), names };
}

const WRITE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const SECURITY_HEADERS = { 'cache-control': 'no-store', 'x-content-type-options': 'nosniff', 'referrer-policy': 'same-origin' };

export function createBackOfficeHandler(options: BackOfficeHandlerOptions): BackOfficeHandler {
  const { store, stores, sessions } = options;
  let origin: URL;
  try {
    origin = new URL(options.origin);
  } catch {
    throw invalidField('origin', 'must be the back office origin, e.g. https://shop.example');
  }
  if (!sessions && !options.authenticate) throw invalidField('authenticate', 'give sessions (createSessions) or authenticate');
  if (!sessions && !options.verifyCsrf) throw invalidField('verifyCsrf', 'with your own authenticate, say how a write proves its CSRF token');
  const basePath = (options.basePath ?? '/api/back-office').replace(/\/+$/, '');
  const now = options.now ?? (() => new Date());
  const notifications = options.notifications ?? createNotifications({ store, notify: options.notify, now });
  const actions = options.actions ?? createActions({ store, stores, now });
  const intake = options.intake ?? createIntake({ store, stores, notifications });
  const routes = options.routes ?? ROUTES;
  const compiled = routes.map(compile);
  const storeProfile = async (merchantId: string): Promise<StoreProfile> => (options.storeProfile ? options.storeProfile(merchantId) : { name: merchantId });

  function originOf(value: string | null): string | undefined {
    if (!value) return undefined;
    try {
      return new URL(value).origin;
    } catch {
      return 'null';
    }
  }

  async function run(request: Request, url: URL, path: string): Promise<{ response: Response; setCookie?: string | undefined }> {
    const method = request.method.toUpperCase();
    // Public endpoints.
    if (path === '/push') return { response: await intake.handlePush(request) };
    if (path === '/auth/magic-link' && method === 'POST') {
      if (!sessions) throw new BackOfficeError(404, 'NOT_FOUND', 'Sign-in is the host application’s here.');
      const body = (await readJson(request)) as { email?: unknown };
      await sessions.requestMagicLink(body?.email, options.clientAddress?.(request));
      return { response: json({ sent: true, message: 'If the address belongs to a user, a sign-in link is on its way.' }, 202) };
    }
    if (path === '/auth/verify' && method === 'GET') {
      if (!sessions) throw new BackOfficeError(404, 'NOT_FOUND', 'Sign-in is the host application’s here.');
      const { setCookie } = await sessions.verifyMagicLink(url.searchParams.get('token'));
      return { response: new Response(null, { status: 303, headers: { location: options.afterSignIn ?? '/back-office/' } }), setCookie };
    }

    let matched: { c: Compiled; m: RegExpExecArray } | undefined;
    let pathMatched = false;
    for (const c of compiled) {
      const m = c.pattern.exec(path);
      if (!m) continue;
      pathMatched = true;
      if (c.route.method === method) {
        matched = { c, m };
        break;
      }
    }
    const signOut = path === '/auth/sign-out' && method === 'POST';
    if (!matched && !signOut) {
      throw pathMatched ? new BackOfficeError(405, 'METHOD_NOT_ALLOWED', `${method} is not allowed here.`) : new BackOfficeError(404, 'NOT_FOUND', 'No such back-office route.');
    }

    // Who is asking.
    let session: ResolvedSession | undefined;
    let user: User | undefined;
    if (sessions) {
      session = await sessions.resolve(request);
      user = session?.user;
    } else {
      user = (await options.authenticate!(request)) ?? undefined;
    }
    if (!user) throw new BackOfficeUnauthorizedError();
    const setCookie = session?.setCookie;
    const at = now();
    if (user.expiresAt && Date.parse(user.expiresAt) <= at.getTime()) {
      throw new BackOfficeForbiddenError('access:expired', `Your access ended on ${user.expiresAt}.`);
    }
    if (WRITE.has(method)) {
      const ok = session ? sessions!.verifyCsrf(request, session) : await options.verifyCsrf!(request, user);
      if (!ok) throw new BackOfficeForbiddenError('csrf', 'This write does not carry the session’s CSRF token (X-CSRF-Token).');
    }
    if (signOut) {
      const clear = await sessions!.signOut(session!);
      return { response: json({ signedOut: true }), setCookie: clear };
    }
    const { c, m } = matched!;

    // Which store, and may they.
    const wanted = request.headers.get('kustom-store') ?? url.searchParams.get('store') ?? user.merchantIds.find((id) => stores.has(id));
    if (!wanted || !user.merchantIds.includes(wanted) || !stores.has(wanted)) {
      throw new BackOfficeForbiddenError(`store:${wanted ?? ''}`, wanted ? `You do not have access to store ${wanted}.` : 'You have access to no store.');
    }
    if (c.route.permission !== 'session' && !can(user.role, c.route.permission)) {
      throw new BackOfficeForbiddenError(c.route.permission, `Your role (${user.role}) may not do this: it needs ${c.route.permission}.`);
    }
    const params: Record<string, string> = {};
    c.names.forEach((name, i) => {
      params[name] = decodeURIComponent(m[i + 1]!);
    });
    const ctx: RouteContext = {
      request,
      url,
      params,
      user,
      merchantId: wanted,
      store,
      kustom: stores.get(wanted),
      now,
      stores,
      actions,
      notifications,
      csrfToken: session?.csrfToken,
      storeProfile,
    };
    return { response: await c.route.handle(ctx), setCookie };
  }

  const handler = async (request: Request): Promise<Response> => {
    let response: Response;
    let setCookie: string | undefined;
    try {
      const url = new URL(request.url);
      const host = request.headers.get('host') ?? url.host;
      if (host.toLowerCase() !== origin.host.toLowerCase() || url.host.toLowerCase() !== origin.host.toLowerCase()) {
        throw new BackOfficeError(421, 'MISDIRECTED_REQUEST', `This back office answers ${origin.host} only.`, { field: 'host' });
      }
      if (!url.pathname.startsWith(`${basePath}/`) && url.pathname !== basePath) throw new BackOfficeError(404, 'NOT_FOUND', 'No such back-office route.');
      const path = url.pathname.slice(basePath.length) || '/';
      const method = request.method.toUpperCase();
      const from = originOf(request.headers.get('origin')) ?? (WRITE.has(method) ? originOf(request.headers.get('referer')) : undefined);
      if (path !== '/push') {
        if (from !== undefined && from !== origin.origin) throw new BackOfficeForbiddenError('origin', `Requests from ${from} are not accepted.`);
        if (from === undefined && WRITE.has(method)) throw new BackOfficeForbiddenError('origin', 'A write must carry the back office’s Origin header.');
      }
      ({ response, setCookie } = await run(request, url, path));
    } catch (error) {
      const { status, body, headers } = errorBody(error);
      if (status === 500) console.error('back office:', error);
      response = json(body, status, headers);
    }
    const headers = new Headers(response.headers);
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) if (!headers.has(k)) headers.set(k, v);
    if (setCookie) headers.append('set-cookie', setCookie);
    return new Response(response.body, { status: response.status, headers });
  };
  async function runMaintenance(opts: { syncAfterMs?: number } = {}): Promise<MaintenanceResult> {
    const resumed = await actions.resume();
    // Reads are stamped with the machine's clock (intake.ts), so the age is too.
    const s = await intake.sync({ olderThan: new Date(Date.now() - (opts.syncAfterMs ?? 600_000)) });
    let expiringNotices = 0;
    for (const id of stores.ids) expiringNotices += await notifications.checkExpiring(id);
    const emails = await notifications.flush();
    return { resumed, synced: { read: s.read, updated: s.updated, failed: s.failed.length }, expiringNotices, emails };
  }
  return Object.assign(handler, { intake, actions, notifications, routes, basePath, runMaintenance });
}
