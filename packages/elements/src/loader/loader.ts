/**
 * The loader API of the one-tag file: `window.kustomElements(method, ...args)`.
 *
 * The page may call it before the file has arrived, through the published inline
 * snippet, which queues each call with its promise's `resolve` and `reject` in
 * `kustomElements._internal.q`. When the file runs, {@link installLoader} puts the
 * real function in place and replays the queue in order.
 *
 * Every call returns a Promise and never throws: an unknown method or bad options
 * reject with a `KustomError` (a `KustomValidationError` naming the field).
 */
import { KustomError } from '@kustom/sdk/elements';
import { configure } from '../config.js';
import type { KustomExpressButtons } from '../express-buttons.js';
import { checkConfigure, checkExpress, type ExpressInitializeOptions, type LoaderConfigureOptions } from './options.js';

/** The tags the loader waits for in `ready()`. */
const TAGS = ['kustom-elements-provider', 'kustom-payment-method-display', 'kustom-delivery-method-display', 'kustom-express-buttons'];

/**
 * One queued call. The official snippet (Kustom Portal, Elements → Installation
 * script; Kustom's WooCommerce plugin) queues `{ method, args, resolve, reject }`;
 * our older snippet queued `[arguments, resolve, reject]`. Both are replayed.
 */
type Queued =
  | { method: unknown; args?: ArrayLike<unknown>; resolve?: (value: unknown) => void; reject?: (reason: unknown) => void }
  | [args: ArrayLike<unknown>, resolve?: (value: unknown) => void, reject?: (reason: unknown) => void];

/** What the snippet keeps on `kustomElements._internal`, and what the file adds. */
export interface LoaderInternal {
  /** Calls made before the file arrived. */
  q: Queued[];
  /** The snippet's version (`"1.0.0"`), kept as the snippet set it. */
  snippetVersion?: string;
  /** The settlers of the snippet's `kustomElements.load`. */
  loadResolve?: (value?: unknown) => void;
  loadReject?: (reason?: unknown) => void;
  /** The real loader is in place (a second copy of the file changes nothing). */
  loaded?: boolean;
}

/** `window.kustomElements`. */
export interface KustomElementsLoader {
  (method: 'configure', options: LoaderConfigureOptions): Promise<void>;
  (method: 'express.initialize', selector: string | Element, options: ExpressInitializeOptions): Promise<KustomExpressButtons>;
  (method: 'ready'): Promise<void>;
  (method: string, ...args: unknown[]): Promise<unknown>;
  /**
   * Resolves once the elements are defined and the script tag's configuration is
   * read; rejects with a `KustomError` when that configuration is unusable.
   */
  load: Promise<void>;
  /** @internal */
  _internal: LoaderInternal;
}

declare global {
  interface Window {
    kustomElements?: KustomElementsLoader;
  }
}

/** The document has been parsed (the tags a selector names exist). */
const parsed = (): Promise<void> =>
  document.readyState === 'loading'
    ? new Promise((resolve) => document.addEventListener('DOMContentLoaded', () => resolve(), { once: true }))
    : Promise.resolve();

/**
 * The element `express.initialize` sets up: the selected `<kustom-express-buttons>`,
 * else the first one inside the selected element, else a new one appended to it
 * (the published snippet selects a container: `"#element-id"`).
 */
function expressButtons(selector: string | Element): KustomExpressButtons {
  let target: Element | null;
  try {
    target = typeof selector === 'string' ? document.querySelector(selector) : selector;
  } catch {
    throw new KustomError(`kustomElements("express.initialize"): ${JSON.stringify(selector)} is not a valid CSS selector`);
  }
  if (!target) throw new KustomError(`kustomElements("express.initialize"): no element matches ${JSON.stringify(selector)}`);
  const tag = 'kustom-express-buttons';
  return (target.localName === tag ? target : (target.querySelector(tag) ?? target.appendChild(document.createElement(tag)))) as KustomExpressButtons;
}

/**
 * The loader function. `defaults` come from the script tag (`data-public-api-key`,
 * `data-environment`, `data-region`, `data-base-url`); `configure(options)` goes
 * over them. `startup` is the outcome of configuring from the tag, which
 * `ready()` reports.
 */
