/**
 * Shared by the elements' browser tests: a fresh sandbox per test (its in-browser
 * handler, so the tests need no server), fetch wrappers that hold, break or
 * rewrite answers, and the checks every state goes through (accessibility, CSP).
 */
import { createSandbox, type Sandbox, type SandboxFetch } from '@kustom/sandbox';
import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import { configure } from '../src/index.js';
import type { KustomErrorEvent, KustomReadyEvent } from '../src/events.js';

export const PUBLIC_KEY = 'kustom_pk_test_sandbox';
export const SECRET_KEY = 'kco_test_api_sandbox';
/** A Monday morning: delivery windows are the same on every run. */
export const NOW = '2025-03-03T10:00:00Z';
/** A base URL nobody answers: in-page tests only ever reach the sandbox through `fetch`. */
export const SANDBOX_URL = 'https://sandbox.kustom.test';
/** What a hostile API or merchant might send as a name. */
export const HOSTILE = '<img src=x onerror="window.__kustomPwned=1">';

/** A new in-page sandbox whose Elements API sees this page's origin. */
export function newSandbox(): Sandbox {
  return createSandbox({ origin: () => location.origin, now: NOW });
}

/** `configure()` the page with a fresh in-page sandbox (or the given fetch); returns the sandbox. */
export function configureSandbox(fetch?: SandboxFetch): Sandbox {
  const sandbox = newSandbox();
  configure({ publicApiKey: PUBLIC_KEY, baseUrl: SANDBOX_URL, fetch: fetch ?? sandbox.fetch });
  return sandbox;
}

/** Waits for `kustom-ready` (fails fast on `kustom-error`). */
export async function ready<T = KustomReadyEvent['detail']>(element: Element): Promise<T> {
  const event = await Promise.race([oneEvent(element, 'kustom-ready'), oneEvent(element, 'kustom-error')]);
  if (event.type === 'kustom-error') throw new Error(`kustom-error ${JSON.stringify((event as KustomErrorEvent).detail)}`);
  return (event as KustomReadyEvent).detail as T;
}

/** Waits for `kustom-error`. */
export async function failed(element: Element): Promise<KustomErrorEvent['detail']> {
  return ((await oneEvent(element, 'kustom-error')) as KustomErrorEvent).detail;
}

/**
 * A fetch whose answers wait until the test releases them, call by call. Each
 * call's `settled` resolves once its answer has been read and every reaction to
 * it has run (a task after the body was parsed), so a test can wait for a stale
 * answer to arrive without sleeping.
 */
export interface GatedCall {
  url: URL;
  signal: AbortSignal | null | undefined;
  release: () => void;
  settled: Promise<void>;
}

export function gate(inner: SandboxFetch) {
  const waiting: GatedCall[] = [];
  const fetch: SandboxFetch = async (input, init) => {
    let read!: () => void;
    const settled = new Promise<void>((resolve) => (read = resolve)).then(() => new Promise<void>((r) => setTimeout(r)));
    await new Promise<void>((release) => waiting.push({ url: new URL(String(input)), signal: init?.signal, release, settled }));
    const response = await inner(input, init);
    const json = response.json.bind(response);
    response.json = () => json().finally(read);
    return response;
  };
  return {
    fetch,
    waiting,
    /** Resolves once `n` calls have arrived. */
    calls: (n: number) => waitUntil(() => waiting.length >= n, `${n} calls to arrive`),
  };
}

/** A fetch that rewrites the JSON of every successful answer. */
export function rewrite(inner: SandboxFetch, edit: (body: any) => unknown): SandboxFetch {
  return async (input, init) => {
    const response = await inner(input, init);
    if (!response.ok) return response;
    return new Response(JSON.stringify(edit(await response.json())), {
      status: response.status,
      headers: { 'content-type': 'application/json' },
    });
  };
}

/** Every node in the element's shadow tree (and nested shadow trees). */
export function shadowNodes(host: Element): Element[] {
  const out: Element[] = [];
  const walk = (root: ParentNode) => {
    for (const element of root.querySelectorAll('*')) {
      out.push(element);
      if (element.shadowRoot) walk(element.shadowRoot);
    }
  };
  walk(host.shadowRoot!);
  return out;
}

