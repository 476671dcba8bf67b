/** Registers `<kustom-express-buttons>` (if the tag is free). */
import { define } from '../base/define.js';
import type {
  KustomErrorEvent,
  KustomExpressCancelEvent,
  KustomExpressClickEvent,
  KustomExpressConfirmEvent,
  KustomReadyEvent,
} from '../events.js';
import { KustomExpressButtons } from '../express-buttons.js';

define('kustom-express-buttons', KustomExpressButtons);

export { KustomExpressButtons };

declare global {
  interface HTMLElementTagNameMap {
    'kustom-express-buttons': KustomExpressButtons;
  }
  interface HTMLElementEventMap {
    'kustom-ready': KustomReadyEvent;
    'kustom-error': KustomErrorEvent;
    'kustom-express-click': KustomExpressClickEvent;
    'kustom-express-confirm': KustomExpressConfirmEvent;
    'kustom-express-cancel': KustomExpressCancelEvent;
  }
}