export function createLoader(defaults: LoaderConfigureOptions = {}, startup: Promise<unknown> = Promise.resolve()): KustomElementsLoader {
  /** Settles after every call made so far: `ready()` waits for it. */
  let previous: Promise<unknown> = startup.catch(() => undefined);

  const methods: Record<string, (...args: unknown[]) => unknown> = {
    configure(options = {}) {
      configure({ ...defaults, ...checkConfigure(options) } as Parameters<typeof configure>[0]);
    },
    async 'express.initialize'(selector, options) {
      const context = checkExpress(selector, options);
      await parsed();
      const element = expressButtons(selector as string | Element);
      const { createOrder, onConfirm, onError } = options as ExpressInitializeOptions;
      element.currency = context.currency;
      element.amount = context.amount;
      element.createOrder = (resolve, reject) => createOrder(resolve, reject, context);
      element.onConfirm = onConfirm;
      element.onError = onError;
      return element;
    },
    async ready() {
      await Promise.all([startup, parsed(), ...TAGS.map((tag) => customElements.whenDefined(tag))]);
    },
  };

  const loader = ((method: unknown, ...args: unknown[]): Promise<unknown> => {
    const run =
      typeof method === 'string' && Object.hasOwn(methods, method)
        ? method === 'ready'
          ? previous.then(() => methods.ready!())
          : new Promise((resolve) => resolve(methods[method]!(...args)))
        : Promise.reject(
            new KustomError(`kustomElements: unknown method ${JSON.stringify(method)}; use "configure", "express.initialize" or "ready"`),
          );
    previous = Promise.all([previous, run.catch(() => undefined)]);
    return run;
  }) as KustomElementsLoader;
  loader._internal = { q: [], loaded: true };
  loader.load = methods.ready!() as Promise<void>;
  // An unusable configuration is reported by `ready()` and `load`; never as an unhandled rejection.
  loader.load.catch(() => undefined);
  return loader;
}

/** The environment each of Kustom's script hosts serves: a tag that only swaps `src` keeps its environment. */
const SCRIPT_HOSTS: Record<string, 'playground' | 'live'> = {
  'js.playground.kustom.co': 'playground',
  'js.live.kustom.co': 'live',
  'js.kustom.co': 'live',
};

/**
 * The script tag's `data-*` configuration (only the attributes present). Without
 * `data-environment`, a tag served from one of Kustom's script hosts takes that
 * host's environment, so a live key is never sent to the playground.
 */
export function scriptOptions(script: Element | null): LoaderConfigureOptions {
  const data = (script as HTMLElement | null)?.dataset ?? {};
  const options: Record<string, string> = {};
  for (const key of ['publicApiKey', 'environment', 'region', 'baseUrl']) if (data[key] !== undefined) options[key] = data[key];
  const src = script?.getAttribute('src');
  if (options.environment === undefined && src) {
    try {
      const environment = SCRIPT_HOSTS[new URL(src, document.baseURI).hostname];
      if (environment) options.environment = environment;
    } catch {
      // not a URL: no environment from it
    }
  }
  return options;
}

/**
 * Puts the real loader on `window.kustomElements` and replays, in order, the
 * calls the inline snippet queued, settling each one's promise. The snippet's
 * `_internal` (its `snippetVersion`) and its `load` promise stay: `load` settles
 * as the loader's own does. A second copy of the file changes nothing.
 */
export function installLoader(loader: KustomElementsLoader): KustomElementsLoader {
  const current = window.kustomElements;
  if (current?._internal?.loaded) return current;
  const internal: Partial<LoaderInternal> = current?._internal ?? {};
  const queue = Array.isArray(internal.q) ? internal.q : [];
  if (current?.load instanceof Promise) {
    const own = loader.load;
    loader.load = current.load;
    own.then(
      (value) => internal.loadResolve?.(value),
      (reason) => internal.loadReject?.(reason),
    );
  }
  loader._internal = Object.assign(internal, { q: [], loaded: true });
  window.kustomElements = loader;
  for (const entry of queue) {
    const [method, args, resolve, reject] = Array.isArray(entry)
      ? [Array.from(entry[0] ?? [])[0], Array.from(entry[0] ?? []).slice(1), entry[1], entry[2]]
      : [entry?.method, Array.from(entry?.args ?? []), entry?.resolve, entry?.reject];
    void loader(method as string, ...args).then(resolve, reject);
  }
  return loader;
}
