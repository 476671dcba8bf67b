import type { KustomDeliveryMethodDisplay, KustomPaymentMethodDisplay } from '@kustom/elements';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { expect, userEvent, waitFor } from 'storybook/test';
import { approvalUrl, merchantCreateOrder, watchPopups } from './express.js';
import { checkoutForm } from './forms.js';
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
  type StorySandbox,
} from './harness.js';

type Args = SandboxArgs & PurchaseArgs & Record<string, unknown>;

/**
 * A checkout page: express buttons on top, then a form with the payment methods
 * and delivery options, all configured by one `<kustom-elements-provider>` (here
 * on the story's sandbox; on a shop page with `public-api-key` and `environment`).
 */
const meta = {
  title: 'Checkout',
  component: 'kustom-elements-provider',
  args: { ...purchaseArgs, ...sandboxArgs },
  argTypes: { ...purchaseArgTypes, ...sandboxArgTypes },
  parameters: { kustom: { approvalUrl } },
  beforeEach: () => watchPopups(),
  render: (args, context) => {
    const { sandbox } = context.loaded.kustom as StorySandbox;
    const { locale, country, currency, postalCode, theme } = market(args, context.globals);
    const purchase = {
      'purchase-country': args['purchase-country'] || undefined,
      currency: args.currency || undefined,
      amount: Number.isSafeInteger(args.amount) ? args.amount : undefined,
    };
    return html`<div class="story-checkout">
      <kustom-express-buttons
        layout="horizontal"
        purchase-country=${ifDefined(purchase['purchase-country'])}
        currency=${ifDefined(purchase.currency)}
        amount=${ifDefined(purchase.amount)}
        theme=${theme}
        .createOrder=${merchantCreateOrder(sandbox, 'creates the order', { locale, country, currency, amount: args.amount })}
      ></kustom-express-buttons>
      ${checkoutForm(html`<kustom-payment-method-display
          name="payment_method"
          required
          purchase-country=${ifDefined(purchase['purchase-country'])}
          currency=${ifDefined(purchase.currency)}
          amount=${ifDefined(purchase.amount)}
          theme=${theme}
        ></kustom-payment-method-display>
        <kustom-delivery-method-display
          name="delivery"
          required
          postal-code=${ifDefined(postalCode)}
          purchase-country=${ifDefined(purchase['purchase-country'])}
          currency=${ifDefined(purchase.currency)}
          amount=${ifDefined(purchase.amount)}
          theme=${theme}
        ></kustom-delivery-method-display>`)}
    </div>`;
  },
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

/** The three elements together, in Sweden by default: change the language and theme in the toolbar. */
export const Page: Story = {
  globals: { locale: 'sv-SE' },
  play: async ({ canvasElement }) => {
    for (const tag of ['kustom-express-buttons', 'kustom-payment-method-display', 'kustom-delivery-method-display']) {
      await expectState(await find(canvasElement, tag), 'ready');
    }
  },
};

/** The shopper picks Klarna and a pickup point option, then places the order: the form data. */
export const FilledIn: Story = {
  globals: { locale: 'sv-SE' },
  play: async ({ canvasElement }) => {
    const payment = await find<KustomPaymentMethodDisplay>(canvasElement, 'kustom-payment-method-display');
    const delivery = await find<KustomDeliveryMethodDisplay>(canvasElement, 'kustom-delivery-method-display');
    await expectState(payment, 'ready');
    await expectState(delivery, 'ready');
    await userEvent.click(payment.shadowRoot!.querySelector<HTMLInputElement>('input[value="klarna"]')!);
    await userEvent.click(delivery.shadowRoot!.querySelector<HTMLInputElement>('input[name="o"]')!);
    await waitFor(() => expect(delivery.pickupPoint).not.toBe(''));
    await userEvent.click(canvasElement.querySelector<HTMLButtonElement>('button[type="submit"]')!);
    const sent = new URLSearchParams({ payment_method: 'klarna', delivery: delivery.value, 'delivery-pickup-point': delivery.pickupPoint });
    await waitFor(() => expect(canvasElement.querySelector('.story-message')?.textContent).toBe(`Submitted: ${sent}`));
  },
};
