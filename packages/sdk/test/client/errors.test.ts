/**
 * Non-2xx answers become their error class with the API's body fields; answers the
 * SDK cannot trust become `KustomValidationError` with side 'response'.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  KustomApiError,
  KustomAuthenticationError,
  KustomBadRequestError,
  KustomConflictError,
  KustomError,
  KustomNotAllowedError,
  KustomNotFoundError,
  KustomRateLimitError,
  KustomServerError,
  KustomValidationError,
  createKustomClient,
  isKustomApiError,
  isKustomNotAllowedError,
  type KustomClient,
} from '@kustom/sdk';
import { startApiServer, type ApiServer } from '../helpers/api-server.js';
import { rejectionOf } from '../helpers/rejection.js';
import { CORRELATION_ID, ORDER_ID, apiError, checkoutOrder, createBody, order } from '../helpers/fixtures.js';

let server: ApiServer;
let kustom: KustomClient;

beforeAll(async () => {
  server = await startApiServer();
  kustom = createKustomClient({ apiKey: 'kco_test_api_errors', baseUrl: server.url, maxRetries: 0 });
});
afterAll(() => server.close());
beforeEach(() => server.reset());

const failure = (promise: Promise<unknown>) => rejectionOf(promise, KustomError);

describe('API errors', () => {
  it.each([
    [400, 'BAD_VALUE', 'Bad value: order_amount', KustomBadRequestError, 'KustomBadRequestError'],
    [401, 'UNAUTHORIZED', 'Invalid credentials', KustomAuthenticationError, 'KustomAuthenticationError'],
    [403, 'CAPTURE_NOT_ALLOWED', 'Captured amount is higher than the remaining authorized amount.', KustomNotAllowedError, 'KustomNotAllowedError'],
    [404, 'NO_SUCH_ORDER', 'The order does not exist', KustomNotFoundError, 'KustomNotFoundError'],
    [409, 'CONFLICT', 'A capture for this order is in progress', KustomConflictError, 'KustomConflictError'],
    [422, 'UNPROCESSABLE_ENTITY', 'Cannot process', KustomApiError, 'KustomApiError'],
    [429, 'TOO_MANY_REQUESTS', 'Slow down', KustomRateLimitError, 'KustomRateLimitError'],
    [500, 'INTERNAL_SERVER_ERROR', 'Something broke', KustomServerError, 'KustomServerError'],
    [503, 'TEMPORARILY_UNAVAILABLE', 'Try again later', KustomServerError, 'KustomServerError'],
  ] as const)('%i %s → %s', async (status, code, message, Class, name) => {
    server.reply({ status, body: apiError(code, message) });
    const error = await failure(kustom.orders.capture(ORDER_ID, { captured_amount: 100 }));
    expect(error).toBeInstanceOf(Class);
    expect(error.name).toBe(name);
    const api = error as KustomApiError;
    expect(api.status).toBe(status);
    expect(api.error_code).toBe(code);
    expect(api.error_messages).toEqual([message]);
    expect(api.correlation_id).toBe(CORRELATION_ID);
    expect(api.request).toBe(`POST /ordermanagement/v1/orders/${ORDER_ID}/captures`);
    expect(api.idempotencyKey).toBe(server.requests[0]!.headers['klarna-idempotency-key']);
    expect(api.message).toContain(code);
    expect(api.message).toContain(CORRELATION_ID);
    expect(isKustomApiError(error)).toBe(true);
    expect(server.requests).toHaveLength(1);
  });

  it('keeps the specific 403 code so callers can branch on it', async () => {
    server.reply({ status: 403, body: apiError('CANCEL_NOT_ALLOWED', 'Order has captures') });
    const error = await failure(kustom.orders.cancel(ORDER_ID));
    expect(isKustomNotAllowedError(error) && error.error_code).toBe('CANCEL_NOT_ALLOWED');
  });

  it('reads Retry-After into KustomRateLimitError.retryAfter', async () => {
    server.reply({ status: 429, headers: { 'Retry-After': '7' }, body: apiError('TOO_MANY_REQUESTS', 'Slow down') });
    const error = (await failure(kustom.orders.get(ORDER_ID))) as KustomRateLimitError;
    expect(error.retryAfter).toBe(7000);
  });

  it('maps a status whose body is not the API’s (an HTML page from a proxy)', async () => {
    server.reply({ status: 502, headers: { 'content-type': 'text/html' }, body: '<html>Bad gateway</html>' });
    const error = (await failure(kustom.orders.get(ORDER_ID))) as KustomServerError;
    expect(error).toBeInstanceOf(KustomServerError);
    expect(error.status).toBe(502);
    expect(error.error_code).toBeUndefined();
    expect(error.error_messages).toEqual([]);
  });

  it('does not carry an idempotency key on read errors', async () => {
    server.reply({ status: 404, body: apiError('NO_SUCH_ORDER', 'nope') });
    const error = await failure(kustom.orders.get(ORDER_ID));
    expect(error.idempotencyKey).toBeUndefined();
  });
});

describe('answers the SDK cannot trust', () => {
  it('malformed JSON → KustomValidationError (response)', async () => {
    server.reply({ status: 200, headers: { 'content-type': 'application/json' }, body: '{"order_id": "abc", ' });
    const error = (await failure(kustom.orders.get(ORDER_ID))) as KustomValidationError;
    expect(error).toBeInstanceOf(KustomValidationError);
    expect(error.side).toBe('response');
    expect(error.issues[0]!.code).toBe('invalid_json');
    expect(error.message).toContain('orders.get');
    expect(server.requests).toHaveLength(1);
  });

  it('a truncated JSON body → KustomValidationError (response), not retried', async () => {
    const whole = JSON.stringify(checkoutOrder());
    const client = createKustomClient({ apiKey: 'kco_test_api_errors', baseUrl: server.url, maxRetries: 2, retryBackoff: { initialDelay: 1 } });
    server.reply({ status: 201, headers: { 'content-type': 'application/json' }, body: whole.slice(0, whole.length - 20) });
    const error = (await failure(client.checkout.orders.create(createBody()))) as KustomValidationError;
    expect(error).toBeInstanceOf(KustomValidationError);
    expect(error.side).toBe('response');
    expect(error.idempotencyKey).toBe(server.requests[0]!.headers['klarna-idempotency-key']);
    expect(server.requests).toHaveLength(1);
  });

  it('an empty body where JSON was expected → KustomValidationError (response)', async () => {
    server.reply({ status: 200 });
    const error = (await failure(kustom.orders.get(ORDER_ID))) as KustomValidationError;
    expect(error.side).toBe('response');
    expect(error.issues[0]!.message).toMatch(/empty/);
  });

  it('a body that breaks the schema names the field', async () => {
    const broken = { ...order(), captured_amount: 250.5, order_lines: [{ ...order().order_lines[0], tax_rate: '25%' }] };
    server.reply({ body: broken });
    const error = (await failure(kustom.orders.get(ORDER_ID))) as KustomValidationError;
    expect(error.side).toBe('response');
    expect(error.issues.map((i) => i.path).sort()).toEqual(['captured_amount', 'order_lines[0].tax_rate']);
  });

  it('a capture answer whose Location is not a URL is a typed error, not a TypeError', async () => {
    server.reply({ status: 201, headers: { 'Capture-Id': 'c1', Location: 'http://[not-a-host/x' } });
    const error = (await failure(kustom.orders.capture(ORDER_ID, { captured_amount: 100 }))) as KustomValidationError;
    expect(error).toBeInstanceOf(KustomValidationError);
    expect(error.field).toBe('Location');
  });

  it('a capture answer without Capture-Id or Location', async () => {
    server.reply({ status: 201, headers: { Location: `/ordermanagement/v1/orders/${ORDER_ID}/captures/c1` } });
    const error = (await failure(kustom.orders.capture(ORDER_ID, { captured_amount: 100 }))) as KustomValidationError;
    expect(error.side).toBe('response');
    expect(error.issues).toEqual([{ path: 'Capture-Id', message: 'header is missing', code: 'missing_header' }]);

    server.reply({ status: 201, headers: { 'Refund-Id': 'r1' } });
    const refund = (await failure(kustom.orders.refund(ORDER_ID, { refunded_amount: 100 }))) as KustomValidationError;
    expect(refund.field).toBe('Location');
  });
});
