/**
 * Which payment methods a purchase can use, the way Kustom Checkout offers them:
 * local methods only in their market and currency (Swish in SE/SEK, Vipps in NO,
 * MobilePay in DK and FI, iDEAL in NL, BLIK in PL, TWINT in CH), Trustly in the
 * Nordics and Germany, Klarna in the market's own currency up to a per-currency
 * limit, cards and wallets everywhere.
 */
import type { InitialPaymentMethod, PaymentMethod, PaymentMethodId } from '@kustom/sdk/schemas';
import { currencyOf, marketOf } from '../markets.js';
import { same, type Language, type Localized } from './i18n.js';

export interface Purchase {
  country: string;
  currency: string;
  /** Order amount in minor units, when known. */
  amount?: number | undefined;
}

interface MethodFacts {
  name: Localized;
  description: Localized;
  available(p: Purchase): boolean;
  /** What the Order Management order reports as `initial_payment_method`. */
  initial: InitialPaymentMethod;
}

/** Klarna's smallest order (1.00 in any currency). */
export const KLARNA_MIN_AMOUNT = 100;

const local = (country: string, currency: string) => (p: Purchase) => p.country === country && p.currency === currency;
const inMarketCurrency = (countries: readonly string[]) => (p: Purchase) =>
  countries.includes(p.country) && marketOf(p.country)?.currency === p.currency;
const everywhere = () => true;

