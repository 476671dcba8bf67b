/**
 * Registers `<kustom-elements-provider>` (if the tag is free), and a context root
 * on the document so that elements which connected before a provider was
 * defined still find it once it is.
 */
import { ContextRoot } from '@lit/context';
import { define } from '../base/define.js';
import { KustomElementsProvider } from '../elements-provider.js';

if (typeof customElements !== 'undefined' && !customElements.get('kustom-elements-provider')) {
  new ContextRoot().attach(document.documentElement);
}
define('kustom-elements-provider', KustomElementsProvider);

export { KustomElementsProvider };

declare global {
  interface HTMLElementTagNameMap {
    'kustom-elements-provider': KustomElementsProvider;
  }
}
