/**
 * The order actions of the back office: capture, refund, cancel, release, extend,
 * edit (update authorization), shipping info, merchant references, customer details.
 *
 * Each one:
 * 1. validates its input (zod; a `KustomValidationError` names the field) and plans the
 *    Kustom body with the SDK's planners on the stored order;
 * 2. claims the order (one action in flight per order: a second user acting at once
 *    gets a `BackOfficeConflictError`, 409 `ORDER_BUSY`; with `expectedVersion`, an order
 *    that changed since the caller read it is 409 `ORDER_CHANGED`);
 * 3. calls Kustom with the idempotency key (the caller's `Idempotency-Key`, or a new one);
 * 4. re-reads the order and stores it in ONE transaction with its audit entry (who,
 *    when, which store, what was asked, the key, what Kustom answered), and frees the claim.
 *
 * Kustom refusing (4xx) frees the claim and records nothing. Kustom not answering for
 * sure (5xx or a dropped connection after the SDK's own retries) is a
 * `BackOfficePendingError` (503): nothing is recorded, the claim stays with that key,
 * and the same request again with the same key (or `resume()`) finishes it: Kustom
 * answers a repeated key with its first answer, so money moves once and the audit
 * entry is written once.
 */
import { randomUUID } from 'node:crypto';
import * as z from 'zod';
import {
  isKustomApiError,
  isKustomConnectionError,
  ORDER_ACTIONS,
  orderActions,
  planCapture,
  planEdit,
  planRefund,
  type KustomApiError,
  type KustomClient,
  type KustomStores,
  type Order,
  type OrderAction,
} from '@kustom/sdk';
import { AddShippingInfoRequest, UpdateCustomerDetailsRequest, UpdateMerchantReferencesRequest } from '@kustom/sdk/schemas';
import { BackOfficeConflictError, BackOfficeNotFoundError, BackOfficePendingError, invalidField } from './errors.js';
import { storeOrderRead } from './intake.js';
import type { AuditEntry, OrderStore, User } from './store.js';
import { parseInput } from './validate.js';

/** The SDK's drawer actions (`ORDER_ACTIONS`) in the handler's snake_case, and merchant references. */
export const ORDER_ACTION_NAMES = [
  ...(ORDER_ACTIONS.filter((a) => !/[A-Z]/.test(a)) as Exclude<OrderAction, 'updateCustomerDetails' | 'addShippingInfo'>[]),
  'shipping_info',
  'merchant_references',
  'customer_details',
] as const;
export type OrderActionName = (typeof ORDER_ACTION_NAMES)[number];

const planLine = z.object({ reference: z.string().min(1), quantity: z.number().int().positive() });
const common = { description: z.string().max(255).optional(), reference: z.string().max(255).optional() };
const movement = <T extends z.ZodRawShape>(extra: T) =>
  z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('full'), ...common, ...extra }),
    z.object({ kind: z.literal('lines'), lines: z.array(planLine).min(1).max(1000), ...common, ...extra }),
    z.object({ kind: z.literal('amount'), amount: z.number().int().positive(), tax_rate: z.number().int().min(0).max(10_000), ...common, description: z.string().min(1).max(255), ...extra }),
  ]);
const nothing = z.object({}).optional().transform(() => ({}));

/** The JSON body each action takes. */
export const ACTION_INPUTS = {
  capture: movement({ shipping_info: z.array(z.record(z.string(), z.unknown())).max(500).optional() }),
  refund: movement({ return_fee: z.object({ amount: z.number().int().positive(), tax_rate: z.number().int().min(0).max(10_000) }).loose().optional() }),
  cancel: nothing,
  release: nothing,
  extend: nothing,
  edit: z.object({ order_lines: z.array(z.record(z.string(), z.unknown())).min(1).max(1000), description: z.string().max(255).optional() }),
  shipping_info: z.object({ capture_id: z.string().min(1).optional(), shipping_info: z.array(z.unknown()).min(1).max(500) }),
  merchant_references: z.object({ merchant_reference1: z.string().max(255).optional(), merchant_reference2: z.string().max(255).optional() }),
  customer_details: z.object({ shipping_address: z.record(z.string(), z.unknown()) }),
} satisfies Record<OrderActionName, z.ZodType>;

