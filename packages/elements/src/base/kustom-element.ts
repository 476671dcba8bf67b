/**
 * What the three elements share: configuration (provider or `configure()`),
 * locale, the fetch lifecycle and the loading / empty / error states.
 */
import { ContextConsumer } from '@lit/context';
import {
  KustomError,
  isKustomApiError,
  isKustomConnectionError,
  isKustomValidationError,
  type ElementsClient,
  type PurchaseContext,
} from '@kustom/sdk/elements';
import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { clientContext, pageSource, watch, type ClientSource } from '../config.js';
import { KustomErrorEvent, KustomReadyEvent, type KustomErrorDetail, type KustomReadyDetail } from '../events.js';
import { apiLocale, intlLocale, resolveLocale, translationFor } from '../locale.js';
import en from '../translations/en.js';
import type { Translation } from '../translations/translation.js';
import { loadMarks } from './marks.js';
import { baseStyles } from './styles.js';

/** Where an element is: `loading` (skeleton), `ready`, `empty` or `error` (with retry). */
export type KustomElementState = 'loading' | 'ready' | 'empty' | 'error';

/** @internal The keys of the translation's plain strings. */
export type TextKey = { [K in keyof Translation]: Translation[K] extends string ? K : never }[keyof Translation];

/**
 * @internal What tells the elements apart besides their data: the list's name in
 * `kustom-ready`, and the translation keys of the group's label, the empty state
 * and the required message.
 */
export interface Kind {
  list: 'methods' | 'options' | 'buttons';
  label: TextKey;
  empty?: TextKey;
  missing?: TextKey;
}

/**
 * The errors a retry cannot fix, with the text the shopper sees instead of
 * "This could not be loaded" and its retry button.
 */
const FINAL: Readonly<Record<string, TextKey>> = { UNSUPPORTED_MARKET: 'unavailable', INVALID_POSTAL_CODE: 'badPostalCode' };

/**
 * The `kustom-error` detail for anything a load or a purchase throws. The API's
 * `BAD_VALUE` about the purchase country or currency is `UNSUPPORTED_MARKET`
 * (Kustom does not serve it), about the postal code `INVALID_POSTAL_CODE`.
 */
export function errorDetail(error: unknown): KustomErrorDetail {
  const message = error instanceof Error ? error.message : String(error);
  if (isKustomApiError(error)) {
    const code = error.error_code ?? `HTTP_${error.status}`;
    const about = code === 'BAD_VALUE' ? /\b(purchase_country|purchase_currency|postal_code)\b/.exec(message)?.[1] : undefined;
    return { code: about ? (about === 'postal_code' ? 'INVALID_POSTAL_CODE' : 'UNSUPPORTED_MARKET') : code, message };
  }
  if (isKustomConnectionError(error)) return { code: 'NETWORK', message };
  if (isKustomValidationError(error)) return { code: 'INVALID_RESPONSE', message };
  return { code: error instanceof Error && error.name === 'KustomError' ? 'NOT_CONFIGURED' : 'UNKNOWN', message };
}

/**
 * The base of the three elements. Subclasses say what to load (`load`) and how
 * to show it (`renderData`); the base decides when to load, never shows a stale
 * answer, and renders the other states.
 *
 * @internal
 */
export abstract class KustomElement<T> extends LitElement {
  static override styles = [baseStyles];

  /** Locale such as `sv-SE`. Default: the nearest `lang` attribute (the document's at the latest), else `en`. */
  @property() locale?: string;
  /** Purchase country, ISO 3166-1 alpha-2 (`SE`). Default (the API's): the locale's region. */
  @property({ attribute: 'purchase-country' }) purchaseCountry?: string;
  /** Purchase currency, ISO 4217 (`SEK`). Default (the API's): the country's currency. */
  @property() currency?: string;
  /** Order amount in minor units (`49900` is 499.00). */
  @property({ type: Number }) amount?: number;
  /** Colour theme: `default` or `dark`. */
  @property({ reflect: true }) theme: 'default' | 'dark' = 'default';
  /** Disables the element. */
  @property({ type: Boolean, reflect: true }) disabled = false;
  /** Read-only: `loading`, `ready`, `empty` or `error`; reflected for styling. */
  @property({ reflect: true }) state: KustomElementState = 'loading';

  /** @internal The loaded list. */
  protected items: readonly T[] = [];
  /** @internal The translation of the resolved locale. */
  protected t: Translation = en;
  /** @internal The resolved locale, safe for `Intl`. */
  protected lang_ = 'en';
  /** @internal Rows in the skeleton: the last list's length, so a reload does not shift the page. */
  protected skeletonRows = 3;

  private readonly consumer = new ContextConsumer(this, { context: clientContext, subscribe: true });
  private source?: ClientSource | undefined;
  private key?: string;
  private controller?: AbortController | undefined;
  /** The text of an error a retry cannot fix (no retry button), else none. */
  private final?: TextKey | undefined;
  /**
   * Until the first frame or the first answer, whichever comes first: the first
   * skeleton is built in that frame (before its paint), so an answer that comes
   * sooner is rendered at once, and no skeleton is made only to be replaced unseen.
   */
  private beforeFirstFrame = true;
  private frameAsked = false;

