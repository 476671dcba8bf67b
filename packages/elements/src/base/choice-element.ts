/**
 * The form-associated radio group that the payment method and delivery method
 * displays share: native radios in a fieldset (so arrow keys, roving focus and
 * the accessible radio semantics are the browser's own), `ElementInternals` for
 * the form value, validity and reset, and a cancelable change event.
 */
import { html, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { KustomElement } from './kustom-element.js';

/**
 * @internal
 */
export abstract class KustomChoiceElement<T extends { id: string }> extends KustomElement<T> {
  /** @internal */
  static formAssociated = true;

  /** Form field name: the chosen id is submitted under it. */
  @property() name = '';
  /** The chosen id. As an attribute it is the initial choice, which a form reset restores. */
  @property() value = '';
  /** The form is invalid until a choice is made. */
  @property({ type: Boolean, reflect: true }) required = false;
  /** Accessible name of the group. Default: a localized "Payment method" or "Delivery method". */
  @property() label?: string;

  /** @internal */
  protected readonly internals: ElementInternals = this.attachInternals();

  /** @internal The cancelable change event, given the choice before. */
  protected abstract changeEvent(before: string[]): Event;
  /** @internal One option. */
  protected abstract renderItem(item: T, checked: boolean): TemplateResult;

  /** @internal The choice as a list: what a veto, a reset and a restored form put back. */
  protected snapshot(): string[] {
    return [this.value];
  }
  /** @internal */
  protected restore([value = '']: string[]): void {
    this.value = value;
  }
  /** @internal The initial choice, from the attributes. */
  protected defaults(): string[] {
    return [this.getAttribute('value') ?? ''];
  }
  /** @internal The form entries of a complete choice. */
  protected entries(): [string, string][] {
    return [[this.name, this.value]];
  }
  /** @internal A radio changed: radio group `group` (`o` options, `p` pickup points) now has `id`. */
  protected pick(_group: string, id: string): void {
    this.value = id;
  }
  /** @internal Drops a choice the loaded list no longer offers. */
  protected keepValid(): void {
    if (this.value && !this.selected()) this.value = '';
  }
  /** @internal The chosen item. */
  protected selected(): T | undefined {
    return this.items.find((item) => item.id === this.value);
  }

  /** The form this element belongs to. */
  get form(): HTMLFormElement | null {
    return this.internals.form;
  }
  /** The element's validity state. */
  get validity(): ValidityState {
    return this.internals.validity;
  }
  /** The localized message shown while the element is invalid. */
  get validationMessage(): string {
    return this.internals.validationMessage;
  }
  /** Whether the element takes part in form validation. */
  get willValidate(): boolean {
    return this.internals.willValidate;
  }
  /** `true` when valid; else fires `invalid` and returns `false`. */
  checkValidity(): boolean {
    return this.internals.checkValidity();
  }
  /** Like `checkValidity()`, and shows the message to the shopper. */
  reportValidity(): boolean {
    return this.internals.reportValidity();
  }

  /** Focuses the chosen option, else the first. */
  override focus(options?: FocusOptions): void {
    const radios = [...this.renderRoot.querySelectorAll('input')];
    (radios.find((radio) => radio.checked) ?? radios[0])?.focus(options);
  }

  /** @internal */
  formResetCallback(): void {
    this.restore(this.defaults());
  }
  /** @internal A fieldset around it was disabled or enabled. */
  formDisabledCallback(): void {
    this.requestUpdate();
  }
  /** @internal Back/forward cache and autofill restore the choice. */
  formStateRestoreCallback(saved: unknown): void {
    if (typeof saved === 'string') this.restore(JSON.parse(saved) as string[]);
  }

  /**
   * Disabled by its attribute or by a disabled `<fieldset>` around it. (Read from
   * the DOM, not from `formDisabledCallback`'s argument: that also reports the
   * element's own attribute, and arrives while Lit reflects it, too late to render.)
   */
  protected override isDisabled(): boolean {
    return this.disabled || !!this.closest('fieldset:disabled');
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (this.state === 'ready' || this.state === 'empty') this.keepValid();
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    // The DOM's checked state follows the element's choice after every render,
    // including a vetoed change (which Lit alone would not undo).
    for (const radio of this.renderRoot.querySelectorAll('input')) {
      radio.checked = this.snapshot()[radio.name === 'p' ? 1 : 0] === radio.value;
    }
    let data: FormData | null = null;
    if (this.name && this.value) {
      data = new FormData();
      for (const [key, value] of this.entries()) data.append(key, value);
    }
    this.internals.setFormValue(data, JSON.stringify(this.snapshot()));
    const message = this.required && !this.value ? this.t[this.kind.missing!] : '';
    this.internals.setValidity(
      { valueMissing: !!message },
      message,
      this.renderRoot.querySelector('input') ?? undefined,
    );
  }

  private onChange(event: Event): void {
    const radio = event.target as HTMLInputElement;
    const before = this.snapshot();
    this.pick(radio.name, radio.value);
    if (JSON.stringify(before) === JSON.stringify(this.snapshot())) return;
    if (!this.dispatchEvent(this.changeEvent(before))) {
      this.restore(before);
      return;
    }
    this.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    this.dispatchEvent(new Event('change', { bubbles: true }));
  }

  /** @internal A native radio of group `group` for `id`. */
  protected radio(group: string, id: string): TemplateResult {
    return html`<input type="radio" part="kustom-radio" name=${group} .value=${id} ?required=${this.required} />`;
  }

  /** @internal An option row's part and class names. */
  protected rowAttrs(part: string, checked: boolean): { part: string; cls: string } {
    return { part: checked ? `${part} ${part}-checked` : part, cls: checked ? 'row on' : 'row' };
  }

  protected override renderData(): TemplateResult {
    // The radios' own `input` events are composed and would leak out before a veto: ours follow the change event.
    return html`<fieldset
      part="kustom-group"
      class="list"
      ?disabled=${this.isDisabled()}
      @change=${this.onChange}
      @input=${(event: Event) => event.stopPropagation()}
    >
      <legend class="sr">${this.label || this.t[this.kind.label]}</legend>
      ${this.items.map((item) => this.renderItem(item, item.id === this.value))}
    </fieldset>`;
  }
}
