/**
 * What every story runs on: a fresh in-page sandbox (`@kustom/sandbox`'s fetch
 * handler, no server) with a frozen clock, the faults the story's controls ask
 * for, and a `<kustom-elements-provider>` around the story that uses it. The
 * toolbar's language and theme reach the elements as the `lang` attribute around
 * them and their `theme` attribute.
 */
import { createSandbox, type Sandbox, type SandboxFetch } from '@kustom/sandbox';
import type { ArgTypes, Decorator, Loader, StoryContext } from '@storybook/web-components-vite';
import { html } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import { expect, waitFor } from 'storybook/test';

export const PUBLIC_KEY = 'kustom_pk_test_sandbox';
export const SECRET_KEY = 'kco_test_api_sandbox';
/** A base URL nobody answers: requests only ever reach the in-page sandbox through `fetch`. */
export const SANDBOX_URL = 'https://sandbox.kustom.test';
/** A Monday morning: delivery windows and dates are the same on every run. */
export const NOW = '2025-03-03T10:00:00Z';

/** The six languages of the toolbar, each with the market the stories default to. */
export const LOCALES = {
  'en-GB': { title: 'English', country: 'GB' },
  'sv-SE': { title: 'Svenska', country: 'SE' },
  'fi-FI': { title: 'Suomi', country: 'FI' },
  'da-DK': { title: 'Dansk', country: 'DK' },
  'nb-NO': { title: 'Norsk bokmål', country: 'NO' },
  'de-DE': { title: 'Deutsch', country: 'DE' },
} as const;
export type Locale = keyof typeof LOCALES;
export type Theme = 'default' | 'dark';

/** How the network behaves. */
export type Network = 'normal' | 'slow' | 'never answers';
/** What goes wrong (through the sandbox's fault API, keys or origins). */
export type Failure = 'none' | 'status 500' | 'status 503' | 'connection lost' | 'ORIGIN_NOT_ALLOWED' | 'CLIENT_NOT_FOUND' | 'NOT_CONFIGURED';

/** The controls every story has, besides the element's own attributes. */
export interface SandboxArgs {
  network: Network;
  failure: Failure;
  /** How many Elements API answers fail before it works again (0: all of them). */
  failures: number;
}

/** The purchase the stories show; empty strings mean "the language's market". */
export interface PurchaseArgs {
  'purchase-country': string;
  currency: string;
  amount: number;
}

const SLOW_MS = 1500;
const ELEMENTS_API = '/kustom-elements-api/**';

export const sandboxArgs: SandboxArgs = { network: 'normal', failure: 'none', failures: 0 };

export const sandboxArgTypes: Partial<ArgTypes<SandboxArgs>> = {
  network: {
    description: `The network to the Elements API: \`slow\` adds ${SLOW_MS} ms to every answer (a sandbox latency fault); \`never answers\` keeps the element loading.`,
    control: 'inline-radio',
    options: ['normal', 'slow', 'never answers'] satisfies Network[],
    table: { category: 'sandbox' },
  },
  failure: {
    description:
      'What goes wrong: an error status or a lost connection (sandbox faults), an origin the public key does not allow (`ORIGIN_NOT_ALLOWED`), an unknown public key (`CLIENT_NOT_FOUND`), or a provider without a key (`NOT_CONFIGURED`).',
    control: 'select',
    options: ['none', 'status 500', 'status 503', 'connection lost', 'ORIGIN_NOT_ALLOWED', 'CLIENT_NOT_FOUND', 'NOT_CONFIGURED'] satisfies Failure[],
    table: { category: 'sandbox' },
  },
  failures: {
    description: 'How many answers fail before the API works again (0: every one). With 1, the retry button recovers. Status and connection faults only.',
    control: { type: 'number', min: 0, max: 10, step: 1 },
    table: { category: 'sandbox' },
  },
};

