/** A back office on PGlite over a real sandbox, users of every role, and a request helper. */
import { ROLES } from '../src/roles.js';
import { createBackOfficeHandler, createIntake, createSessions, openStore, type BackOfficeHandler, type MagicLink, type OrderStore, type Sessions, type User } from '../src/server.js';
import { MERCHANT, startKustom, type TestKustom } from './kustom.js';

export const ORIGIN = 'http://bo.test';
export const BASE = '/api/back-office';

export interface TestBackOffice {
  store: OrderStore;
  k: TestKustom;
  sessions: Sessions;
  handler: BackOfficeHandler;
  links: MagicLink[];
  clock: { at: number };
  users: Record<string, User>;
  /** Cookie and CSRF token of a fresh session of that user. */
  signIn(userId: string): Promise<{ cookie: string; csrf: string }>;
  request(method: string, path: string, init?: { as?: { cookie: string; csrf: string }; body?: unknown; headers?: Record<string, string>; csrf?: string | null }): Promise<Response>;
  close(): Promise<void>;
}

export async function startBackOffice(): Promise<TestBackOffice> {
  const store = await openStore();
  const k = await startKustom();
  const links: MagicLink[] = [];
  const clock = { at: Date.parse('2026-03-02T10:00:00Z') };
  const now = () => new Date(clock.at);
  const sessions = createSessions({ store, secret: 'test-secret-test-secret-test-secret!', origin: ORIGIN, sendMagicLink: (l) => void links.push(l), now });
  const handler = createBackOfficeHandler({ store, stores: k.stores, origin: ORIGIN, sessions, now, storeProfile: () => ({ name: 'Nordic Wool AB', address: ['Sveavägen 1'] }) });
  const users: Record<string, User> = {};
  for (const role of ROLES) {
    const u: User = { id: `u-${role}`, email: `${role}@shop.example`, name: role, role, external: role === 'external', expiresAt: role === 'external' ? '2027-01-01T00:00:00.000Z' : null, merchantIds: [MERCHANT] };
    await store.saveUser(u);
    users[role] = u;
  }
  const cookieOf = (setCookie: string) => setCookie.split(';')[0]!;
  return {
    store,
    k,
    sessions,
    handler,
    links,
    clock,
    users,
    async signIn(userId) {
      const s = await sessions.create(userId);
      return { cookie: cookieOf(s.setCookie), csrf: s.csrfToken };
    },
    request(method, path, init = {}) {
      const headers: Record<string, string> = { host: 'bo.test', origin: ORIGIN, ...(init.headers ?? {}) };
      if (init.as) headers.cookie = init.as.cookie;
      const csrf = init.csrf === undefined ? init.as?.csrf : init.csrf;
      if (csrf) headers['x-csrf-token'] = csrf;
      let body: string | undefined;
      if (init.body !== undefined) {
        body = JSON.stringify(init.body);
        headers['content-type'] = 'application/json';
      }
      return handler(new Request(`${ORIGIN}${BASE}${path}`, { method, headers, body }));
    },
    async close() {
      await store.close();
      await k.close();
    },
  };
}

/** A back office with one stored, authorized order. */
export async function startWithOrder(): Promise<{ bo: TestBackOffice; orderId: string }> {
  const bo = await startBackOffice();
  const o = await bo.k.newOrder();
  await createIntake({ store: bo.store, stores: bo.k.stores }).ingest(MERCHANT, o.order_id);
  return { bo, orderId: o.order_id };
}
