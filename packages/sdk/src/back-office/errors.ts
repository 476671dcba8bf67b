/**
 * Errors the back-office helpers throw besides {@link KustomValidationError}.
 * Each has a literal `name`, like the rest of the hierarchy, and a type guard that
 * also recognises an error thrown by another copy of the SDK.
 */
import { KustomError, KustomValidationError, errorGuard, type KustomValidationIssue } from '../errors.js';
import type { OrderStatus } from '../schemas/index.js';

/** A packing slip was asked for an order that has nothing captured yet. */
export class KustomOrderNotCapturedError extends KustomError {
  override readonly name: string = 'KustomOrderNotCapturedError';
  readonly orderId: string;
  readonly status: OrderStatus;

  constructor(orderId: string, status: OrderStatus) {
    super(`Order ${orderId} has nothing captured yet (status ${status}): a packing slip lists captured lines only`);
    this.orderId = orderId;
    this.status = status;
  }
}

/** `stores.get(merchantId)` for a merchant id the stores were not configured with. */
export class KustomUnknownStoreError extends KustomError {
  override readonly name: string = 'KustomUnknownStoreError';
  readonly merchantId: string;
  /** The merchant ids that are configured. */
  readonly knownIds: readonly string[];

  constructor(merchantId: string, knownIds: readonly string[]) {
    super(
      `No store is configured for merchant id ${JSON.stringify(merchantId)}` +
        (knownIds.length ? `; configured: ${knownIds.join(', ')}` : '; none are configured'),
    );
    this.merchantId = merchantId;
    this.knownIds = knownIds;
  }
}

export const isKustomOrderNotCapturedError = errorGuard(KustomOrderNotCapturedError, ['KustomOrderNotCapturedError']);

export const isKustomUnknownStoreError = errorGuard(KustomUnknownStoreError, ['KustomUnknownStoreError']);

/** A `KustomValidationError` for a helper's own input (nothing was sent anywhere). */
export function invalidInput(path: string, message: string, code = 'custom', cause?: unknown): KustomValidationError {
  const issue: KustomValidationIssue = { path, message, code };
  return new KustomValidationError('request', [issue], undefined, cause === undefined ? undefined : { cause });
}
