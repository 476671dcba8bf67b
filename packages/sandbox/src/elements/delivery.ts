/**
 * Delivery options as a shipping assistant offers them: several carriers per
 * country, home / pickup point / mailbox, prices with tax in the purchase currency,
 * free standard shipping above a per-currency threshold, delivery windows counted in
 * business days from the sandbox clock, and pickup points near the shopper's postal
 * code, the same every time for the same code.
 */
import type { DeliveryOption, DeliveryType, OpeningHours, PickupPoint } from '@kustom/sdk/schemas';
import { taxFromGross } from '@kustom/sdk';
import { DAY_MS, isoDate } from '../clock.js';
import { cityOf, currencyOf, marketOf, normalizePostalCode, type Market } from '../markets.js';
import { createRandom, seedState } from '../random.js';
import type { Language, Localized } from './i18n.js';

type Kind = 'home' | 'evening' | 'express' | 'service_point' | 'locker' | 'mailbox';

const TYPE: Record<Kind, DeliveryType> = {
  home: 'home',
  evening: 'home',
  express: 'home',
  service_point: 'pickup_point',
  locker: 'pickup_point',
  mailbox: 'mailbox',
};

const NAMES: Record<Kind, Localized> = {
  home: { en: 'Home delivery', sv: 'Hemleverans', fi: 'Kotiinkuljetus', da: 'Levering til døren', nb: 'Hjemlevering', de: 'Lieferung nach Hause' },
  evening: { en: 'Evening home delivery', sv: 'Hemleverans kväll', fi: 'Iltakotiinkuljetus', da: 'Aftenlevering', nb: 'Hjemlevering kveld', de: 'Abendzustellung' },
  express: { en: 'Express delivery', sv: 'Expressleverans', fi: 'Pikatoimitus', da: 'Ekspreslevering', nb: 'Ekspresslevering', de: 'Expresszustellung' },
  service_point: { en: 'Service point', sv: 'Ombud', fi: 'Noutopiste', da: 'Pakkeshop', nb: 'Hentested', de: 'Paketshop' },
  locker: { en: 'Parcel locker', sv: 'Paketskåp', fi: 'Pakettiautomaatti', da: 'Pakkeboks', nb: 'Pakkeautomat', de: 'Packstation' },
  mailbox: { en: 'Mailbox', sv: 'Brevlåda', fi: 'Postilaatikko', da: 'Postkasse', nb: 'Postkasse', de: 'Briefkasten' },
};

const DESCRIPTIONS: Record<Kind, Localized> = {
  home: {
    en: 'Delivered to your door',
    sv: 'Levereras till din dörr',
    fi: 'Toimitetaan ovellesi',
    da: 'Leveres til din dør',
    nb: 'Leveres på døren',
    de: 'Lieferung an die Haustür',
  },
  evening: {
    en: 'Delivered to your door between 17:00 and 22:00',
    sv: 'Levereras till din dörr mellan 17.00 och 22.00',
    fi: 'Toimitetaan ovellesi klo 17–22',
    da: 'Leveres til din dør mellem kl. 17 og 22',
    nb: 'Leveres på døren mellom kl. 17 og 22',
    de: 'Lieferung an die Haustür zwischen 17 und 22 Uhr',
  },
  express: {
    en: 'Delivered the next business day',
    sv: 'Levereras nästa arbetsdag',
    fi: 'Toimitetaan seuraavana arkipäivänä',
    da: 'Leveres næste hverdag',
    nb: 'Leveres neste virkedag',
    de: 'Zustellung am nächsten Werktag',
  },
  service_point: {
    en: 'Pick up at a service point near you',
    sv: 'Hämta hos ett ombud nära dig',
    fi: 'Nouda läheisestä noutopisteestä',
    da: 'Afhent i en pakkeshop nær dig',
    nb: 'Hent på et hentested nær deg',
    de: 'Abholung in einem Paketshop in deiner Nähe',
  },
  locker: {
    en: 'Pick up at a parcel locker, any time of day',
    sv: 'Hämta i ett paketskåp när det passar dig',
    fi: 'Nouda pakettiautomaatista mihin aikaan tahansa',
    da: 'Afhent i en pakkeboks når det passer dig',
    nb: 'Hent i en pakkeautomat når det passer deg',
    de: 'Abholung an der Packstation, rund um die Uhr',
  },
  mailbox: {
    en: 'Fits in your mailbox, no signature needed',
    sv: 'Får plats i brevlådan, ingen signatur behövs',
    fi: 'Mahtuu postilaatikkoon, ei allekirjoitusta',
    da: 'Passer i postkassen, ingen underskrift',
    nb: 'Passer i postkassen, ingen signatur',
    de: 'Passt in den Briefkasten, keine Unterschrift nötig',
  },
};

