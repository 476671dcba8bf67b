import type { KustomPaymentMethodDisplay, PaymentMethod } from '@kustom/elements';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { expect, userEvent, waitFor } from 'storybook/test';
import { checkoutForm } from './forms.js';
import { allLanguages, allReady, dark, emptyMessage, finalError, loadError, reaches, requiredAndInvalid, submitted } from './plays.js';
import {
  expectState,
  find,
  market,
  purchaseArgs,
  purchaseArgTypes,
  sandboxArgs,
  sandboxArgTypes,
  type PurchaseArgs,
  type SandboxArgs,
  type Theme,
} from './harness.js';

type Args = SandboxArgs &
  PurchaseArgs & {
    name: string;
    value: string;
    label: string;
    include: string;
    exclude: string;
    required: boolean;
    disabled: boolean;
    inForm: boolean;
  } & Record<string, unknown>;

const TAG = 'kustom-payment-method-display';
const element = (canvas: HTMLElement) => find<KustomPaymentMethodDisplay>(canvas, TAG);
const radios = (el: Element) => [...el.shadowRoot!.querySelectorAll<HTMLInputElement>('input[type="radio"]')];

/** The element with the story's controls as attributes and its events as actions. */
const paymentMethods = (args: Args, theme: Theme) =>
  html`<kustom-payment-method-display
      name=${ifDefined(args.name || undefined)}
      value=${ifDefined(args.value || undefined)}
      label=${ifDefined(args.label || undefined)}
      include=${ifDefined(args.include || undefined)}
      exclude=${ifDefined(args.exclude || undefined)}
      purchase-country=${ifDefined(args['purchase-country'] || undefined)}
      currency=${ifDefined(args.currency || undefined)}
      amount=${ifDefined(Number.isSafeInteger(args.amount) ? args.amount : undefined)}
      theme=${theme}
      ?required=${args.required}
      ?disabled=${args.disabled}
      @kustom-ready=${args.onKustomReady}
      @kustom-error=${args.onKustomError}
      @kustom-payment-method-change=${args.onKustomPaymentMethodChange}
      @change=${args.onChange}
      @input=${args.onInput}
    ></kustom-payment-method-display>`;

