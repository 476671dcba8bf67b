/**
 * The order store: every Kustom order the merchant has, as Order Management returned
 * it, with indexed columns for what the orders page filters and sorts on; the
 * append-only audit log; users and their store access.
 */
import { KustomValidationError, customerEmail, customerName, foldText, type Order } from '@kustom/sdk';
import { Order as OrderSchema } from '@kustom/sdk/schemas';
import { openDb, type Db, type OpenDbOptions, type Queryable } from './db.js';
import { migrate } from './migrations.js';

export interface AuditEntry {
  id: number;
  at: string;
  merchantId: string;
  orderId: string | null;
  actor: string;
  action: string;
  request: unknown;
  idempotencyKey: string | null;
  response: unknown;
}

export interface NewAuditEntry {
  merchantId: string;
  orderId?: string | undefined;
  actor: string;
  action: string;
  request?: unknown;
  idempotencyKey?: string | undefined;
  response?: unknown;
}

export interface OrderPageQuery {
  merchantId: string;
  status?: readonly string[] | undefined;
  currency?: readonly string[] | undefined;
  country?: readonly string[] | undefined;
  /** Every word must occur in order id, references, customer name or e-mail (case- and accent-insensitive). */
  text?: string | undefined;
  /** Keyset cursor returned as `next` by the previous page. */
  after?: string | undefined;
  /** 1–1000. @default 25 */
  limit?: number | undefined;
}

export interface OrderPage {
  orders: Order[];
  /** Cursor of the next page, or `null` on the last one. Stable under inserts. */
  next: string | null;
}

export interface User {
  id: string;
  email: string;
  name: string;
  role: string;
  external: boolean;
  expiresAt: string | null;
  merchantIds: string[];
}

export interface OrderStore {
  readonly db: Db;
  /** Inserts or replaces an order; returns `false` when the stored copy was identical (nothing written). */
  upsertOrder(merchantId: string, order: unknown, tx?: Queryable): Promise<boolean>;
  getOrder(merchantId: string, orderId: string): Promise<Order | undefined>;
  listOrders(query: OrderPageQuery): Promise<OrderPage>;
  appendAudit(entry: NewAuditEntry, tx?: Queryable): Promise<AuditEntry>;
  auditFor(merchantId: string, orderId: string): Promise<AuditEntry[]>;
  findAuditByKey(merchantId: string, idempotencyKey: string): Promise<AuditEntry | undefined>;
  /** Creates or updates a user (users are never deleted). */
  saveUser(user: User): Promise<void>;
  getUser(id: string): Promise<User | undefined>;
  getUserByEmail(email: string): Promise<User | undefined>;
  close(): Promise<void>;
}

export interface OpenStoreOptions extends OpenDbOptions {}

/** Opens the store and applies the migrations not yet applied. */
export async function openStore(options: OpenStoreOptions = {}): Promise<OrderStore> {
  const db = await openDb(options);
  await migrate(db);
  return createStore(db);
}

function invalid(path: string, message: string): KustomValidationError {
  return new KustomValidationError('request', [{ path, message, code: 'custom' }]);
}

function parseOrder(order: unknown): Order {
  const r = OrderSchema.safeParse(order);
  if (!r.success) {
    const issue = r.error.issues[0]!;
    throw invalid(issue.path.join('.'), issue.message);
  }
  return r.data;
}

/** What the free-text search matches against, folded. */
export function searchTextOf(order: Order): string {
  return foldText(
    [order.order_id, order.merchant_reference1, order.merchant_reference2, order.klarna_reference, customerName(order), customerEmail(order),
      order.shipping_address ? `${order.shipping_address.given_name ?? ''} ${order.shipping_address.family_name ?? ''}` : '', order.shipping_address?.email]
      .filter(Boolean)
      .join(' '),
  );
}

function encodeCursor(createdAt: string, orderId: string): string {
  return Buffer.from(JSON.stringify([createdAt, orderId])).toString('base64url');
}

