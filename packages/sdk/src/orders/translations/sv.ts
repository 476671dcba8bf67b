import type { OrderTranslation } from './translation.js';

export const sv: OrderTranslation = {
  status: {
    AUTHORIZED: 'Auktoriserad',
    PART_CAPTURED: 'Delvis debiterad',
    CAPTURED: 'Debiterad',
    CANCELLED: 'Avbruten',
    EXPIRED: 'Utgången',
    CLOSED: 'Stängd',
  },
  action: {
    capture: 'Debitera',
    refund: 'Återbetala',
    cancel: 'Avbryt order',
    release: 'Frigör återstående belopp',
    extend: 'Förläng auktoriseringen',
    edit: 'Redigera order',
    updateCustomerDetails: 'Uppdatera kunduppgifter',
    addShippingInfo: 'Lägg till leveransinformation',
  },
  reason: {
    CANCELLED: 'Ordern är avbruten.',
    EXPIRED: 'Reservationstiden har gått ut.',
    CLOSED: 'Ordern är stängd.',
    HAS_CAPTURES: 'En del av ordern har redan debiterats.',
    NO_CAPTURES: 'Inget har debiterats ännu.',
    NOTHING_LEFT_TO_CAPTURE: 'Det finns inget kvar att debitera.',
    NOTHING_TO_REFUND: 'Allt som debiterats har redan återbetalats.',
    NOT_KLARNA: 'Endast ordrar som betalats med Klarna kan förlängas.',
    EXTENSION_LIMIT_REACHED: 'Auktoriseringen kan inte förlängas längre än 90 dagar efter köpet.',
    COUNTRY_NOT_SUPPORTED: 'Förlängning är inte tillgänglig för köp i det här landet.',
  },
  event: {
    authorized: 'Auktoriserad',
    captured: 'Debiterad',
    refunded: 'Återbetald',
    shippingInfo: 'Leveransinformation tillagd',
    extended: 'Auktoriseringen förlängd',
    released: 'Återstående belopp frigjort',
    cancelled: 'Avbruten',
    expired: 'Utgången',
  },
};
