import type { Translation } from './translation.js';

/** Swedish. */
const sv: Translation = {
  $code: 'sv',
  paymentMethod: 'Betalsätt',
  deliveryMethod: 'Leveranssätt',
  expressCheckout: 'Snabbkassa',
  loading: 'Laddar…',
  noPaymentMethods: 'Det finns inga betalsätt för det här köpet.',
  noDeliveryMethods: 'Det finns inga leveranssätt till den här adressen.',
  loadError: 'Det gick inte att ladda.',
  retry: 'Försök igen',
  unavailable: 'Inte tillgängligt för det här landet.',
  badPostalCode: 'Postnumret är ogiltigt. Ange ett giltigt postnummer för att se leveranssätten.',
  free: 'Gratis',
  deliveryWindow: (range) => `Leverans ${range}`,
  home: 'Hemleverans',
  mailbox: 'Brevlåda',
  pickupPoints: (n) => (n === 1 ? '1 utlämningsställe' : `${n} utlämningsställen`),
  choosePickupPoint: 'Välj utlämningsställe',
  away: (d) => `${d} bort`,
  selectPaymentMethod: 'Välj ett betalsätt.',
  selectDeliveryMethod: 'Välj ett leveranssätt.',
  payWith: (name) => `Betala med ${name}`,
  approvePurchase: 'Godkänn ditt köp',
  close: 'Stäng',
};
export default sv;
