import type { DeliveryOption, KustomDeliveryMethodDisplay } from '@kustom/elements';
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
    'pickup-point': string;
    'postal-code': string;
    label: string;
    required: boolean;
    disabled: boolean;
    inForm: boolean;
  } & Record<string, unknown>;

const TAG = 'kustom-delivery-method-display';
const element = (canvas: HTMLElement) => find<KustomDeliveryMethodDisplay>(canvas, TAG);
const radios = (el: Element, group: 'o' | 'p') => [...el.shadowRoot!.querySelectorAll<HTMLInputElement>(`input[name="${group}"]`)];

/** The element with the story's controls as attributes and its events as actions. */
const deliveryMethods = (args: Args, { theme, postalCode }: { theme: Theme; postalCode: string | undefined }) =>
  html`<kustom-delivery-method-display
    name=${ifDefined(args.name || undefined)}
    value=${ifDefined(args.value || undefined)}
    pickup-point=${ifDefined(args['pickup-point'] || undefined)}
    postal-code=${ifDefined(args['postal-code'] || postalCode)}
    label=${ifDefined(args.label || undefined)}
    purchase-country=${ifDefined(args['purchase-country'] || undefined)}
    currency=${ifDefined(args.currency || undefined)}
    amount=${ifDefined(Number.isSafeInteger(args.amount) ? args.amount : undefined)}
    theme=${theme}
    ?required=${args.required}
    ?disabled=${args.disabled}
    @kustom-ready=${args.onKustomReady}
    @kustom-error=${args.onKustomError}
    @kustom-delivery-method-change=${args.onKustomDeliveryMethodChange}
    @change=${args.onChange}
    @input=${args.onInput}
  ></kustom-delivery-method-display>`;

