/**
 * @kustom/elements: payment methods, delivery options and express checkout
 * buttons as small, accessible, form-associated custom elements.
 *
 * This entry exports the classes, events and types, and registers nothing.
 * Register the tags with `@kustom/elements/define` (all of them) or one
 * `@kustom/elements/define/<element>` module each.
 */
export { configure, type KustomElementsOptions } from './config.js';
export { KustomPaymentMethodDisplay } from './payment-method-display.js';
export { KustomDeliveryMethodDisplay } from './delivery-method-display.js';
export { KustomExpressButtons, type ExpressCreateOrder } from './express-buttons.js';
export { KustomElementsProvider } from './elements-provider.js';
export type { KustomElementState } from './base/kustom-element.js';
export * from './events.js';
export type { Translation } from './translations/translation.js';
export type {
  DeliveryOption,
  ExpressButton,
  OpeningHours,
  PaymentMethod,
  PickupPoint,
} from '@kustom/sdk/elements';
