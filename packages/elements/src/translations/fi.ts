import type { Translation } from './translation.js';

/** Finnish. */
const fi: Translation = {
  $code: 'fi',
  paymentMethod: 'Maksutapa',
  deliveryMethod: 'Toimitustapa',
  expressCheckout: 'Pikakassa',
  loading: 'Ladataan…',
  noPaymentMethods: 'Tälle ostokselle ei ole saatavilla maksutapoja.',
  noDeliveryMethods: 'Tähän osoitteeseen ei ole saatavilla toimitustapoja.',
  loadError: 'Lataaminen epäonnistui.',
  retry: 'Yritä uudelleen',
  unavailable: 'Ei saatavilla tässä maassa.',
  badPostalCode: 'Postinumero ei kelpaa. Anna kelvollinen postinumero, niin näet toimitustavat.',
  free: 'Ilmainen',
  deliveryWindow: (range) => `Toimitus ${range}`,
  home: 'Kotiinkuljetus',
  mailbox: 'Postilaatikko',
  pickupPoints: (n) => (n === 1 ? '1 noutopiste' : `${n} noutopistettä`),
  choosePickupPoint: 'Valitse noutopiste',
  away: (d) => `${d} päässä`,
  selectPaymentMethod: 'Valitse maksutapa.',
  selectDeliveryMethod: 'Valitse toimitustapa.',
  payWith: (name) => `Maksa: ${name}`,
  approvePurchase: 'Hyväksy ostoksesi',
  close: 'Sulje',
};
export default fi;
