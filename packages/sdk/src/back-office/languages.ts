/**
 * The six languages of the Kustom Portal, its exports and its packing slips.
 */
import { invalidInput } from './errors.js';

/** English, Swedish, Finnish, Danish, Norwegian (Bokmål) and German. */
export const BACK_OFFICE_LANGUAGES = ['en', 'sv', 'fi', 'da', 'nb', 'de'] as const;
export type BackOfficeLanguage = (typeof BACK_OFFICE_LANGUAGES)[number];

/** One text in each of the six languages. */
export type Translated = Readonly<Record<BackOfficeLanguage, string>>;

/**
 * The language of a locale: `sv-SE` → `sv`, `no` and `nn` → `nb`. A locale whose
 * language is not one of the six is a validation error naming `field`.
 */
export function languageOf(locale: string, field = 'locale'): BackOfficeLanguage {
  const language = typeof locale === 'string' ? locale.trim().toLowerCase().split(/[-_]/)[0] : undefined;
  const mapped = language === 'no' || language === 'nn' ? 'nb' : language;
  if ((BACK_OFFICE_LANGUAGES as readonly string[]).includes(mapped ?? '')) return mapped as BackOfficeLanguage;
  throw invalidInput(field, `must be one of ${BACK_OFFICE_LANGUAGES.join(', ')} (or a locale of one, such as sv-SE), got ${JSON.stringify(locale)}`, 'invalid_value');
}
