/**
 * Zod 4 (`zod/mini`) schemas for every wire format of the Kustom API. The SDK's wire
 * types are inferred from them; the sandbox validates with the same schemas, so the
 * two always agree.
 *
 * @example
 * import { CaptureRequest } from '@kustom/sdk/schemas';
 * const result = CaptureRequest.safeParse(body);
 */
export * from './common.js';
export * from './checkout.js';
export * from './order-management.js';
export * from './settlements.js';
export * from './elements.js';

/**
 * Reads a failed `safeParse` in the API's field names (`order_lines[2].tax_rate`) and
 * plain English, as the SDK's `KustomValidationError` does. The sandbox answers
 * `BAD_VALUE` with the same words.
 */
export { formatPath, toIssues } from '../internal/validate.js';
