import type { OrderTranslation } from './translation.js';

export const nb: OrderTranslation = {
  status: {
    AUTHORIZED: 'Autorisert',
    PART_CAPTURED: 'Delvis belastet',
    CAPTURED: 'Belastet',
    CANCELLED: 'Kansellert',
    EXPIRED: 'Utløpt',
    CLOSED: 'Lukket',
  },
  action: {
    capture: 'Belast',
    refund: 'Refunder',
    cancel: 'Kanseller ordre',
    release: 'Frigi gjenstående beløp',
    extend: 'Forleng autorisasjonen',
    edit: 'Rediger ordre',
    updateCustomerDetails: 'Oppdater kundeopplysninger',
    addShippingInfo: 'Legg til fraktinformasjon',
  },
  reason: {
    CANCELLED: 'Ordren er kansellert.',
    EXPIRED: 'Reservasjonstiden har utløpt.',
    CLOSED: 'Ordren er lukket.',
    HAS_CAPTURES: 'En del av ordren er allerede belastet.',
    NO_CAPTURES: 'Ingenting er belastet ennå.',
    NOTHING_LEFT_TO_CAPTURE: 'Det er ingenting igjen å belaste.',
    NOTHING_TO_REFUND: 'Alt som er belastet, er allerede refundert.',
    NOT_KLARNA: 'Bare ordrer betalt med Klarna kan forlenges.',
    EXTENSION_LIMIT_REACHED: 'Autorisasjonen kan ikke forlenges lenger enn 90 dager etter kjøpet.',
    COUNTRY_NOT_SUPPORTED: 'Forlengelse er ikke tilgjengelig for kjøp i dette landet.',
  },
  event: {
    authorized: 'Autorisert',
    captured: 'Belastet',
    refunded: 'Refundert',
    shippingInfo: 'Fraktinformasjon lagt til',
    extended: 'Autorisasjonen forlenget',
    released: 'Gjenstående beløp frigitt',
    cancelled: 'Kansellert',
    expired: 'Utløpt',
  },
};
