import { readApprovalMessage, type ElementsClient, type ExpressApprovalMessage, type ExpressButton, type PurchaseContext } from '@kustom/sdk/elements';
import { css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { KustomElement, errorDetail, type Kind } from './base/kustom-element.js';
import { brandId, glyph } from './base/marks.js';
import { canPay } from './base/wallets.js';
import { baseStyles } from './base/styles.js';
import {
  KustomExpressCancelEvent,
  KustomExpressClickEvent,
  KustomExpressConfirmEvent,
  type KustomErrorDetail,
  type KustomExpressConfirmDetail,
} from './events.js';

/**
 * The merchant's hook: have your server create a checkout order, then call
 * `resolve({ orderId })`; call `reject(reason)` to stop the purchase.
 */
export type ExpressCreateOrder = (
  resolve: (result: { orderId: string }) => void,
  reject: (reason?: unknown) => void,
) => unknown;

const styles = css`
  :host([layout='horizontal']) .list {
    display: flex;
    flex-wrap: wrap;
  }
  :host([layout='horizontal']) .btn {
    flex: 1 1 auto;
  }
  .btn {
    display: flex;
    align-items: center;
    justify-content: center;
    gap: 0.5em;
    block-size: clamp(40px, var(--_kustom-button-height), 55px);
    padding: 0 1em;
    border: 1px solid var(--_kustom-color-border);
    border-radius: var(--_kustom-radius);
    background: var(--_kustom-color-background);
    color: var(--_kustom-color-text);
    font-weight: 600;
    white-space: nowrap;
    overflow: hidden;
  }
  .glyph {
    display: grid;
    place-items: center;
    flex: none;
    inline-size: 1.75em;
    block-size: 1.75em;
  }
  .sk {
    background: var(--_kustom-color-skeleton);
    border: 0;
  }
  dialog[open] {
    display: flex;
    flex-direction: column;
    inline-size: min(480px, 100vw - 2em);
    block-size: min(720px, 100vh - 2em);
    padding: 0;
    border: 0;
    border-radius: var(--_kustom-radius);
    background: var(--_kustom-color-background);
  }
  dialog::backdrop {
    background: #0009;
  }
  .close {
    align-self: end;
    margin: var(--_kustom-spacing);
    border: 0;
    background: none;
    color: var(--_kustom-color-text);
    text-decoration: underline;
  }
  iframe {
    flex: 1;
    inline-size: 100%;
    border: 0;
  }
`;

/** The console warning about a missing createOrder is given once per page. */
let warnedNoCreateOrder = false;

/**
 * The express checkout buttons available for the purchase (Klarna, Apple Pay,
 * Google Pay, PayPal, Amazon Pay): Apple Pay only where `ApplePaySession` says the
 * browser can pay with it, Google Pay only where the Payment Request API can offer it. A click calls `createOrder(resolve, reject)`;
 * once it resolves `{ orderId }`, the shopper approves in a popup (or, where
 * popups are blocked, an in-page dialog with an iframe); then
 * `onConfirm({ orderId, redirectUrl })` runs and `kustom-express-confirm` fires. Only messages from the
 * approval page's origin and the window the element opened are accepted.
 *
 * @tagname kustom-express-buttons
 * @summary Express checkout wallet buttons with the popup (or dialog) approval flow.
 *
 * @fires {KustomReadyEvent} kustom-ready - The buttons rendered: `detail.buttons` (also when empty).
 * @fires {KustomErrorEvent} kustom-error - Loading failed, or the purchase failed (`MERCHANT_ABORTED`, `MERCHANT_HOOK_INVALID_RESPONSE`, …).
 * @fires {KustomExpressClickEvent} kustom-express-click - A button was clicked: `detail.button`. Cancelable: `preventDefault()` stops before `createOrder`.
 * @fires {KustomExpressConfirmEvent} kustom-express-confirm - The shopper approved: `detail.orderId`, `detail.redirectUrl`.
 * @fires {KustomExpressCancelEvent} kustom-express-cancel - The shopper cancelled or closed the approval window.
 *
 * @csspart kustom-base - The wrapper of every state.
 * @csspart kustom-skeleton - The loading placeholder (buttons of the final height).
 * @csspart kustom-error - The load error message with its retry button.
 * @csspart kustom-retry - The retry button.
 * @csspart kustom-buttons - The group of buttons.
 * @csspart kustom-button - One wallet button.
 * @csspart kustom-button-klarna - The Klarna button (likewise `-applepay`, `-googlepay`, `-paypal`, `-amazonpay`).
 * @csspart kustom-dialog - The approval dialog (used when popups are blocked).
 * @csspart kustom-frame - The approval page's iframe in the dialog.
 * @csspart kustom-close - The dialog's close button.
 *
 * @cssproperty --kustom-button-height - Button height, clamped to 40–55px (default 48px; the `button-height` attribute wins).
 * @cssproperty --kustom-color-background - Background of neutral buttons and messages.
 * @cssproperty --kustom-color-text - Text colour.
 * @cssproperty --kustom-color-border - Border of neutral buttons.
 * @cssproperty --kustom-color-accent - Focus ring and retry button.
 * @cssproperty --kustom-color-error - Error text.
 * @cssproperty --kustom-color-skeleton - Loading placeholder.
 * @cssproperty --kustom-radius - Corner radius.
 * @cssproperty --kustom-spacing - The spacing unit.
 * @cssproperty --kustom-font-family - Font family (default: the page's).
 * @cssproperty --kustom-font-size - Font size (default: the page's).
 */
export class KustomExpressButtons extends KustomElement<ExpressButton> {
  // The element's own rules first, so that the brand colours in the base win over `.btn`.
  static override styles = [styles, baseStyles];

  /** `vertical` (stacked) or `horizontal` (side by side). */
  @property({ reflect: true }) layout: 'horizontal' | 'vertical' = 'vertical';
  /** Button height in px, clamped to 40–55. */
  @property({ type: Number, attribute: 'button-height' }) buttonHeight?: number;
  /**
   * Creates the order when a button is clicked: `(resolve, reject) => …`, then `resolve({ orderId })`.
   * A (non-attribute) reactive property, so that it exists on the element and React 19 and Vue set it as a property.
   */
  @property({ attribute: false }) createOrder?: ExpressCreateOrder;
  /** Called when the shopper approved: `{ orderId, redirectUrl }`. */
  onConfirm?: (result: KustomExpressConfirmDetail) => void;
  /** Called with every `kustom-error` detail. */
  onError?: (error: KustomErrorDetail) => void;

  /** An empty list renders nothing (no `empty`): no "no buttons" message on a checkout page. */
  protected override readonly kind: Kind = { list: 'buttons', label: 'expressCheckout' };
  protected override skeletonRows = 2;
  @state() private busy = false;
  @state() private frame?: string | undefined;
  private approval = '';
  private base = '';
  private sheet?: CSSStyleSheet;
  private endFlow?: (() => void) | undefined;

  protected override async load(client: ElementsClient, query: PurchaseContext, signal: AbortSignal) {
    const placement = await client.expressButtons(query, { signal });
    this.approval = placement.approval_url;
    this.base = `${client.baseUrl}/`;
    // Apple Pay and Google Pay only where this browser can pay with them.
    const usable = await Promise.all(placement.buttons.map((button) => canPay(button.id)));
    return placement.buttons.filter((_, i) => usable[i]);
  }

  protected override skeletonRow(): TemplateResult {
    return html`<div class="btn sk"></div>`;
  }

  protected override fail(detail: KustomErrorDetail): void {
    super.fail(detail);
    this.onError?.(detail);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.endFlow?.();
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (changed.has('buttonHeight')) {
      // A per-element constructed stylesheet: no `style` attribute, so a strict CSP allows it.
      const root = this.renderRoot as ShadowRoot;
      if (!this.sheet) root.adoptedStyleSheets = [...root.adoptedStyleSheets, (this.sheet = new CSSStyleSheet())];
      const height = this.buttonHeight;
      this.sheet.replaceSync(height ? `:host{--_kustom-button-height:${Math.min(55, Math.max(40, height))}px}` : '');
    }
  }

  protected override renderData(): TemplateResult {
    const { t } = this;
    return html`<div part="kustom-buttons" class="list" role="group" aria-label=${t[this.kind.label]} aria-busy=${this.busy}>
      ${this.items.map((button) => {
        const id = brandId(button.id);
        return html`<button
          part="kustom-button ${id ? `kustom-button-${id}` : ''}"
          class="btn m-${id}"
          ?disabled=${this.isDisabled()}
          @click=${() => void this.purchase(button)}
        >
          <span class="glyph" aria-hidden="true">${glyph(button.id, button.name)}</span>${t.payWith(button.name)}
        </button>`;
      })}
    </div>`;
  }

  protected override render(): TemplateResult {
    const { t } = this;
    return html`${super.render()}${this.frame
      ? html`<dialog part="kustom-dialog" aria-label=${t.approvePurchase} @close=${() => this.endFlow?.()}>
          <button part="kustom-close" class="close" @click=${() => this.endFlow?.()}>${t.close}</button>
          <iframe part="kustom-frame" title=${t.approvePurchase} src=${this.frame}></iframe>
        </dialog>`
      : nothing}`;
  }

  /** The flow behind a click: createOrder → approval → confirm, cancel or error. */
  private async purchase(button: ExpressButton): Promise<void> {
    if (this.busy || !this.dispatchEvent(new KustomExpressClickEvent({ button }))) return;
    const createOrder = this.createOrder;
    if (!createOrder) {
      const message = 'Set the createOrder property of <kustom-express-buttons>.';
      // Said once in the console too: a page without a kustom-error listener shows nothing otherwise.
      if (!warnedNoCreateOrder) {
        warnedNoCreateOrder = true;
        console.warn(
          `Kustom Elements: the express buttons have no createOrder. ${message} Or pass createOrder to kustomElements('express.initialize', selector, { createOrder(resolve, reject, context) { … } }): have your server create the checkout order and resolve({ orderId }).`,
        );
      }
      this.fail({ code: 'MERCHANT_HOOK_MISSING', message });
      return;
    }
    this.busy = true;
    // Open the popup now, while the click still counts as a user gesture (browsers
    // block popups opened later); it goes to the approval page once the order exists.
    const popup = window.open('', 'kustom-express', 'popup,width=480,height=720');
    let orderId: string | undefined;
    try {
      orderId = await new Promise<string>((resolve, reject) => {
        const ok = (result: unknown) => {
          const id = (result as { orderId?: unknown } | null)?.orderId;
          if (typeof id === 'string' && id) resolve(id);
          else
            reject({
              code: 'MERCHANT_HOOK_INVALID_RESPONSE',
              message: 'createOrder must call resolve({ orderId }) with the id of the checkout order it created.',
            });
        };
        const abort = (reason?: unknown) =>
          reject({ code: 'MERCHANT_ABORTED', message: `createOrder rejected${reason === undefined ? '' : `: ${String(reason)}`}` });
        try {
          Promise.resolve(createOrder(ok, abort)).catch(abort);
        } catch (error) {
          abort(error);
        }
      });
      const url = new URL(this.approval.replace('{order_id}', encodeURIComponent(orderId)), this.base);
      if (!/^https?:$/.test(url.protocol)) throw new Error(`approval_url must be http(s), got ${url.protocol}`);
      url.searchParams.set('origin', location.origin);
      // The wallet the shopper chose: the approval page pays with it (the order's payment method).
      url.searchParams.set('method', button.id);
      const message = await this.approve(url, popup, orderId);
      if (message?.status === 'approved') {
        const result = { orderId, redirectUrl: message.redirect_url };
        this.dispatchEvent(new KustomExpressConfirmEvent(result));
        this.onConfirm?.(result);
      } else {
        this.dispatchEvent(new KustomExpressCancelEvent({ orderId }));
      }
    } catch (error) {
      popup?.close();
      const detail = error as KustomErrorDetail;
      this.fail(
        typeof detail?.code === 'string'
          ? detail
          : { code: 'APPROVAL_FAILED', message: errorDetail(error).message },
      );
    } finally {
      this.busy = false;
    }
  }

  /**
   * Shows the approval page in the popup, or in the dialog when there is none,
   * and waits for its message; `undefined` when the shopper closed it.
   */
  private approve(url: URL, popup: Window | null, orderId: string): Promise<ExpressApprovalMessage | undefined> {
    return new Promise((done) => {
      let source: Window | null = popup;
      let timer: ReturnType<typeof setInterval> | undefined;
      const onMessage = (event: MessageEvent) => {
        if (event.origin !== url.origin || !source || event.source !== source) return;
        const message = readApprovalMessage(event.data);
        if (message?.order_id === orderId) end(message);
      };
      const end = (message?: ExpressApprovalMessage) => {
        removeEventListener('message', onMessage);
        clearInterval(timer);
        popup?.close();
        this.endFlow = undefined;
        this.frame = undefined;
        done(message);
      };
      this.endFlow = () => end();
      addEventListener('message', onMessage);
      if (popup) {
        if (popup.closed) return end();
        popup.location.href = url.href;
        // The shopper may close the popup: poll, as a closed window fires nothing we can hear.
        timer = setInterval(() => popup.closed && end(), 300);
      } else {
        this.frame = url.href;
        void this.updateComplete.then(() => {
          const dialog = this.renderRoot.querySelector('dialog');
          source = this.renderRoot.querySelector('iframe')?.contentWindow ?? null;
          dialog?.showModal();
        });
      }
    });
  }
}
