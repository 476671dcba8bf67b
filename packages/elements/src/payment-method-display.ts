import type { ElementsClient, PaymentMethod, PaymentMethodsQuery } from '@kustom/sdk/elements';
import { html, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { KustomChoiceElement } from './base/choice-element.js';
import type { Kind } from './base/kustom-element.js';
import { mark } from './base/marks.js';
import { KustomPaymentMethodChangeEvent } from './events.js';

/** Reads `include="klarna, card"` as a list. @internal */
export const listConverter = {
  fromAttribute: (value: string | null): string[] | undefined =>
    value === null ? undefined : value.split(',').map((id) => id.trim()).filter(Boolean),
  toAttribute: (value: readonly string[] | undefined): string | undefined => value?.join(','),
};

/**
 * The payment methods available for a purchase, as a radio group with an icon,
 * the name and a short description (both localized by the Elements API).
 * Form-associated: inside a `<form>` with a `name`, the chosen id is submitted.
 *
 * @tagname kustom-payment-method-display
 * @summary Payment methods for the purchase, as an accessible, form-associated radio group.
 *
 * @fires {KustomReadyEvent} kustom-ready - The list rendered: `detail.methods` (also when empty).
 * @fires {KustomErrorEvent} kustom-error - Loading failed: `detail.code`, `detail.message`.
 * @fires {KustomPaymentMethodChangeEvent} kustom-payment-method-change - The shopper chose a method. Cancelable: `preventDefault()` restores the previous choice.
 * @fires {Event} change - After an accepted choice, like a native input.
 * @fires {Event} input - After an accepted choice, like a native input.
 *
 * @csspart kustom-base - The wrapper of every state.
 * @csspart kustom-skeleton - The loading placeholder (as tall as the list it stands for).
 * @csspart kustom-empty - The "no payment methods" message.
 * @csspart kustom-error - The load error message with its retry button.
 * @csspart kustom-retry - The retry button.
 * @csspart kustom-group - The fieldset around the options.
 * @csspart kustom-option - One option (a label).
 * @csspart kustom-option-checked - The chosen option.
 * @csspart kustom-radio - The native radio button of an option.
 * @csspart kustom-icon - The method's mark.
 * @csspart kustom-name - The method's name.
 * @csspart kustom-description - The method's description.
 *
 * @cssproperty --kustom-color-background - Background of options and messages.
 * @cssproperty --kustom-color-text - Text colour.
 * @cssproperty --kustom-color-text-muted - Secondary text colour (descriptions).
 * @cssproperty --kustom-color-border - Border of options.
 * @cssproperty --kustom-color-accent - The chosen option, radios, focus ring, retry button.
 * @cssproperty --kustom-color-error - Error text.
 * @cssproperty --kustom-color-skeleton - Loading placeholder and neutral marks.
 * @cssproperty --kustom-radius - Corner radius.
 * @cssproperty --kustom-spacing - The spacing unit.
 * @cssproperty --kustom-font-family - Font family (default: the page's).
 * @cssproperty --kustom-font-size - Font size (default: the page's).
 */
export class KustomPaymentMethodDisplay extends KustomChoiceElement<PaymentMethod> {
  /** Only these payment method ids (comma-separated, e.g. `klarna,card`). */
  @property({ converter: listConverter }) include?: string[];
  /** Not these payment method ids (comma-separated). */
  @property({ converter: listConverter }) exclude?: string[];

  protected override readonly kind: Kind = {
    list: 'methods',
    label: 'paymentMethod',
    empty: 'noPaymentMethods',
    missing: 'selectPaymentMethod',
  };

  protected override query(): PaymentMethodsQuery {
    return { ...super.query(), include: this.include, exclude: this.exclude };
  }

  protected override async load(client: ElementsClient, query: PaymentMethodsQuery, signal: AbortSignal) {
    return (await client.paymentMethods(query, { signal })).payment_methods;
  }

  protected override changeEvent([previousValue = '']: string[]): Event {
    return new KustomPaymentMethodChangeEvent({ value: this.value, previousValue, method: this.selected()! });
  }

  protected override renderItem(method: PaymentMethod, checked: boolean): TemplateResult {
    const row = this.rowAttrs('kustom-option', checked);
    return html`<label part=${row.part} class=${row.cls}>
      ${this.radio('o', method.id)} ${mark(method.id, method.name)}
      <span class="text">
        <span part="kustom-name" class="name">${method.name}</span>
        <span part="kustom-description" class="sub">${method.description}</span>
      </span>
    </label>`;
  }
}
