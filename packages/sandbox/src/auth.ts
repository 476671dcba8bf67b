/**
 * Authentication as Kustom documents it:
 * - `Authorization: Basic <API key>` (the key itself, not base64), or
 * - `Authorization: Basic base64(<username>:<API key>)`, where the username
 *   (`<MID>-<suffix>`) is optional but must be the right one when given.
 * Anything else: 401. Live keys (`kco_live_…`) are always refused.
 *
 * The Elements API takes the public key as `client_id` and checks the `Origin`.
 */
import { originAllowed, type ApiKeyCredential, type PublicKeyCredential } from './config.js';
import { fail } from './reply.js';

function decodeBase64(text: string): string | undefined {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(text)) return undefined;
  try {
    const binary = atob(text);
    return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
  } catch {
    return undefined;
  }
}

const unauthorized = (message: string): never => fail(401, 'UNAUTHORIZED', message);

/** The credential a request authenticates as (its key), or a 401. */
export function authenticate(header: string | null, keys: readonly ApiKeyCredential[]): ApiKeyCredential {
  if (!header) return unauthorized('Missing credentials: send Authorization: Basic <API key>.');
  // Exactly `Basic`, one space, one token (RFC 9110 §11.4): no tabs, doubled spaces or trailing words.
  const token = /^basic ([^\s]+)$/i.exec(header)?.[1];
  if (!token) return unauthorized('Unsupported authorization: use Authorization: Basic <API key>.');
  const direct = keys.find((k) => k.key === token);
  if (direct) return direct;
  const decoded = decodeBase64(token);
  const colon = decoded?.indexOf(':') ?? -1;
  const secret = decoded !== undefined && colon >= 0 ? decoded.slice(colon + 1) : token;
  if (/^kco_live_/.test(secret)) return unauthorized('Live credentials (kco_live_…) cannot be used with the sandbox.');
  if (decoded !== undefined && colon >= 0) {
    const username = decoded.slice(0, colon);
    const match = keys.find((k) => k.key === secret);
    if (match && (username === '' || username === match.username)) return match;
    if (match) return unauthorized(`Wrong username for this API key (expected ${match.username ?? 'none'}).`);
  }
  return unauthorized('Wrong credentials: unknown API key.');
}

/** The public key named by `client_id`, after the `Origin` check. */
export function authorizePublic(
  clientId: string | null,
  origin: string | undefined,
  keys: readonly PublicKeyCredential[],
): PublicKeyCredential {
  if (!clientId) fail(401, 'CLIENT_NOT_FOUND', 'client_id is required: the public API key (kustom_pk_…).');
  const key = keys.find((k) => k.key === clientId);
  if (!key) {
    // Never echo a secret key back into a browser.
    const message = /^kco_/.test(clientId!)
      ? 'client_id is a secret API key. Never put it in a browser: use the public API key (kustom_pk_…).'
      : `No client with client_id ${clientId}.`;
    return fail(401, 'CLIENT_NOT_FOUND', message);
  }
  if (origin !== undefined && !originAllowed(origin, key.allowedOrigins)) {
    fail(403, 'ORIGIN_NOT_ALLOWED', `Origin ${origin} is not allowed for client_id ${clientId}.`);
  }
  return key;
}
