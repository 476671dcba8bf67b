/** Registers `<kustom-elements-provider>` (if the tag is free). */
import { define } from '../base/define.js';
import { KustomElementsProvider } from '../elements-provider.js';

define('kustom-elements-provider', KustomElementsProvider);

export { KustomElementsProvider };

declare global {
  interface HTMLElementTagNameMap {
    'kustom-elements-provider': KustomElementsProvider;
  }
}