/**
 * What a strict CSP (`style-src 'self'`, no inline script) and Trusted Types
 * need: no `style` attributes, no inline event handlers, no `<style>` or
 * `<script>` elements, styles only through adopted stylesheets.
 */
export function expectCspSafe(host: Element): void {
  const nodes = shadowNodes(host);
  expect(host.hasAttribute('style'), 'style attribute on the host').to.equal(false);
  for (const node of nodes) {
    expect(node.hasAttribute('style'), `style attribute on <${node.localName}>`).to.equal(false);
    const handlers = [...node.attributes].filter((a) => /^on/i.test(a.name)).map((a) => a.name);
    expect(handlers, `inline handlers on <${node.localName}>`).to.deep.equal([]);
    expect(['style', 'script', 'img'], 'element').not.to.include(node.localName);
  }
  expect(host.shadowRoot!.adoptedStyleSheets.length).to.be.greaterThan(0);
}

/** Axe finds nothing, and the CSP checks pass: run in every state. */
export async function expectAccessibleAndSafe(host: Element): Promise<void> {
  expectCspSafe(host);
  await expect(host).to.be.accessible();
}

/** The shadow root's query, typed. */
export const $ = <E extends Element = HTMLElement>(host: Element, selector: string): E =>
  host.shadowRoot!.querySelector<E>(selector)!;
export const $$ = <E extends Element = HTMLElement>(host: Element, selector: string): E[] => [
  ...host.shadowRoot!.querySelectorAll<E>(selector),
];

/** The visible text of an element's shadow tree, whitespace collapsed. */
export const text = (host: Element, selector = '[part~="kustom-base"]'): string =>
  ($(host, selector)?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** The six built-in languages, with the locale each is tested in. */
export const LOCALES = [
  ['en', 'en-GB', 'GB', 'GBP'],
  ['sv', 'sv-SE', 'SE', 'SEK'],
  ['fi', 'fi-FI', 'FI', 'EUR'],
  ['da', 'da-DK', 'DK', 'DKK'],
  ['nb', 'nb-NO', 'NO', 'NOK'],
  ['de', 'de-DE', 'DE', 'EUR'],
] as const;

/**
 * What a merchant's server does in `createOrder`: create a checkout order, here
 * in the sandbox that the test server runs at this page's origin.
 */
export async function createCheckoutOrder(): Promise<string> {
  const response = await fetch('/checkout/v3/orders', {
    method: 'POST',
    headers: { authorization: `Basic ${SECRET_KEY}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      purchase_country: 'SE',
      purchase_currency: 'SEK',
      locale: 'sv-SE',
      order_amount: 25000,
      order_tax_amount: 5000,
      order_lines: [{ name: 'T-shirt', quantity: 2, unit_price: 12500, tax_rate: 2500, total_amount: 25000, total_tax_amount: 5000 }],
      merchant_urls: {
        terms: 'https://shop.example/terms',
        checkout: 'https://shop.example/checkout',
        confirmation: 'https://shop.example/thanks?order={checkout.order.id}',
        push: 'https://shop.example/push?order={checkout.order.id}',
      },
    }),
  });
  const body = (await response.json()) as { order_id?: string };
  if (!response.ok || !body.order_id) throw new Error(`createCheckoutOrder: ${response.status} ${JSON.stringify(body)}`);
  return body.order_id;
}

/** Records the windows the page opens; `blocked` makes `window.open` return null, as a popup blocker does. */
export function watchPopups(blocked = false) {
  const original = window.open;
  const opened: Window[] = [];
  window.open = function (this: Window, ...args: Parameters<typeof window.open>) {
    if (blocked) return null;
    const popup = original.apply(this, args);
    if (popup) opened.push(popup);
    return popup;
  } as typeof window.open;
  return {
    opened,
    /** Resolves with the popup once it shows the loaded approval page. */
    async approvalPage(): Promise<Window> {
      await waitUntil(() => opened.length > 0, 'a popup');
      return loaded(opened[0]!);
    },
    restore() {
      window.open = original;
      for (const popup of opened) popup.close();
    },
  };
}

/** Waits until a same-origin window shows the sandbox's approval page with its script running. */
export async function loaded(target: Window): Promise<Window> {
  await waitUntil(() => {
    try {
      return target.location.pathname.startsWith('/sandbox/express/') && target.document.readyState === 'complete';
    } catch {
      return false;
    }
  }, 'the approval page');
  return target;
}