interface Product {
  carrier: string;
  kind: Kind;
  /** Price relative to the currency's standard parcel, in percent. */
  price: number;
  /** Business days from dispatch: earliest and latest. */
  days: readonly [number, number];
  /** Pickup partners' names (pickup points only). */
  partners?: readonly string[];
}

const p = (carrier: string, kind: Kind, price: number, days: readonly [number, number], partners?: readonly string[]): Product => ({
  carrier,
  kind,
  price,
  days,
  ...(partners ? { partners } : {}),
});

const CATALOGUE: Record<string, readonly Product[]> = {
  SE: [
    p('PostNord', 'service_point', 100, [1, 3], ['ICA Nära', 'Coop', 'Hemköp', 'Pressbyrån', 'Tempo']),
    p('Instabox', 'locker', 85, [1, 2], ['Instabox']),
    p('Budbee', 'evening', 140, [1, 2]),
    p('PostNord', 'mailbox', 80, [2, 4]),
    p('DHL', 'service_point', 100, [2, 4], ['Circle K', 'OKQ8', 'ICA Supermarket']),
    p('PostNord', 'home', 170, [1, 3]),
  ],
  NO: [
    p('Bring', 'service_point', 100, [1, 3], ['Kiwi', 'Rema 1000', 'Coop Extra', 'Joker', 'Spar']),
    p('Instabox', 'locker', 85, [1, 2], ['Instabox']),
    p('Bring', 'mailbox', 75, [2, 4]),
    p('Helthjem', 'evening', 150, [1, 3]),
    p('Bring', 'home', 180, [1, 3]),
  ],
  FI: [
    p('Posti', 'locker', 100, [1, 3], ['K-Market', 'S-Market', 'Alepa', 'Prisma']),
    p('Matkahuolto', 'service_point', 95, [2, 4], ['R-kioski', 'Lähikauppa', 'Sale']),
    p('Posti', 'mailbox', 80, [2, 4]),
    p('Budbee', 'evening', 150, [1, 2]),
    p('Posti', 'home', 180, [1, 3]),
  ],
  DK: [
    p('PostNord', 'service_point', 100, [1, 3], ['Netto', 'Føtex', 'Rema 1000', 'Meny', 'Spar']),
    p('GLS', 'service_point', 90, [1, 3], ['Circle K', 'Lidl', 'Kvickly']),
    p('PostNord', 'mailbox', 80, [2, 4]),
    p('DAO', 'home', 130, [1, 2]),
    p('PostNord', 'home', 170, [1, 3]),
  ],
  DE: [
    p('DHL', 'locker', 100, [1, 2], ['DHL Packstation']),
    p('DHL', 'service_point', 100, [1, 2], ['Deutsche Post Filiale', 'REWE', 'EDEKA']),
    p('Hermes', 'service_point', 90, [2, 4], ['Hermes PaketShop']),
    p('DHL', 'home', 120, [1, 2]),
    p('DPD', 'home', 130, [1, 2]),
    p('GLS', 'home', 110, [2, 3]),
  ],
  AT: [
    p('Österreichische Post', 'service_point', 100, [1, 3], ['Post Partner', 'BILLA']),
    p('DPD', 'service_point', 95, [2, 3], ['DPD Pickup Paketshop']),
    p('Österreichische Post', 'home', 110, [1, 3]),
    p('GLS', 'home', 120, [2, 3]),
  ],
  NL: [
    p('PostNL', 'service_point', 100, [1, 2], ['Albert Heijn', 'Primera', 'Bruna', 'Jumbo']),
    p('DHL', 'service_point', 95, [1, 3], ['DHL ServicePoint']),
    p('PostNL', 'home', 110, [1, 2]),
    p('DPD', 'home', 120, [1, 2]),
  ],
  BE: [
    p('bpost', 'service_point', 100, [1, 2], ['Point Poste', 'Carrefour Express']),
    p('GLS', 'service_point', 95, [2, 3], ['GLS ParcelShop']),
    p('bpost', 'home', 110, [1, 2]),
  ],
  CH: [
    p('Swiss Post', 'locker', 100, [2, 3], ['My Post 24']),
    p('Swiss Post', 'home', 100, [2, 3]),
    p('Swiss Post', 'express', 180, [1, 1]),
    p('DPD', 'home', 120, [1, 2]),
  ],
  PL: [
    p('InPost', 'locker', 100, [1, 2], ['Paczkomat InPost']),
    p('DHL', 'service_point', 95, [1, 3], ['DHL POP Żabka', 'Orlen Paczka']),
    p('DPD', 'home', 130, [1, 2]),
    p('Poczta Polska', 'home', 110, [2, 4]),
  ],
  GB: [
    p('Evri', 'service_point', 90, [2, 4], ['Evri ParcelShop', 'Co-op']),
    p('InPost', 'locker', 90, [2, 3], ['InPost Locker']),
    p('Royal Mail', 'home', 100, [2, 3]),
    p('DPD', 'express', 150, [1, 1]),
  ],
  US: [
    p('USPS', 'home', 90, [3, 6]),
    p('UPS', 'home', 100, [3, 5]),
    p('UPS', 'service_point', 95, [3, 5], ['The UPS Store', 'UPS Access Point']),
    p('FedEx', 'express', 250, [1, 2]),
  ],
  ES: [
    p('Correos', 'service_point', 90, [2, 4], ['Oficina de Correos', 'Citypaq']),
    p('Correos', 'home', 100, [2, 4]),
    p('SEUR', 'home', 120, [1, 2]),
  ],
  FR: [
    p('Mondial Relay', 'service_point', 80, [3, 5], ['Relais Mondial Relay', 'Tabac Presse']),
    p('Colissimo', 'home', 100, [2, 3]),
    p('Chronopost', 'express', 200, [1, 1]),
  ],
  IT: [
    p('BRT', 'service_point', 90, [2, 4], ['BRT-fermopoint']),
    p('Poste Italiane', 'home', 100, [2, 4]),
    p('BRT', 'home', 110, [1, 3]),
  ],
  PT: [
    p('CTT', 'service_point', 90, [2, 4], ['Loja CTT', 'Payshop']),
    p('CTT', 'home', 100, [2, 3]),
    p('DPD', 'home', 120, [1, 2]),
  ],
  IE: [
    p('Parcel Motel', 'locker', 90, [2, 3], ['Parcel Motel']),
    p('An Post', 'home', 100, [2, 3]),
    p('DPD', 'home', 120, [1, 2]),
  ],
};

