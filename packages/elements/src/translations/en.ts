import type { Translation } from './translation.js';

/** English, the fallback for every language without a translation. */
const en: Translation = {
  $code: 'en',
  paymentMethod: 'Payment method',
  deliveryMethod: 'Delivery method',
  expressCheckout: 'Express checkout',
  loading: 'Loading…',
  noPaymentMethods: 'No payment methods are available for this purchase.',
  noDeliveryMethods: 'No delivery options are available for this address.',
  loadError: 'This could not be loaded.',
  retry: 'Try again',
  unavailable: 'Not available for this country.',
  badPostalCode: 'This postal code is not valid. Enter a valid postal code to see the delivery options.',
  free: 'Free',
  deliveryWindow: (range) => `Delivery ${range}`,
  home: 'Home delivery',
  mailbox: 'Mailbox',
  pickupPoints: (n) => (n === 1 ? '1 pickup point' : `${n} pickup points`),
  choosePickupPoint: 'Choose a pickup point',
  away: (d) => `${d} away`,
  selectPaymentMethod: 'Choose a payment method.',
  selectDeliveryMethod: 'Choose a delivery option.',
  payWith: (name) => `Pay with ${name}`,
  approvePurchase: 'Approve your purchase',
  close: 'Close',
};
export default en;
