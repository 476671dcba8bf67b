/**
 * A million realistic Order Management orders, made inside the database with
 * `generate_series` (no round trip per order): two years of orders in SEK, EUR and
 * NOK, 60 000 customers (about 17 orders each), every status, two order lines, the
 * customer's date of birth and title on most. The derived columns are computed in the
 * same statement exactly as `upsertOrder` computes them (the bench checks a sample
 * against `orderSearchText`).
 */
import type { Db } from '../src/server.js';
import { MIGRATIONS } from '../src/server.js';

const GIVEN = ['Anna', 'Erik', 'Maria', 'Lars', 'Karin', 'Johan', 'Eva', 'Anders', 'Sara', 'Per', 'Emma', 'Nils', 'Aino', 'Mikko', 'Liisa', 'Juha', 'Ingrid', 'Ole', 'Kari', 'Sofie', 'Lena', 'Olof', 'Hanna', 'Jonas', 'Elin', 'Mats', 'Ida', 'Tomas', 'Linnea', 'Henrik', 'Maja', 'Oskar', 'Frida', 'Viktor', 'Alva', 'Axel', 'Astrid', 'Hugo', 'Selma', 'Leo'];
const FAMILY = ['Svensson', 'Johansson', 'Karlsson', 'Nilsson', 'Eriksson', 'Larsson', 'Olsson', 'Persson', 'Andersson', 'Virtanen', 'Korhonen', 'Nieminen', 'Hansen', 'Olsen', 'Berg', 'Lindqvist', 'Lundberg', 'Holm', 'Bergström', 'Sandberg', 'Lind', 'Ek', 'Wallin', 'Dahl', 'Sjöberg', 'Forsberg', 'Engström', 'Hedlund', 'Strand', 'Nyberg'];
const PRODUCTS = ['Blue mug', 'Tea pot', 'Linen towel', 'Wool blanket', 'Oak cutting board', 'Glass vase', 'Candle holder', 'Ceramic bowl', 'Coffee grinder', 'Table lamp'];
const CITIES = ['Stockholm', 'Göteborg', 'Malmö', 'Uppsala', 'Helsinki', 'Espoo', 'Tampere', 'Oslo', 'Bergen', 'Berlin', 'Hamburg', 'Umeå'];
export const CUSTOMERS = 60_000;
export const START = Date.UTC(2025, 0, 1);
export const SPAN_MS = 2 * 365 * 86_400_000;

const arr = (xs: readonly string[]) => `(ARRAY[${xs.map((x) => `'${x}'`).join(',')}])`;
export const names = { GIVEN, FAMILY, PRODUCTS, CITIES };

/** The customer number `c`'s given name, family name and e-mail, as the SQL makes them. */
export function customer(c: number): { given: string; family: string; email: string } {
  const given = GIVEN[c % GIVEN.length]!;
  const family = FAMILY[Math.floor(c / GIVEN.length) % FAMILY.length]!;
  return { given, family, email: `${ascii(given)}.${ascii(family)}${c}@example.com` };
}
const ascii = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();