/** Orders placed after this UTC hour are dispatched the next business day. */
export const DISPATCH_CUTOFF_HOUR_UTC = 14;

const slug = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

function addBusinessDays(ms: number, days: number): number {
  let t = ms;
  let left = days;
  while (left > 0) {
    t += DAY_MS;
    const weekday = new Date(t).getUTCDay();
    if (weekday !== 0 && weekday !== 6) left--;
  }
  return t;
}

/** The first dispatch day: today before the cutoff on a weekday, else the next business day. */
function dispatchDay(now: number): number {
  const day = new Date(now);
  const weekday = day.getUTCDay();
  const today = Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate());
  if (weekday !== 0 && weekday !== 6 && day.getUTCHours() < DISPATCH_CUTOFF_HOUR_UTC) return today;
  return addBusinessDays(today, 1);
}

/** A price ending on a whole step: whole units for SEK/NOK/DKK/PLN-sized bases, tens of minor units otherwise. */
function roundPrice(raw: number, base: number): number {
  const step = base >= 1000 ? 100 : 10;
  return Math.round(raw / step) * step;
}

/** A nearby postal code in the same format: the last digit moves by up to 3. */
function nearbyPostalCode(code: string, shift: number): string {
  const match = /^(.*?)(\d)$/.exec(code);
  if (!match) return code;
  const digit = Math.min(9, Math.max(0, Number(match[2]) + shift));
  return `${match[1]}${digit}`;
}