/** The sandbox's markets: each country's currency and a real postal code (so that pickup points are near something). */
const MARKETS: Record<string, { currency: string; postalCode: string }> = {
  SE: { currency: 'SEK', postalCode: '11122' },
  NO: { currency: 'NOK', postalCode: '0150' },
  FI: { currency: 'EUR', postalCode: '00100' },
  DK: { currency: 'DKK', postalCode: '1050' },
  DE: { currency: 'EUR', postalCode: '10115' },
  AT: { currency: 'EUR', postalCode: '1010' },
  NL: { currency: 'EUR', postalCode: '1011 AB' },
  BE: { currency: 'EUR', postalCode: '1000' },
  CH: { currency: 'CHF', postalCode: '8001' },
  PL: { currency: 'PLN', postalCode: '00-001' },
  GB: { currency: 'GBP', postalCode: 'SW1A 1AA' },
  US: { currency: 'USD', postalCode: '10001' },
  ES: { currency: 'EUR', postalCode: '28001' },
  FR: { currency: 'EUR', postalCode: '75001' },
  IT: { currency: 'EUR', postalCode: '00118' },
  PT: { currency: 'EUR', postalCode: '1100-148' },
  IE: { currency: 'EUR', postalCode: 'D02 X285' },
};
const CURRENCIES = ['', ...new Set(Object.values(MARKETS).map((m) => m.currency))];

export const purchaseArgs: PurchaseArgs = { 'purchase-country': '', currency: '', amount: 49900 };

export const purchaseArgTypes: Partial<ArgTypes<PurchaseArgs>> = {
  'purchase-country': {
    control: 'select',
    options: ['', ...Object.keys(MARKETS)],
    labels: { '': '(the language’s country)' },
    table: { category: 'attributes' },
  },
  currency: {
    control: 'select',
    options: CURRENCIES,
    labels: { '': '(the country’s currency)' },
    table: { category: 'attributes' },
  },
  amount: { control: { type: 'number', min: 0, step: 100 }, table: { category: 'attributes' } },
};

/** What the loader gives every story in `context.loaded.kustom`. */
export interface StorySandbox {
  sandbox: Sandbox;
  /** The fetch the provider uses: the sandbox's, shaped by the story's controls. */
  fetch: SandboxFetch;
  publicApiKey: string;
}

export interface StorySandboxOptions {
  /** Rewrites every successful Elements API answer (long lists, empty lists). */
  reshape?: ((body: any) => unknown) | undefined;
  /** The express approval page (`expressApprovalUrl`). */
  approvalUrl?: string | undefined;
}

/** A fresh sandbox with the controls' faults. */
export function storySandbox(args: Partial<SandboxArgs>, options: StorySandboxOptions = {}): StorySandbox {
  const { network = 'normal', failure = 'none', failures = 0 } = args;
  const sandbox = createSandbox({
    now: NOW,
    randomSeed: 1,
    origin: () => location.origin,
    expressApprovalUrl: options.approvalUrl,
    ...(failure === 'ORIGIN_NOT_ALLOWED' ? { publicKeys: [{ key: PUBLIC_KEY, allowedOrigins: ['https://shop.example'] }] } : {}),
  });
  const times = failures > 0 ? failures : undefined;
  if (network === 'slow') sandbox.faults.add({ path: ELEMENTS_API, latency_ms: SLOW_MS });
  if (failure === 'status 500' || failure === 'status 503') {
    sandbox.faults.add({ path: ELEMENTS_API, ...(failure === 'status 500' ? { status: 500 } : { status: 503, retry_after: 0 }), times });
  }
  if (failure === 'connection lost') sandbox.faults.add({ path: ELEMENTS_API, drop_after_commit: true, times });

  let fetch: SandboxFetch = sandbox.fetch;
  const { reshape } = options;
  if (reshape) fetch = reshaped(fetch, reshape);
  if (network === 'never answers') fetch = neverAnswers;
  const publicApiKey = failure === 'CLIENT_NOT_FOUND' ? 'kustom_pk_test_unknown' : failure === 'NOT_CONFIGURED' ? '' : PUBLIC_KEY;
  return { sandbox, fetch, publicApiKey };
}

