/** Calls to the merchant server. Errors arrive as `ApiError` with the server's code and message (shown as text). */
import type { ApiErrorResponse, StorefrontConfig } from './api-types.js';

export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
    /** Kustom's id of the failed request, to quote to Kustom's support. */
    readonly correlationId?: string,
  ) {
    super(message);
  }
}

export async function api<T>(path: string, init?: { method?: string; body?: unknown; signal?: AbortSignal }): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method: init?.method ?? (init?.body === undefined ? 'GET' : 'POST'),
      headers: init?.body === undefined ? { accept: 'application/json' } : { accept: 'application/json', 'content-type': 'application/json' },
      body: init?.body === undefined ? null : JSON.stringify(init.body),
      signal: init?.signal ?? null,
    });
  } catch (error) {
    if (init?.signal?.aborted) throw error;
    throw new ApiError(0, 'NETWORK', 'The shop’s server cannot be reached. Is it running?');
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const error = (body as ApiErrorResponse | undefined)?.error;
    throw new ApiError(response.status, error?.code ?? `HTTP_${response.status}`, error?.message ?? `The server answered ${response.status}.`, error?.field, error?.correlation_id);
  }
  return body as T;
}

let config: Promise<StorefrontConfig> | undefined;
/** The public configuration (public API key, where the elements reach Kustom), fetched once per page. */
export const loadConfig = () => (config ??= api<StorefrontConfig>('/api/config'));
