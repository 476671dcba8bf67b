import type { Translation } from './translation.js';

/** Danish. */
const da: Translation = {
  $code: 'da',
  paymentMethod: 'Betalingsmetode',
  deliveryMethod: 'Leveringsmetode',
  expressCheckout: 'Hurtig betaling',
  loading: 'Indlæser…',
  noPaymentMethods: 'Der er ingen betalingsmetoder til dette køb.',
  noDeliveryMethods: 'Der er ingen leveringsmuligheder til denne adresse.',
  loadError: 'Det kunne ikke indlæses.',
  retry: 'Prøv igen',
  unavailable: 'Ikke tilgængelig i dette land.',
  badPostalCode: 'Postnummeret er ugyldigt. Angiv et gyldigt postnummer for at se leveringsmulighederne.',
  free: 'Gratis',
  deliveryWindow: (range) => `Levering ${range}`,
  home: 'Levering til døren',
  mailbox: 'Postkasse',
  pickupPoints: (n) => (n === 1 ? '1 udleveringssted' : `${n} udleveringssteder`),
  choosePickupPoint: 'Vælg udleveringssted',
  away: (d) => `${d} væk`,
  selectPaymentMethod: 'Vælg en betalingsmetode.',
  selectDeliveryMethod: 'Vælg en leveringsmulighed.',
  payWith: (name) => `Betal med ${name}`,
  approvePurchase: 'Godkend dit køb',
  close: 'Luk',
};
export default da;
