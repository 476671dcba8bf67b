/** Registers `<kustom-delivery-method-display>` (if the tag is free). */
import { define } from '../base/define.js';
import { KustomDeliveryMethodDisplay } from '../delivery-method-display.js';
import type { KustomDeliveryMethodChangeEvent, KustomErrorEvent, KustomReadyEvent } from '../events.js';

define('kustom-delivery-method-display', KustomDeliveryMethodDisplay);

export { KustomDeliveryMethodDisplay };

declare global {
  interface HTMLElementTagNameMap {
    'kustom-delivery-method-display': KustomDeliveryMethodDisplay;
  }
  interface HTMLElementEventMap {
    'kustom-ready': KustomReadyEvent;
    'kustom-error': KustomErrorEvent;
    'kustom-delivery-method-change': KustomDeliveryMethodChangeEvent;
  }
}
