/**
 * @kustom/sandbox: a faithful, stateful local Kustom API as a fetch handler. No Node
 * built-ins here: the same handler runs in Node, in a browser page (Storybook, the
 * elements' tests) and in workers. The Node server and the CLI live in
 * `@kustom/sandbox/server`.
 *
 * @example
 * import { createSandbox } from '@kustom/sandbox';
 * import { createElementsClient } from '@kustom/sdk';
 *
 * const sandbox = createSandbox({ seed: 'demo' });
 * const elements = createElementsClient({
 *   publicApiKey: 'kustom_pk_test_sandbox',
 *   baseUrl: 'http://sandbox.localhost',
 *   fetch: sandbox.fetch,
 * });
 */
export { createSandbox, IDEMPOTENCY_HEADER, REPLAYED_HEADER, SANDBOX_PREFIXES } from './sandbox.js';
export type { Sandbox, SandboxFetch } from './sandbox.js';
export type { SandboxRequest } from './core.js';
export { replyBody } from './reply.js';
export type { Reply as SandboxReply } from './reply.js';
export {
  DEFAULT_ALLOWED_ORIGINS,
  DEFAULT_API_KEY,
  DEFAULT_MERCHANT_ID,
  DEFAULT_PUBLIC_KEY,
  DEFAULT_USERNAME,
  originAllowed,
} from './config.js';
export type { ApiKeyCredential, PublicKeyCredential, SandboxOptions, SeedName } from './config.js';
export type { Duration, SandboxClock } from './clock.js';
export { ConnectionDroppedError, FAULT_HEADER, FAULT_STATUSES, isConnectionDropped } from './faults.js';
export type { FaultRule, FaultRuleInput, FaultSpec, FaultStatus } from './faults.js';
export type { CompleteCheckoutRequest } from './checkout.js';
export { RESERVATION_DAYS } from './checkout.js';
export { EXTENSION_LIMIT_DAYS, NO_EXTENSION_COUNTRIES } from './orders.js';
export { COMMISSION_BASIS_POINTS, PAYOUT_DELAY_DAYS, PAYOUT_HOUR_UTC } from './settlements.js';
export type { Snapshot } from './store.js';
