/**
 * The order store: every Kustom order the merchant has, as Order Management returned
 * it, with indexed columns for what the orders page filters and sorts on; the
 * append-only audit log; users and their store access.
 */
import { customerEmail, orderSearchText, type Order } from '@kustom/sdk';
import { Order as OrderSchema } from '@kustom/sdk/schemas';
import { openDb, type Db, type OpenDbOptions, type Queryable } from './db.js';
import { summaryOf } from './export.js';
import { migrate } from './migrations.js';
import { compileOrderQuery, cursorColumns, encodeCursor, invalid, orderByClause, type OrderPageQuery } from './order-query.js';

export type { OrderPageQuery } from './order-query.js';

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

/** Opens the store, applies the migrations not yet applied and brings derived columns up to date. */
export async function openStore(options: OpenStoreOptions = {}): Promise<OrderStore> {
  const db = await openDb(options);
  await migrate(db);
  await rederive(db);
  return createStore(db);
}

function parseOrder(order: unknown): Order {
  const r = OrderSchema.safeParse(order);
  if (!r.success) {
    const issue = r.error.issues[0]!;
    throw invalid(issue.path.join('.'), issue.message);
  }
  return r.data;
}

/** What the free-text search matches against, folded: the SDK's `orderSearchText`. */
export const searchTextOf = orderSearchText;

/** Bumped when a derived column's definition changes: `openStore` recomputes older rows. */
const DERIVED_VERSION = 1;

/** The Order Management order has no gender field; the title the checkout asked for gives it. */
const GENDER_OF_TITLE: Readonly<Record<string, string>> = {
  mr: 'male', herr: 'male', hr: 'male', herra: 'male', sir: 'male',
  mrs: 'female', ms: 'female', miss: 'female', fru: 'female', fröken: 'female', frau: 'female', fr: 'female', rouva: 'female', neiti: 'female',
};

/** The columns the store derives from an order body, in the order of `DERIVED`. */
function derivedColumns(order: Order): unknown[] {
  const billing = order.billing_address;
  const shipping = order.shipping_address;
  const email = customerEmail(order).toLowerCase();
  const dob = order.customer?.date_of_birth;
  const title = (billing?.title ?? shipping?.title ?? '').trim().toLowerCase().replace(/\.$/, '');
  const city = (shipping?.city ?? billing?.city ?? '').trim().replace(/\s+/g, ' ');
  return [
    order.status,
    order.created_at,
    order.expires_at,
    order.purchase_country.toUpperCase(),
    order.purchase_currency.toUpperCase(),
    order.order_amount,
    // What Kustom says was captured and refunded (the order's own totals).
    order.captured_amount,
    order.refunded_amount,
    order.remaining_authorized_amount,
    order.initial_payment_method?.type ?? null,
    email || null,
    orderSearchText(order),
    // The customer the insights count: the e-mail address when the order has one.
    email || null,
    dob && /^\d{4}-\d{2}-\d{2}$/.test(dob) && !Number.isNaN(Date.parse(dob)) ? dob : null,
    GENDER_OF_TITLE[title] ?? null,
    city || null,
    JSON.stringify(summaryOf(order)),
    DERIVED_VERSION,
  ];
}

const DERIVED = `status, created_at, expires_at, purchase_country, purchase_currency, order_amount, captured_amount, refunded_amount,
  remaining_authorized_amount, payment_method, email, search_text, customer_key, birth_date, gender, city, summary, derived_version`;

/** Recomputes the derived columns of rows written by an older version of the store, in batches. */
async function rederive(db: Db): Promise<void> {
  for (;;) {
    const rows = await db.query<{ merchant_id: string; order_id: string; body: Order }>(
      'SELECT merchant_id, order_id, body FROM orders WHERE derived_version < $1 LIMIT 500',
      [DERIVED_VERSION],
    );
    if (rows.length === 0) return;
    await db.transaction(async (tx) => {
      for (const r of rows) {
        const cols = derivedColumns(parseOrder(r.body));
        await tx.query(
          `UPDATE orders SET (${DERIVED}) = (${cols.map((_, i) => `$${i + 3}`).join(', ')}) WHERE merchant_id = $1 AND order_id = $2`,
          [r.merchant_id, r.order_id, ...cols],
        );
      }
    });
  }
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
      const cols = derivedColumns(order);
      const names = DERIVED.split(',').map((c) => c.trim());
      const rows = await tx.query<{ order_id: string }>(
        `INSERT INTO orders (merchant_id, order_id, ${DERIVED}, body)
         VALUES ($1, $2, ${cols.map((_, i) => `$${i + 3}`).join(', ')}, $${cols.length + 3})
         ON CONFLICT (merchant_id, order_id) DO UPDATE SET
           ${names.filter((n) => n !== 'created_at').map((n) => `${n} = EXCLUDED.${n}`).join(', ')},
           body = EXCLUDED.body, version = orders.version + 1, updated_at = now()
         WHERE orders.body IS DISTINCT FROM EXCLUDED.body OR orders.derived_version IS DISTINCT FROM EXCLUDED.derived_version
         RETURNING order_id`,
        [merchantId, order.order_id, ...cols, JSON.stringify(order)],
      );
      return rows.length > 0;
    },
    async getOrder(merchantId, orderId) {
      const rows = await db.query<{ body: Order }>('SELECT body FROM orders WHERE merchant_id = $1 AND order_id = $2', [merchantId, orderId]);
      return rows[0]?.body;
    },
    async listOrders(query) {
      const q = compileOrderQuery(query);
      const params = [...q.params, q.limit + 1, q.offset];
      const rows = await db.query<Record<string, unknown> & { body: Order }>(
        `SELECT body, ${cursorColumns(q)} FROM orders WHERE ${q.where.join(' AND ')}
         ORDER BY ${orderByClause(q.keys)} LIMIT $${params.length - 1} OFFSET $${params.length}`,
        params,
      );
      const page = rows.slice(0, q.limit);
      const last = page[page.length - 1];
      return { orders: page.map((r) => r.body), next: rows.length > q.limit && last ? encodeCursor(q, last) : null };
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