function decodeCursor(cursor: string): [string, string] {
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(v) && v.length === 2 && typeof v[0] === 'string' && typeof v[1] === 'string' && !Number.isNaN(Date.parse(v[0]))) return [v[0], v[1]];
  } catch {
    // falls through
  }
  throw invalid('after', 'is not a cursor this store returned');
}

const toIso = (v: unknown): string => (v instanceof Date ? v.toISOString() : new Date(String(v)).toISOString());

function rowToAudit(r: Record<string, unknown>): AuditEntry {
  return {
    id: Number(r.id),
    at: toIso(r.at),
    merchantId: String(r.merchant_id),
    orderId: (r.order_id as string | null) ?? null,
    actor: String(r.actor),
    action: String(r.action),
    request: r.request ?? null,
    idempotencyKey: (r.idempotency_key as string | null) ?? null,
    response: r.response ?? null,
  };
}

export function createStore(db: Db): OrderStore {
  const userFrom = async (rows: Record<string, unknown>[]): Promise<User | undefined> => {
    const r = rows[0];
    if (!r) return undefined;
    const access = await db.query<{ merchant_id: string }>('SELECT merchant_id FROM store_access WHERE user_id = $1 ORDER BY merchant_id', [r.id]);
    return {
      id: String(r.id),
      email: String(r.email),
      name: String(r.name),
      role: String(r.role),
      external: Boolean(r.external),
      expiresAt: r.expires_at == null ? null : toIso(r.expires_at),
      merchantIds: access.map((a) => a.merchant_id),
    };
  };

  return {
    db,
    async upsertOrder(merchantId, input, tx = db) {
      if (!merchantId) throw invalid('merchant_id', 'is required');
      const order = parseOrder(input);
      const captured = (order.captures ?? []).reduce((s, c) => s + c.captured_amount, 0);
      const refunded = (order.refunds ?? []).reduce((s, r) => s + r.refunded_amount, 0);
      const rows = await tx.query<{ order_id: string }>(
        `INSERT INTO orders (merchant_id, order_id, status, created_at, expires_at, purchase_country, purchase_currency, order_amount,
           captured_amount, refunded_amount, payment_method, email, search_text, body)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14)
         ON CONFLICT (merchant_id, order_id) DO UPDATE SET
           status = EXCLUDED.status, expires_at = EXCLUDED.expires_at, purchase_country = EXCLUDED.purchase_country,
           purchase_currency = EXCLUDED.purchase_currency, order_amount = EXCLUDED.order_amount,
           captured_amount = EXCLUDED.captured_amount, refunded_amount = EXCLUDED.refunded_amount,
           payment_method = EXCLUDED.payment_method, email = EXCLUDED.email, search_text = EXCLUDED.search_text,
           body = EXCLUDED.body, version = orders.version + 1, updated_at = now()
         WHERE orders.body IS DISTINCT FROM EXCLUDED.body
         RETURNING order_id`,
        [merchantId, order.order_id, order.status, order.created_at, order.expires_at, order.purchase_country.toUpperCase(),
          order.purchase_currency.toUpperCase(), order.order_amount, captured, refunded, order.initial_payment_method?.type ?? null,
          customerEmail(order) || null, searchTextOf(order), JSON.stringify(order)],
      );
      return rows.length > 0;
    },
    async getOrder(merchantId, orderId) {
      const rows = await db.query<{ body: Order }>('SELECT body FROM orders WHERE merchant_id = $1 AND order_id = $2', [merchantId, orderId]);
      return rows[0]?.body;
    },
    async listOrders(query) {
      const limit = query.limit ?? 25;
      if (!Number.isInteger(limit) || limit < 1 || limit > 1000) throw invalid('limit', 'must be an integer from 1 to 1000');
      const where: string[] = ['merchant_id = $1'];
      const params: unknown[] = [query.merchantId];
      const add = (sql: (p: string) => string, v: unknown) => {
        params.push(v);
        where.push(sql(`$${params.length}`));
      };
      if (query.status?.length) add((p) => `status = ANY(${p}::text[])`, [...query.status]);
      if (query.currency?.length) add((p) => `purchase_currency = ANY(${p}::text[])`, query.currency.map((c) => c.toUpperCase()));
      if (query.country?.length) add((p) => `purchase_country = ANY(${p}::text[])`, query.country.map((c) => c.toUpperCase()));
      for (const word of foldText(query.text ?? '').split(/\s+/).filter(Boolean)) {
        add((p) => `strpos(search_text, ${p}) > 0`, word);
      }
      if (query.after) {
        const [at, id] = decodeCursor(query.after);
        params.push(at, id);
        where.push(`(created_at, order_id) < ($${params.length - 1}::timestamptz, $${params.length})`);
      }
      params.push(limit + 1);
      const rows = await db.query<{ body: Order; created_at: unknown; order_id: string }>(
        `SELECT body, created_at, order_id FROM orders WHERE ${where.join(' AND ')} ORDER BY created_at DESC, order_id DESC LIMIT $${params.length}`,
        params,
      );
      const page = rows.slice(0, limit);
      const last = page[page.length - 1];
      return { orders: page.map((r) => r.body), next: rows.length > limit && last ? encodeCursor(toIso(last.created_at), last.order_id) : null };
    },
    async appendAudit(entry, tx = db) {
      if (!entry.merchantId) throw invalid('merchant_id', 'is required');
      if (!entry.actor) throw invalid('actor', 'is required');
      if (!entry.action) throw invalid('action', 'is required');
      const rows = await tx.query(
        `INSERT INTO audit_log (merchant_id, order_id, actor, action, request, idempotency_key, response)
         VALUES ($1,$2,$3,$4,$5,$6,$7) RETURNING *`,
        [entry.merchantId, entry.orderId ?? null, entry.actor, entry.action, JSON.stringify(entry.request ?? null), entry.idempotencyKey ?? null,
          JSON.stringify(entry.response ?? null)],
      );
      return rowToAudit(rows[0]!);
    },
    async auditFor(merchantId, orderId) {
      return (await db.query('SELECT * FROM audit_log WHERE merchant_id = $1 AND order_id = $2 ORDER BY id', [merchantId, orderId])).map(rowToAudit);
    },
    async findAuditByKey(merchantId, key) {
      const rows = await db.query('SELECT * FROM audit_log WHERE merchant_id = $1 AND idempotency_key = $2', [merchantId, key]);
      return rows[0] ? rowToAudit(rows[0]) : undefined;
    },
    async saveUser(user) {
      if (!user.id) throw invalid('id', 'is required');
      if (!/^[^@\s]+@[^@\s]+$/.test(user.email)) throw invalid('email', 'is not an e-mail address');
      await db.transaction(async (tx) => {
        await tx.query(
          `INSERT INTO users (id, email, name, role, external, expires_at) VALUES ($1,$2,$3,$4,$5,$6)
           ON CONFLICT (id) DO UPDATE SET email = EXCLUDED.email, name = EXCLUDED.name, role = EXCLUDED.role,
             external = EXCLUDED.external, expires_at = EXCLUDED.expires_at`,
          [user.id, user.email.toLowerCase(), user.name, user.role, user.external, user.expiresAt],
        );
        await tx.query('DELETE FROM store_access WHERE user_id = $1', [user.id]);
        for (const m of user.merchantIds) await tx.query('INSERT INTO store_access (user_id, merchant_id) VALUES ($1, $2)', [user.id, m]);
      });
    },
    async getUser(id) {
      return userFrom(await db.query('SELECT * FROM users WHERE id = $1', [id]));
    },
    async getUserByEmail(email) {
      return userFrom(await db.query('SELECT * FROM users WHERE email = $1', [email.toLowerCase()]));
    },
    close: () => db.close(),
  };
}
