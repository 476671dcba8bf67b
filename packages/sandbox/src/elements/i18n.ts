/**
 * The six languages of the Kustom Portal and the elements: English, Swedish,
 * Finnish, Danish, Norwegian (bokmål) and German. Anything else falls back to English.
 */

export const LANGUAGES = ['en', 'sv', 'fi', 'da', 'nb', 'de'] as const;
export type Language = (typeof LANGUAGES)[number];

/** A text in every language. */
export type Localized = Record<Language, string>;

/** `sv-SE` → `sv`; `no-NO` and `nn-NO` → `nb`; unknown languages → `en`. */
export function languageOf(locale: string | undefined): Language {
  const lang = (locale ?? '').split(/[-_]/)[0]!.toLowerCase();
  if (lang === 'no' || lang === 'nn') return 'nb';
  return (LANGUAGES as readonly string[]).includes(lang) ? (lang as Language) : 'en';
}

/** Brand names stay the same in every language. */
export const same = (text: string): Localized => ({ en: text, sv: text, fi: text, da: text, nb: text, de: text });