export interface ActRequest {
  merchantId: string;
  user: Pick<User, 'id' | 'email'>;
  orderId: string;
  action: string;
  input: unknown;
  /** 1–255 characters; the same key again returns the first outcome and moves nothing. */
  idempotencyKey?: string | undefined;
  /** The `version` the caller last saw; a different stored version is 409 `ORDER_CHANGED`. */
  expectedVersion?: number | undefined;
}

export interface ActResult {
  order: Order | undefined;
  version: number | undefined;
  audit: AuditEntry;
  /** `true` when this key had already done the action: nothing was sent again. */
  replayed: boolean;
}

export interface ActionsOptions {
  store: OrderStore;
  stores: KustomStores;
  /** The time plans are made at (the sandbox's clock in a demo). @default () => new Date() */
  now?: (() => Date) | undefined;
  /** A claim older than this (ms) is given up (its process died). @default 300000 */
  claimTtlMs?: number | undefined;
}

export interface Actions {
  act(request: ActRequest): Promise<ActResult>;
  /** Finishes the actions left pending by a Kustom failure (claims older than `olderThanMs`), each with its own key. */
  resume(options?: { olderThanMs?: number }): Promise<{ done: number; refused: number; pending: number }>;
}

interface Planned {
  /** What is sent to Kustom. */
  body: unknown;
  input: unknown;
}

interface Claim {
  merchant_id: string;
  order_id: string;
  idempotency_key: string;
  actor: string;
  action: OrderActionName;
  request: Planned;
}

const KEY = /^[\x21-\x7e]{1,255}$/;

function plan(action: OrderActionName, order: Order, input: unknown, now: Date): Planned {
  switch (action) {
    case 'capture': {
      const spec = parseInput(ACTION_INPUTS.capture, input);
      return { input: spec, body: planCapture(order, spec as Parameters<typeof planCapture>[1], { now }) };
    }
    case 'refund': {
      const spec = parseInput(ACTION_INPUTS.refund, input);
      return { input: spec, body: planRefund(order, spec as Parameters<typeof planRefund>[1], { now }) };
    }
    case 'edit': {
      const e = parseInput(ACTION_INPUTS.edit, input);
      return { input: e, body: planEdit(order, e.order_lines as unknown as Parameters<typeof planEdit>[1], { now, description: e.description }) };
    }
    case 'shipping_info': {
      const s = parseInput(ACTION_INPUTS.shipping_info, input);
      const body = parseInput(AddShippingInfoRequest, { shipping_info: s.shipping_info });
      if (s.capture_id && !(order.captures ?? []).some((c) => c.capture_id === s.capture_id)) throw invalidField('capture_id', 'is not a capture of this order');
      return { input: s, body: { ...body, ...(s.capture_id ? { capture_id: s.capture_id } : {}) } };
    }
    case 'merchant_references': {
      const r = parseInput(ACTION_INPUTS.merchant_references, input);
      if (r.merchant_reference1 === undefined && r.merchant_reference2 === undefined) throw invalidField('merchant_reference1', 'give merchant_reference1, merchant_reference2 or both');
      return { input: r, body: parseInput(UpdateMerchantReferencesRequest, r) };
    }
    case 'customer_details': {
      const c = parseInput(ACTION_INPUTS.customer_details, input);
      return { input: c, body: parseInput(UpdateCustomerDetailsRequest, c) };
    }
    default: {
      const parsed = parseInput(ACTION_INPUTS[action], input);
      // Cancel, release and extend carry no body: the SDK's rules (the portal's status table) decide first; Kustom still has the last word.
      const state = orderActions(order, { now })[action];
      if (!state.allowed) throw new BackOfficeConflictError(state.message ?? `${state.label} is not allowed.`, { code: 'ACTION_NOT_ALLOWED' });
      return { input: parsed, body: null };
    }
  }
}