const METHODS: Record<PaymentMethodId, MethodFacts> = {
  klarna: {
    name: same('Klarna'),
    description: {
      en: 'Pay now, later or in parts',
      sv: 'Betala nu, senare eller dela upp',
      fi: 'Maksa nyt, myöhemmin tai erissä',
      da: 'Betal nu, senere eller del betalingen op',
      nb: 'Betal nå, senere eller del opp',
      de: 'Jetzt, später oder in Raten bezahlen',
    },
    available: (p) => {
      const limit = currencyOf(p.currency)?.klarnaMax;
      return (
        marketOf(p.country)?.currency === p.currency &&
        limit !== undefined &&
        (p.amount === undefined || (p.amount >= KLARNA_MIN_AMOUNT && p.amount <= limit))
      );
    },
    initial: { type: 'INVOICE', description: 'Klarna Pay later' },
  },
  swish: {
    name: same('Swish'),
    description: {
      en: 'Pay directly from your bank with the Swish app',
      sv: 'Betala direkt från banken med Swish-appen',
      fi: 'Maksa suoraan pankista Swish-sovelluksella',
      da: 'Betal direkte fra banken med Swish-appen',
      nb: 'Betal direkte fra banken med Swish-appen',
      de: 'Direkt vom Bankkonto mit der Swish-App bezahlen',
    },
    available: local('SE', 'SEK'),
    initial: { type: 'SWISH', description: 'Swish' },
  },
  vipps: {
    name: same('Vipps'),
    description: {
      en: 'Pay with the Vipps app',
      sv: 'Betala med Vipps-appen',
      fi: 'Maksa Vipps-sovelluksella',
      da: 'Betal med Vipps-appen',
      nb: 'Betal med Vipps-appen',
      de: 'Mit der Vipps-App bezahlen',
    },
    available: local('NO', 'NOK'),
    initial: { type: 'ALTERNATIVE_PAYMENT_METHOD', description: 'Vipps' },
  },
  mobilepay: {
    name: same('MobilePay'),
    description: {
      en: 'Pay with the MobilePay app',
      sv: 'Betala med MobilePay-appen',
      fi: 'Maksa MobilePay-sovelluksella',
      da: 'Betal med MobilePay-appen',
      nb: 'Betal med MobilePay-appen',
      de: 'Mit der MobilePay-App bezahlen',
    },
    available: (p) => local('DK', 'DKK')(p) || local('FI', 'EUR')(p),
    initial: { type: 'MOBILEPAY', description: 'MobilePay' },
  },
  ideal: {
    name: same('iDEAL'),
    description: {
      en: 'Pay directly from your Dutch bank account',
      sv: 'Betala direkt från ditt nederländska bankkonto',
      fi: 'Maksa suoraan hollantilaiselta pankkitililtäsi',
      da: 'Betal direkte fra din hollandske bankkonto',
      nb: 'Betal direkte fra din nederlandske bankkonto',
      de: 'Direkt von deinem niederländischen Bankkonto bezahlen',
    },
    available: local('NL', 'EUR'),
    initial: { type: 'ALTERNATIVE_PAYMENT_METHOD', description: 'iDEAL' },
  },
  blik: {
    name: same('BLIK'),
    description: {
      en: 'Pay with a 6-digit code from your banking app',
      sv: 'Betala med en sexsiffrig kod från din bankapp',
      fi: 'Maksa pankkisovelluksesi kuusinumeroisella koodilla',
      da: 'Betal med en 6-cifret kode fra din bankapp',
      nb: 'Betal med en sekssifret kode fra bankappen din',
      de: 'Mit einem 6-stelligen Code aus deiner Banking-App bezahlen',
    },
    available: local('PL', 'PLN'),
    initial: { type: 'ALTERNATIVE_PAYMENT_METHOD', description: 'BLIK' },
  },
  twint: {
    name: same('TWINT'),
    description: {
      en: 'Pay with the TWINT app',
      sv: 'Betala med TWINT-appen',
      fi: 'Maksa TWINT-sovelluksella',
      da: 'Betal med TWINT-appen',
      nb: 'Betal med TWINT-appen',
      de: 'Mit der TWINT-App bezahlen',
    },
    available: local('CH', 'CHF'),
    initial: { type: 'ALTERNATIVE_PAYMENT_METHOD', description: 'TWINT' },
  },
  card: {
    name: { en: 'Card', sv: 'Kort', fi: 'Kortti', da: 'Kort', nb: 'Kort', de: 'Karte' },
    description: {
      en: 'Visa, Mastercard and American Express',
      sv: 'Visa, Mastercard och American Express',
      fi: 'Visa, Mastercard ja American Express',
      da: 'Visa, Mastercard og American Express',
      nb: 'Visa, Mastercard og American Express',
      de: 'Visa, Mastercard und American Express',
    },
    available: everywhere,
    initial: { type: 'CARD', description: 'Card' },
  },
  trustly: {
    name: same('Trustly'),
    description: {
      en: 'Pay directly from your bank account',
      sv: 'Betala direkt från ditt bankkonto',
      fi: 'Maksa suoraan pankkitililtäsi',
      da: 'Betal direkte fra din bankkonto',
      nb: 'Betal direkte fra bankkontoen din',
      de: 'Direkt von deinem Bankkonto bezahlen',
    },
    available: inMarketCurrency(['SE', 'FI', 'NO', 'DK', 'DE']),
    initial: { type: 'ALTERNATIVE_PAYMENT_METHOD', description: 'Trustly' },
  },
  applepay: {
    name: same('Apple Pay'),
    description: {
      en: 'Pay with Face ID or Touch ID',
      sv: 'Betala med Face ID eller Touch ID',
      fi: 'Maksa Face ID:llä tai Touch ID:llä',
      da: 'Betal med Face ID eller Touch ID',
      nb: 'Betal med Face ID eller Touch ID',
      de: 'Mit Face ID oder Touch ID bezahlen',
    },
    available: everywhere,
    initial: { type: 'CARD', description: 'Apple Pay' },
  },
  googlepay: {
    name: same('Google Pay'),
    description: {
      en: 'Pay with the cards saved in your Google account',
      sv: 'Betala med korten i ditt Google-konto',
      fi: 'Maksa Google-tilillesi tallennetuilla korteilla',
      da: 'Betal med kortene i din Google-konto',
      nb: 'Betal med kortene i Google-kontoen din',
      de: 'Mit den Karten in deinem Google-Konto bezahlen',
    },
    available: everywhere,
    initial: { type: 'CARD', description: 'Google Pay' },
  },
  paypal: {
    name: same('PayPal'),
    description: {
      en: 'Pay with your PayPal account',
      sv: 'Betala med ditt PayPal-konto',
      fi: 'Maksa PayPal-tililläsi',
      da: 'Betal med din PayPal-konto',
      nb: 'Betal med PayPal-kontoen din',
      de: 'Mit deinem PayPal-Konto bezahlen',
    },
    available: everywhere,
    initial: { type: 'ALTERNATIVE_PAYMENT_METHOD', description: 'PayPal' },
  },
  amazonpay: {
    name: same('Amazon Pay'),
    description: {
      en: 'Use the payment details in your Amazon account',
      sv: 'Använd betaluppgifterna i ditt Amazon-konto',
      fi: 'Käytä Amazon-tilisi maksutietoja',
      da: 'Brug betalingsoplysningerne på din Amazon-konto',
      nb: 'Bruk betalingsinformasjonen i Amazon-kontoen din',
      de: 'Zahlungsinformationen aus deinem Amazon-Konto verwenden',
    },
    available: (p) => ['DE', 'AT', 'GB', 'FR', 'IT', 'ES', 'IE', 'US'].includes(p.country),
    initial: { type: 'ALTERNATIVE_PAYMENT_METHOD', description: 'Amazon Pay' },
  },
};

/** The order methods are offered in: Klarna, the local methods, card, bank, wallets. */
const ORDER = Object.keys(METHODS) as PaymentMethodId[];

export const isPaymentMethodId = (id: string): id is PaymentMethodId => Object.hasOwn(METHODS, id);

/** The payment method ids available for a purchase, in display order. */
export function availableMethodIds(purchase: Purchase): PaymentMethodId[] {
  return ORDER.filter((id) => METHODS[id].available(purchase));
}

/** `include` keeps only the listed ids, `exclude` removes ids; unknown ids are ignored. */
export function filterIds<T extends string>(ids: readonly T[], include?: readonly string[], exclude?: readonly string[]): T[] {
  return ids.filter((id) => (!include?.length || include.includes(id)) && !exclude?.includes(id));
}

export function paymentMethods(purchase: Purchase, language: Language, include?: string[], exclude?: string[]): PaymentMethod[] {
  return filterIds(availableMethodIds(purchase), include, exclude).map((id) => ({
    id,
    name: METHODS[id].name[language],
    description: METHODS[id].description[language],
  }));
}

/** `initial_payment_method` for an order paid with this method. */
export const initialPaymentMethod = (id: PaymentMethodId): InitialPaymentMethod => ({ ...METHODS[id].initial });