/** Inserts orders `from`..`to` (inclusive) of merchant `m`. */
export async function insertOrders(db: Db, merchantId: string, from: number, to: number, total: number): Promise<void> {
  const g = GIVEN.length;
  await db.query(
    `INSERT INTO orders (merchant_id, order_id, status, created_at, expires_at, purchase_country, purchase_currency, order_amount,
       captured_amount, refunded_amount, remaining_authorized_amount, payment_method, email, search_text, customer_key, birth_date, gender, city,
       derived_version, body, summary)
     SELECT w.*, w.body - $4::text[] FROM (SELECT $1, v.order_id, v.status, v.created_at, v.created_at + interval '28 days', v.country, v.currency, v.amount,
       v.captured, v.refunded, v.remaining, v.method, v.email,
       -- orderSearchText: id, references, billing and shipping names and e-mail, product names; folded.
       lower(translate(concat_ws(E'\\n', v.order_id, v.ref1, v.kref, v.given, v.family, v.email, v.given, v.family, v.email, v.product, 'Shipping'), 'åäöÅÄÖ', 'aaoAAO')),
       v.email, v.dob::date, CASE v.title WHEN 'Mr' THEN 'male' WHEN 'Mrs' THEN 'female' END, v.city, 1,
       jsonb_strip_nulls(jsonb_build_object(
         'order_id', v.order_id, 'klarna_reference', v.kref, 'merchant_reference1', v.ref1, 'status', v.status, 'fraud_status', 'ACCEPTED',
         'order_amount', v.amount, 'original_order_amount', v.amount, 'captured_amount', v.captured, 'refunded_amount', v.refunded,
         'remaining_authorized_amount', v.remaining, 'purchase_country', v.country, 'purchase_currency', v.currency, 'locale', v.locale,
         'created_at', to_char(v.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
         'expires_at', to_char((v.created_at + interval '28 days') AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
         'order_lines', jsonb_build_array(
           jsonb_build_object('type', 'physical', 'reference', 'SKU-' || v.p, 'name', v.product, 'quantity', v.qty, 'quantity_unit', 'pcs',
             'unit_price', v.unit, 'tax_rate', 2500, 'total_amount', v.unit * v.qty, 'total_discount_amount', 0, 'total_tax_amount', (v.unit * v.qty) / 5),
           jsonb_build_object('type', 'shipping_fee', 'reference', 'SHIP', 'name', 'Shipping', 'quantity', 1, 'unit_price', 4900, 'tax_rate', 2500,
             'total_amount', 4900, 'total_discount_amount', 0, 'total_tax_amount', 980)),
         'captures', CASE WHEN v.captured > 0 THEN jsonb_build_array(jsonb_build_object('capture_id', 'cap-' || v.order_id, 'captured_amount', v.captured,
             'captured_at', to_char((v.created_at + interval '1 day') AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'order_lines', '[]'::jsonb)) ELSE '[]'::jsonb END,
         'refunds', CASE WHEN v.refunded > 0 THEN jsonb_build_array(jsonb_build_object('refund_id', 'ref-' || v.order_id, 'refunded_amount', v.refunded,
             'refunded_at', to_char((v.created_at + interval '9 days') AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))) ELSE '[]'::jsonb END,
         'initial_payment_method', jsonb_build_object('type', v.method, 'description', initcap(replace(v.method, '_', ' '))),
         'selected_shipping_option', jsonb_build_object('id', 'postnord', 'name', 'PostNord', 'price', 4900, 'tax_amount', 980, 'tax_rate', 2500),
         'billing_address', jsonb_build_object('title', v.title, 'given_name', v.given, 'family_name', v.family, 'email', v.email, 'phone', '+46701234567',
           'street_address', 'Storgatan ' || (v.c % 90 + 1), 'postal_code', lpad((11000 + v.c % 8000)::text, 5, '0'), 'city', v.city, 'country', v.country),
         'shipping_address', jsonb_build_object('title', v.title, 'given_name', v.given, 'family_name', v.family, 'email', v.email, 'phone', '+46701234567',
           'street_address', 'Storgatan ' || (v.c % 90 + 1), 'postal_code', lpad((11000 + v.c % 8000)::text, 5, '0'), 'city', v.city, 'country', v.country),
         'customer', CASE WHEN v.dob IS NULL THEN NULL ELSE jsonb_build_object('date_of_birth', v.dob) END
       )) AS body
     FROM generate_series($2::int, $3::int) AS i
     CROSS JOIN LATERAL (SELECT (i::bigint * 7919) % ${CUSTOMERS} AS c, (i * 31) % 100 AS s, i % 10 AS k, (i * 17) % 200 AS pr) a
     CROSS JOIN LATERAL (
       SELECT 'ord-' || lpad(i::text, 8, '0') AS order_id, 'K' || md5(i::text) AS kref, 'SHOP-' || (100000 + i) AS ref1,
         ${arr(GIVEN)}[1 + a.c % ${g}] AS given, ${arr(FAMILY)}[1 + (a.c / ${g}) % ${FAMILY.length}] AS family,
         ${arr(CITIES)}[1 + a.c % ${CITIES.length}] AS city,
         timestamptz '${new Date(START).toISOString()}' + make_interval(secs => (i::float8 * ${SPAN_MS / 1000}) / ${total}) AS created_at,
         CASE WHEN a.s < 45 THEN 'CAPTURED' WHEN a.s < 70 THEN 'AUTHORIZED' WHEN a.s < 80 THEN 'PART_CAPTURED' WHEN a.s < 88 THEN 'CANCELLED' WHEN a.s < 93 THEN 'EXPIRED' ELSE 'CLOSED' END AS status,
         CASE WHEN a.k < 5 THEN 'SE' WHEN a.k < 7 THEN 'FI' WHEN a.k < 8 THEN 'DE' ELSE 'NO' END AS country,
         CASE WHEN a.k < 5 THEN 'SEK' WHEN a.k < 8 THEN 'EUR' ELSE 'NOK' END AS currency,
         CASE WHEN a.k < 5 THEN 'sv-SE' WHEN a.k < 7 THEN 'fi-FI' WHEN a.k < 8 THEN 'de-DE' ELSE 'nb-NO' END AS locale,
         (ARRAY['INVOICE','CARD','PAY_LATER_IN_PARTS','DIRECT_DEBIT'])[1 + i % 4] AS method,
         1 + (i % 3) AS qty, 1000 * (1 + a.pr) AS unit, a.pr % ${PRODUCTS.length} AS p, ${arr(PRODUCTS)}[1 + a.pr % ${PRODUCTS.length}] AS product,
         CASE WHEN i % 5 = 0 THEN NULL ELSE (1950 + a.c % 55)::text || '-' || lpad((1 + a.c % 12)::text, 2, '0') || '-' || lpad((1 + a.c % 28)::text, 2, '0') END AS dob,
         CASE WHEN i % 3 = 0 THEN NULL WHEN a.c % 2 = 0 THEN 'Mr' ELSE 'Mrs' END AS title,
         a.c
     ) b
     CROSS JOIN LATERAL (SELECT b.*, lower(translate(b.given || '.' || b.family, 'åäöÅÄÖ', 'aaoAAO')) || b.c || '@example.com' AS email,
         1000 * (1 + a.pr) * (1 + (i % 3)) + 4900 AS amount) v0
     CROSS JOIN LATERAL (SELECT v0.*,
         CASE WHEN v0.status IN ('CAPTURED', 'CLOSED') THEN v0.amount WHEN v0.status = 'PART_CAPTURED' THEN v0.unit * v0.qty ELSE 0 END AS captured,
         CASE WHEN v0.status = 'CLOSED' THEN v0.amount ELSE 0 END AS refunded,
         CASE WHEN v0.status = 'AUTHORIZED' THEN v0.amount WHEN v0.status = 'PART_CAPTURED' THEN 4900 ELSE 0 END AS remaining) v) w`,
    // The summary is the body without what no export column reads (as summaryOf makes it).
    [merchantId, from, to, ['locale', 'order_lines', 'captures', 'refunds', 'customer']],
  );
}

/** The orders table's secondary indexes (from the migrations), to drop before a bulk load and build after it. */
export function orderIndexes(): { name: string; sql: string }[] {
  const out: { name: string; sql: string }[] = [];
  for (const m of MIGRATIONS) {
    for (const stmt of m.sql.replace(/--.*$/gm, '').split(';')) {
      const match = /CREATE\s+(?:UNIQUE\s+)?INDEX\s+(\w+)\s+ON\s+orders\b/i.exec(stmt);
      if (match) out.push({ name: match[1]!, sql: stmt.trim() });
    }
  }
  // Indexes a later migration dropped are not built.
  const dropped = new Set(MIGRATIONS.flatMap((m) => [...m.sql.matchAll(/DROP INDEX IF EXISTS (\w+)/g)].map((x) => x[1]!)));
  return out.filter((i) => !dropped.has(i.name));
}
