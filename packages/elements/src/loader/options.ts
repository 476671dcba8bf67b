/**
 * Checks what a page passes to the loader: `configure(options)` and
 * `express.initialize(selector, options)`. Every problem is reported at once, as
 * one `KustomValidationError` whose `field` names the first offending option
 * (`orderLines[1].totalAmount`), before anything on the page changes.
 */
import { KustomValidationError, SECRET_KEY_MESSAGE, isSecretKey, type ElementsClientOptions, type KustomValidationIssue } from '@kustom/sdk/elements';
import type { KustomErrorDetail, KustomExpressConfirmDetail } from '../events.js';

/** One line of the express purchase, amounts in minor units (`49900` = 499.00). */
export interface ExpressOrderLine {
  name: string;
  /** A positive integer. */
  quantity: number;
  /** The line's total including tax, an integer in minor units (negative for a discount). */
  totalAmount: number;
  /** The tax included in `totalAmount`, an integer in minor units. */
  taxAmount: number;
}

/** What `createOrder` gets as its third argument: the purchase as `express.initialize` described it. */
export interface ExpressOrderContext {
  currency: string;
  /** The sum of the lines' `totalAmount`, in minor units. */
  amount: number;
  orderLines: readonly ExpressOrderLine[];
  /**
   * Whether the shopper must give a shipping address. The buttons do not ask for
   * one themselves: pass it on to your server, which creates the checkout order.
   */
  shippingAddressRequired: boolean;
}

/** The options of `kustomElements('express.initialize', selector, options)`. */
export interface ExpressInitializeOptions {
  /** ISO 4217, e.g. `SEK`, in any case (`sek` is read as `SEK`). */
  currency: string;
  orderLines: ExpressOrderLine[];
  /** @default false */
  shippingAddressRequired?: boolean;
  /**
   * Have your server create a checkout order, then `resolve({ orderId })`; call
   * `reject(reason)` to stop. `context` is the purchase as described here.
   */
  createOrder: (
    resolve: (result: { orderId: string }) => void,
    reject: (reason?: unknown) => void,
    context: ExpressOrderContext,
  ) => unknown;
  /** The shopper approved: `{ orderId, redirectUrl }`. */
  onConfirm?: (result: KustomExpressConfirmDetail) => void;
  /** A purchase or a load failed: `{ code, message }`. */
  onError?: (error: KustomErrorDetail) => void;
}

/** The options of `kustomElements('configure', options)`; the script tag's `data-*` attributes are the defaults. */
export type LoaderConfigureOptions = Partial<ElementsClientOptions>;

type Check = (value: unknown) => string | undefined;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const show = (value: unknown) => (typeof value === 'string' ? JSON.stringify(value) : String(value));

const string: Check = (v) => (typeof v === 'string' && v.trim() ? undefined : `must be a non-empty string, got ${show(v)}`);
const fn: Check = (v) => (typeof v === 'function' ? undefined : `must be a function, got ${typeof v}`);
const bool: Check = (v) => (typeof v === 'boolean' ? undefined : `must be true or false, got ${show(v)}`);
const oneOf =
  (...values: string[]): Check =>
  (v) =>
    values.includes(v as string) ? undefined : `must be one of ${values.map(show).join(', ')}, got ${show(v)}`;
const minor: Check = (v) =>
  Number.isSafeInteger(v) ? undefined : `must be an integer amount in minor units (49900 is 499.00), got ${show(v)}`;
const url: Check = (v) => {
  try {
    if (typeof v === 'string' && /^https?:$/.test(new URL(v).protocol)) return undefined;
  } catch {
    // reported below
  }
  return `must be an absolute http(s) URL, got ${show(v)}`;
};

/**
 * Checks `options` against `checks` (a `?` suffix marks an optional key) and
 * returns the issues, unknown keys included, with paths under `prefix`.
 */