const meta = {
  title: 'Delivery method display',
  component: TAG,
  args: {
    ...purchaseArgs,
    ...sandboxArgs,
    name: 'delivery',
    value: '',
    'pickup-point': '',
    'postal-code': '',
    label: '',
    required: false,
    disabled: false,
    inForm: false,
  },
  argTypes: {
    ...purchaseArgTypes,
    ...sandboxArgTypes,
    'postal-code': { description: 'The shopper’s postal code. Empty in the story: a real code of the purchase country.' },
    inForm: { description: 'Put the element in a checkout form with a submit button.', control: 'boolean', table: { category: 'story' } },
  },
  render: (args, context) => {
    const el = deliveryMethods(args, market(args, context.globals));
    return args.inForm ? checkoutForm(el) : el;
  },
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

/** The options near the shopper: carrier, kind, delivery window, price ("Free" at 0). */
export const Loaded: Story = {
  play: async ({ canvasElement }) => {
    const el = await element(canvasElement);
    await expectState(el, 'ready');
    await expect(radios(el, 'o').length).toBeGreaterThan(2);
    await expect(radios(el, 'p')).toHaveLength(0);
  },
};

/** The skeleton: rows as tall as loaded rows (two lines of details). */
export const Loading: Story = {
  args: { network: 'never answers' },
  play: reaches(TAG, 'loading'),
};

/** A slow network (sandbox latency fault): the skeleton first, then the list. */
export const SlowNetwork: Story = {
  args: { network: 'slow' },
  play: reaches(TAG, 'ready'),
};

/** Home delivery chosen (`value`), in Sweden. */
export const Selected: Story = {
  args: { 'purchase-country': 'SE', value: 'postnord-home' },
  play: async ({ canvasElement }) => {
    const el = await element(canvasElement);
    await expectState(el, 'ready');
    await expect(radios(el, 'o').find((radio) => radio.checked)?.value).toBe('postnord-home');
  },
};

/** A pickup point option chosen: its points (address, opening hours, distance), the nearest one chosen. */
export const PickupPoints: Story = {
  args: { 'purchase-country': 'SE', value: 'postnord-service-point' },
  play: async ({ canvasElement }) => {
    const el = await element(canvasElement);
    await expectState(el, 'ready');
    await waitFor(() => expect(radios(el, 'p').length).toBeGreaterThan(1));
    await expect(radios(el, 'p')[0]!.checked).toBe(true);
    await expect(el.pickupPoint).toBe(radios(el, 'p')[0]!.value);
  },
};

/** The shopper chooses the first pickup point option, then another point. */
export const ShopperPicksAPoint: Story = {
  play: async ({ canvasElement }) => {
    const el = await element(canvasElement);
    await expectState(el, 'ready');
    const option = el.shadowRoot!.querySelector<HTMLInputElement>('input[name="o"]')!;
    await userEvent.click(option);
    await waitFor(() => expect(radios(el, 'p').length).toBeGreaterThan(1));
    const second = radios(el, 'p')[1]!;
    await userEvent.click(second);
    await waitFor(() => expect(el.pickupPoint).toBe(second.value));
  },
};

/** Nothing delivers here (the sandbox's answer emptied): a message. */
export const Empty: Story = {
  parameters: { kustom: { reshape: (body: { delivery_options: DeliveryOption[] }) => ({ ...body, delivery_options: [] }) } },
  play: emptyMessage(TAG),
};

/** The Elements API answers 500 once (a sandbox fault): the error message with its retry button. */
export const LoadError: Story = {
  name: 'Error',
  args: { failure: 'status 500', failures: 1 },
  play: loadError(TAG, 'INTERNAL_SERVER_ERROR'),
};

/** The same fault, then retry: the list. */
export const ErrorThenRetry: Story = {
  args: { failure: 'status 500', failures: 1 },
  play: loadError(TAG, 'INTERNAL_SERVER_ERROR', { retry: true }),
};

/** A postal code the country does not have: the message says so, with no retry (a new postal code reloads). */
export const InvalidPostalCode: Story = {
  args: { 'postal-code': 'ABC' },
  play: finalError(TAG, 'INVALID_POSTAL_CODE'),
};

/** An unknown public key: `CLIENT_NOT_FOUND`. */
export const ClientNotFound: Story = {
  args: { failure: 'CLIENT_NOT_FOUND' },
  play: reaches(TAG, 'error', 'CLIENT_NOT_FOUND'),
};

/** `disabled`, with a pickup point option chosen. */
export const Disabled: Story = {
  args: { 'purchase-country': 'SE', value: 'postnord-service-point', disabled: true },
  play: async ({ canvasElement }) => {
    const el = await element(canvasElement);
    await expectState(el, 'ready');
    await expect(radios(el, 'p').length).toBeGreaterThan(0);
    for (const radio of [...radios(el, 'o'), ...radios(el, 'p')]) await expect(radio.matches(':disabled')).toBe(true);
  },
};

/** `required` in a form: submitting without a choice shows the localized message. */
export const RequiredAndInvalid: Story = {
  args: { required: true, inForm: true },
  play: requiredAndInvalid(TAG),
};

/** `required` with a pickup point option: the form submits the option and the point. */
export const RequiredAndValid: Story = {
  args: { required: true, inForm: true, 'purchase-country': 'SE', value: 'postnord-service-point' },
  play: async ({ canvasElement }) => {
    const el = await element(canvasElement);
    await expectState(el, 'ready');
    await waitFor(() => expect(el.pickupPoint).not.toBe(''));
    await submitted(canvasElement, { delivery: 'postnord-service-point', 'delivery-pickup-point': el.pickupPoint });
  },
};

/** 50 options with 20 pickup points each (built from the sandbox's answer), the first chosen. */
export const LongList: Story = {
  args: { value: 'option-1' },
  parameters: {
    kustom: {
      reshape: (body: { delivery_options: DeliveryOption[] }) => {
        const pickup = body.delivery_options.find((option) => option.type === 'pickup_point')!;
        const point = pickup.pickup_points![0]!;
        return {
          ...body,
          delivery_options: Array.from({ length: 50 }, (_, i) => ({
            ...pickup,
            id: `option-${i + 1}`,
            name: `${pickup.name} ${i + 1}`,
            pickup_points: Array.from({ length: 20 }, (_, j) => ({ ...point, id: `option-${i + 1}-point-${j + 1}`, name: `${point.name} ${j + 1}` })),
          })),
        };
      },
    },
  },
  play: async ({ canvasElement }) => {
    const el = await element(canvasElement);
    await expectState(el, 'ready');
    await expect(radios(el, 'o')).toHaveLength(50);
    await waitFor(() => expect(radios(el, 'p')).toHaveLength(20));
  },
};

/** The dark theme (also from the toolbar), with pickup points. */
export const Dark: Story = {
  globals: { theme: 'dark' },
  args: { 'purchase-country': 'SE', value: 'postnord-service-point' },
  play: dark(TAG),
};

/** All six languages side by side, each in its own market: dates, prices, distances and hours by `Intl`. */
export const AllLanguages: Story = {
  render: (args, context) => allLanguages((locale) => deliveryMethods(args, market(args, { ...context.globals, locale }))),
  play: allReady(TAG),
};
