import { describe, expect, it } from 'vitest';
import {
  KustomError,
  KustomNotAllowedError,
  KustomPlanError,
  KustomUnknownStoreError,
  errorFromResponse,
  isKustomApiError,
  isKustomError,
  isKustomNotAllowedError,
  isKustomPlanError,
  parseRetryAfter,
} from '@kustom/sdk';

describe('error guards', () => {
  it('recognise every SDK error, the helpers’ subclasses included', () => {
    const plan = new KustomPlanError({ code: 'OVER_CAPTURE', field: 'amount', action: 'capture', message: 'too much', reason: undefined });
    expect(isKustomError(plan)).toBe(true);
    expect(isKustomError(new KustomUnknownStoreError('M1', []))).toBe(true);
    expect(isKustomPlanError(plan)).toBe(true);
    expect(isKustomError(new Error('plain'))).toBe(false);
    expect(isKustomError('KustomError')).toBe(false);
  });

  it('recognise errors of another SDK copy by their literal name', () => {
    const foreign = Object.assign(new Error('403'), { name: 'KustomNotAllowedError' });
    expect(isKustomNotAllowedError(foreign)).toBe(true);
    expect(isKustomApiError(foreign)).toBe(true);
    expect(isKustomError(foreign)).toBe(true);
    expect(isKustomApiError(Object.assign(new Error('x'), { name: 'KustomPlanError' }))).toBe(false);
  });

  it('map a status to its class in one place, keeping the API fields', () => {
    const error = errorFromResponse({
      status: 403,
      body: { error_code: 'CAPTURE_NOT_ALLOWED', error_messages: ['Capture not allowed.'], correlation_id: 'c-1' },
      method: 'POST',
      url: 'https://api.playground.kustom.co/ordermanagement/v1/orders/o1/captures',
    });
    expect(error).toBeInstanceOf(KustomNotAllowedError);
    expect(error).toBeInstanceOf(KustomError);
    expect(error.name).toBe('KustomNotAllowedError');
    expect(error.error_code).toBe('CAPTURE_NOT_ALLOWED');
    expect(error.message).toContain('POST /ordermanagement/v1/orders/o1/captures');
    expect(error.message).toContain('c-1');
  });

  it('read Retry-After as seconds or an HTTP date', () => {
    expect(parseRetryAfter('2')).toBe(2000);
    expect(parseRetryAfter(new Date(10_000).toUTCString(), 4_000)).toBe(6000);
    expect(parseRetryAfter('soon')).toBeUndefined();
    expect(parseRetryAfter(null)).toBeUndefined();
  });
});
