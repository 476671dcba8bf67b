import type { DeliveryMethodsQuery, DeliveryOption, ElementsClient, PickupPoint } from '@kustom/sdk/elements';
import { css, html, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { KustomChoiceElement } from './base/choice-element.js';
import type { Kind } from './base/kustom-element.js';
import { mark } from './base/marks.js';
import { baseStyles } from './base/styles.js';
import { KustomDeliveryMethodChangeEvent } from './events.js';
import { formatDateRange, formatDistance, formatOpeningHours, formatPrice } from './locale.js';

/**
 * The delivery options for a purchase and postal code, as a radio group: carrier,
 * name, price ("Free" at 0), delivery window and kind (home, pickup point,
 * mailbox). Choosing a pickup point option opens the choice of its points (name,
 * address, distance, opening hours), the nearest chosen first.
 * Form-associated: with a `name`, the option id is submitted under `name` and the
 * pickup point id under `name-pickup-point`.
 *
 * @tagname kustom-delivery-method-display
 * @summary Delivery options with prices, dates and pickup points, as a form-associated radio group.
 *
 * @fires {KustomReadyEvent} kustom-ready - The list rendered: `detail.options` (also when empty).
 * @fires {KustomErrorEvent} kustom-error - Loading failed: `detail.code`, `detail.message`.
 * @fires {KustomDeliveryMethodChangeEvent} kustom-delivery-method-change - The shopper chose an option or a pickup point. Cancelable: `preventDefault()` restores the previous choice.
 * @fires {Event} change - After an accepted choice, like a native input.
 * @fires {Event} input - After an accepted choice, like a native input.
 *
 * @csspart kustom-base - The wrapper of every state.
 * @csspart kustom-skeleton - The loading placeholder (as tall as the list it stands for).
 * @csspart kustom-empty - The "no delivery options" message.
 * @csspart kustom-error - The load error message with its retry button.
 * @csspart kustom-retry - The retry button.
 * @csspart kustom-group - The fieldset around the options.
 * @csspart kustom-option - One option (a label).
 * @csspart kustom-option-checked - The chosen option.
 * @csspart kustom-radio - A native radio button (options and pickup points).
 * @csspart kustom-icon - The carrier's mark.
 * @csspart kustom-name - The option's name.
 * @csspart kustom-details - Carrier, kind and delivery window.
 * @csspart kustom-description - The option's description, when it has one.
 * @csspart kustom-price - The price.
 * @csspart kustom-pickup-points - The fieldset of pickup points under the chosen option.
 * @csspart kustom-pickup-point - One pickup point (a label).
 * @csspart kustom-pickup-point-checked - The chosen pickup point.
 * @csspart kustom-address - A pickup point's address.
 * @csspart kustom-hours - A pickup point's opening hours.
 * @csspart kustom-distance - A pickup point's distance.
 *
 * @cssproperty --kustom-color-background - Background of options and messages.
 * @cssproperty --kustom-color-text - Text colour.
 * @cssproperty --kustom-color-text-muted - Secondary text colour.
 * @cssproperty --kustom-color-border - Border of options.
 * @cssproperty --kustom-color-accent - The chosen option, radios, focus ring, retry button.
 * @cssproperty --kustom-color-error - Error text.
 * @cssproperty --kustom-color-skeleton - Loading placeholder and neutral marks.
 * @cssproperty --kustom-radius - Corner radius.
 * @cssproperty --kustom-spacing - The spacing unit.
 * @cssproperty --kustom-font-family - Font family (default: the page's).
 * @cssproperty --kustom-font-size - Font size (default: the page's).
 */
export class KustomDeliveryMethodDisplay extends KustomChoiceElement<DeliveryOption> {
  static override styles = [
    baseStyles,
    css`
      .price {
        font-weight: 600;
        white-space: nowrap;
      }
      .pp {
        margin-inline-start: calc(var(--_kustom-spacing) * 3);
      }
    `,
  ];

  /** The shopper's postal code: options and pickup points near it. */
  @property({ attribute: 'postal-code' }) postalCode?: string;
  /** The chosen pickup point id. As an attribute it is the initial choice, which a form reset restores. */
  @property({ attribute: 'pickup-point' }) pickupPoint = '';

  protected override readonly kind: Kind = {
    list: 'options',
    label: 'deliveryMethod',
    empty: 'noDeliveryMethods',
    missing: 'selectDeliveryMethod',
  };

  /** Details and description. */
  protected override subLines = 2;

  protected override query(): DeliveryMethodsQuery {
    return { ...super.query(), postalCode: this.postalCode };
  }

  protected override async load(client: ElementsClient, query: DeliveryMethodsQuery, signal: AbortSignal) {
    return (await client.deliveryMethods(query, { signal })).delivery_options;
  }

  protected override snapshot(): string[] {
    return [this.value, this.pickupPoint];
  }

  protected override restore([value = '', pickupPoint = '']: string[]): void {
    this.value = value;
    this.pickupPoint = pickupPoint;
  }

  protected override defaults(): string[] {
    return [this.getAttribute('value') ?? '', this.getAttribute('pickup-point') ?? ''];
  }

  protected override entries(): [string, string][] {
    const entries = super.entries();
    if (this.pickupPoint) entries.push([`${this.name}-pickup-point`, this.pickupPoint]);
    return entries;
  }

  protected override pick(group: string, id: string): void {
    if (group === 'p') this.pickupPoint = id;
    else {
      this.value = id;
      this.pickupPoint = '';
      this.keepValid();
    }
  }

  /** A pickup point option always has a point chosen (the first, nearest, by default); other options none. */
  protected override keepValid(): void {
    super.keepValid();
    const points = this.selected()?.pickup_points ?? [];
    if (!points.some((point) => point.id === this.pickupPoint)) this.pickupPoint = points[0]?.id ?? '';
  }

  protected override changeEvent([previousValue = '', previousPickupPoint = '']: string[]): Event {
    return new KustomDeliveryMethodChangeEvent({
      value: this.value,
      pickupPoint: this.pickupPoint,
      previousValue,
      previousPickupPoint,
      option: this.selected()!,
    });
  }

  protected override renderItem(option: DeliveryOption, checked: boolean): TemplateResult {
    const { t, lang_ } = this;
    const row = this.rowAttrs('kustom-option', checked);
    const points = option.pickup_points ?? [];
    const kind = option.type === 'pickup_point' ? t.pickupPoints(points.length) : t[option.type];
    const window = t.deliveryWindow(formatDateRange(option.delivery_window.earliest, option.delivery_window.latest, lang_));
    return html`<label part=${row.part} class=${row.cls}>
        ${this.radio('o', option.id)} ${mark('', option.carrier)}
        <span class="text">
          <span part="kustom-name" class="name">${option.name}</span>
          <span part="kustom-details" class="sub">${option.carrier} \u00b7 ${kind} \u00b7 ${window}</span>
          ${option.description ? html`<span part="kustom-description" class="sub">${option.description}</span>` : nothing}
        </span>
        <span part="kustom-price" class="price">${formatPrice(option.price, option.currency, lang_, t)}</span>
      </label>
      ${checked && points.length
        ? html`<fieldset part="kustom-pickup-points" class="list pp">
            <legend class="sr">${t.choosePickupPoint}</legend>
            ${points.map((point) => this.renderPoint(point))}
          </fieldset>`
        : nothing}`;
  }

  private renderPoint(point: PickupPoint): TemplateResult {
    const { t, lang_ } = this;
    const { street_address, postal_code, city } = point.address;
    const row = this.rowAttrs('kustom-pickup-point', point.id === this.pickupPoint);
    return html`<label part=${row.part} class=${row.cls}>
      ${this.radio('p', point.id)}
      <span class="text">
        <span part="kustom-name" class="name">${point.name}</span>
        <span part="kustom-address" class="sub">${street_address}, ${postal_code} ${city}</span>
        <span part="kustom-hours" class="sub">${formatOpeningHours(point.opening_hours, lang_)}</span>
      </span>
      <span part="kustom-distance" class="sub">${t.away(formatDistance(point.distance_meters, lang_))}</span>
    </label>`;
  }
}
