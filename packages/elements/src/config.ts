/**
 * Where the elements get their Elements API client: the nearest
 * `<kustom-elements-provider>` (through `@lit/context`), else the page-wide
 * client from `configure()`. Nothing here runs at import time except creating
 * the context key, so importing in Node is safe.
 */
import { createContext } from '@lit/context';
import { createElementsClient, type ElementsClient, type ElementsClientOptions } from '@kustom/sdk/elements';
import type { ReactiveElement } from 'lit';

/** What `configure()` and `<kustom-elements-provider>` take. Never a secret key. */
export type KustomElementsOptions = ElementsClientOptions;

/**
 * A provider's value: its client, or the error that stopped it from making one
 * (no key, a secret key), which the elements below show as `NOT_CONFIGURED`.
 * @internal
 */
export type ClientSource = ElementsClient | Error;

/**
 * The context key. A string (not a symbol), so that two copies of the package on
 * one page still find each other's providers.
 * @internal
 */
export const clientContext = createContext<ClientSource | undefined>('kustom-elements-client');

let pageClient: ClientSource | undefined;
const live = new Set<ReactiveElement>();
let langObserver: MutationObserver | undefined;

/**
 * @internal Every connected element updates: after `configure()`, a `lang` change,
 * or a provider that connected (elements without one ask for it again).
 */
export const refreshAll = (): void => live.forEach((element) => element.requestUpdate());

/**
 * Configures every element on the page that is not inside a
 * `<kustom-elements-provider>`. Calling it again reconfigures them (they reload).
 * Throws a `KustomError` for a missing key or a secret key (`kco_…`, `username:key`, with any surrounding whitespace).
 *
 * @example
 * configure({ publicApiKey: 'kustom_pk_test_…', environment: 'playground' });
 * @example // The local sandbox, in the page:
 * configure({ publicApiKey: 'kustom_pk_test_sandbox', baseUrl: 'http://127.0.0.1:4010' });
 */
export function configure(options: KustomElementsOptions): void {
  pageClient = createElementsClient(options);
  refreshAll();
}

/** @internal The client `configure()` made, if any. */
export const pageSource = (): ClientSource | undefined => pageClient;

/**
 * @internal An element joins (or leaves) the set that `configure()` and changes
 * of any `lang` attribute in the document refresh.
 */
export function watch(element: ReactiveElement, on: boolean): void {
  if (!on) {
    live.delete(element);
    return;
  }
  live.add(element);
  if (!langObserver) {
    langObserver = new MutationObserver(refreshAll);
    langObserver.observe(document.documentElement, { attributeFilter: ['lang'], subtree: true });
  }
}
