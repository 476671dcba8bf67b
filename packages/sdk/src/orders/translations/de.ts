import type { OrderTranslation } from './translation.js';

export const de: OrderTranslation = {
  status: {
    AUTHORIZED: 'Autorisiert',
    PART_CAPTURED: 'Teilweise erfasst',
    CAPTURED: 'Erfasst',
    CANCELLED: 'Storniert',
    EXPIRED: 'Abgelaufen',
    CLOSED: 'Abgeschlossen',
  },
  action: {
    capture: 'Erfassen',
    refund: 'Erstatten',
    cancel: 'Bestellung stornieren',
    release: 'Restbetrag freigeben',
    extend: 'Autorisierung verlängern',
    edit: 'Bestellung bearbeiten',
    updateCustomerDetails: 'Kundendaten aktualisieren',
    addShippingInfo: 'Versandinformationen hinzufügen',
  },
  reason: {
    CANCELLED: 'Die Bestellung ist storniert.',
    EXPIRED: 'Die Reservierungszeit ist abgelaufen.',
    CLOSED: 'Die Bestellung ist abgeschlossen.',
    HAS_CAPTURES: 'Ein Teil der Bestellung wurde bereits erfasst.',
    NO_CAPTURES: 'Es wurde noch nichts erfasst.',
    NOTHING_LEFT_TO_CAPTURE: 'Es ist nichts mehr zu erfassen.',
    NOTHING_TO_REFUND: 'Alles Erfasste wurde bereits erstattet.',
    NOT_KLARNA: 'Nur mit Klarna bezahlte Bestellungen können verlängert werden.',
    EXTENSION_LIMIT_REACHED: 'Die Autorisierung kann nicht über 90 Tage nach dem Kauf hinaus verlängert werden.',
    COUNTRY_NOT_SUPPORTED: 'Für Käufe in diesem Land ist keine Verlängerung möglich.',
  },
  event: {
    authorized: 'Autorisiert',
    captured: 'Erfasst',
    refunded: 'Erstattet',
    shippingInfo: 'Versandinformationen hinzugefügt',
    extended: 'Autorisierung verlängert',
    released: 'Restbetrag freigegeben',
    cancelled: 'Storniert',
    expired: 'Abgelaufen',
  },
};
