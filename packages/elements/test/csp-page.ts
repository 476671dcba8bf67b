/**
 * The page the CSP test loads in an iframe, served with a strict policy and
 * Trusted Types required. It configures the elements against the sandbox at this
 * origin and publishes what happened as `window.kustomCspResult`.
 */
import { violations } from './csp-watch.js';
import { configure } from '../src/index.js';
import '../src/define/index.js';

configure({ publicApiKey: 'kustom_pk_test_sandbox', baseUrl: location.origin });

const elements = [...document.querySelectorAll('kustom-payment-method-display, kustom-delivery-method-display, kustom-express-buttons')];
const outcomes = elements.map(
  (element) =>
    new Promise<string>((resolve) => {
      element.addEventListener('kustom-ready', () => resolve('ready'));
      element.addEventListener('kustom-error', (event) => resolve(`error ${(event as CustomEvent).detail.code}`));
    }),
);

void Promise.all(outcomes).then((states) => {
  (window as { kustomCspResult?: unknown }).kustomCspResult = { states, violations };
});
