/**
 * Versioned SQL migrations, applied in order at start. Each runs once (recorded in
 * `schema_migrations`), inside one transaction, under an advisory lock so two app
 * instances starting at once apply it once between them.
 */
import type { Db } from './db.js';

export const MIGRATIONS: readonly { version: number; name: string; sql: string }[] = [
  {
    version: 1,
    name: 'orders, audit, users',
    sql: `
CREATE TABLE orders (
  merchant_id text NOT NULL,
  order_id text NOT NULL,
  status text NOT NULL,
  created_at timestamptz NOT NULL,
  expires_at timestamptz,
  purchase_country text,
  purchase_currency text NOT NULL,
  order_amount bigint NOT NULL,
  captured_amount bigint NOT NULL DEFAULT 0,
  refunded_amount bigint NOT NULL DEFAULT 0,
  payment_method text,
  email text,
  search_text text NOT NULL DEFAULT '',
  body jsonb NOT NULL,
  version integer NOT NULL DEFAULT 1,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (merchant_id, order_id)
);
CREATE INDEX orders_created ON orders (merchant_id, created_at DESC, order_id DESC);
CREATE INDEX orders_status_created ON orders (merchant_id, status, created_at DESC, order_id DESC);
CREATE TABLE audit_log (
  id bigserial PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  merchant_id text NOT NULL,
  order_id text,
  actor text NOT NULL,
  action text NOT NULL,
  request jsonb,
  idempotency_key text,
  response jsonb
);
CREATE INDEX audit_order ON audit_log (merchant_id, order_id, id);
CREATE UNIQUE INDEX audit_idempotency ON audit_log (merchant_id, idempotency_key) WHERE idempotency_key IS NOT NULL;
CREATE TABLE users (
  id text PRIMARY KEY,
  email text NOT NULL UNIQUE,
  name text NOT NULL,
  role text NOT NULL,
  external boolean NOT NULL DEFAULT false,
  expires_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE store_access (
  user_id text NOT NULL REFERENCES users(id),
  merchant_id text NOT NULL,
  PRIMARY KEY (user_id, merchant_id)
);
CREATE TABLE notification_preferences (
  user_id text NOT NULL REFERENCES users(id),
  merchant_id text NOT NULL,
  kind text NOT NULL,
  home boolean NOT NULL DEFAULT true,
  email boolean NOT NULL DEFAULT false,
  PRIMARY KEY (user_id, merchant_id, kind)
);
-- Users are never deleted (the portal's rule).
CREATE FUNCTION refuse_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN RAISE EXCEPTION '% rows are never deleted', TG_TABLE_NAME; END $$;
CREATE TRIGGER users_never_deleted BEFORE DELETE ON users FOR EACH ROW EXECUTE FUNCTION refuse_delete();
-- The audit log is append-only.
CREATE FUNCTION refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN RAISE EXCEPTION '% is append-only', TG_TABLE_NAME; END $$;
CREATE TRIGGER audit_append_only BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION refuse_change();
`,
  },
  {
    version: 2,
    name: 'intake, actions, sessions, notifications',
    sql: `
-- When each stored order was read from Kustom: an older read never overwrites a newer one.
CREATE TABLE order_reads (
  merchant_id text NOT NULL,
  order_id text NOT NULL,
  read_at timestamptz NOT NULL,
  PRIMARY KEY (merchant_id, order_id)
);
-- One action in flight per order: a second user acting at once gets a conflict.
CREATE TABLE action_claims (
  merchant_id text NOT NULL,
  order_id text NOT NULL,
  idempotency_key text NOT NULL,
  actor text NOT NULL,
  action text NOT NULL,
  request jsonb NOT NULL,
  claimed_at timestamptz NOT NULL,
  PRIMARY KEY (merchant_id, order_id)
);
CREATE TABLE store_settings (
  merchant_id text PRIMARY KEY,
  logo text,
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE sessions (
  id_hash text PRIMARY KEY,
  user_id text NOT NULL REFERENCES users(id),
  csrf_secret text NOT NULL,
  created_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  rotated_at timestamptz,
  revoked_at timestamptz
);
CREATE INDEX sessions_user ON sessions (user_id);
CREATE TABLE magic_links (
  token_hash text PRIMARY KEY,
  user_id text NOT NULL REFERENCES users(id),
  expires_at timestamptz NOT NULL,
  used_at timestamptz
);
CREATE TABLE rate_limits (
  key text NOT NULL,
  window_start timestamptz NOT NULL,
  count integer NOT NULL,
  PRIMARY KEY (key, window_start)
);
CREATE TABLE notices (
  id bigserial PRIMARY KEY,
  user_id text NOT NULL REFERENCES users(id),
  merchant_id text NOT NULL,
  kind text NOT NULL,
  dedupe_key text NOT NULL,
  title text NOT NULL,
  data jsonb,
  created_at timestamptz NOT NULL,
  read_at timestamptz,
  UNIQUE (user_id, merchant_id, kind, dedupe_key)
);
CREATE INDEX notices_user ON notices (user_id, merchant_id, id DESC);
CREATE TABLE outbox (
  id bigserial PRIMARY KEY,
  user_id text NOT NULL REFERENCES users(id),
  merchant_id text NOT NULL,
  kind text NOT NULL,
  dedupe_key text NOT NULL,
  recipient text NOT NULL,
  subject text NOT NULL,
  text text NOT NULL,
  attempts integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL,
  sent_at timestamptz,
  last_error text,
  created_at timestamptz NOT NULL,
  UNIQUE (user_id, merchant_id, kind, dedupe_key)
);
CREATE INDEX outbox_due ON outbox (next_attempt_at) WHERE sent_at IS NULL;
CREATE INDEX orders_open_expiry ON orders (merchant_id, expires_at) WHERE status IN ('AUTHORIZED', 'PART_CAPTURED');
`,
  },
  {
    // Version 2 belongs to the intake and actions (written alongside); this one only
    // touches the orders table's query columns and indexes, so either applies without the other.
    version: 3,
    name: 'orders page, export and insights: derived columns and indexes',
    sql: `
CREATE EXTENSION IF NOT EXISTS pg_trgm;
ALTER TABLE orders
  ADD COLUMN remaining_authorized_amount bigint NOT NULL DEFAULT 0,
  ADD COLUMN customer_key text,
  ADD COLUMN birth_date date,
  ADD COLUMN gender text,
  ADD COLUMN city text,
  -- The fields the export columns read (addresses, references, amounts): small, kept out of the
  -- compressed body so an export of every order never decompresses one.
  ADD COLUMN summary jsonb,
  ADD COLUMN derived_version smallint NOT NULL DEFAULT 0;
-- Rows written before this version get their derived columns recomputed at start (openStore).
DROP INDEX IF EXISTS orders_created;
DROP INDEX IF EXISTS orders_status_created;
-- One index per sort of the orders page; the tie-break is order_id in code-point order. Codes
-- (status, currency, country) keep the database's collation, so an equality filter on them uses the index.
-- Newest first, and everything Insights sums (an index-only scan over a period).
CREATE INDEX orders_by_created ON orders (merchant_id, created_at, order_id COLLATE "C")
  INCLUDE (status, purchase_currency, purchase_country, payment_method, captured_amount, refunded_amount, remaining_authorized_amount,
    customer_key, birth_date, gender, city);
CREATE INDEX orders_by_expires ON orders (merchant_id, expires_at, order_id COLLATE "C");
CREATE INDEX orders_by_status ON orders (merchant_id, status, order_id COLLATE "C");
CREATE INDEX orders_by_status_created ON orders (merchant_id, status, created_at, order_id COLLATE "C");
CREATE INDEX orders_by_amount ON orders (merchant_id, purchase_currency, order_amount, order_id COLLATE "C");
CREATE INDEX orders_by_country ON orders (merchant_id, purchase_country, order_id COLLATE "C");
CREATE INDEX orders_by_customer ON orders (merchant_id, customer_key, created_at) INCLUDE (status, captured_amount) WHERE customer_key IS NOT NULL;
-- Free text: every word is a substring test (LIKE '%word%') that a trigram index answers.
CREATE INDEX orders_search_trgm ON orders USING gin (search_text gin_trgm_ops);
`,
  },
];

/** Arbitrary constant: the advisory-lock key of the migrations. */
const MIGRATION_LOCK = 7_310_411;

/** Applies the migrations not yet applied; returns the versions it applied. */
export async function migrate(db: Db): Promise<number[]> {
  return db.withLock(MIGRATION_LOCK, async (tx) => {
    await tx.query(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())',
    );
    const done = new Set(
      (await tx.query<{ version: number }>('SELECT version FROM schema_migrations')).map((r) => r.version),
    );
    const applied: number[] = [];
    for (const m of MIGRATIONS) {
      if (done.has(m.version)) continue;
      await tx.exec(m.sql);
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
      applied.push(m.version);
    }
    return applied;
  });
}
