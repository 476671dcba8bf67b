/**
 * Notifications, as the portal's preferences page has them: per user and per store,
 * each kind to the home page, e-mail or both. A home-page notice is a row; an e-mail
 * is a row in the outbox, written in the same transaction as what caused it, and sent
 * through the `notify` hook by `flush()`, which retries with backoff until the hook
 * succeeds. Nothing is lost when the hook fails.
 */
import * as z from 'zod';
import { can } from './roles.js';
import type { Queryable } from './db.js';
import type { OrderStore, User } from './store.js';
import { invalidField } from './errors.js';
import { parseInput } from './validate.js';

export const NOTIFICATION_KINDS = ['new_order', 'expiring_orders', 'export_ready'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export interface NotificationPreference {
  merchantId: string;
  kind: NotificationKind;
  home: boolean;
  email: boolean;
}

export interface Notice {
  id: number;
  merchantId: string;
  kind: string;
  title: string;
  data: unknown;
  createdAt: string;
  readAt: string | null;
}

export interface EmailMessage {
  to: string;
  subject: string;
  text: string;
  kind: string;
  merchantId: string;
  userId: string;
}

/** Sends one e-mail; a throw (or rejection) means "not sent", and it is tried again later. */
export type NotifyHook = (message: EmailMessage) => Promise<void> | void;

export interface NotificationEvent {
  merchantId: string;
  kind: NotificationKind;
  /** The same event twice (a repeated push) notifies once: unique per user, store and kind. */
  dedupeKey: string;
  title: string;
  text: string;
  data?: unknown;
  /** Only these users (an export is ready for whoever asked); default: everyone who reaches the store and may view orders. */
  userIds?: readonly string[] | undefined;
}

export interface NotificationsOptions {
  store: OrderStore;
  notify?: NotifyHook | undefined;
  /** The time decisions are made at (expiry, notice dates; the sandbox's clock in a demo). @default () => new Date() */
  now?: (() => Date) | undefined;
  /** The clock of the e-mail outbox (when a retry is due): the machine's, not a moved one. @default () => new Date() */
  mailClock?: (() => Date) | undefined;
  /** First retry delay; doubled per attempt, at most one hour. @default 30000 */
  retryDelayMs?: number | undefined;
}

export interface Notifications {
  preferences(user: User): Promise<NotificationPreference[]>;
  setPreferences(user: User, input: unknown): Promise<NotificationPreference[]>;
  /** Records the event's notices and e-mails (in `tx` when given); returns how many of each. */
  emit(event: NotificationEvent, tx?: Queryable): Promise<{ notices: number; emails: number }>;
  notices(user: User, merchantId: string, options?: { unreadOnly?: boolean; limit?: number }): Promise<Notice[]>;
  markRead(user: User, noticeId: number): Promise<boolean>;
  /** Sends the e-mails that are due; failures are retried later. */
  flush(): Promise<{ sent: number; failed: number }>;
  /** Notices for open orders expiring within 3 days (once per order and expiry date). */
  checkExpiring(merchantId: string): Promise<number>;
}

const PreferencesInput = z.object({
  preferences: z
    .array(z.object({ merchantId: z.string().min(1), kind: z.enum(NOTIFICATION_KINDS), home: z.boolean(), email: z.boolean() }))
    .max(500),
});

const iso = (v: unknown): string => (v instanceof Date ? v : new Date(String(v))).toISOString();
const THREE_DAYS = 3 * 24 * 3600 * 1000;

export function createNotifications(options: NotificationsOptions): Notifications {
  const { store } = options;
  const db = store.db;
  const now = options.now ?? (() => new Date());
  const mailNow = options.mailClock ?? (() => new Date());
  const baseDelay = options.retryDelayMs ?? 30_000;

  async function recipients(event: NotificationEvent, tx: Queryable): Promise<{ id: string; email: string; home: boolean; mail: boolean }[]> {
    const rows = await tx.query<{ id: string; email: string; role: string; expires_at: unknown; home: boolean | null; email_pref: boolean | null }>(
      `SELECT u.id, u.email, u.role, u.expires_at, p.home, p.email AS email_pref
         FROM users u JOIN store_access a ON a.user_id = u.id AND a.merchant_id = $1
         LEFT JOIN notification_preferences p ON p.user_id = u.id AND p.merchant_id = $1 AND p.kind = $2
        ORDER BY u.id`,
      [event.merchantId, event.kind],
    );
    const at = now().getTime();
    return rows
      .filter((r) => can(r.role, 'orders:view') && (r.expires_at == null || new Date(iso(r.expires_at)).getTime() > at))
      .filter((r) => !event.userIds || event.userIds.includes(r.id))
      .map((r) => ({ id: r.id, email: r.email, home: r.home ?? true, mail: r.email_pref ?? false }));
  }

  return {
    async preferences(user) {
      const rows = await db.query<{ merchant_id: string; kind: string; home: boolean; email: boolean }>(
        'SELECT merchant_id, kind, home, email FROM notification_preferences WHERE user_id = $1',
        [user.id],
      );
      const saved = new Map(rows.map((r) => [`${r.merchant_id}\u0000${r.kind}`, r]));
      return user.merchantIds.flatMap((merchantId) =>
        NOTIFICATION_KINDS.map((kind) => {
          const r = saved.get(`${merchantId}\u0000${kind}`);
          return { merchantId, kind, home: r?.home ?? true, email: r?.email ?? false };
        }),
      );
    },
    async setPreferences(user, input) {
      const { preferences } = parseInput(PreferencesInput, input);
      preferences.forEach((p, i) => {
        if (!user.merchantIds.includes(p.merchantId)) throw invalidField(`preferences[${i}].merchantId`, `is not a store you reach`);
      });
      await db.transaction(async (tx) => {
        for (const p of preferences) {
          await tx.query(
            `INSERT INTO notification_preferences (user_id, merchant_id, kind, home, email) VALUES ($1,$2,$3,$4,$5)
             ON CONFLICT (user_id, merchant_id, kind) DO UPDATE SET home = EXCLUDED.home, email = EXCLUDED.email`,
            [user.id, p.merchantId, p.kind, p.home, p.email],
          );
        }
      });
      return this.preferences(user);
    },
    async emit(event, tx) {
      const run = async (q: Queryable) => {
        let notices = 0;
        let emails = 0;
        const at = now().toISOString();
        for (const r of await recipients(event, q)) {
          if (r.home) {
            const n = await q.query(
              `INSERT INTO notices (user_id, merchant_id, kind, dedupe_key, title, data, created_at) VALUES ($1,$2,$3,$4,$5,$6,$7)
               ON CONFLICT DO NOTHING RETURNING id`,
              [r.id, event.merchantId, event.kind, event.dedupeKey, event.title, JSON.stringify(event.data ?? null), at],
            );
            notices += n.length;
          }
          if (r.mail) {
            const n = await q.query(
              `INSERT INTO outbox (user_id, merchant_id, kind, dedupe_key, recipient, subject, text, next_attempt_at, created_at)
               VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$8) ON CONFLICT DO NOTHING RETURNING id`,
              [r.id, event.merchantId, event.kind, event.dedupeKey, r.email, event.title, event.text, mailNow().toISOString()],
            );
            emails += n.length;
          }
        }
        return { notices, emails };
      };
      return tx ? run(tx) : db.transaction(run);
    },
    async notices(user, merchantId, opts = {}) {
      const limit = opts.limit ?? 50;
      const rows = await db.query<Record<string, unknown>>(
        `SELECT * FROM notices WHERE user_id = $1 AND merchant_id = $2 ${opts.unreadOnly ? 'AND read_at IS NULL' : ''} ORDER BY id DESC LIMIT $3`,
        [user.id, merchantId, limit],
      );
      return rows.map((r) => ({
        id: Number(r.id),
        merchantId: String(r.merchant_id),
        kind: String(r.kind),
        title: String(r.title),
        data: r.data ?? null,
        createdAt: iso(r.created_at),
        readAt: r.read_at == null ? null : iso(r.read_at),
      }));
    },
    async markRead(user, noticeId) {
      const rows = await db.query('UPDATE notices SET read_at = $3 WHERE id = $1 AND user_id = $2 AND read_at IS NULL RETURNING id', [
        noticeId,
        user.id,
        now().toISOString(),
      ]);
      return rows.length > 0;
    },
    async flush() {
      let sent = 0;
      let failed = 0;
      const at = mailNow();
      // Lease the due rows (another instance skips them) for ten minutes while sending.
      const due = await db.transaction((tx) =>
        tx.query<{ id: number; user_id: string; merchant_id: string; kind: string; recipient: string; subject: string; text: string; attempts: number }>(
          `UPDATE outbox SET next_attempt_at = $2 WHERE id IN (
             SELECT id FROM outbox WHERE sent_at IS NULL AND next_attempt_at <= $1 ORDER BY id LIMIT 100 FOR UPDATE SKIP LOCKED)
           RETURNING id, user_id, merchant_id, kind, recipient, subject, text, attempts`,
          [at.toISOString(), new Date(at.getTime() + 600_000).toISOString()],
        ),
      );
      for (const m of due) {
        try {
          if (!options.notify) throw new Error('no notify hook is configured');
          await options.notify({ to: m.recipient, subject: m.subject, text: m.text, kind: m.kind, merchantId: m.merchant_id, userId: m.user_id });
          await db.query('UPDATE outbox SET sent_at = $2, attempts = attempts + 1, last_error = NULL WHERE id = $1', [m.id, mailNow().toISOString()]);
          sent++;
        } catch (error) {
          const delay = Math.min(baseDelay * 2 ** m.attempts, 3_600_000);
          await db.query('UPDATE outbox SET attempts = attempts + 1, next_attempt_at = $2, last_error = $3 WHERE id = $1', [
            m.id,
            new Date(mailNow().getTime() + delay).toISOString(),
            String((error as Error)?.message ?? error).slice(0, 500),
          ]);
          failed++;
        }
      }
      return { sent, failed };
    },
    async checkExpiring(merchantId) {
      const at = now();
      const rows = await db.query<{ order_id: string; expires_at: unknown }>(
        `SELECT order_id, expires_at FROM orders WHERE merchant_id = $1 AND status IN ('AUTHORIZED', 'PART_CAPTURED')
           AND expires_at > $2 AND expires_at <= $3 ORDER BY expires_at`,
        [merchantId, at.toISOString(), new Date(at.getTime() + THREE_DAYS).toISOString()],
      );
      let count = 0;
      for (const r of rows) {
        const expires = iso(r.expires_at);
        const out = await this.emit({
          merchantId,
          kind: 'expiring_orders',
          dedupeKey: `${r.order_id}@${expires}`,
          title: `Order ${r.order_id} expires ${expires.slice(0, 10)}`,
          text: `The authorization of order ${r.order_id} expires at ${expires}. Capture or extend it before then.`,
          data: { orderId: r.order_id, expiresAt: expires },
        });
        count += out.notices + out.emails;
      }
      return count;
    },
  };
}
