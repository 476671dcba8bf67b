/** Registers `<kustom-payment-method-display>` (if the tag is free). */
import { define } from '../base/define.js';
import type { KustomErrorEvent, KustomPaymentMethodChangeEvent, KustomReadyEvent } from '../events.js';
import { KustomPaymentMethodDisplay } from '../payment-method-display.js';

define('kustom-payment-method-display', KustomPaymentMethodDisplay);

export { KustomPaymentMethodDisplay };

declare global {
  interface HTMLElementTagNameMap {
    'kustom-payment-method-display': KustomPaymentMethodDisplay;
  }
  interface HTMLElementEventMap {
    'kustom-ready': KustomReadyEvent;
    'kustom-error': KustomErrorEvent;
    'kustom-payment-method-change': KustomPaymentMethodChangeEvent;
  }
}