/** The sandbox's answers, rewritten (only successful Elements API answers). */
function reshaped(inner: SandboxFetch, reshape: (body: any) => unknown): SandboxFetch {
  return async (input, init) => {
    const response = await inner(input, init);
    if (!response.ok || !new URL(String(input instanceof Request ? input.url : input)).pathname.startsWith('/kustom-elements-api/')) {
      return response;
    }
    return new Response(JSON.stringify(reshape(await response.json())), {
      status: response.status,
      headers: response.headers,
    });
  };
}

/** A request that is never answered: it ends only when the element aborts it. */
const neverAnswers: SandboxFetch = (input, init) =>
  new Promise((_, reject) => {
    const signal = init?.signal ?? (input instanceof Request ? input.signal : undefined);
    signal?.addEventListener('abort', () => reject(signal.reason), { once: true });
  });

/**
 * The language and market of a story: the toolbar's language, the controls where
 * set, else the language's country and that country's currency (what the
 * elements assume without the attributes).
 */
export function market(args: Partial<PurchaseArgs>, globals: StoryContext['globals']) {
  const locale: Locale = globals.locale in LOCALES ? globals.locale : 'en-GB';
  const country = args['purchase-country'] || LOCALES[locale].country;
  const currency = args.currency || MARKETS[country]?.currency || '';
  const postalCode = MARKETS[country]?.postalCode;
  const theme: Theme = globals.theme === 'dark' ? 'dark' : 'default';
  return { locale, country, currency, postalCode, theme };
}

/**
 * Stories may set `parameters.kustom` to shape the sandbox's answers; the
 * express stories add their approval page.
 */
export interface KustomParameters {
  reshape?: (body: any) => unknown;
  approvalUrl?: (context: StoryContext) => string;
}

/** A fresh sandbox for every render (a story, a change of a control or of the toolbar). */
export const kustomLoader: Loader = async (context) => {
  const parameters = (context.parameters.kustom ?? {}) as KustomParameters;
  return {
    kustom: storySandbox(context.args as Partial<SandboxArgs>, {
      reshape: parameters.reshape,
      approvalUrl: parameters.approvalUrl?.(context),
    }),
  };
};

/**
 * The story inside a provider on the story's sandbox, in the toolbar's language
 * and theme, with the CSS custom properties set in the controls (`--kustom-…`).
 */
export const withKustom: Decorator = (story, context) => {
  const kustom = context.loaded.kustom as StorySandbox | undefined;
  const { locale, theme } = market({}, context.globals);
  if (!kustom) return story();
  const properties = Object.fromEntries(
    Object.entries(context.args).filter((entry): entry is [string, string] => entry[0].startsWith('--kustom-') && typeof entry[1] === 'string' && !!entry[1]),
  );
  // The last `kustom-error` code, for the play functions (the Actions panel shows the whole event).
  const onError = (event: Event) => {
    (event.currentTarget as HTMLElement).dataset.lastError = (event as CustomEvent<{ code: string }>).detail.code;
  };
  return html`<div class="kustom-story" data-theme=${theme} lang=${locale} style=${styleMap(properties)} @kustom-error=${onError}>
    <kustom-elements-provider public-api-key=${kustom.publicApiKey} base-url=${SANDBOX_URL} .fetch=${kustom.fetch}>
      ${story()}
    </kustom-elements-provider>
  </div>`;
};

/**
 * Waits (generously: the machine may be busy) until the element is in `state`;
 * for `error`, with the `kustom-error` code when one is given.
 */
export async function expectState(element: Element | null, state: 'loading' | 'ready' | 'empty' | 'error', code?: string): Promise<void> {
  await waitFor(() => expect(element?.getAttribute('state')).toBe(state), { timeout: 15_000 });
  if (code) await expect(element!.closest<HTMLElement>('.kustom-story')?.dataset.lastError).toBe(code);
}

/** Waits for an element in the story's canvas (also one that Lit renders a moment later). */
export async function find<E extends Element = HTMLElement>(root: ParentNode, selector: string): Promise<E> {
  return waitFor(
    () => {
      const element = root.querySelector<E>(selector);
      if (!element) throw new Error(`no ${selector} yet`);
      return element;
    },
    { timeout: 15_000 },
  );
}
