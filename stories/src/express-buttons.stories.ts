import { formatAmount } from '@kustom/sdk';
import type {
  ExpressButton,
  KustomErrorEvent,
  KustomExpressButtons,
  KustomExpressCancelEvent,
  KustomExpressConfirmEvent,
} from '@kustom/elements';
import type { Meta, StoryContext, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { expect, userEvent, waitFor } from 'storybook/test';
import { allLanguages, allReady, dark, loadError, reaches } from './plays.js';
import { approvalPage, approvalUrl, merchantCreateOrder, popupsFor, shopper, watchPopups, type Merchant, type Popup } from './express.js';
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

type Args = SandboxArgs &
  PurchaseArgs & {
    layout: 'vertical' | 'horizontal';
    'button-height': number;
    disabled: boolean;
    merchant: Merchant;
    popup: Popup;
  } & Record<string, unknown>;

const TAG = 'kustom-express-buttons';
const element = (canvas: HTMLElement) => find<KustomExpressButtons>(canvas, TAG);
const buttons = (el: Element) => [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('button[part~="kustom-button"]')];
const logOf = (canvas: HTMLElement) => canvas.querySelector('.story-log')!;

/** Writes what happened under the buttons (the merchant's page would react like this). */
function note(event: Event, text: string): void {
  const log = (event.target as Element).closest('.story-express')?.querySelector('.story-log');
  if (log) log.textContent = text;
}

/** The buttons with the story's controls, the merchant's hooks and the flow written below them. */
function expressButtons(args: Args, context: StoryContext, language?: string) {
  const { sandbox } = context.loaded.kustom as StorySandbox;
  const { locale, country, currency, theme } = market(args, language ? { ...context.globals, locale: language } : context.globals);
  const createOrder = merchantCreateOrder(sandbox, args.merchant, { locale, country, currency, amount: args.amount });
  const onConfirm = (event: KustomExpressConfirmEvent) => {
    // What Kustom does once the shopper approved (the sandbox's own approval page completes it).
    const order = sandbox.completeCheckout(event.detail.orderId);
    note(event, `Approved: order ${order.order_id} is ${order.status} (${formatAmount(order.order_amount, order.purchase_currency, locale)}).`);
    (args.onKustomExpressConfirm as ((e: Event) => void) | undefined)?.(event);
  };
  const onCancel = (event: KustomExpressCancelEvent) => {
    note(event, `Cancelled: order ${event.detail.orderId} was not approved.`);
    (args.onKustomExpressCancel as ((e: Event) => void) | undefined)?.(event);
  };
  const onError = (event: KustomErrorEvent) => {
    note(event, `kustom-error ${event.detail.code}: ${event.detail.message}`);
    (args.onKustomError as ((e: Event) => void) | undefined)?.(event);
  };
  return html`<div class="story-express" @click=${popupsFor(args.popup)}>
    <kustom-express-buttons
      layout=${args.layout}
      button-height=${ifDefined(args['button-height'] || undefined)}
      purchase-country=${ifDefined(args['purchase-country'] || undefined)}
      currency=${ifDefined(args.currency || undefined)}
      amount=${ifDefined(Number.isSafeInteger(args.amount) ? args.amount : undefined)}
      theme=${theme}
      ?disabled=${args.disabled}
      .createOrder=${createOrder}
      @kustom-ready=${args.onKustomReady}
      @kustom-error=${onError}
      @kustom-express-click=${args.onKustomExpressClick}
      @kustom-express-confirm=${onConfirm}
      @kustom-express-cancel=${onCancel}
    ></kustom-express-buttons>
    <output class="story-log"></output>
  </div>`;
}

const meta = {
  title: 'Express buttons',
  component: TAG,
  args: {
    ...purchaseArgs,
    ...sandboxArgs,
    layout: 'vertical',
    'button-height': 48,
    disabled: false,
    merchant: 'creates the order',
    popup: 'allowed',
  },
  argTypes: {
    ...purchaseArgTypes,
    ...sandboxArgTypes,
    layout: { control: 'inline-radio', options: ['vertical', 'horizontal'] },
    'button-height': { control: { type: 'range', min: 40, max: 55, step: 1 } },
    merchant: {
      description: 'What the merchant’s `createOrder` does: create a checkout order in the sandbox, or `reject()` (out of stock).',
      control: 'inline-radio',
      options: ['creates the order', 'rejects (out of stock)'] satisfies Merchant[],
      table: { category: 'story' },
    },
    popup: {
      description: 'Whether the browser lets the element open the approval popup; blocked, the approval page opens in a dialog.',
      control: 'inline-radio',
      options: ['allowed', 'blocked'] satisfies Popup[],
      table: { category: 'story' },
    },
  },
  parameters: { kustom: { approvalUrl } },
  beforeEach: () => watchPopups(),
  render: (args, context) => expressButtons(args, context),
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<Args>;

/** The wallets for the purchase, stacked. Click one: the approval page opens (Storybook's static stand-in). */
export const Loaded: Story = {
  play: async ({ canvasElement }) => {
    const el = await element(canvasElement);
    await expectState(el, 'ready');
    await expect(buttons(el).length).toBeGreaterThan(1);
  },
};

/** `layout="horizontal"`: side by side, wrapping. */
export const Horizontal: Story = {
  args: { layout: 'horizontal', 'button-height': 40 },
  play: async ({ canvasElement }) => {
    const el = await element(canvasElement);
    await expectState(el, 'ready');
    await expect(buttons(el)[0]!.getBoundingClientRect().height).toBe(40);
  },
};

/** Placeholders of the buttons' final height. */
export const Loading: Story = {
  args: { network: 'never answers' },
  play: reaches(TAG, 'loading'),
};

/** The Elements API answers 503 (a sandbox fault): the error message with its retry button. */
export const LoadError: Story = {
  name: 'Error',
  args: { failure: 'status 503', failures: 1 },
  play: loadError(TAG, 'TEMPORARILY_UNAVAILABLE'),
};

/** No wallet for the purchase (the sandbox's answer emptied): the element renders nothing. */
export const Empty: Story = {
  parameters: { kustom: { reshape: (body: { buttons: ExpressButton[] }) => ({ ...body, buttons: [] }), approvalUrl } },
  play: async ({ canvasElement }) => {
    const el = await element(canvasElement);
    await expectState(el, 'empty');
    await expect(el.getBoundingClientRect().height).toBe(0);
  },
};

/** `disabled`. */
export const Disabled: Story = {
  args: { disabled: true },
  play: async ({ canvasElement }) => {
    const el = await element(canvasElement);
    await expectState(el, 'ready');
    for (const button of buttons(el)) await expect(button.disabled).toBe(true);
  },
};

/**
 * A click, then the shopper's `action` on the approval page (in the popup, or in
 * the dialog where popups are blocked); the page under the buttons says `outcome`.
 */
const flow =
  (action: 'approve' | 'cancel' | undefined, outcome: RegExp) =>
  async ({ canvasElement }: { canvasElement: HTMLElement }) => {
    const el = await element(canvasElement);
    await expectState(el, 'ready');
    await userEvent.click(buttons(el)[0]!);
    if (action) await shopper(el, action);
    await waitFor(() => expect(logOf(canvasElement).textContent).toMatch(outcome), { timeout: 15_000 });
  };

const APPROVED = /^Approved: order .+ is AUTHORIZED/;

/** Click → the merchant creates the order → the shopper approves → `kustom-express-confirm`; the order is `AUTHORIZED`. */
export const Approve: Story = {
  play: flow('approve', APPROVED),
};

/** The shopper cancels on the approval page: `kustom-express-cancel`. */
export const Cancel: Story = {
  play: flow('cancel', /^Cancelled: order .+ was not approved/),
};

/** The merchant's `createOrder` calls `reject('out of stock')`: `kustom-error` `MERCHANT_ABORTED`, the popup closes. */
export const MerchantRejects: Story = {
  args: { merchant: 'rejects (out of stock)' },
  play: flow(undefined, /^kustom-error MERCHANT_ABORTED: createOrder rejected: out of stock$/),
};

/** A popup blocker: the approval page opens in the element's dialog instead. */
export const PopupBlocked: Story = {
  args: { popup: 'blocked' },
  play: async ({ canvasElement }) => {
    const el = await element(canvasElement);
    await expectState(el, 'ready');
    await userEvent.click(buttons(el)[0]!);
    await approvalPage(el);
    await expect(el.shadowRoot!.querySelector('dialog')?.open).toBe(true);
  },
};

/** A popup blocker, and the shopper approves in the dialog. */
export const PopupBlockedApprove: Story = {
  name: 'Popup blocked: approve in the dialog',
  args: { popup: 'blocked' },
  play: async (context) => {
    await flow('approve', APPROVED)(context);
    await expect((await element(context.canvasElement)).shadowRoot!.querySelector('dialog')).toBeNull();
  },
};

/** The dark theme (also from the toolbar). */
export const Dark: Story = {
  globals: { theme: 'dark' },
  play: dark(TAG),
};

/** All six languages side by side, each in its own market (the wallets differ by country). */
export const AllLanguages: Story = {
  args: { layout: 'horizontal' },
  render: (args, context) => allLanguages((locale) => expressButtons(args, context, locale)),
  play: allReady(TAG),
};