async function send(kustom: KustomClient, action: OrderActionName, orderId: string, body: unknown, idempotencyKey: string): Promise<Record<string, unknown>> {
  const o = { idempotencyKey };
  const b = body as never;
  switch (action) {
    case 'capture': {
      const r = await kustom.orders.capture(orderId, b, o);
      return { capture_id: r.capture_id };
    }
    case 'refund': {
      const r = await kustom.orders.refund(orderId, b, o);
      return { refund_id: r.refund_id };
    }
    case 'cancel':
      await kustom.orders.cancel(orderId, o);
      break;
    case 'release':
      await kustom.orders.releaseRemainingAuthorization(orderId, o);
      break;
    case 'extend':
      await kustom.orders.extendAuthorizationTime(orderId, o);
      break;
    case 'edit':
      await kustom.orders.updateAuthorization(orderId, b, o);
      break;
    case 'shipping_info': {
      const { capture_id, ...rest } = body as { capture_id?: string; shipping_info: unknown[] };
      if (capture_id) await kustom.orders.addCaptureShippingInfo(orderId, capture_id, rest as never, o);
      else await kustom.orders.addShippingInfo(orderId, rest as never, o);
      break;
    }
    case 'merchant_references':
      await kustom.orders.updateMerchantReferences(orderId, b, o);
      break;
    case 'customer_details':
      await kustom.orders.updateCustomerDetails(orderId, b, o);
      break;
  }
  return {};
}

const isUnknownOutcome = (e: unknown) => isKustomConnectionError(e) || (isKustomApiError(e) && (e as KustomApiError).status >= 500);

