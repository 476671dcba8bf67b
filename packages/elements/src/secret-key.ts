/**
 * The browser-side guard against a secret API key pasted where the public key
 * goes. A value copied from a password manager or a PDF can carry a leading
 * space, a zero-width space or a byte-order mark, and the Portal shows the
 * secret key as `username:kco_…`: every one of those spellings is refused
 * before any request is made, so the value is never sent anywhere.
 */
import { KustomError, createElementsClient, type ElementsClient, type ElementsClientOptions } from '@kustom/sdk/elements';

/** What every secret API key starts with. */
const SECRET_PREFIX = 'kco_';

/** Zero-width characters and the BOM, which `trim()` keeps. */
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF]/g;

/** Whether `key` is, or contains, a secret API key (`kco_…`, `user:kco_…`). */
export function isSecretKey(key: unknown): boolean {
  if (typeof key !== 'string') return false;
  const visible = key.replace(INVISIBLE, '').trim().toLowerCase();
  return visible.includes(SECRET_PREFIX) || /^[^\s:]+:[^\s:]+$/.test(visible);
}

/** @internal The message every refusal carries. */
export const SECRET_KEY_MESSAGE =
  'publicApiKey looks like a secret API key (kco_… or username:key). Never put the secret key in a browser; use the public API key (kustom_pk_…) from the Kustom Portal.';

/** `createElementsClient`, after refusing any spelling of a secret key. Throws a `KustomError`. */
export function createClient(options: ElementsClientOptions): ElementsClient {
  if (isSecretKey(options.publicApiKey)) throw new KustomError(SECRET_KEY_MESSAGE);
  return createElementsClient(options);
}
