/** Amounts and dates as the shop shows them (English, Swedish conventions). Amounts stay integer minor units until here. */
import { formatAmount } from '@kustom/sdk';
import { SHOP } from './catalog.js';

export const LOCALE = SHOP.locale;

/** Amounts the Swedish way in every currency (`1 299,00 kr`, `84,90 €`); `en-SE` would write euros as `€84.90`. */
export const money = (minor: number, currency: string = SHOP.currency) => formatAmount(minor, currency, 'sv-SE');

const dateTime = new Intl.DateTimeFormat(LOCALE, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Stockholm' });
const date = new Intl.DateTimeFormat(LOCALE, { dateStyle: 'medium', timeZone: 'Europe/Stockholm' });
export const formatDateTime = (iso: string | undefined) => (iso ? dateTime.format(new Date(iso)) : '—');
export const formatDate = (iso: string | undefined) => (iso ? date.format(new Date(iso)) : '—');
