/**
 * The markets the sandbox knows: currency, VAT, postal code format, cities, a test
 * customer per country, and per-currency amounts (Klarna's limit, shipping prices).
 * The Elements API and the checkout read them, so both refuse the same countries.
 *
 * The test customers follow the pattern of Klarna's published test persons
 * ("Testperson-se Approved"). Amounts are in minor units.
 */
import type { Address } from '@kustom/sdk/schemas';

export interface Market {
  country: string;
  currency: string;
  /** Standard VAT rate, two implicit decimals (2500 = 25 %). */
  vat: number;
  postalCode: RegExp;
  /** A central postal code, used when the shopper has not given one. */
  defaultPostalCode: string;
  /** `[postal code prefix, city]`, most specific first; the last entry is the fallback. */
  cities: ReadonlyArray<readonly [string, string]>;
  streets: readonly string[];
  customer: Address;
}

const person = (
  country: string,
  given: string,
  street: string,
  postal: string,
  city: string,
  phone: string,
  email: string,
  region?: string,
): Address => ({
  given_name: given,
  family_name: 'Approved',
  email,
  phone,
  street_address: street,
  postal_code: postal,
  city,
  ...(region ? { region } : {}),
  country,
});

const MARKET_LIST: Market[] = [
  {
    country: 'SE', currency: 'SEK', vat: 2500, postalCode: /^\d{3} ?\d{2}$/, defaultPostalCode: '11120',
    cities: [['1', 'Stockholm'], ['2', 'Malmö'], ['3', 'Växjö'], ['4', 'Göteborg'], ['5', 'Jönköping'], ['6', 'Norrköping'], ['75', 'Uppsala'], ['7', 'Västerås'], ['8', 'Sundsvall'], ['9', 'Umeå'], ['', 'Stockholm']],
    streets: ['Drottninggatan', 'Sveavägen', 'Storgatan', 'Kungsgatan', 'Hamngatan', 'Vasagatan', 'Götgatan', 'Södra Förstadsgatan'],
    customer: person('SE', 'Testperson-se', 'Stårgatan 1', '12345', 'Ankeborg', '+46765260000', 'customer@email.se'),
  },
  {
    country: 'NO', currency: 'NOK', vat: 2500, postalCode: /^\d{4}$/, defaultPostalCode: '0150',
    cities: [['0', 'Oslo'], ['1', 'Oslo'], ['3', 'Drammen'], ['4', 'Stavanger'], ['5', 'Bergen'], ['7', 'Trondheim'], ['9', 'Tromsø'], ['', 'Oslo']],
    streets: ['Karl Johans gate', 'Storgata', 'Bogstadveien', 'Torggata', 'Kongens gate', 'Markveien'],
    customer: person('NO', 'Testperson-no', 'Sæffleberggate 56', '0563', 'Oslo', '+4740123456', 'customer@email.no'),
  },
  {
    country: 'FI', currency: 'EUR', vat: 2550, postalCode: /^\d{5}$/, defaultPostalCode: '00100',
    cities: [['0', 'Helsinki'], ['2', 'Turku'], ['28', 'Pori'], ['33', 'Tampere'], ['40', 'Jyväskylä'], ['90', 'Oulu'], ['', 'Helsinki']],
    streets: ['Mannerheimintie', 'Aleksanterinkatu', 'Hämeenkatu', 'Kauppakatu', 'Yliopistonkatu', 'Itäinen Pitkäkatu'],
    customer: person('FI', 'Testperson-fi', 'Kiväärikatu 10', '28100', 'Pori', '+358401234567', 'customer@email.fi'),
  },
  {
    country: 'DK', currency: 'DKK', vat: 2500, postalCode: /^\d{4}$/, defaultPostalCode: '1050',
    cities: [['1', 'København'], ['2', 'København'], ['5', 'Odense'], ['68', 'Varde'], ['8', 'Aarhus'], ['9', 'Aalborg'], ['', 'København']],
    streets: ['Strøget', 'Nørrebrogade', 'Vesterbrogade', 'Søndergade', 'Algade', 'Østergade'],
    customer: person('DK', 'Testperson-dk', 'Sæffleberggate 56, 1 mf', '6800', 'Varde', '+4520123456', 'customer@email.dk'),
  },
  {
    country: 'DE', currency: 'EUR', vat: 1900, postalCode: /^\d{5}$/, defaultPostalCode: '10115',
    cities: [['0', 'Leipzig'], ['1', 'Berlin'], ['2', 'Hamburg'], ['41', 'Neuss'], ['4', 'Düsseldorf'], ['5', 'Köln'], ['6', 'Frankfurt am Main'], ['7', 'Stuttgart'], ['8', 'München'], ['9', 'Nürnberg'], ['', 'Berlin']],
    streets: ['Hauptstraße', 'Bahnhofstraße', 'Schillerstraße', 'Goethestraße', 'Friedrichstraße', 'Lindenallee'],
    customer: person('DE', 'Testperson-de', 'Hellersbergstraße 14', '41460', 'Neuss', '+4915112345678', 'customer@email.de'),
  },
  {
    country: 'AT', currency: 'EUR', vat: 2000, postalCode: /^\d{4}$/, defaultPostalCode: '1010',
    cities: [['1', 'Wien'], ['4', 'Linz'], ['5', 'Salzburg'], ['6', 'Innsbruck'], ['8', 'Graz'], ['', 'Wien']],
    streets: ['Mariahilfer Straße', 'Kärntner Straße', 'Landstraßer Hauptstraße', 'Getreidegasse', 'Herrengasse'],
    customer: person('AT', 'Testperson-at', 'Mariahilfer Straße 47', '1060', 'Wien', '+436641234567', 'customer@email.at'),
  },
  {
    country: 'NL', currency: 'EUR', vat: 2100, postalCode: /^\d{4} ?[A-Za-z]{2}$/, defaultPostalCode: '1012 AB',
    cities: [['1', 'Amsterdam'], ['25', 'Den Haag'], ['3', 'Rotterdam'], ['35', 'Utrecht'], ['5', 'Eindhoven'], ['', 'Amsterdam']],
    streets: ['Kalverstraat', 'Damrak', 'Lange Poten', 'Oudegracht', 'Coolsingel', 'Stratumseind'],
    customer: person('NL', 'Testperson-nl', 'Neherkade 1 XI', '2521 VA', 'Den Haag', '+31612345678', 'customer@email.nl'),
  },
  {
    country: 'BE', currency: 'EUR', vat: 2100, postalCode: /^\d{4}$/, defaultPostalCode: '1000',
    cities: [['1', 'Bruxelles'], ['2', 'Antwerpen'], ['4', 'Liège'], ['9', 'Gent'], ['', 'Bruxelles']],
    streets: ['Rue Neuve', 'Meir', 'Veldstraat', 'Rue de la Régence', 'Boulevard Anspach'],
    customer: person('BE', 'Testperson-be', 'Rue Royale 1', '1000', 'Bruxelles', '+32470123456', 'customer@email.be'),
  },
  {
    country: 'CH', currency: 'CHF', vat: 810, postalCode: /^\d{4}$/, defaultPostalCode: '8001',
    cities: [['1', 'Genève'], ['3', 'Bern'], ['4', 'Basel'], ['6', 'Luzern'], ['8', 'Zürich'], ['', 'Zürich']],
    streets: ['Bahnhofstrasse', 'Marktgasse', 'Freie Strasse', 'Rue du Rhône', 'Pilatusstrasse'],
    customer: person('CH', 'Testperson-ch', 'Bahnhofstrasse 77', '8001', 'Zürich', '+41791234567', 'customer@email.ch'),
  },
  {
    country: 'PL', currency: 'PLN', vat: 2300, postalCode: /^\d{2}-\d{3}$/, defaultPostalCode: '00-590',
    cities: [['0', 'Warszawa'], ['3', 'Kraków'], ['5', 'Wrocław'], ['6', 'Poznań'], ['8', 'Gdańsk'], ['9', 'Łódź'], ['', 'Warszawa']],
    streets: ['ul. Marszałkowska', 'ul. Nowy Świat', 'ul. Floriańska', 'ul. Piotrkowska', 'ul. Długa'],
    customer: person('PL', 'Testperson-pl', 'ul. Marszałkowska 10', '00-590', 'Warszawa', '+48501234567', 'customer@email.pl'),
  },
  {
    country: 'GB', currency: 'GBP', vat: 2000, postalCode: /^[A-Za-z]{1,2}\d[A-Za-z\d]? ?\d[A-Za-z]{2}$/, defaultPostalCode: 'SW1Y 4NW',
    cities: [['M', 'Manchester'], ['B', 'Birmingham'], ['E', 'Edinburgh'], ['L', 'Liverpool'], ['', 'London']],
    streets: ['High Street', 'Regent Street', 'Oxford Road', 'Station Road', 'Church Street'],
    customer: person('GB', 'Testperson-uk', '1 Regent Street', 'SW1Y 4NW', 'London', '+447700900123', 'customer@email.co.uk'),
  },
  {
    country: 'US', currency: 'USD', vat: 0, postalCode: /^\d{5}(-\d{4})?$/, defaultPostalCode: '10024',
    cities: [['1', 'New York'], ['3', 'Atlanta'], ['6', 'Chicago'], ['9', 'Los Angeles'], ['', 'New York']],
    streets: ['Amsterdam Ave', 'Main Street', 'Broadway', 'Market Street', 'Elm Street'],
    customer: person('US', 'Testperson-us', '509 Amsterdam Ave', '10024', 'New York', '+13106683312', 'customer@email.us', 'NY'),
  },
  {
    country: 'ES', currency: 'EUR', vat: 2100, postalCode: /^\d{5}$/, defaultPostalCode: '28013',
    cities: [['08', 'Barcelona'], ['28', 'Madrid'], ['41', 'Sevilla'], ['46', 'Valencia'], ['', 'Madrid']],
    streets: ['Calle de Alcalá', 'Gran Vía', 'Calle Mayor', 'Passeig de Gràcia', 'Calle Sierpes'],
    customer: person('ES', 'Testperson-es', 'Calle de Alcalá 48', '28014', 'Madrid', '+34612345678', 'customer@email.es'),
  },
  {
    country: 'FR', currency: 'EUR', vat: 2000, postalCode: /^\d{5}$/, defaultPostalCode: '75004',
    cities: [['13', 'Marseille'], ['31', 'Toulouse'], ['33', 'Bordeaux'], ['69', 'Lyon'], ['75', 'Paris'], ['', 'Paris']],
    streets: ['Rue de Rivoli', 'Rue de la République', 'Avenue Jean Médecin', 'Rue Sainte-Catherine', 'Cours Mirabeau'],
    customer: person('FR', 'Testperson-fr', '14 Rue de Rivoli', '75004', 'Paris', '+33612345678', 'customer@email.fr'),
  },
  {
    country: 'IT', currency: 'EUR', vat: 2200, postalCode: /^\d{5}$/, defaultPostalCode: '00186',
    cities: [['00', 'Roma'], ['20', 'Milano'], ['50', 'Firenze'], ['80', 'Napoli'], ['', 'Roma']],
    streets: ['Via del Corso', 'Via Roma', 'Corso Buenos Aires', 'Via Toledo', 'Via dei Calzaiuoli'],
    customer: person('IT', 'Testperson-it', 'Via del Corso 101', '00186', 'Roma', '+393123456789', 'customer@email.it'),
  },
  {
    country: 'PT', currency: 'EUR', vat: 2300, postalCode: /^\d{4}-\d{3}$/, defaultPostalCode: '1100-053',
    cities: [['1', 'Lisboa'], ['4', 'Porto'], ['8', 'Faro'], ['', 'Lisboa']],
    streets: ['Rua Augusta', 'Avenida da Liberdade', 'Rua de Santa Catarina', 'Rua do Carmo'],
    customer: person('PT', 'Testperson-pt', 'Rua Augusta 100', '1100-053', 'Lisboa', '+351912345678', 'customer@email.pt'),
  },
  {
    country: 'IE', currency: 'EUR', vat: 2300, postalCode: /^[A-Za-z]\d[\dWw] ?[A-Za-z\d]{4}$/, defaultPostalCode: 'D02 VF65',
    cities: [['T', 'Cork'], ['H', 'Galway'], ['', 'Dublin']],
    streets: ['Grafton Street', 'Henry Street', "O'Connell Street", 'Patrick Street', 'Shop Street'],
    customer: person('IE', 'Testperson-ie', '12 Grafton Street', 'D02 VF65', 'Dublin', '+353851234567', 'customer@email.ie'),
  },
];