export function createActions(options: ActionsOptions): Actions {
  const { store, stores } = options;
  const db = store.db;
  const now = options.now ?? (() => new Date());
  const claimTtl = options.claimTtlMs ?? 300_000;

  async function stored(merchantId: string, orderId: string): Promise<{ body: Order; version: number } | undefined> {
    const rows = await db.query<{ body: Order; version: number }>('SELECT body, version FROM orders WHERE merchant_id = $1 AND order_id = $2', [merchantId, orderId]);
    return rows[0];
  }

  /** Re-reads the order and stores it (no audit): after a refusal or an unknown outcome, so the store shows Kustom's state. */
  async function refresh(kustom: KustomClient, merchantId: string, orderId: string): Promise<void> {
    const readAt = new Date();
    const order = await kustom.orders.get(orderId).catch(() => undefined);
    if (order) await db.transaction((tx) => storeOrderRead(store, merchantId, order, readAt, tx)).catch(() => undefined);
  }

  async function finish(claim: Claim, kustom: KustomClient): Promise<ActResult> {
    const { merchant_id: merchantId, order_id: orderId, idempotency_key: key, action } = claim;
    let answer: Record<string, unknown>;
    try {
      answer = await send(kustom, action, orderId, claim.request.body, key);
    } catch (error) {
      if (isUnknownOutcome(error)) {
        await refresh(kustom, merchantId, orderId);
        throw new BackOfficePendingError(key, error);
      }
      // Refused: nothing happened. Free the claim, show Kustom's state, record nothing.
      await db.query('DELETE FROM action_claims WHERE merchant_id = $1 AND order_id = $2 AND idempotency_key = $3', [merchantId, orderId, key]);
      if (isKustomApiError(error)) await refresh(kustom, merchantId, orderId);
      throw error;
    }
    const readAt = new Date();
    const order = await kustom.orders.get(orderId).catch(() => undefined);
    try {
      const audit = await db.transaction(async (tx) => {
        if (order) await storeOrderRead(store, merchantId, order, readAt, tx);
        const entry = await store.appendAudit(
          {
            merchantId,
            orderId,
            actor: claim.actor,
            action,
            request: claim.request,
            idempotencyKey: key,
            response: { ok: true, ...answer, ...(order ? { status: order.status } : { reread: 'failed; the next sync stores the order' }) },
          },
          tx,
        );
        await tx.query('DELETE FROM action_claims WHERE merchant_id = $1 AND order_id = $2 AND idempotency_key = $3', [merchantId, orderId, key]);
        return entry;
      });
      const s = await stored(merchantId, orderId);
      return { order: s?.body, version: s?.version, audit, replayed: false };
    } catch (error) {
      // The same key finished by a concurrent request: its entry is the outcome.
      const done = await store.findAuditByKey(merchantId, key);
      if (done) {
        const s = await stored(merchantId, orderId);
        return { order: s?.body, version: s?.version, audit: done, replayed: true };
      }
      throw error;
    }
  }

  async function act(req: ActRequest): Promise<ActResult> {
    if (!(ORDER_ACTION_NAMES as readonly string[]).includes(req.action)) throw invalidField('action', `must be one of ${ORDER_ACTION_NAMES.join(', ')}`);
    const action = req.action as OrderActionName;
    if (!stores.has(req.merchantId)) throw invalidField('store', 'is not a configured store');
    const key = req.idempotencyKey ?? randomUUID();
    if (!KEY.test(key)) throw invalidField('idempotency_key', 'must be 1–255 printable ASCII characters');
    if (req.expectedVersion !== undefined && !Number.isSafeInteger(req.expectedVersion)) throw invalidField('version', 'must be an integer');
    const kustom = stores.get(req.merchantId);

    const done = await store.findAuditByKey(req.merchantId, key);
    if (done) {
      if (done.orderId !== req.orderId || done.action !== action) {
        throw new BackOfficeConflictError('This Idempotency-Key was used for another action.', { code: 'IDEMPOTENCY_KEY_REUSED', field: 'idempotency_key' });
      }
      const s = await stored(req.merchantId, req.orderId);
      return { order: s?.body, version: s?.version, audit: done, replayed: true };
    }
    const current = await stored(req.merchantId, req.orderId);
    if (!current) throw new BackOfficeNotFoundError(`No order ${req.orderId} in this store.`, 'order_id');

    const pending = (
      await db.query<Claim>('SELECT * FROM action_claims WHERE merchant_id = $1 AND order_id = $2 AND idempotency_key = $3', [req.merchantId, req.orderId, key])
    )[0];
    if (pending) {
      if (pending.action !== action) throw new BackOfficeConflictError('This Idempotency-Key was used for another action.', { code: 'IDEMPOTENCY_KEY_REUSED', field: 'idempotency_key' });
      // A retry of an action Kustom did not confirm: send exactly what was sent then.
      return finish(pending, kustom);
    }

    const changed = () => new BackOfficeConflictError('The order changed since you read it; reload it and try again.', { code: 'ORDER_CHANGED', field: 'version' });
    if (req.expectedVersion !== undefined && current.version !== req.expectedVersion) throw changed();
    const planned = plan(action, current.body, req.input, now());
    const claim: Claim = { merchant_id: req.merchantId, order_id: req.orderId, idempotency_key: key, actor: req.user.id, action, request: planned };
    await db.transaction(async (tx) => {
      const row = (await tx.query<{ version: number }>('SELECT version FROM orders WHERE merchant_id = $1 AND order_id = $2 FOR UPDATE', [req.merchantId, req.orderId]))[0];
      if (req.expectedVersion !== undefined && row?.version !== req.expectedVersion) throw changed();
      const at = new Date();
      const claimed = await tx.query(
        `INSERT INTO action_claims (merchant_id, order_id, idempotency_key, actor, action, request, claimed_at) VALUES ($1,$2,$3,$4,$5,$6,$7)
         ON CONFLICT (merchant_id, order_id) DO UPDATE SET idempotency_key = EXCLUDED.idempotency_key, actor = EXCLUDED.actor,
           action = EXCLUDED.action, request = EXCLUDED.request, claimed_at = EXCLUDED.claimed_at
         WHERE action_claims.claimed_at < $8
         RETURNING order_id`,
        [req.merchantId, req.orderId, key, req.user.id, action, JSON.stringify(planned), at.toISOString(), new Date(at.getTime() - claimTtl).toISOString()],
      );
      if (claimed.length === 0) throw new BackOfficeConflictError('Someone else is acting on this order right now; reload it and try again.', { code: 'ORDER_BUSY' });
    });
    return finish(claim, kustom);
  }

  return {
    act,
    async resume(opts = {}) {
      const older = new Date(Date.now() - (opts.olderThanMs ?? 60_000)).toISOString();
      const claims = await db.query<Claim>('SELECT * FROM action_claims WHERE claimed_at < $1 ORDER BY claimed_at', [older]);
      const out = { done: 0, refused: 0, pending: 0 };
      for (const c of claims) {
        if (!stores.has(c.merchant_id)) continue;
        try {
          await finish(c, stores.get(c.merchant_id));
          out.done++;
        } catch (error) {
          if (error instanceof BackOfficePendingError) out.pending++;
          else out.refused++;
        }
      }
      return out;
    },
  };
}
