import type { Translation } from './translation.js';

/** Norwegian Bokmål (also used for `no` and `nn`). */
const nb: Translation = {
  $code: 'nb',
  paymentMethod: 'Betalingsmåte',
  deliveryMethod: 'Leveringsmåte',
  expressCheckout: 'Hurtigkasse',
  loading: 'Laster inn…',
  noPaymentMethods: 'Det finnes ingen betalingsmåter for dette kjøpet.',
  noDeliveryMethods: 'Det finnes ingen leveringsalternativer til denne adressen.',
  loadError: 'Dette kunne ikke lastes inn.',
  retry: 'Prøv igjen',
  unavailable: 'Ikke tilgjengelig i dette landet.',
  badPostalCode: 'Postnummeret er ugyldig. Oppgi et gyldig postnummer for å se leveringsalternativene.',
  free: 'Gratis',
  deliveryWindow: (range) => `Levering ${range}`,
  home: 'Hjemlevering',
  mailbox: 'Postkasse',
  pickupPoints: (n) => (n === 1 ? '1 hentested' : `${n} hentesteder`),
  choosePickupPoint: 'Velg hentested',
  away: (d) => `${d} unna`,
  selectPaymentMethod: 'Velg en betalingsmåte.',
  selectDeliveryMethod: 'Velg et leveringsalternativ.',
  payWith: (name) => `Betal med ${name}`,
  approvePurchase: 'Godkjenn kjøpet ditt',
  close: 'Lukk',
};
export default nb;
