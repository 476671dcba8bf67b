/**
 * Session plumbing for hosts: signed, HTTP-only, SameSite=Strict cookies that rotate,
 * a CSRF token per session, magic-link sign-in and a rate limit on sign-in.
 *
 * - The cookie holds a random token and its HMAC (the `secret`); the database holds
 *   only the token's SHA-256, so a leaked table opens no session.
 * - A session older than `rotateAfterMs` gets a new token on its next request (the
 *   handler sends the new cookie); the old one stays valid for a minute so requests
 *   already in flight do not fail. The CSRF token survives rotation.
 * - The CSRF token is an HMAC of a per-session secret; every write must send it in
 *   `X-CSRF-Token`. `GET /me` answers it.
 * - `requestMagicLink(email)` answers the same whether the address is known or not
 *   (no user enumeration); it is limited per address and per client address.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { BackOfficeRateLimitError, BackOfficeUnauthorizedError, invalidField } from './errors.js';
import type { OrderStore, User } from './store.js';

export interface MagicLink {
  to: string;
  url: string;
  user: User;
  expiresAt: string;
}

export interface SessionsOptions {
  store: OrderStore;
  /** At least 32 characters; signs cookies and CSRF tokens. Keep it out of the repository. */
  secret: string;
  /** The back office's origin (`https://shop.example`): `Secure` and the `__Host-` prefix on https. */
  origin: string;
  /** Where the link in the e-mail points; the token is appended as `?token=`. @default `${origin}/api/back-office/auth/verify` */
  verifyUrl?: string | undefined;
  /** Delivers the magic link (an e-mail in production; the demo prints it). */
  sendMagicLink(link: MagicLink): Promise<void> | void;
  now?: (() => Date) | undefined;
  /** @default 8 hours */
  ttlMs?: number | undefined;
  /** @default 15 minutes */
  rotateAfterMs?: number | undefined;
  /** @default 15 minutes */
  magicLinkTtlMs?: number | undefined;
  /** Sign-in requests per address and per client in `windowMs`. @default { perEmail: 5, perClient: 20, windowMs: 900000 } */
  signInLimit?: { perEmail?: number; perClient?: number; windowMs?: number } | undefined;
}

export interface ResolvedSession {
  user: User;
  csrfToken: string;
  /** A `Set-Cookie` value to send when the session rotated. */
  setCookie?: string | undefined;
  idHash: string;
}

export interface Sessions {
  readonly cookieName: string;
  /** The session of the request's cookie, or `undefined` (no cookie, bad signature, expired, revoked, user gone). */
  resolve(request: Request): Promise<ResolvedSession | undefined>;
  /** Starts a session for `userId`; returns the `Set-Cookie` value and the CSRF token. */
  create(userId: string): Promise<{ setCookie: string; csrfToken: string }>;
  /** Whether the request carries the session's CSRF token in `X-CSRF-Token`. */
  verifyCsrf(request: Request, session: ResolvedSession): boolean;
  requestMagicLink(email: unknown, client?: string | undefined): Promise<void>;
  /** Consumes a magic-link token (once) and starts a session. */
  verifyMagicLink(token: unknown): Promise<{ setCookie: string; csrfToken: string; user: User }>;
  /** Ends the session; returns the `Set-Cookie` value that clears the cookie. */
  signOut(session: ResolvedSession): Promise<string>;
}

