/**
 * The store logo of a packing slip: a PNG or JPEG `data:` URL, checked by its declared
 * type **and** its first bytes, and by size, before it goes anywhere near the HTML.
 */
import { invalidInput } from './errors.js';

/** The largest logo accepted by default: 512 KiB decoded. */
export const DEFAULT_MAX_LOGO_BYTES = 512 * 1024;

const SIGNATURES: Readonly<Record<'image/png' | 'image/jpeg', readonly number[]>> = {
  'image/png': [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
  'image/jpeg': [0xff, 0xd8, 0xff],
};
const DATA_URL = /^data:(image\/(?:png|jpeg));base64,([A-Za-z0-9+/]*={0,2})$/i;

export interface CheckedLogo {
  mime: 'image/png' | 'image/jpeg';
  /** The data URL, with its type in lower case. */
  dataUrl: string;
  /** Decoded size in bytes. */
  bytes: number;
}

/**
 * Checks a logo data URL; anything else is a `KustomValidationError` naming `field`.
 * Accepted: `data:image/png;base64,…` whose bytes start with the PNG signature, and
 * `data:image/jpeg;base64,…` whose bytes start with a JPEG SOI marker, at most
 * `maxBytes` once decoded. SVG (which can carry script), remote URLs and anything
 * whose bytes do not match its declared type are refused.
 */
export function checkLogo(value: unknown, maxBytes = DEFAULT_MAX_LOGO_BYTES, field = 'logo'): CheckedLogo {
  if (typeof value !== 'string') throw invalidInput(field, 'must be a data URL string (data:image/png;base64,… or data:image/jpeg;base64,…)', 'invalid_type');
  // Size first, from the length alone, so an oversized string is not scanned.
  const comma = value.indexOf(',');
  const encodedLength = comma < 0 ? value.length : value.length - comma - 1;
  const approximateBytes = Math.floor((encodedLength * 3) / 4);
  if (approximateBytes > maxBytes + 2) throw tooBig(field, approximateBytes, maxBytes);
  const match = DATA_URL.exec(value);
  if (!match) {
    throw invalidInput(field, 'must be a base64 data URL of a PNG or JPEG image (data:image/png;base64,… or data:image/jpeg;base64,…)', 'invalid_format');
  }
  const mime = match[1]!.toLowerCase() as CheckedLogo['mime'];
  const base64 = match[2]!;
  if (base64.length === 0 || base64.length % 4 !== 0) throw invalidInput(field, 'has malformed base64 data', 'invalid_format');
  const padding = base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0;
  const bytes = (base64.length / 4) * 3 - padding;
  if (bytes > maxBytes) throw tooBig(field, bytes, maxBytes);
  const signature = SIGNATURES[mime];
  const head = atob(base64.slice(0, 12));
  if (head.length < signature.length || signature.some((byte, i) => head.charCodeAt(i) !== byte)) {
    throw invalidInput(field, `says ${mime} but its bytes are not a ${mime === 'image/png' ? 'PNG' : 'JPEG'} image`, 'invalid_format');
  }
  return { mime, dataUrl: `data:${mime};base64,${base64}`, bytes };
}

function tooBig(field: string, bytes: number, maxBytes: number) {
  return invalidInput(field, `is ${bytes} bytes; a logo may be at most ${maxBytes} bytes`, 'too_big');
}
