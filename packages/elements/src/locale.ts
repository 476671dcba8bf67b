/**
 * Locale resolution and the `Intl` formatting the elements share. Pure functions:
 * nothing here touches the DOM at import time.
 */
import { formatAmount } from '@kustom/sdk/elements';
import { translations, type Translation } from './translations/index.js';
import en from './translations/en.js';

/**
 * The element's locale: its `locale` attribute, else the nearest `lang` up the
 * tree (crossing shadow roots), else `en`. The document's `<html lang>` is the
 * last ancestor, so it counts as "the document".
 */
export function resolveLocale(element: Element, attribute?: string): string {
  if (attribute) return attribute;
  for (let node: Element | null = element; node; ) {
    const lang = node.getAttribute('lang');
    if (lang) return lang;
    node = node.parentElement ?? ((node.getRootNode() as ShadowRoot).host || null);
  }
  return 'en';
}

/** The built-in translation for a locale's language; English when there is none. */
export function translationFor(locale: string): Translation {
  return translations[locale.split(/[-_]/)[0]!.toLowerCase()] ?? en;
}

/** The main market of each language a region-less locale may name (as WordPress sites print `fi`, `sv`, `de`). */
const MAIN_MARKET: Readonly<Record<string, string>> = { fi: 'FI', sv: 'SE', da: 'DK', nb: 'NO', no: 'NO', nn: 'NO', de: 'DE', en: 'GB' };

/**
 * The locale as the Elements API wants it (`language-COUNTRY`): a bare language
 * gets the purchase country, so `sv` + `SE` asks for `sv-SE`; without one, the
 * language's main market (`fi` → `fi-FI`, `en` → `en-GB`). Any other bare language
 * is sent as it is (the API then says the market is not served).
 */
export function apiLocale(locale: string, country?: string): string {
  if (locale.includes('-')) return locale;
  const region = country?.toUpperCase() || MAIN_MARKET[locale.toLowerCase()];
  return region ? `${locale}-${region}` : locale;
}

/** A safe `Intl` locale: an invalid tag falls back to English instead of throwing. */
export function intlLocale(locale: string): string {
  try {
    return Intl.getCanonicalLocales(locale)[0] ?? 'en';
  } catch {
    return 'en';
  }
}

/**
 * Remembers a formatter's answers: building `Intl` formatters is slow, and a list
 * of 50 delivery options re-renders every option on each choice.
 */
function memo<A extends unknown[]>(format: (...args: A) => string): (...args: A) => string {
  const cache = new Map<string, string>();
  return (...args) => {
    const key = JSON.stringify(args);
    let value = cache.get(key);
    if (value === undefined) {
      if (cache.size > 500) cache.clear();
      cache.set(key, (value = format(...args)));
    }
    return value;
  };
}

const amount = memo((minor: number, currency: string, locale: string) => {
  try {
    return formatAmount(minor, currency, locale);
  } catch {
    return `${minor} ${currency}`;
  }
});

/** A price for display; `Free` at 0. Never throws on a currency `Intl` does not know. */
export function formatPrice(minor: number, currency: string, locale: string, t: Translation): string {
  return minor === 0 ? t.free : amount(minor, currency, locale);
}

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** A delivery window `YYYY-MM-DD`…`YYYY-MM-DD` as a localized range, e.g. `Tue 3 – Thu 5 Dec`. */
export const formatDateRange = memo((earliest: string, latest: string, locale: string): string => {
  const from = day(earliest);
  const to = day(latest);
  if (Number.isNaN(from.getTime()) || Number.isNaN(to.getTime())) return `${earliest} – ${latest}`;
  const format = new Intl.DateTimeFormat(locale, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  });
  return from.getTime() === to.getTime() ? format.format(from) : format.formatRange(from, to);
});

/** Metres as a localized distance: `850 m`, `1.2 km`. */
export const formatDistance = memo((meters: number, locale: string): string => {
  const km = meters >= 1000;
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: km ? 'kilometer' : 'meter',
    maximumFractionDigits: km ? 1 : 0,
  }).format(km ? meters / 1000 : meters);
});

/**
 * Opening hours as a short localized line: `Mon–Fri 08:00–20:00, Sat 10:00–16:00`.
 * Runs of consecutive ISO weekdays become ranges; times go through `Intl`.
 */
export const formatOpeningHours = memo(
  (
    hours: ReadonlyArray<{
      days: readonly number[];
      opens: string;
      closes: string;
    }>,
    locale: string,
  ): string => {
    // 2024-01-01 was a Monday: ISO weekday d is 2024-01-0d.
    const weekday = new Intl.DateTimeFormat(locale, {
      weekday: 'short',
      timeZone: 'UTC',
    });
    const time = new Intl.DateTimeFormat(locale, {
      hour: '2-digit',
      minute: '2-digit',
      timeZone: 'UTC',
    });
    const dayName = (d: number) => weekday.format(Date.UTC(2024, 0, d));
    const at = (hhmm: string) => {
      const [h, m] = hhmm.split(':').map(Number);
      return Number.isInteger(h) && Number.isInteger(m) ? time.format(Date.UTC(2024, 0, 1, h, m)) : hhmm;
    };
    return hours
      .map(({ days, opens, closes }) => {
        const sorted = [...days].sort((a, b) => a - b);
        const runs: string[] = [];
        for (let i = 0; i < sorted.length; ) {
          let j = i;
          while (sorted[j + 1] === sorted[j]! + 1) j++;
          runs.push(j > i ? `${dayName(sorted[i]!)}–${dayName(sorted[j]!)}` : dayName(sorted[i]!));
          i = j + 1;
        }
        return `${runs.join(', ')} ${at(opens)}–${at(closes)}`;
      })
      .join('; ');
  },
);
