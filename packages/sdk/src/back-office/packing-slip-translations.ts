/** The texts of a packing slip in the portal's six languages. */
import type { OrderLocale } from '../orders/index.js';

export interface PackingSlipTranslation {
  title: string;
  orderNumber: string;
  orderDate: string;
  reference: string;
  shippingMethod: string;
  tracking: string;
  shipTo: string;
  /** The pickup point the shopper chose (`selected_shipping_option.location`). */
  pickupPoint: string;
  customer: string;
  articleNumber: string;
  item: string;
  quantity: string;
  totalQuantity: string;
  /** Shown when part of the captured amount was captured without order lines. */
  notItemised: string;
}

export const packingSlipTranslations: Readonly<Record<OrderLocale, PackingSlipTranslation>> = {
  en: {
    title: 'Packing slip',
    orderNumber: 'Order number',
    orderDate: 'Order date',
    reference: 'Reference',
    shippingMethod: 'Shipping method',
    tracking: 'Tracking number',
    shipTo: 'Ship to',
    pickupPoint: 'Pickup point',
    customer: 'Customer',
    articleNumber: 'Article number',
    item: 'Item',
    quantity: 'Quantity',
    totalQuantity: 'Total quantity',
    notItemised: 'Part of the captured amount is not itemised by article.',
  },
  sv: {
    title: 'Följesedel',
    orderNumber: 'Ordernummer',
    orderDate: 'Orderdatum',
    reference: 'Referens',
    shippingMethod: 'Leveranssätt',
    tracking: 'Spårningsnummer',
    shipTo: 'Leveransadress',
    pickupPoint: 'Utlämningsställe',
    customer: 'Kund',
    articleNumber: 'Artikelnummer',
    item: 'Artikel',
    quantity: 'Antal',
    totalQuantity: 'Totalt antal',
    notItemised: 'En del av det debiterade beloppet är inte specificerat per artikel.',
  },
  fi: {
    title: 'Lähetysluettelo',
    orderNumber: 'Tilausnumero',
    orderDate: 'Tilauspäivä',
    reference: 'Viite',
    shippingMethod: 'Toimitustapa',
    tracking: 'Seurantanumero',
    shipTo: 'Toimitusosoite',
    pickupPoint: 'Noutopiste',
    customer: 'Asiakas',
    articleNumber: 'Tuotenumero',
    item: 'Tuote',
    quantity: 'Määrä',
    totalQuantity: 'Määrä yhteensä',
    notItemised: 'Osaa veloitetusta summasta ei ole eritelty tuotteittain.',
  },
  da: {
    title: 'Følgeseddel',
    orderNumber: 'Ordrenummer',
    orderDate: 'Ordredato',
    reference: 'Reference',
    shippingMethod: 'Leveringsmetode',
    tracking: 'Sporingsnummer',
    shipTo: 'Leveringsadresse',
    pickupPoint: 'Udleveringssted',
    customer: 'Kunde',
    articleNumber: 'Varenummer',
    item: 'Vare',
    quantity: 'Antal',
    totalQuantity: 'Antal i alt',
    notItemised: 'En del af det hævede beløb er ikke specificeret pr. vare.',
  },
  nb: {
    title: 'Pakkseddel',
    orderNumber: 'Ordrenummer',
    orderDate: 'Ordredato',
    reference: 'Referanse',
    shippingMethod: 'Leveringsmetode',
    tracking: 'Sporingsnummer',
    shipTo: 'Leveringsadresse',
    pickupPoint: 'Hentested',
    customer: 'Kunde',
    articleNumber: 'Varenummer',
    item: 'Vare',
    quantity: 'Antall',
    totalQuantity: 'Antall totalt',
    notItemised: 'En del av det belastede beløpet er ikke spesifisert per vare.',
  },
  de: {
    title: 'Lieferschein',
    orderNumber: 'Bestellnummer',
    orderDate: 'Bestelldatum',
    reference: 'Referenz',
    shippingMethod: 'Versandart',
    tracking: 'Sendungsnummer',
    shipTo: 'Lieferadresse',
    pickupPoint: 'Abholstation',
    customer: 'Kunde',
    articleNumber: 'Artikelnummer',
    item: 'Artikel',
    quantity: 'Menge',
    totalQuantity: 'Gesamtmenge',
    notItemised: 'Ein Teil des erfassten Betrags ist nicht nach Artikeln aufgeschlüsselt.',
  },
};

/** The region each language's dates are formatted for. */
export const DATE_LOCALES: Readonly<Record<OrderLocale, string>> = { en: 'en-GB', sv: 'sv-SE', fi: 'fi-FI', da: 'da-DK', nb: 'nb-NO', de: 'de-DE' };
