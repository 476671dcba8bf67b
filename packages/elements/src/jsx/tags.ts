/**
 * The four tags as frameworks see them: for each, the element class, the
 * properties a template may set and the events it fires. The React and Vue
 * typings (`@kustom/elements/jsx/react`, `@kustom/elements/jsx/vue`) are built
 * from this one description. Types only: this module has no runtime code.
 */
import type { KustomDeliveryMethodDisplay } from '../delivery-method-display.js';
import type { KustomElementsProvider } from '../elements-provider.js';
import type {
  KustomDeliveryMethodChangeEvent,
  KustomErrorEvent,
  KustomExpressCancelEvent,
  KustomExpressClickEvent,
  KustomExpressConfirmEvent,
  KustomPaymentMethodChangeEvent,
  KustomReadyEvent,
} from '../events.js';
import type { KustomExpressButtons } from '../express-buttons.js';
import type { KustomPaymentMethodDisplay } from '../payment-method-display.js';

type Common = 'locale' | 'purchaseCountry' | 'currency' | 'amount' | 'theme' | 'disabled';
type Choice = Common | 'name' | 'value' | 'required' | 'label';

/**
 * The attribute spellings of camelCase properties. A server renderer writes props
 * as attributes, so `purchase-country="SE"` is what reaches the element there.
 */
interface CommonAttributes {
  'purchase-country'?: string;
}

/** The events all three elements fire. */
interface LoadEvents {
  'kustom-ready': KustomReadyEvent;
  'kustom-error': KustomErrorEvent;
}

/** The events of the two form controls besides their own change event: like a native input. */
interface InputEvents {
  change: Event;
  input: Event;
}

/** Everything a template may set on a tag (properties and attribute spellings) and the events it fires. */
export interface KustomElementsTags {
  'kustom-payment-method-display': {
    element: KustomPaymentMethodDisplay;
    props: Partial<Pick<KustomPaymentMethodDisplay, Choice | 'include' | 'exclude'>> & CommonAttributes;
    events: LoadEvents & InputEvents & { 'kustom-payment-method-change': KustomPaymentMethodChangeEvent };
  };
  'kustom-delivery-method-display': {
    element: KustomDeliveryMethodDisplay;
    props: Partial<Pick<KustomDeliveryMethodDisplay, Choice | 'postalCode' | 'pickupPoint'>> &
      CommonAttributes & { 'postal-code'?: string; 'pickup-point'?: string };
    events: LoadEvents & InputEvents & { 'kustom-delivery-method-change': KustomDeliveryMethodChangeEvent };
  };
  'kustom-express-buttons': {
    element: KustomExpressButtons;
    /**
     * `onConfirm` and `onError` are left out on purpose: React and Vue read any
     * `on…` prop as an event listener, so they would never reach the element. Use
     * the `kustom-express-confirm` and `kustom-error` events (or set the
     * properties on a ref).
     */
    props: Partial<Pick<KustomExpressButtons, Common | 'layout' | 'buttonHeight' | 'createOrder'>> &
      CommonAttributes & { 'button-height'?: number };
    events: LoadEvents & {
      'kustom-express-click': KustomExpressClickEvent;
      'kustom-express-confirm': KustomExpressConfirmEvent;
      'kustom-express-cancel': KustomExpressCancelEvent;
    };
  };
  'kustom-elements-provider': {
    element: KustomElementsProvider;
    props: Partial<Pick<KustomElementsProvider, 'publicApiKey' | 'environment' | 'region' | 'baseUrl' | 'fetch'>> & {
      'public-api-key'?: string;
      'base-url'?: string;
    };
    // eslint-disable-next-line @typescript-eslint/no-empty-object-type
    events: {};
  };
}

/** `kustom-payment-method-change` → `KustomPaymentMethodChange`. */
export type PascalCase<S extends string> = S extends `${infer Head}-${infer Tail}`
  ? `${Capitalize<Head>}${PascalCase<Tail>}`
  : Capitalize<S>;
