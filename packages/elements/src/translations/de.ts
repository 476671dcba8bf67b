import type { Translation } from './translation.js';

/** German. */
const de: Translation = {
  $code: 'de',
  paymentMethod: 'Zahlungsart',
  deliveryMethod: 'Versandart',
  expressCheckout: 'Express-Kasse',
  loading: 'Wird geladen…',
  noPaymentMethods: 'Für diesen Einkauf sind keine Zahlungsarten verfügbar.',
  noDeliveryMethods: 'Für diese Adresse sind keine Versandoptionen verfügbar.',
  loadError: 'Das konnte nicht geladen werden.',
  retry: 'Erneut versuchen',
  unavailable: 'In diesem Land nicht verfügbar.',
  badPostalCode: 'Diese Postleitzahl ist ungültig. Geben Sie eine gültige Postleitzahl ein, um die Versandoptionen zu sehen.',
  free: 'Kostenlos',
  deliveryWindow: (range) => `Lieferung ${range}`,
  home: 'Lieferung nach Hause',
  mailbox: 'Briefkasten',
  pickupPoints: (n) => (n === 1 ? '1 Abholstelle' : `${n} Abholstellen`),
  choosePickupPoint: 'Abholstelle wählen',
  away: (d) => `${d} entfernt`,
  selectPaymentMethod: 'Wählen Sie eine Zahlungsart.',
  selectDeliveryMethod: 'Wählen Sie eine Versandoption.',
  payWith: (name) => `Mit ${name} bezahlen`,
  approvePurchase: 'Einkauf bestätigen',
  close: 'Schließen',
};
export default de;
