import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BASE, ORIGIN, startWithOrder, type TestBackOffice } from './handler-support.js';
import { MERCHANT, SECOND } from './kustom.js';

let bo: TestBackOffice;
let orderId: string;
beforeAll(async () => {
  ({ bo, orderId } = await startWithOrder());
});
afterAll(() => bo?.close());

const cookieOf = (res: Response) => res.headers.get('set-cookie')!.split(';')[0]!;

describe('Host, Origin and CSRF', () => {
  it('a foreign Host header is refused before anything is read', async () => {
    const admin = await bo.signIn('u-admin');
    for (const host of ['evil.test', 'bo.test.evil.test', 'bo.test:81']) {
      const res = await bo.request('GET', '/me', { as: admin, headers: { host } });
      expect(res.status, host).toBe(421);
      expect(await res.json()).toMatchObject({ error: 'MISDIRECTED_REQUEST', field: 'host' });
    }
    // The URL's host counts too (an adapter that builds it from another header).
    const res = await bo.handler(new Request(`http://evil.test${BASE}/me`, { headers: { cookie: admin.cookie } }));
    expect(res.status).toBe(421);
  });

  it('a foreign Origin is refused on reads and writes; a write without Origin is refused', async () => {
    const admin = await bo.signIn('u-admin');
    const read = await bo.request('GET', '/orders', { as: admin, headers: { origin: 'https://evil.test' } });
    expect(read.status).toBe(403);
    expect((await read.json()).permission).toBe('origin');
    const write = await bo.request('POST', `/orders/${orderId}/cancel`, { as: admin, body: {}, headers: { origin: 'https://evil.test' } });
    expect(write.status).toBe(403);
    const noOrigin = await bo.handler(
      new Request(`${ORIGIN}${BASE}/orders/${orderId}/cancel`, { method: 'POST', headers: { host: 'bo.test', cookie: admin.cookie, 'x-csrf-token': admin.csrf } }),
    );
    expect(noOrigin.status).toBe(403);
    expect((await noOrigin.json()).permission).toBe('origin');
    // A Referer of the back office stands in for a missing Origin.
    const referer = await bo.handler(
      new Request(`${ORIGIN}${BASE}/notices`, { headers: { host: 'bo.test', cookie: admin.cookie, referer: `${ORIGIN}/back-office/` } }),
    );
    expect(referer.status).toBe(200);
    expect((await bo.k.kustom.orders.get(orderId)).status).toBe('AUTHORIZED');
  });

  it('every write needs the session’s CSRF token; a wrong or missing one changes nothing', async () => {
    const admin = await bo.signIn('u-admin');
    const other = await bo.signIn('u-user');
    for (const csrf of [null, 'forged', other.csrf]) {
      const res = await bo.request('POST', `/orders/${orderId}/cancel`, { as: admin, body: {}, csrf });
      expect(res.status).toBe(403);
      expect((await res.json()).permission).toBe('csrf');
    }
    expect(await bo.store.auditFor(MERCHANT, orderId)).toEqual([]);
    expect((await bo.k.kustom.orders.get(orderId)).status).toBe('AUTHORIZED');
    const ok = await bo.request('POST', `/orders/${orderId}/merchant-references`, { as: admin, body: { merchant_reference2: 'ok' } });
    expect(ok.status).toBe(200);
    // A write that is not JSON (what a cross-site form sends) is refused naming the body.
    const form = await bo.handler(
      new Request(`${ORIGIN}${BASE}/orders/${orderId}/cancel`, {
        method: 'POST',
        headers: { host: 'bo.test', origin: ORIGIN, cookie: admin.cookie, 'x-csrf-token': admin.csrf, 'content-type': 'application/x-www-form-urlencoded' },
        body: 'a=1',
      }),
    );
    expect(form.status).toBe(400);
    expect((await form.json()).field).toBe('body');
  });
});

