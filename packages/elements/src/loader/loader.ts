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

/** One queued call: the arguments and the promise's settlers (the snippet's shape). */
type Queued = [args: ArrayLike<unknown>, resolve?: (value: unknown) => void, reject?: (reason: unknown) => void];

/** `window.kustomElements`. */
export interface KustomElementsLoader {
  (method: 'configure', options: LoaderConfigureOptions): Promise<void>;
  (method: 'express.initialize', selector: string | Element, options: ExpressInitializeOptions): Promise<KustomExpressButtons>;
  (method: 'ready'): Promise<void>;
  (method: string, ...args: unknown[]): Promise<unknown>;
  /** @internal `q`: calls made before the file arrived; `loaded`: the real loader is in place. */
  _internal: { q: Queued[]; loaded?: boolean };
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
  return loader;
}

/** The script tag's `data-*` configuration (only the attributes present). */
export function scriptOptions(script: Element | null): LoaderConfigureOptions {
  const data = (script as HTMLElement | null)?.dataset ?? {};
  const options: Record<string, string> = {};
  for (const key of ['publicApiKey', 'environment', 'region', 'baseUrl']) if (data[key] !== undefined) options[key] = data[key];
  return options;
}

/**
 * Puts the real loader on `window.kustomElements` and replays, in order, the
 * calls the inline snippet queued. A second copy of the file changes nothing.
 */
export function installLoader(loader: KustomElementsLoader): KustomElementsLoader {
  const current = window.kustomElements;
  if (current?._internal?.loaded) return current;
  window.kustomElements = loader;
  for (const entry of current?._internal?.q ?? []) {
    const [args, resolve, reject] = (Array.isArray(entry) ? entry : [entry]) as Queued;
    void loader(...(Array.from(args) as [string])).then(resolve, reject);
  }
  return loader;
}