function checkObject(options: unknown, checks: Record<string, Check>, prefix = ''): KustomValidationIssue[] {
  if (!isObject(options)) return [{ path: prefix.replace(/\.$/, '') || 'options', message: `must be an object, got ${show(options)}`, code: 'invalid_type' }];
  const issues: KustomValidationIssue[] = [];
  const known = new Set<string>();
  for (const [spec, check] of Object.entries(checks)) {
    const key = spec.replace(/\?$/, '');
    known.add(key);
    const value = options[key];
    const message = value === undefined ? (spec.endsWith('?') ? undefined : 'is required') : check(value);
    if (message) issues.push({ path: prefix + key, message, code: 'invalid_value' });
  }
  for (const key of Object.keys(options)) {
    if (!known.has(key)) issues.push({ path: prefix + key, message: 'is not an option', code: 'unrecognized_keys' });
  }
  return issues;
}

function fail(method: string, issues: KustomValidationIssue[]): void {
  if (issues.length) throw new KustomValidationError('request', issues, `kustomElements("${method}")`);
}

/** Checks `configure` options (also those read from the script tag). */
export function checkConfigure(options: unknown): LoaderConfigureOptions {
  fail(
    'configure',
    checkObject(options, {
      'publicApiKey?': (v) => string(v) ?? (isSecretKey(v) ? SECRET_KEY_MESSAGE : undefined),
      'environment?': oneOf('playground', 'live'),
      'region?': oneOf('eu', 'na', 'oc'),
      'baseUrl?': url,
      'fetch?': fn,
    }),
  );
  return options as LoaderConfigureOptions;
}

/** Checks `express.initialize` options; returns the purchase context with its amount. */
export function checkExpress(selector: unknown, options: unknown): ExpressOrderContext {
  const issues =
    typeof selector === 'string' || (typeof Element !== 'undefined' && selector instanceof Element)
      ? []
      : [{ path: 'selector', message: `must be a CSS selector or an element, got ${show(selector)}`, code: 'invalid_type' }];
  issues.push(
    ...checkObject(options, {
      currency: (v) => (typeof v === 'string' && /^[a-z]{3}$/i.test(v.trim()) ? undefined : `must be an ISO 4217 code such as "SEK", got ${show(v)}`),
      orderLines: (v) => (Array.isArray(v) && v.length ? undefined : 'must be a non-empty array of order lines'),
      'shippingAddressRequired?': bool,
      createOrder: fn,
      'onConfirm?': fn,
      'onError?': fn,
    }),
  );
  const lines = isObject(options) && Array.isArray(options.orderLines) ? (options.orderLines as unknown[]) : [];
  let amount = 0;
  lines.forEach((line, i) => {
    const lineIssues = checkObject(
      line,
      {
        name: string,
        quantity: (v) => (Number.isSafeInteger(v) && (v as number) > 0 ? undefined : `must be a positive integer, got ${show(v)}`),
        totalAmount: minor,
        taxAmount: minor,
      },
      `orderLines[${i}].`,
    );
    issues.push(...lineIssues);
    if (lineIssues.length) return;
    const { totalAmount, taxAmount } = line as unknown as ExpressOrderLine;
    if (Math.abs(taxAmount) > Math.abs(totalAmount) || taxAmount * totalAmount < 0) {
      issues.push({ path: `orderLines[${i}].taxAmount`, message: `must be part of totalAmount (${totalAmount}), got ${taxAmount}`, code: 'invalid_value' });
    }
    amount += totalAmount;
  });
  if (!issues.length && amount < 0) {
    issues.push({ path: 'orderLines', message: `add up to a negative amount (${amount})`, code: 'invalid_value' });
  }
  fail('express.initialize', issues);
  const o = options as ExpressInitializeOptions;
  return {
    currency: o.currency.trim().toUpperCase(),
    amount,
    orderLines: o.orderLines.map((line) => ({ ...line })),
    shippingAddressRequired: o.shippingAddressRequired ?? false,
  };
}