  /** @internal What the Elements API is asked; a change reloads. */
  protected query(): PurchaseContext {
    return {
      locale: apiLocale(this.lang_, this.purchaseCountry),
      purchaseCountry: this.purchaseCountry ?? '',
      // Real integrations pass `sek`: ISO 4217 codes are compared and sent upper case.
      currency: (this.currency ?? '').trim().toUpperCase(),
      amount: this.amount,
    };
  }

  /** @internal Loads the list. */
  protected abstract load(client: ElementsClient, query: PurchaseContext, signal: AbortSignal): Promise<readonly T[]>;
  /** @internal */
  protected abstract readonly kind: Kind;
  /** @internal The ready state. */
  protected abstract renderData(): TemplateResult;
  /** @internal Disabled by the attribute (or, for form controls, by a disabled fieldset). */
  protected isDisabled(): boolean {
    return this.disabled;
  }

  /** @internal Lines of text in a row below the name: a skeleton row has as many. */
  protected subLines = 1;
  /** @internal One skeleton row, as tall as a loaded one. */
  protected skeletonRow(): TemplateResult {
    return html`<div class="row">
      <span class="mark"></span>
      <span class="text">
        <span class="name"><span class="line"></span></span>
        ${Array.from({ length: this.subLines }, () => html`<span class="sub"><span class="line"></span></span>`)}
      </span>
    </div>`;
  }

  override connectedCallback(): void {
    // A provider answers synchronously during super.connectedCallback(); forget the old one first.
    this.consumer.value = undefined;
    super.connectedCallback();
    watch(this, true);
    // Back in a document: a load cut short by the removal runs again.
    this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    watch(this, false);
    if (this.controller) {
      // A load cut short must run again when the element comes back.
      this.controller.abort();
      this.controller = undefined;
      this.key = undefined;
    }
  }

  /** Loads again (what the retry button does). */
  reload(): void {
    this.key = undefined;
    this.requestUpdate();
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    const locale = resolveLocale(this, this.locale);
    this.lang_ = intlLocale(locale);
    this.t = translationFor(locale);
    // No provider answered yet: ask again (one may have been defined or inserted since).
    if (!this.consumer.value) this.consumer.hostConnected();
    const source = this.consumer.value ?? pageSource();
    const query = this.query();
    const key = JSON.stringify(query);
    if (this.isConnected && (key !== this.key || source !== this.source)) {
      this.key = key;
      this.source = source;
      void this.run(source, query);
    }
  }

  /** One load: the newest always wins, an older answer is dropped. */
  private async run(source: ClientSource | undefined, query: PurchaseContext): Promise<void> {
    this.controller?.abort();
    const controller = (this.controller = new AbortController());
    const current = () => this.controller === controller;
    if (this.state !== 'loading') this.skeletonRows = Math.max(this.items.length, 1);
    this.state = 'loading';
    try {
      if (!source) {
        throw new KustomError('Call configure({ publicApiKey }) or put the element inside <kustom-elements-provider>.');
      }
      if (source instanceof Error) throw source;
      const items = await this.load(source, query, controller.signal);
      if (!current()) return;
      this.items = items;
      this.state = items.length ? 'ready' : 'empty';
      await this.updateComplete;
      if (!current()) return;
      this.controller = undefined;
      this.dispatchEvent(new KustomReadyEvent({ [this.kind.list]: items } as unknown as KustomReadyDetail));
    } catch (error) {
      if (!current()) return;
      this.controller = undefined;
      const detail = errorDetail(error);
      this.final = FINAL[detail.code];
      this.state = 'error';
      this.fail(detail);
    }
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    // The list is on screen: now the brand marks may come (once per page), in the same boxes.
    if (this.state === 'ready') loadMarks(this);
  }

  /** @internal Fires `kustom-error`. */
  protected fail(detail: KustomErrorDetail): void {
    this.dispatchEvent(new KustomErrorEvent(detail));
  }

  protected override render(): TemplateResult | typeof nothing {
    const { state, t } = this;
    if (state !== 'loading') this.beforeFirstFrame = false;
    else if (this.beforeFirstFrame) {
      if (!this.frameAsked) {
        this.frameAsked = true;
        requestAnimationFrame(() => {
          this.beforeFirstFrame = false;
          this.requestUpdate();
        });
      }
      return nothing;
    }
    return html`<div part="kustom-base" class=${this.isDisabled() ? 'off' : ''}>
      <div aria-live="polite">
        ${state === 'error'
          ? html`<div part="kustom-error" class="row error">
              <span class="text">${this.final ? t[this.final] : t.loadError}</span>
              ${this.final ? nothing : html`<button part="kustom-retry" class="retry" @click=${this.reload}>${t.retry}</button>`}
            </div>`
          : nothing}
      </div>
      ${state === 'loading'
        ? html`<div part="kustom-skeleton" class="list" aria-busy="true">
            <span class="sr">${t.loading}</span>
            ${Array.from({ length: this.skeletonRows }, () => this.skeletonRow())}
          </div>`
        : state === 'empty'
          ? this.kind.empty && html`<div part="kustom-empty" class="row">${t[this.kind.empty]}</div>`
          : state === 'ready'
            ? this.renderData()
            : nothing}
    </div>`;
  }
}