const STORE_HOURS = ['07:00', '08:00', '09:00'];
const STORE_CLOSING = ['20:00', '21:00', '22:00'];

function pickupPoints(product: Product, optionId: string, market: Market, postalCode: string): PickupPoint[] {
  const random = createRandom(seedState(`${optionId}|${postalCode}`));
  const points: PickupPoint[] = [];
  let distance = random.int(150, 700);
  for (let i = 0; i < 3; i++) {
    const street = random.pick(market.streets);
    const partner = random.pick(product.partners ?? [product.carrier]);
    const code = nearbyPostalCode(postalCode, random.int(-2, 3));
    const hours: OpeningHours[] =
      product.kind === 'locker'
        ? [{ days: [1, 2, 3, 4, 5, 6, 7], opens: '00:00', closes: '23:59' }]
        : [
            { days: [1, 2, 3, 4, 5], opens: random.pick(STORE_HOURS), closes: random.pick(STORE_CLOSING) },
            { days: [6], opens: '09:00', closes: '18:00' },
            ...(random.chance(0.7) ? [{ days: [7], opens: '11:00', closes: '17:00' }] : []),
          ];
    points.push({
      id: `${optionId}-${random.code(6)}`,
      name: `${partner} ${street}`,
      address: {
        street_address: market.country === 'FR' || market.country === 'GB' || market.country === 'US' || market.country === 'IE'
          ? `${random.int(1, 120)} ${street}`
          : `${street} ${random.int(1, 120)}`,
        postal_code: code,
        city: cityOf(market, code),
        country: market.country,
      },
      distance_meters: distance,
      opening_hours: hours,
    });
    distance += random.int(200, 1400);
  }
  return points;
}

export interface DeliveryQuery {
  country: string;
  currency: string;
  amount?: number | undefined;
  /** Already validated and normalized for the market. */
  postalCode?: string | undefined;
  language: Language;
  now: number;
}

/** The carriers' delivery options for a purchase; the caller has validated country and currency. */
export function deliveryOptions(q: DeliveryQuery): DeliveryOption[] {
  const market = marketOf(q.country)!;
  const currency = currencyOf(q.currency)!;
  const postalCode = q.postalCode ?? normalizePostalCode(market, market.defaultPostalCode);
  const free = q.amount !== undefined && q.amount >= currency.freeShippingFrom;
  const start = dispatchDay(q.now);
  return (CATALOGUE[market.country] ?? []).map((product) => {
    const id = `${slug(product.carrier)}-${product.kind.replace('_', '-')}`;
    const freeEligible = product.kind !== 'express' && product.kind !== 'evening';
    const price = free && freeEligible ? 0 : roundPrice((currency.shippingBase * product.price) / 100, currency.shippingBase);
    const option: DeliveryOption = {
      id,
      carrier: product.carrier,
      name: NAMES[product.kind][q.language],
      description: DESCRIPTIONS[product.kind][q.language],
      type: TYPE[product.kind],
      price,
      tax_amount: taxFromGross(price, market.vat),
      tax_rate: market.vat,
      currency: q.currency,
      delivery_window: {
        earliest: isoDate(addBusinessDays(start, product.days[0])),
        latest: isoDate(addBusinessDays(start, product.days[1])),
      },
    };
    if (option.type === 'pickup_point') option.pickup_points = pickupPoints(product, id, market, postalCode);
    return option;
  });
}
