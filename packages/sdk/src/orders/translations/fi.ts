import type { OrderTranslation } from './translation.js';

export const fi: OrderTranslation = {
  status: {
    AUTHORIZED: 'Valtuutettu',
    PART_CAPTURED: 'Osittain veloitettu',
    CAPTURED: 'Veloitettu',
    CANCELLED: 'Peruutettu',
    EXPIRED: 'Vanhentunut',
    CLOSED: 'Suljettu',
  },
  action: {
    capture: 'Veloita',
    refund: 'Hyvitä',
    cancel: 'Peruuta tilaus',
    release: 'Vapauta jäljellä oleva summa',
    extend: 'Pidennä valtuutusta',
    edit: 'Muokkaa tilausta',
    updateCustomerDetails: 'Päivitä asiakastiedot',
    addShippingInfo: 'Lisää toimitustiedot',
  },
  reason: {
    CANCELLED: 'Tilaus on peruutettu.',
    EXPIRED: 'Varausaika on päättynyt.',
    CLOSED: 'Tilaus on suljettu.',
    HAS_CAPTURES: 'Osa tilauksesta on jo veloitettu.',
    NO_CAPTURES: 'Mitään ei ole vielä veloitettu.',
    NOTHING_LEFT_TO_CAPTURE: 'Veloitettavaa ei ole jäljellä.',
    NOTHING_TO_REFUND: 'Kaikki veloitettu on jo hyvitetty.',
    NOT_KLARNA: 'Vain Klarnalla maksettujen tilausten valtuutusta voi pidentää.',
    EXTENSION_LIMIT_REACHED: 'Valtuutusta ei voi pidentää yli 90 päivän päähän ostosta.',
    COUNTRY_NOT_SUPPORTED: 'Pidennys ei ole käytettävissä tämän maan ostoksille.',
  },
  event: {
    authorized: 'Valtuutettu',
    captured: 'Veloitettu',
    refunded: 'Hyvitetty',
    shippingInfo: 'Toimitustiedot lisätty',
    extended: 'Valtuutusta pidennetty',
    released: 'Jäljellä oleva summa vapautettu',
    cancelled: 'Peruutettu',
    expired: 'Vanhentunut',
  },
};
