/** The columns of the orders page and of the orders export. */
import type { Order } from '../schemas/index.js';
import type { ColumnDef, ColumnTable } from './columns.js';
import { addressLines, customerEmail, customerName, customerPhone, orderTaxAmount, paymentMethodOf } from './order-fields.js';

const text = (header: ColumnDef<Order>['header'], get: (order: Order) => string | undefined): ColumnDef<Order> => ({ header, kind: 'text', get });
const amount = (header: ColumnDef<Order>['header'], get: (order: Order) => number | undefined, field?: string): ColumnDef<Order> =>
  field ? { header, kind: 'amount', get, field } : { header, kind: 'amount', get };
const date = (header: ColumnDef<Order>['header'], get: (order: Order) => string | undefined): ColumnDef<Order> => ({ header, kind: 'date', get });

const ORDER_COLUMN_DEFS = {
  order_id: text({ en: 'Order ID', sv: 'Order-ID', fi: 'Tilaustunnus', da: 'Ordre-ID', nb: 'Ordre-ID', de: 'Bestell-ID' }, (o) => o.order_id),
  merchant_reference1: text(
    { en: 'Merchant reference 1', sv: 'Handlarreferens 1', fi: 'Kauppiaan viite 1', da: 'Forhandlerreference 1', nb: 'Forhandlerreferanse 1', de: 'Händlerreferenz 1' },
    (o) => o.merchant_reference1,
  ),
  merchant_reference2: text(
    { en: 'Merchant reference 2', sv: 'Handlarreferens 2', fi: 'Kauppiaan viite 2', da: 'Forhandlerreference 2', nb: 'Forhandlerreferanse 2', de: 'Händlerreferenz 2' },
    (o) => o.merchant_reference2,
  ),
  klarna_reference: text(
    { en: 'Klarna reference', sv: 'Klarna-referens', fi: 'Klarna-viite', da: 'Klarna-reference', nb: 'Klarna-referanse', de: 'Klarna-Referenz' },
    (o) => o.klarna_reference,
  ),
  created_at: date({ en: 'Order date', sv: 'Orderdatum', fi: 'Tilauspäivä', da: 'Ordredato', nb: 'Ordredato', de: 'Bestelldatum' }, (o) => o.created_at),
  expires_at: date({ en: 'Expiry date', sv: 'Utgångsdatum', fi: 'Vanhenemispäivä', da: 'Udløbsdato', nb: 'Utløpsdato', de: 'Ablaufdatum' }, (o) => o.expires_at),
  status: text({ en: 'Status', sv: 'Status', fi: 'Tila', da: 'Status', nb: 'Status', de: 'Status' }, (o) => o.status),
  fraud_status: text(
    { en: 'Fraud status', sv: 'Bedrägeristatus', fi: 'Petostarkistuksen tila', da: 'Svindelstatus', nb: 'Svindelstatus', de: 'Betrugsstatus' },
    (o) => o.fraud_status,
  ),
  customer_name: text({ en: 'Customer name', sv: 'Kundnamn', fi: 'Asiakkaan nimi', da: 'Kundenavn', nb: 'Kundenavn', de: 'Kundenname' }, customerName),
  customer_email: text(
    { en: 'Customer e-mail', sv: 'Kundens e-post', fi: 'Asiakkaan sähköposti', da: 'Kundens e-mail', nb: 'Kundens e-post', de: 'E-Mail des Kunden' },
    customerEmail,
  ),
  customer_phone: text(
    { en: 'Customer phone', sv: 'Kundens telefon', fi: 'Asiakkaan puhelin', da: 'Kundens telefon', nb: 'Kundens telefon', de: 'Telefon des Kunden' },
    customerPhone,
  ),
  shipping_address: text(
    { en: 'Shipping address', sv: 'Leveransadress', fi: 'Toimitusosoite', da: 'Leveringsadresse', nb: 'Leveringsadresse', de: 'Lieferadresse' },
    (o) => addressLines(o.shipping_address ?? o.billing_address).join(', '),
  ),
  shipping_method: text(
    { en: 'Shipping method', sv: 'Leveranssätt', fi: 'Toimitustapa', da: 'Leveringsmetode', nb: 'Leveringsmetode', de: 'Versandart' },
    (o) => o.selected_shipping_option?.name,
  ),
  payment_method: text(
    { en: 'Payment method', sv: 'Betalningsmetod', fi: 'Maksutapa', da: 'Betalingsmetode', nb: 'Betalingsmetode', de: 'Zahlungsart' },
    paymentMethodOf,
  ),
  purchase_country: text({ en: 'Country', sv: 'Land', fi: 'Maa', da: 'Land', nb: 'Land', de: 'Land' }, (o) => o.purchase_country?.toUpperCase()),
  purchase_currency: text({ en: 'Currency', sv: 'Valuta', fi: 'Valuutta', da: 'Valuta', nb: 'Valuta', de: 'Währung' }, (o) => o.purchase_currency?.toUpperCase()),
  order_amount: amount(
    { en: 'Order amount', sv: 'Orderbelopp', fi: 'Tilauksen summa', da: 'Ordrebeløb', nb: 'Ordrebeløp', de: 'Bestellbetrag' },
    (o) => o.order_amount,
  ),
  order_tax_amount: amount(
    { en: 'Tax amount', sv: 'Momsbelopp', fi: 'Arvonlisävero', da: 'Momsbeløb', nb: 'MVA-beløp', de: 'Steuerbetrag' },
    orderTaxAmount,
    'order_lines',
  ),
  original_order_amount: amount(
    { en: 'Original order amount', sv: 'Ursprungligt orderbelopp', fi: 'Alkuperäinen tilaussumma', da: 'Oprindeligt ordrebeløb', nb: 'Opprinnelig ordrebeløp', de: 'Ursprünglicher Bestellbetrag' },
    (o) => o.original_order_amount,
  ),
  captured_amount: amount(
    { en: 'Captured amount', sv: 'Debiterat belopp', fi: 'Veloitettu summa', da: 'Hævet beløb', nb: 'Belastet beløp', de: 'Erfasster Betrag' },
    (o) => o.captured_amount,
  ),
  refunded_amount: amount(
    { en: 'Refunded amount', sv: 'Återbetalat belopp', fi: 'Hyvitetty summa', da: 'Refunderet beløb', nb: 'Refundert beløp', de: 'Erstatteter Betrag' },
    (o) => o.refunded_amount,
  ),
  remaining_authorized_amount: amount(
    {
      en: 'Remaining authorized amount',
      sv: 'Återstående reserverat belopp',
      fi: 'Jäljellä oleva varattu summa',
      da: 'Resterende reserveret beløb',
      nb: 'Gjenstående reservert beløp',
      de: 'Verbleibender autorisierter Betrag',
    },
    (o) => o.remaining_authorized_amount,
  ),
} satisfies Record<string, ColumnDef<Order>>;

/** A column of the orders page and export. */
export type OrderColumn = keyof typeof ORDER_COLUMN_DEFS;

/** Every order column, in the order the portal shows them. */
export const ORDER_COLUMNS = Object.keys(ORDER_COLUMN_DEFS) as readonly OrderColumn[];

/** The columns of `ordersToCsv` when none are chosen. */
export const DEFAULT_ORDER_COLUMNS: readonly OrderColumn[] = [
  'order_id',
  'merchant_reference1',
  'created_at',
  'status',
  'customer_name',
  'customer_email',
  'purchase_country',
  'payment_method',
  'purchase_currency',
  'order_amount',
  'captured_amount',
  'refunded_amount',
  'expires_at',
];

export const ORDER_TABLE: ColumnTable<Order, OrderColumn> = {
  source: 'orders',
  columns: ORDER_COLUMN_DEFS,
  currency: (order) => order.purchase_currency,
  currencyField: 'purchase_currency',
};