const meta = {
  title: 'Payment method display',
  component: TAG,
  args: {
    ...purchaseArgs,
    ...sandboxArgs,
    name: 'payment_method',
    value: '',
    label: '',
    include: '',
    exclude: '',
    required: false,
    disabled: false,
    inForm: false,
  },
  argTypes: {
    ...purchaseArgTypes,
    ...sandboxArgTypes,
    inForm: { description: 'Put the element in a checkout form with a submit button.', control: 'boolean', table: { category: 'story' } },
  },
  render: (args, context) => {
    const el = paymentMethods(args, market(args, context.globals).theme);
    return args.inForm ? checkoutForm(el) : el;
  },
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

/** The methods the sandbox offers for the purchase: change the language in the toolbar, the market in the controls. */
export const Loaded: Story = {
  play: async ({ canvasElement }) => {
    const el = await element(canvasElement);
    await expectState(el, 'ready');
    await expect(radios(el).length).toBeGreaterThan(3);
    await expect(radios(el).some((radio) => radio.checked)).toBe(false);
  },
};

/** The skeleton: rows as tall as loaded rows, `aria-busy`, a "Loading…" text for screen readers. */
export const Loading: Story = {
  args: { network: 'never answers' },
  play: reaches(TAG, 'loading'),
};

/** A slow network (sandbox latency fault): the skeleton first, then the list. */
export const SlowNetwork: Story = {
  args: { network: 'slow' },
  play: reaches(TAG, 'ready'),
};

/** `value="klarna"`: the initial choice (a form reset restores it). */
export const Selected: Story = {
  args: { value: 'klarna' },
  play: async ({ canvasElement }) => {
    const el = await element(canvasElement);
    await expectState(el, 'ready');
    await expect(radios(el).find((radio) => radio.checked)?.value).toBe('klarna');
    await expect(el.shadowRoot!.querySelector('[part~="kustom-option-checked"]')).not.toBeNull();
  },
};

/** The shopper picks a method: the cancelable change event, then `input` and `change`. */
export const ShopperChooses: Story = {
  play: async ({ canvasElement }) => {
    const el = await element(canvasElement);
    await expectState(el, 'ready');
    await userEvent.click(radios(el).find((radio) => radio.value === 'card')!);
    await waitFor(() => expect(el.value).toBe('card'));
  },
};

/** No method fits (here: only Swish allowed, for a German purchase): a message, nothing to choose. */
export const Empty: Story = {
  args: { include: 'swish', 'purchase-country': 'DE', currency: 'EUR' },
  play: emptyMessage(TAG),
};

/** The Elements API answers 503 once (a sandbox fault): the error message with its retry button. */
export const LoadError: Story = {
  name: 'Error',
  args: { failure: 'status 503', failures: 1 },
  play: loadError(TAG, 'TEMPORARILY_UNAVAILABLE'),
};

/** The same fault, then the shopper presses retry: the second answer is fine. */
export const ErrorThenRetry: Story = {
  args: { failure: 'status 503', failures: 1 },
  play: loadError(TAG, 'TEMPORARILY_UNAVAILABLE', { retry: true }),
};

/** A market Kustom does not serve (China): "Not available for this country", in the shopper's language, with no retry. */
export const UnsupportedMarket: Story = {
  args: { 'purchase-country': 'CN' },
  play: finalError(TAG, 'UNSUPPORTED_MARKET'),
};

/** The connection drops (a sandbox fault): the `NETWORK` error. */
export const ConnectionLost: Story = {
  args: { failure: 'connection lost' },
  play: reaches(TAG, 'error', 'NETWORK'),
};

/** The public key does not allow this page's origin: `ORIGIN_NOT_ALLOWED` (retrying does not help). */
export const OriginNotAllowed: Story = {
  args: { failure: 'ORIGIN_NOT_ALLOWED' },
  play: reaches(TAG, 'error', 'ORIGIN_NOT_ALLOWED'),
};

/** A `<kustom-elements-provider>` without a public key: `NOT_CONFIGURED`. */
export const NotConfigured: Story = {
  args: { failure: 'NOT_CONFIGURED' },
  play: reaches(TAG, 'error', 'NOT_CONFIGURED'),
};

/** `disabled`: shown, not choosable, not submitted. */
export const Disabled: Story = {
  args: { disabled: true, value: 'klarna' },
  play: async ({ canvasElement }) => {
    const el = await element(canvasElement);
    await expectState(el, 'ready');
    for (const radio of radios(el)) await expect(radio.matches(':disabled')).toBe(true);
  },
};

/** `required` in a form: submitting without a choice shows the localized message (`reportValidity`). */
export const RequiredAndInvalid: Story = {
  args: { required: true, inForm: true },
  play: requiredAndInvalid(TAG),
};

/** `required` with a choice: the form submits `payment_method=klarna`. */
export const RequiredAndValid: Story = {
  args: { required: true, inForm: true, value: 'klarna' },
  play: async ({ canvasElement }) => {
    await expectState(await element(canvasElement), 'ready');
    await submitted(canvasElement, { payment_method: 'klarna' });
  },
};

/** 24 methods (the sandbox's list repeated): long names wrap, the page grows, nothing overflows. */
export const LongList: Story = {
  parameters: {
    kustom: {
      reshape: (body: { payment_methods: PaymentMethod[] }) => ({
        ...body,
        payment_methods: Array.from({ length: 24 }, (_, i) => {
          const method = body.payment_methods[i % body.payment_methods.length]!;
          return { ...method, id: `${method.id}-${i + 1}`, name: `${method.name} ${i + 1}` };
        }),
      }),
    },
  },
  play: async ({ canvasElement }) => {
    const el = await element(canvasElement);
    await expectState(el, 'ready');
    await expect(radios(el)).toHaveLength(24);
  },
};

/** The dark theme (also from the toolbar). */
export const Dark: Story = {
  globals: { theme: 'dark' },
  args: { value: 'klarna' },
  play: dark(TAG),
};

/** All six languages side by side (each in its country's currency): names come from the API, the rest from the element's translations. */
export const AllLanguages: Story = {
  args: { value: 'klarna' },
  render: (args, context) => allLanguages(() => paymentMethods(args, market(args, context.globals).theme)),
  play: allReady(TAG),
};
