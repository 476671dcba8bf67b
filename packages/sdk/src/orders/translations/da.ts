import type { OrderTranslation } from './translation.js';

export const da: OrderTranslation = {
  status: {
    AUTHORIZED: 'Autoriseret',
    PART_CAPTURED: 'Delvist hævet',
    CAPTURED: 'Hævet',
    CANCELLED: 'Annulleret',
    EXPIRED: 'Udløbet',
    CLOSED: 'Lukket',
  },
  action: {
    capture: 'Hæv',
    refund: 'Refunder',
    cancel: 'Annuller ordre',
    release: 'Frigiv resterende beløb',
    extend: 'Forlæng autorisationen',
    edit: 'Rediger ordre',
    updateCustomerDetails: 'Opdater kundeoplysninger',
    addShippingInfo: 'Tilføj forsendelsesoplysninger',
  },
  reason: {
    CANCELLED: 'Ordren er annulleret.',
    EXPIRED: 'Reservationstiden er udløbet.',
    CLOSED: 'Ordren er lukket.',
    HAS_CAPTURES: 'En del af ordren er allerede hævet.',
    NO_CAPTURES: 'Der er endnu ikke hævet noget.',
    NOTHING_LEFT_TO_CAPTURE: 'Der er intet tilbage at hæve.',
    NOTHING_TO_REFUND: 'Alt, der er hævet, er allerede refunderet.',
    NOT_KLARNA: 'Kun ordrer betalt med Klarna kan forlænges.',
    EXTENSION_LIMIT_REACHED: 'Autorisationen kan ikke forlænges ud over 90 dage efter købet.',
    COUNTRY_NOT_SUPPORTED: 'Forlængelse er ikke tilgængelig for køb i dette land.',
  },
  event: {
    authorized: 'Autoriseret',
    captured: 'Hævet',
    refunded: 'Refunderet',
    shippingInfo: 'Forsendelsesoplysninger tilføjet',
    extended: 'Autorisationen forlænget',
    released: 'Resterende beløb frigivet',
    cancelled: 'Annulleret',
    expired: 'Udløbet',
  },
};
