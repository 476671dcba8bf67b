/**
 * The six languages of the Kustom Portal, its exports and its packing slips: the
 * same list and the same resolution as the order helpers (`resolveOrderLocale`).
 */
import { resolveOrderLocale, type OrderLocale } from '../orders/index.js';
import { invalidInput } from './errors.js';

/** One text in each of the six languages. */
export type Translated = Readonly<Record<OrderLocale, string>>;

/**
 * The language of a locale: `sv-SE` → `sv`, `no` / `nn` → `nb`; a language that is not
 * one of the six falls back to English, as everywhere in the SDK. Only a value that is
 * not a string is an error (naming `field`).
 */
export function languageOf(locale: string | undefined, field = 'locale'): OrderLocale {
  if (locale !== undefined && typeof locale !== 'string') throw invalidInput(field, `must be a locale such as sv-SE, got ${typeof locale}`, 'invalid_type');
  return resolveOrderLocale(locale);
}