describe('sessions', () => {
  it('signs in with a magic link once; the cookie is signed, HTTP-only and SameSite', async () => {
    const sent = await bo.request('POST', '/auth/magic-link', { body: { email: 'Admin@Shop.example' } });
    expect(sent.status).toBe(202);
    const link = bo.links.at(-1)!;
    expect(link.to).toBe('admin@shop.example');
    const unknown = await bo.request('POST', '/auth/magic-link', { body: { email: 'nobody@shop.example' } });
    expect(unknown.status).toBe(202);
    expect(await unknown.json()).toEqual(await sent.clone().json().catch(() => ({ sent: true, message: 'If the address belongs to a user, a sign-in link is on its way.' })));
    expect(bo.links.at(-1)).toBe(link);
    const bad = await bo.request('POST', '/auth/magic-link', { body: { email: 'not an address' } });
    expect(bad.status).toBe(400);
    expect((await bad.json()).field).toBe('email');

    const path = new URL(link.url).pathname + new URL(link.url).search;
    const verified = await bo.handler(new Request(`${ORIGIN}${path}`, { headers: { host: 'bo.test' } }));
    expect(verified.status).toBe(303);
    const setCookie = verified.headers.get('set-cookie')!;
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    expect(setCookie).toMatch(/Path=\//);
    const cookie = cookieOf(verified);
    const me = await bo.handler(new Request(`${ORIGIN}${BASE}/me`, { headers: { host: 'bo.test', cookie } }));
    expect(me.status).toBe(200);
    const body = await me.json();
    expect(body).toMatchObject({ user: { id: 'u-admin', role: 'admin' }, stores: [MERCHANT], store: MERCHANT });
    expect(body.permissions).toContain('orders:act');
    expect(typeof body.csrfToken).toBe('string');
    // Used once.
    const again = await bo.handler(new Request(`${ORIGIN}${path}`, { headers: { host: 'bo.test' } }));
    expect(again.status).toBe(401);
    // A tampered cookie is no session.
    const tampered = cookie.slice(0, -2) + (cookie.endsWith('AA') ? 'BB' : 'AA');
    expect((await bo.handler(new Request(`${ORIGIN}${BASE}/me`, { headers: { host: 'bo.test', cookie: tampered } }))).status).toBe(401);
  });

  it('rate-limits sign-in per address', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push((await bo.request('POST', '/auth/magic-link', { body: { email: 'user@shop.example' } })).status);
    expect(statuses.slice(0, 5)).toEqual([202, 202, 202, 202, 202]);
    expect(statuses.slice(5)).toEqual([429, 429]);
    const limited = await bo.request('POST', '/auth/magic-link', { body: { email: 'user@shop.example' } });
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('rotates the cookie after 15 minutes (the old one works for a minute, the CSRF token stays), and signs out', async () => {
    const s = await bo.signIn('u-user');
    const start = bo.clock.at;
    try {
      bo.clock.at += 16 * 60_000;
      const r = await bo.request('GET', '/me', { as: s });
      expect(r.status).toBe(200);
      const fresh = cookieOf(r);
      expect(fresh).not.toBe(s.cookie);
      expect((await r.json()).csrfToken).toBe(s.csrf);
      expect((await bo.request('GET', '/me', { as: s })).status).toBe(200);
      bo.clock.at += 61_000;
      expect((await bo.request('GET', '/me', { as: s })).status).toBe(401);
      const next = { cookie: fresh, csrf: s.csrf };
      expect((await bo.request('GET', '/me', { as: next })).status).toBe(200);
      const out = await bo.request('POST', '/auth/sign-out', { as: next, body: {} });
      expect(out.status).toBe(200);
      expect(out.headers.get('set-cookie')).toMatch(/Max-Age=0/);
      expect((await bo.request('GET', '/me', { as: next })).status).toBe(401);
    } finally {
      bo.clock.at = start;
    }
  });

  it('the push needs no session and no Origin (Kustom calls it), and still refuses a foreign Host', async () => {
    const o = await bo.k.newOrder();
    const push = (host: string) => bo.handler(new Request(`${ORIGIN}${BASE}/push?store=${MERCHANT}&order_id=${o.order_id}`, { method: 'POST', headers: { host } }));
    expect((await push('evil.test')).status).toBe(421);
    const res = await push('bo.test');
    expect(res.status).toBe(200);
    expect((await res.json()).result).toBe('inserted');
  });
});

describe('the routes', () => {
  it('lists orders with the URL’s query, passing unknown fields on; one order with timeline and audit; a packing slip with the store’s logo', async () => {
    const admin = await bo.signIn('u-admin');
    const list = await bo.request('GET', '/orders?status=AUTHORIZED,PART_CAPTURED&limit=5', { as: admin });
    expect(list.status).toBe(200);
    const page = await list.json();
    expect(page.orders.length).toBeGreaterThan(0);
    expect(page.orders.every((o: { status: string }) => ['AUTHORIZED', 'PART_CAPTURED'].includes(o.status))).toBe(true);
    const badLimit = await bo.request('GET', '/orders?limit=5000', { as: admin });
    expect(badLimit.status).toBe(400);
    expect((await badLimit.json()).field).toBe('limit');
    const one = await bo.request('GET', `/orders/${orderId}`, { as: admin });
    const detail = await one.json();
    expect(detail.order.order_id).toBe(orderId);
    expect(detail.timeline.length).toBeGreaterThan(0);
    expect(Array.isArray(detail.audit)).toBe(true);
    expect(detail.actions.capture.allowed).toBe(true);
    expect((await bo.request('GET', '/orders/nope', { as: admin })).status).toBe(404);

    const png = 'data:image/png;base64,' + Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]).toString('base64');
    const svg = await bo.request('PUT', '/store/logo', { as: admin, body: { logo: 'data:image/svg+xml;base64,PHN2Zz4=' } });
    expect(svg.status).toBe(400);
    expect((await svg.json()).field).toBe('logo');
    expect((await bo.request('PUT', '/store/logo', { as: admin, body: { logo: png } })).status).toBe(200);
    const capture = await bo.request('POST', `/orders/${orderId}/capture`, { as: admin, body: { kind: 'lines', lines: [{ reference: 'SKU-1', quantity: 1 }] } });
    expect(capture.status).toBe(200);
    const slip = await bo.request('GET', `/orders/${orderId}/packing-slip`, { as: admin });
    expect(slip.headers.get('content-type')).toMatch(/text\/html/);
    const html = await slip.text();
    expect(html).toContain(png);
    expect(html).toContain('Nordic Wool AB');
  });

  it('notification preferences per store, home-page notices for a pushed order, marked read', async () => {
    const user = await bo.signIn('u-user');
    const prefs = await (await bo.request('GET', '/notifications/preferences', { as: user })).json();
    expect(prefs.preferences).toContainEqual({ merchantId: MERCHANT, kind: 'new_order', home: true, email: false });
    const bad = await bo.request('PUT', '/notifications/preferences', { as: user, body: { preferences: [{ merchantId: 'PN99999', kind: 'new_order', home: true, email: true }] } });
    expect(bad.status).toBe(400);
    expect((await bad.json()).field).toBe('preferences[0].merchantId');
    const set = await bo.request('PUT', '/notifications/preferences', { as: user, body: { preferences: [{ merchantId: MERCHANT, kind: 'new_order', home: true, email: true }] } });
    expect((await set.json()).preferences).toContainEqual({ merchantId: MERCHANT, kind: 'new_order', home: true, email: true });
    const o = await bo.k.newOrder();
    await bo.handler(new Request(`${ORIGIN}${BASE}/push?store=${MERCHANT}&order_id=${o.order_id}`, { method: 'POST', headers: { host: 'bo.test' } }));
    const notices = (await (await bo.request('GET', '/notices?unread=true', { as: user })).json()).notices;
    const mine = notices.find((n: { data: { orderId: string } }) => n.data.orderId === o.order_id);
    expect(mine).toMatchObject({ kind: 'new_order', readAt: null });
    expect((await bo.request('POST', `/notices/${mine.id}/read`, { as: user, body: {} })).status).toBe(200);
    expect((await bo.request('POST', `/notices/${mine.id}/read`, { as: user, body: {} })).status).toBe(404);
    const outbox = await bo.store.db.query<{ recipient: string }>('SELECT recipient FROM outbox WHERE dedupe_key = $1', [o.order_id]);
    expect(outbox.map((r) => r.recipient)).toEqual(['user@shop.example']);
  });

  it('switches stores: /me lists the stores the user reaches; each store sees only its own orders', async () => {
    await bo.store.saveUser({ ...bo.users.user!, id: 'u-two', email: 'two@shop.example', merchantIds: [MERCHANT, SECOND] });
    const two = await bo.signIn('u-two');
    const me = await (await bo.request('GET', '/me', { as: two })).json();
    expect(me.stores).toEqual([MERCHANT, SECOND]);
    expect(me.store).toBe(MERCHANT);
    expect((await (await bo.request('GET', `/me?store=${SECOND}`, { as: two })).json()).store).toBe(SECOND);
    const o = await bo.k.newOrder();
    const pushed = await bo.handler(new Request(`${ORIGIN}${BASE}/push?store=${SECOND}&order_id=${o.order_id}`, { method: 'POST', headers: { host: 'bo.test' } }));
    expect(pushed.status).toBe(200);
    const ids = async (store: string) =>
      ((await (await bo.request('GET', '/orders?limit=100', { as: two, headers: { 'kustom-store': store } })).json()).orders as { order_id: string }[]).map((x) => x.order_id);
    expect(await ids(SECOND)).toEqual([o.order_id]);
    expect(await ids(MERCHANT)).not.toContain(o.order_id);
    // A user of one store cannot switch to the other.
    const one = await bo.signIn('u-user');
    const refused = await bo.request('GET', '/orders', { as: one, headers: { 'kustom-store': SECOND } });
    expect(refused.status).toBe(403);
    expect((await refused.json()).permission).toBe(`store:${SECOND}`);
  });

  it('runMaintenance sends the due e-mails through notify and notices expiring orders', async () => {
    const sent: string[] = [];
    const { createBackOfficeHandler } = await import('../src/server.js');
    const h = createBackOfficeHandler({ store: bo.store, stores: bo.k.stores, origin: ORIGIN, sessions: bo.sessions, now: () => new Date(bo.clock.at), notify: (m) => void sent.push(m.to) });
    const due = await bo.store.db.query<{ n: number }>('SELECT count(*)::int AS n FROM outbox WHERE sent_at IS NULL');
    expect(due[0]!.n).toBeGreaterThan(0); // the new-order e-mail of the preferences test above
    const r = await h.runMaintenance();
    expect(r.emails.sent).toBe(due[0]!.n);
    expect(sent.length).toBe(due[0]!.n);
    expect((await h.runMaintenance()).emails.sent).toBe(0);
  });

  it('takes the host’s own authenticate and CSRF check instead of the package’s sessions', async () => {
    const { createBackOfficeHandler } = await import('../src/server.js');
    const reader = bo.users.read_only!;
    const h = createBackOfficeHandler({
      store: bo.store,
      stores: bo.k.stores,
      origin: ORIGIN,
      authenticate: (req) => (req.headers.get('authorization') === 'Bearer host-token' ? reader : undefined),
      verifyCsrf: (req) => req.headers.get('x-host-csrf') === 'ok',
    });
    const call = (method: string, path: string, headers: Record<string, string>) =>
      h(new Request(`${ORIGIN}${BASE}${path}`, { method, headers: { host: 'bo.test', origin: ORIGIN, 'content-type': 'application/json', ...headers }, body: method === 'GET' ? null : '{}' }));
    expect((await call('GET', '/orders', {})).status).toBe(401);
    expect((await call('GET', '/orders', { authorization: 'Bearer host-token' })).status).toBe(200);
    expect((await (await call('POST', '/notices/1/read', { authorization: 'Bearer host-token' })).json()).permission).toBe('csrf');
    const capture = await call('POST', `/orders/${orderId}/capture`, { authorization: 'Bearer host-token', 'x-host-csrf': 'ok' });
    expect([capture.status, (await capture.json()).permission]).toEqual([403, 'orders:act']);
    expect(() => createBackOfficeHandler({ store: bo.store, stores: bo.k.stores, origin: ORIGIN, authenticate: () => undefined })).toThrow(
      expect.objectContaining({ field: 'verifyCsrf' }),
    );
  });
});
