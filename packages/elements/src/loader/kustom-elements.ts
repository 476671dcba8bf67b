/**
 * The one-tag file (`kustom-elements.js` on the CDN, and its ES module twin
 * `kustom-elements.mjs`): registers the four tags, configures the elements from
 * its own `<script>` tag and installs `window.kustomElements`.
 *
 * ```html
 * <script async src="https://cdn.jsdelivr.net/npm/@kustom/elements@1/dist/kustom-elements.js"
 *   data-public-api-key="kustom_pk_test_…" data-environment="playground"></script>
 * ```
 *
 * Attributes: `data-public-api-key`, `data-environment` (`playground` | `live`),
 * `data-region` (`eu` | `na` | `oc`), `data-base-url` (another host, e.g. the
 * local sandbox). Nothing runs without a DOM, so importing it in Node is safe.
 */
import '../define/index.js';
import { configure } from '../config.js';
import { createLoader, installLoader, scriptOptions } from './loader.js';
import { checkConfigure, type LoaderConfigureOptions } from './options.js';

if (typeof document !== 'undefined') {
  // An ES module has no currentScript: then the tag with the key (or the published id) is ours.
  const script = document.currentScript ?? document.querySelector('script#kustom-elements-script, script[data-public-api-key]');
  let defaults: LoaderConfigureOptions = {};
  let startup: Promise<unknown> = Promise.resolve();
  try {
    defaults = checkConfigure(scriptOptions(script));
    // Before the elements' first update (a microtask away), so they never render unconfigured.
    if (defaults.publicApiKey) configure(defaults as Parameters<typeof configure>[0]);
  } catch (error) {
    // A secret key or a bad attribute: say so loudly; ready() rejects with it.
    console.error(error);
    startup = Promise.reject(error);
  }
  installLoader(createLoader(defaults, startup));
}