const b64 = (buf: Buffer) => buf.toString('base64url');
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const ROTATION_GRACE_MS = 60_000;
const ms = (v: unknown): number => (v instanceof Date ? v.getTime() : Date.parse(String(v)));

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function createSessions(options: SessionsOptions): Sessions {
  const { store } = options;
  if (typeof options.secret !== 'string' || options.secret.length < 32) throw invalidField('secret', 'must be at least 32 characters');
  let origin: URL;
  try {
    origin = new URL(options.origin);
  } catch {
    throw invalidField('origin', 'must be an absolute URL such as https://shop.example');
  }
  if (typeof options.sendMagicLink !== 'function') throw invalidField('sendMagicLink', 'must be a function');
  const db = store.db;
  const now = options.now ?? (() => new Date());
  const ttl = options.ttlMs ?? 8 * 3600_000;
  const rotateAfter = options.rotateAfterMs ?? 15 * 60_000;
  const linkTtl = options.magicLinkTtlMs ?? 15 * 60_000;
  const limits = { perEmail: 5, perClient: 20, windowMs: 900_000, ...options.signInLimit };
  const secure = origin.protocol === 'https:';
  const cookieName = secure ? '__Host-kbo_session' : 'kbo_session';
  const verifyUrl = options.verifyUrl ?? `${origin.origin}/api/back-office/auth/verify`;

  const sign = (value: string) => b64(createHmac('sha256', options.secret).update(value).digest());
  const csrfOf = (csrfSecret: string) => sign(`csrf:${csrfSecret}`);
  const cookie = (value: string, maxAgeS: number) =>
    `${cookieName}=${value}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${maxAgeS}${secure ? '; Secure' : ''}`;

  function readCookie(request: Request): string | undefined {
    const header = request.headers.get('cookie');
    if (!header) return undefined;
    for (const part of header.split(';')) {
      const [name, ...rest] = part.trim().split('=');
      if (name === cookieName) return rest.join('=');
    }
    return undefined;
  }

  async function insertSession(userId: string, csrfSecret: string): Promise<string> {
    const token = b64(randomBytes(32));
    const at = now();
    await db.query('INSERT INTO sessions (id_hash, user_id, csrf_secret, created_at, expires_at) VALUES ($1,$2,$3,$4,$5)', [
      sha256(token),
      userId,
      csrfSecret,
      at.toISOString(),
      new Date(at.getTime() + ttl).toISOString(),
    ]);
    return cookie(`${token}.${sign(token)}`, Math.floor(ttl / 1000));
  }

  async function hit(key: string, limit: number): Promise<void> {
    const at = now().getTime();
    const start = Math.floor(at / limits.windowMs) * limits.windowMs;
    const rows = await db.query<{ count: number }>(
      `INSERT INTO rate_limits (key, window_start, count) VALUES ($1, $2, 1)
       ON CONFLICT (key, window_start) DO UPDATE SET count = rate_limits.count + 1 RETURNING count`,
      [key, new Date(start).toISOString()],
    );
    if (rows[0]!.count > limit) throw new BackOfficeRateLimitError(Math.max(1, Math.ceil((start + limits.windowMs - at) / 1000)));
  }

  async function create(userId: string) {
    const csrfSecret = b64(randomBytes(32));
    return { setCookie: await insertSession(userId, csrfSecret), csrfToken: csrfOf(csrfSecret) };
  }

  return {
    cookieName,
    create,
    async resolve(request) {
      const raw = readCookie(request);
      if (!raw) return undefined;
      const dot = raw.lastIndexOf('.');
      if (dot < 1) return undefined;
      const token = raw.slice(0, dot);
      if (!safeEqual(sign(token), raw.slice(dot + 1))) return undefined;
      const idHash = sha256(token);
      const row = (
        await db.query<{ user_id: string; csrf_secret: string; created_at: unknown; expires_at: unknown; rotated_at: unknown; revoked_at: unknown }>(
          'SELECT user_id, csrf_secret, created_at, expires_at, rotated_at, revoked_at FROM sessions WHERE id_hash = $1',
          [idHash],
        )
      )[0];
      const at = now().getTime();
      if (!row || row.revoked_at != null || ms(row.expires_at) <= at) return undefined;
      const user = await store.getUser(row.user_id);
      if (!user) return undefined;
      const created = ms(row.created_at);
      let setCookie: string | undefined;
      if (row.rotated_at == null && at - created >= rotateAfter) {
        // Rotate once: mark the old token, keep it valid for a short grace, hand out a new one.
        const marked = await db.query(
          'UPDATE sessions SET rotated_at = $2, expires_at = LEAST(expires_at, $3) WHERE id_hash = $1 AND rotated_at IS NULL RETURNING id_hash',
          [idHash, new Date(at).toISOString(), new Date(at + ROTATION_GRACE_MS).toISOString()],
        );
        if (marked.length) setCookie = await insertSession(user.id, row.csrf_secret);
      }
      return { user, csrfToken: csrfOf(row.csrf_secret), setCookie, idHash };
    },
    verifyCsrf(request, session) {
      const sent = request.headers.get('x-csrf-token');
      return typeof sent === 'string' && safeEqual(sent, session.csrfToken);
    },
    async requestMagicLink(email, client) {
      if (typeof email !== 'string' || !/^[^@\s]+@[^@\s]+$/.test(email.trim())) throw invalidField('email', 'is not an e-mail address');
      const address = email.trim().toLowerCase();
      await hit(`sign-in:email:${address}`, limits.perEmail);
      if (client) await hit(`sign-in:client:${client}`, limits.perClient);
      const user = await store.getUserByEmail(address);
      if (!user) return; // the same answer for an unknown address
      const token = b64(randomBytes(32));
      const expiresAt = new Date(now().getTime() + linkTtl).toISOString();
      await db.query('INSERT INTO magic_links (token_hash, user_id, expires_at) VALUES ($1,$2,$3)', [sha256(token), user.id, expiresAt]);
      const url = new URL(verifyUrl);
      url.searchParams.set('token', token);
      await options.sendMagicLink({ to: user.email, url: url.toString(), user, expiresAt });
    },
    async verifyMagicLink(token) {
      if (typeof token !== 'string' || token.length < 20 || token.length > 100) throw new BackOfficeUnauthorizedError('This sign-in link is not valid.');
      const rows = await db.query<{ user_id: string }>(
        'UPDATE magic_links SET used_at = $2 WHERE token_hash = $1 AND used_at IS NULL AND expires_at > $2 RETURNING user_id',
        [sha256(token), now().toISOString()],
      );
      const user = rows[0] && (await store.getUser(rows[0].user_id));
      if (!user) throw new BackOfficeUnauthorizedError('This sign-in link is not valid, was used already or has expired.');
      return { ...(await create(user.id)), user };
    },
    async signOut(session) {
      await db.query('UPDATE sessions SET revoked_at = $2 WHERE id_hash = $1 OR (user_id = $3 AND rotated_at IS NOT NULL AND revoked_at IS NULL AND expires_at > $2)', [
        session.idHash,
        now().toISOString(),
        session.user.id,
      ]);
      return cookie('', 0);
    },
  };
}