export const MARKETS: ReadonlyMap<string, Market> = new Map(MARKET_LIST.map((m) => [m.country, m]));

export interface CurrencyFacts {
  /** The largest order Klarna accepts in this currency. */
  klarnaMax: number;
  /** Price of a standard parcel to a pickup point; other products scale from it. */
  shippingBase: number;
  /** Standard shipping is free from this order amount. */
  freeShippingFrom: number;
}

export const CURRENCIES: ReadonlyMap<string, CurrencyFacts> = new Map([
  ['SEK', { klarnaMax: 5_000_000, shippingBase: 4900, freeShippingFrom: 50_000 }],
  ['NOK', { klarnaMax: 5_000_000, shippingBase: 6900, freeShippingFrom: 60_000 }],
  ['DKK', { klarnaMax: 3_500_000, shippingBase: 4900, freeShippingFrom: 50_000 }],
  ['EUR', { klarnaMax: 500_000, shippingBase: 590, freeShippingFrom: 6_000 }],
  ['CHF', { klarnaMax: 500_000, shippingBase: 790, freeShippingFrom: 7_500 }],
  ['PLN', { klarnaMax: 2_000_000, shippingBase: 1299, freeShippingFrom: 20_000 }],
  ['GBP', { klarnaMax: 400_000, shippingBase: 399, freeShippingFrom: 5_000 }],
  ['USD', { klarnaMax: 500_000, shippingBase: 699, freeShippingFrom: 7_500 }],
]);

