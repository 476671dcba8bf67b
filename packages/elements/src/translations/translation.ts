/**
 * The strings of the elements' own interface, in one shape for every language.
 * Payment method names and descriptions come localized from the Elements API;
 * everything else the elements show is here. Amounts, dates, distances and
 * weekdays are formatted with `Intl` for the element's locale, so a translation
 * only words the sentences around them; plurals are functions.
 */
export interface Translation {
  /** The language tag this translation is for, e.g. `sv`. */
  readonly $code: string;
  /** Accessible name of the payment method group. */
  paymentMethod: string;
  /** Accessible name of the delivery option group. */
  deliveryMethod: string;
  /** Accessible name of the express button group. */
  expressCheckout: string;
  /** Read out while a list loads. */
  loading: string;
  /** Shown when no payment method is available for the purchase. */
  noPaymentMethods: string;
  /** Shown when no delivery option is available for the address. */
  noDeliveryMethods: string;
  /** Shown when a list could not be loaded. */
  loadError: string;
  /** The retry button after a load error. */
  retry: string;
  /** Shown, without a retry button, when Kustom does not serve the purchase country or currency. */
  unavailable: string;
  /** Shown, without a retry button, when the delivery options were asked for an invalid postal code. */
  badPostalCode: string;
  /** The price of a delivery option that costs nothing. */
  free: string;
  /** A delivery window, given the localized date range, e.g. `Delivery 3–5 Dec`. */
  deliveryWindow: (range: string) => string;
  /** Home delivery (a kind of delivery option). */
  home: string;
  /** Mailbox delivery (a kind of delivery option). */
  mailbox: string;
  /** How many pickup points an option offers (shown as its kind). */
  pickupPoints: (count: number) => string;
  /** Accessible name of the pickup point group. */
  choosePickupPoint: string;
  /** How far away a pickup point is, given the localized distance. */
  away: (distance: string) => string;
  /** Validation message when a required payment method is not chosen. */
  selectPaymentMethod: string;
  /** Validation message when a required delivery option is not chosen. */
  selectDeliveryMethod: string;
  /** An express button's label, given the wallet's name. */
  payWith: (name: string) => string;
  /** Title of the in-page approval dialog (used when popups are blocked). */
  approvePurchase: string;
  /** The button that closes the approval dialog. */
  close: string;
}
