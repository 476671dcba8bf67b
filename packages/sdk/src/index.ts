/**
 * @kustom/sdk: a typed SDK for the Kustom API.
 *
 * - `createKustomClient` (server side, secret key): Checkout v3, Order Management v1, Settlements v1.
 * - `createElementsClient` (browser safe, public key): the Elements API.
 * - Money in integer minor units: `lineTotals`, `orderTotals`, `formatAmount`.
 * - One error hierarchy: `KustomError` and its subclasses, with type guards.
 * - Pure order-management and back-office helpers.
 *
 * Wire types keep the API's snake_case names and are inferred from the zod schemas
 * exported at `@kustom/sdk/schemas`.
 */
export * from './errors.js';
export * from './money.js';
export * from './hosts.js';
export { createElementsClient } from './elements-client.js';
export type {
  ElementsClient,
  ElementsClientOptions,
  PurchaseContext,
  PaymentMethodsQuery,
  DeliveryMethodsQuery,
} from './elements-client.js';
export type * from './types.js';
export * from './client.js';
export * from './orders/index.js';
export * from './back-office/index.js';