export const marketOf = (country: string): Market | undefined => MARKETS.get(country.toUpperCase());
export const currencyOf = (currency: string): CurrencyFacts | undefined => CURRENCIES.get(currency.toUpperCase());

/** The city of a postal code in a market (by prefix). */
export function cityOf(market: Market, postalCode: string): string {
  const code = postalCode.toUpperCase();
  return market.cities.find(([prefix]) => code.startsWith(prefix))?.[1] ?? market.cities[market.cities.length - 1]![1];
}

/** `11120` → `111 20` in Sweden; other formats are upper-cased as given. */
export function normalizePostalCode(market: Market, postalCode: string): string {
  const code = postalCode.trim().toUpperCase();
  if (market.country === 'SE') return code.replace(/^(\d{3}) ?(\d{2})$/, '$1 $2');
  if (market.country === 'NL') return code.replace(/^(\d{4}) ?([A-Z]{2})$/, '$1 $2');
  return code;
}

/** The problems of a purchase country / currency pair, as `BAD_VALUE` field messages. */
export function marketIssues(country: string, currency: string): Array<{ path: string; message: string }> {
  const issues: Array<{ path: string; message: string }> = [];
  if (!marketOf(country)) {
    issues.push({ path: 'purchase_country', message: `${country} is not a supported purchase country (${[...MARKETS.keys()].join(', ')})` });
  }
  if (!currencyOf(currency)) {
    issues.push({ path: 'purchase_currency', message: `${currency} is not a supported currency (${[...CURRENCIES.keys()].join(', ')})` });
  }
  return issues;
}
