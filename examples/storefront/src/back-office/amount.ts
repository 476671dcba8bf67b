/** A decimal amount typed by a person (`1 234,50` or `1234.50`) as exact integer minor units, without floats. */
import { currencyExponent } from '@kustom/sdk';

export function parseAmount(text: string, currency: string): number | undefined {
  const exponent = currencyExponent(currency);
  const cleaned = text.replace(/[\s\u00a0\u202f]/g, '');
  const match = /^(\d+)(?:[.,](\d*))?$/.exec(cleaned);
  if (!match) return undefined;
  const fraction = match[2] ?? '';
  if (fraction.length > exponent) return undefined;
  const minor = Number(match[1] + fraction.padEnd(exponent, '0'));
  return Number.isSafeInteger(minor) ? minor : undefined;
}
