/**
 * The back office's calls to `@kustom/back-office`'s handler on the merchant server
 * (`/api/back-office/…`): the session cookie goes along by itself (HTTP-only, same
 * origin); writes carry the session's CSRF token, which `GET /me` answers. Without a
 * session every call is 401 and the page shows the magic-link sign-in.
 */
import { ApiError } from '../api.js';
import { h } from '../dom.js';

export const BACK_OFFICE_API = '/api/back-office';

export interface Me {
  user: { id: string; email: string; name: string; role: string; external: boolean; expiresAt: string | null };
  stores: string[];
  store: string;
  permissions: string[];
  csrfToken: string | null;
}

let csrfToken: string | null = null;

export async function boApi<T>(path: string, init?: { method?: string; body?: unknown; signal?: AbortSignal; headers?: Record<string, string> }): Promise<T> {
  const method = init?.method ?? (init?.body === undefined ? 'GET' : 'POST');
  const headers: Record<string, string> = { accept: 'application/json', ...init?.headers };
  if (init?.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(`${BACK_OFFICE_API}${path}`, { method, headers, body: init?.body === undefined ? null : JSON.stringify(init.body), signal: init?.signal ?? null, credentials: 'same-origin' });
  } catch (error) {
    if (init?.signal?.aborted) throw error;
    throw new ApiError(0, 'NETWORK', 'The shop’s server cannot be reached. Is it running?');
  }
  const body = (await response.json().catch(() => undefined)) as Record<string, unknown> | undefined;
  if (!response.ok) {
    // The handler answers { error: CODE, message, field, permission }.
    const code = typeof body?.error === 'string' ? body.error : `HTTP_${response.status}`;
    const message = typeof body?.message === 'string' ? body.message : `The server answered ${response.status}.`;
    const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
    throw new ApiError(response.status, code, message, str(body?.field), str(body?.correlation_id));
  }
  return body as T;
}

/** Who is signed in, or `undefined` without a session. */
export async function loadMe(): Promise<Me | undefined> {
  try {
    const me = await boApi<Me>('/me');
    csrfToken = me.csrfToken;
    return me;
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return undefined;
    throw error;
  }
}

/** The magic-link sign-in: the server sends the link (the demo prints it in the terminal running it). */
export function signInForm(): HTMLElement {
  const status = h('p', { class: 'muted', role: 'status', 'data-testid': 'sign-in-status' });
  const input = h('input', { type: 'email', name: 'email', required: true, autocomplete: 'username', 'data-testid': 'sign-in-email' }) as HTMLInputElement;
  const form = h(
    'form',
    {
      class: 'panel',
      'data-testid': 'sign-in',
      on: {
        submit: async (event: Event) => {
          event.preventDefault();
          status.textContent = 'Sending…';
          try {
            await boApi('/auth/magic-link', { body: { email: input.value } });
            status.textContent = 'If that address belongs to a user, a sign-in link is on its way. (In the demo it is printed in the terminal running npm start.)';
          } catch (error) {
            status.textContent = error instanceof ApiError ? error.message : 'The link could not be sent.';
          }
        },
      },
    },
    h('h2', null, 'Sign in'),
    h('p', null, 'The back office acts on real money: sign in with the link we send to your e-mail address.'),
    h('label', null, 'E-mail ', input),
    ' ',
    h('button', { type: 'submit', class: 'button button--primary', 'data-testid': 'sign-in-submit' }, 'Send sign-in link'),
    status,
  );
  return form;
}

export async function signOut(): Promise<void> {
  await boApi('/auth/sign-out', { body: {} });
  location.reload();
}
