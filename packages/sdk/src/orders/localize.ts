import { badArgument, optionalString } from '../internal/arguments.js';
import type { OrderStatus } from '../schemas/index.js';
import { da } from './translations/da.js';
import { de } from './translations/de.js';
import { en } from './translations/en.js';
import { fi } from './translations/fi.js';
import { nb } from './translations/nb.js';
import { sv } from './translations/sv.js';
import type { OrderTranslation } from './translations/translation.js';
import type { OrderLocale } from './types.js';

export type { OrderTranslation } from './translations/translation.js';

/** The built-in translations, one per portal language. */
export const orderTranslations: Readonly<Record<OrderLocale, OrderTranslation>> = { en, sv, fi, da, nb, de };

/** Norwegian without a written standard (`no`) and Nynorsk (`nn`) get Bokmål. */
const ALIASES: Readonly<Record<string, OrderLocale>> = { no: 'nb', nn: 'nb' };

/**
 * The portal language for a BCP 47 tag: `sv-SE` → `sv`, `nb-NO` / `no` → `nb`,
 * `de-AT` → `de`; anything else (or nothing) → `en`.
 */
export function resolveOrderLocale(locale?: string | undefined): OrderLocale {
  optionalString(locale, 'locale');
  const language = (locale ?? '').split(/[-_]/)[0]!.toLowerCase();
  if (Object.hasOwn(orderTranslations, language)) return language as OrderLocale;
  return ALIASES[language] ?? 'en';
}

/** The translation for a BCP 47 tag (English when the language is not one of the six). */
export function orderTranslation(locale?: string | undefined): OrderTranslation {
  return orderTranslations[resolveOrderLocale(locale)];
}

/**
 * The portal's label for an order status.
 *
 * @example statusLabel('PART_CAPTURED', 'sv-SE') // "Delvis debiterad"
 */
export function statusLabel(status: OrderStatus, locale?: string | undefined): string {
  if (typeof status !== 'string') throw badArgument('status', 'must be an order status such as "AUTHORIZED"', status);
  // A status the SDK does not know yet is shown as it is.
  const labels: Readonly<Record<string, string>> = orderTranslation(locale).status;
  return Object.hasOwn(labels, status) ? labels[status]! : status;
}
