import type { ExpressButton } from '@kustom/sdk/elements';
import { expect, fixture, html, nextFrame, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import {
  $,
  $$,
  HOSTILE,
  LOCALES,
  PUBLIC_KEY,
  configureSandbox,
  createCheckoutOrder,
  expectAccessibleAndSafe,
  expectCspSafe,
  failed,
  gate,
  loaded,
  newSandbox,
  ready,
  rewrite,
  watchPopups,
} from '../test/helpers.js';
import { configure } from './config.js';
import './define/index.js';
import type { KustomErrorEvent, KustomExpressCancelEvent, KustomExpressConfirmEvent } from './events.js';
import type { KustomExpressButtons } from './express-buttons.js';
import { translations } from './translations/index.js';

type Buttons = { buttons: ExpressButton[] };

const buttons = (el: Element) => $$<HTMLButtonElement>(el, 'button[part~="kustom-button"]');
/** A button's text after its (decorative) mark. */
const labels = (el: Element) =>
  buttons(el).map((b) => [...b.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent).join('').replace(/\s+/g, ' ').trim());
/** "Pay with …". */
const label = (b: ExpressButton, language: string) => translations[language]!.payWith(b.name);

async function expressButtons(attrs = 'locale="sv-SE"'): Promise<KustomExpressButtons> {
  const wrapper = await fixture<HTMLElement>(html`<div></div>`);
  wrapper.innerHTML = `<kustom-express-buttons ${attrs}></kustom-express-buttons>`;
  return wrapper.firstElementChild as KustomExpressButtons;
}

/** Express buttons against the sandbox this page's server runs (same origin: real popups and iframes). */
async function liveButtons(attrs = 'locale="sv-SE"') {
  configure({ publicApiKey: PUBLIC_KEY, baseUrl: location.origin });
  const el = await expressButtons(attrs);
  await ready(el);
  return el;
}

describe('<kustom-express-buttons>', () => {
  beforeEach(() => {
    configureSandbox();
  });

  describe('states and layout', () => {
    it('shows button-shaped placeholders while loading, then one button per wallet', async () => {
      const held = gate(newSandbox().fetch);
      configureSandbox(held.fetch);
      const el = await expressButtons();
      await held.calls(1);
      expect(held.waiting[0]!.url.pathname).to.equal('/kustom-elements-api/v1/placements/EXPRESS_BUTTONS');
      await nextFrame();
      await el.updateComplete;
      expect($$(el, '[part~="kustom-skeleton"] .btn')).to.have.length(2);
      await expectAccessibleAndSafe(el);
      const done = ready<Buttons>(el);
      held.waiting[0]!.release();
      const { buttons: list } = await done;
      // Headless Chromium can pay with neither Apple Pay nor Google Pay: the sandbox offers them, the element hides them.
      expect(list.map((b) => b.id)).to.deep.equal(['klarna', 'paypal']);
      expect(labels(el)).to.deep.equal(list.map((b) => label(b, 'sv')));
      expect(buttons(el).map((b) => b.getAttribute('part'))).to.deep.equal(list.map((b) => `kustom-button kustom-button-${b.id}`));
      expect($(el, '[part~="kustom-buttons"]').getAttribute('aria-label')).to.equal(translations.sv!.expressCheckout);
      await expectAccessibleAndSafe(el);
    });

    it('shows Apple Pay only where ApplePaySession can pay, Google Pay only where the Payment Request API offers it', async () => {
      const w = window as unknown as { ApplePaySession?: { canMakePayments(): boolean } };
      const ids = async () => (await ready<Buttons>(await expressButtons())).buttons.map((b) => b.id);
      expect(typeof PaymentRequest).to.equal('function');
      expect(await new PaymentRequest([{ supportedMethods: 'https://google.com/pay' }], { total: { label: 'T', amount: { currency: 'EUR', value: '0' } } }).canMakePayment()).to.equal(false);
      expect(await ids()).to.deep.equal(['klarna', 'paypal']);
      const original = PaymentRequest.prototype.canMakePayment;
      try {
        // A browser with Apple Pay (Safari on a device that has it).
        w.ApplePaySession = { canMakePayments: () => true };
        expect(await ids()).to.deep.equal(['klarna', 'applepay', 'paypal']);
        // One whose Apple Pay cannot pay, and whose Payment Request can offer Google Pay (for that method only).
        w.ApplePaySession = { canMakePayments: () => false };
        PaymentRequest.prototype.canMakePayment = function (this: PaymentRequest) {
          return original.call(this).then(() => true);
        };
        expect(await ids()).to.deep.equal(['klarna', 'googlepay', 'paypal']);
        // A check that throws (an insecure context, an iframe without allow="payment") hides the wallet.
        w.ApplePaySession = { canMakePayments: () => { throw new Error('InvalidAccessError'); } };
        PaymentRequest.prototype.canMakePayment = () => Promise.reject(new DOMException('not allowed', 'NotAllowedError'));
        expect(await ids()).to.deep.equal(['klarna', 'paypal']);
      } finally {
        delete w.ApplePaySession;
        PaymentRequest.prototype.canMakePayment = original;
      }
    });

    it('renders nothing when no wallet is available', async () => {
      configureSandbox(rewrite(newSandbox().fetch, (body) => ({ ...body, buttons: [] })));
      const el = await expressButtons();
      expect(await ready(el)).to.deep.equal({ buttons: [] });
      expect(el.state).to.equal('empty');
      expect(el.getBoundingClientRect().height).to.equal(0);
      await expectAccessibleAndSafe(el);
    });

    it('shows an error with retry', async () => {
      const sandbox = configureSandbox();
      sandbox.faults.add({ status: 500, path: '/kustom-elements-api/**', times: 1 });
      const el = await expressButtons();
      const errors: unknown[] = [];
      el.onError = (error) => errors.push(error);
      const error = await failed(el);
      expect(errors).to.deep.equal([error]);
      await expectAccessibleAndSafe(el);
      $(el, '[part~="kustom-retry"]').click();
      await ready(el);
      expect(buttons(el).length).to.be.greaterThan(0);
    });

    it('is disabled with the disabled attribute', async () => {
      const el = await expressButtons('locale="sv-SE" disabled');
      await ready(el);
      expect(buttons(el).every((b) => b.disabled)).to.equal(true);
      let clicks = 0;
      el.addEventListener('kustom-express-click', () => clicks++);
      buttons(el)[0]!.click();
      expect(clicks).to.equal(0);
      await expectAccessibleAndSafe(el);
    });

    it('layout: vertical stacks the buttons, horizontal puts them side by side', async () => {
      const el = await expressButtons();
      await ready(el);
      const [a, b] = buttons(el).map((x) => x.getBoundingClientRect());
      expect(b!.top).to.be.greaterThan(a!.top);
      el.layout = 'horizontal';
      await el.updateComplete;
      const [c, d] = buttons(el).map((x) => x.getBoundingClientRect());
      expect(d!.top).to.equal(c!.top);
      expect(d!.left).to.be.greaterThan(c!.left);
    });

    it('button-height sets the height, clamped to 40–55px, without a style attribute', async () => {
      const el = await expressButtons('locale="sv-SE" button-height="44"');
      await ready(el);
      const height = () => buttons(el)[0]!.getBoundingClientRect().height;
      expect(height()).to.equal(44);
      for (const [value, expected] of [[70, 55], [12, 40], [52, 52]] as const) {
        el.buttonHeight = value;
        await el.updateComplete;
        expect(height()).to.equal(expected);
      }
      el.removeAttribute('button-height');
      await el.updateComplete;
      expect(height()).to.equal(48);
      // The height went through a constructed stylesheet: no style attribute anywhere.
      expectCspSafe(el);
      // The public custom property is clamped too.
      el.style.setProperty('--kustom-button-height', '100px');
      expect(height()).to.equal(55);
    });
  });

  describe('the purchase flow (popup)', () => {
    let popups: ReturnType<typeof watchPopups>;
    beforeEach(() => {
      popups = watchPopups();
    });
    afterEach(() => popups.restore());

    it('click → createOrder → approval in a popup → kustom-express-confirm and onConfirm', async () => {
      const el = await liveButtons();
      const seen: string[] = [];
      for (const type of ['kustom-express-click', 'kustom-express-confirm', 'kustom-express-cancel', 'kustom-error']) {
        el.addEventListener(type, () => seen.push(type));
      }
      let orderId = '';
      el.createOrder = (resolve) => {
        seen.push('createOrder');
        void createCheckoutOrder().then((id) => resolve({ orderId: (orderId = id) }));
      };
      const confirmed: unknown[] = [];
      el.onConfirm = (result) => confirmed.push(result);
      const confirm = oneEvent(el, 'kustom-express-confirm') as Promise<KustomExpressConfirmEvent>;
      buttons(el)[0]!.click();

      const popup = await popups.approvalPage();
      const url = new URL(popup.location.href);
      expect(url.pathname).to.equal(`/sandbox/express/${orderId}`);
      expect(url.searchParams.get('origin')).to.equal(location.origin);
      expect(url.searchParams.get('client_id')).to.equal(PUBLIC_KEY);
      popup.document.getElementById('kustom-express-approve')!.click();

      const { detail } = await confirm;
      const expected = { orderId, redirectUrl: `https://shop.example/thanks?order=${orderId}` };
      expect(detail).to.deep.equal(expected);
      expect(confirmed).to.deep.equal([expected]);
      expect(seen).to.deep.equal(['kustom-express-click', 'createOrder', 'kustom-express-confirm']);
      await waitUntil(() => popup.closed, 'the popup to close');
    });

    it('Cancel on the approval page → kustom-express-cancel', async () => {
      const el = await liveButtons();
      let orderId = '';
      el.createOrder = async (resolve) => resolve({ orderId: (orderId = await createCheckoutOrder()) });
      const cancel = oneEvent(el, 'kustom-express-cancel') as Promise<KustomExpressCancelEvent>;
      buttons(el)[1]!.click();
      const popup = await popups.approvalPage();
      popup.document.getElementById('kustom-express-cancel')!.click();
      expect((await cancel).detail).to.deep.equal({ orderId });
    });

    it('closing the popup cancels', async () => {
      const el = await liveButtons();
      let orderId = '';
      el.createOrder = async (resolve) => resolve({ orderId: (orderId = await createCheckoutOrder()) });
      const cancel = oneEvent(el, 'kustom-express-cancel') as Promise<KustomExpressCancelEvent>;
      buttons(el)[0]!.click();
      const popup = await popups.approvalPage();
      popup.close();
      expect((await cancel).detail).to.deep.equal({ orderId });
      // The buttons work again.
      expect(buttons(el)[0]!.disabled).to.equal(false);
    });

    it('ignores messages from another window, another origin, or about another order', async () => {
      const el = await liveButtons();
      let orderId = '';
      el.createOrder = async (resolve) => resolve({ orderId: (orderId = await createCheckoutOrder()) });
      let settled = 0;
      el.addEventListener('kustom-express-confirm', () => settled++);
      el.addEventListener('kustom-express-cancel', () => settled++);
      buttons(el)[0]!.click();
      const popup = await popups.approvalPage();
      const message = (order_id: string) => ({ type: 'kustom:express', status: 'approved', order_id });
      // The page itself (not the popup), with the right origin and order.
      window.postMessage(message(orderId), location.origin);
      // The popup, but from another origin.
      window.dispatchEvent(new MessageEvent('message', { data: message(orderId), origin: 'https://evil.example', source: popup }));
      // The popup and its origin, about another order, and a malformed message.
      window.dispatchEvent(new MessageEvent('message', { data: message('other'), origin: location.origin, source: popup }));
      window.dispatchEvent(new MessageEvent('message', { data: { type: 'kustom:express', status: 'yes' }, origin: location.origin, source: popup }));
      await new Promise((resolve) => window.addEventListener('message', resolve, { once: true }));
      expect(settled).to.equal(0);

      const confirm = oneEvent(el, 'kustom-express-confirm');
      popup.document.getElementById('kustom-express-approve')!.click();
      expect((await confirm).detail.orderId).to.equal(orderId);
      expect(settled).to.equal(1);
    });

    it('reject() → kustom-error MERCHANT_ABORTED and onError; the popup closes', async () => {
      const el = await liveButtons();
      const errors: unknown[] = [];
      el.onError = (error) => errors.push(error);
      el.createOrder = (_resolve, reject) => reject('out of stock');
      const error = oneEvent(el, 'kustom-error') as Promise<KustomErrorEvent>;
      buttons(el)[0]!.click();
      const { detail } = await error;
      expect(detail).to.deep.equal({ code: 'MERCHANT_ABORTED', message: 'createOrder rejected: out of stock' });
      expect(errors).to.deep.equal([detail]);
      await waitUntil(() => popups.opened[0]!.closed, 'the popup to close');
    });

    it('a createOrder that throws counts as reject()', async () => {
      const el = await liveButtons();
      el.createOrder = () => {
        throw new Error('server down');
      };
      const error = oneEvent(el, 'kustom-error') as Promise<KustomErrorEvent>;
      buttons(el)[0]!.click();
      expect((await error).detail.code).to.equal('MERCHANT_ABORTED');
    });

    for (const [label, value] of [
      ['a string', 'order-1'],
      ['no orderId', { id: 'order-1' }],
      ['an empty orderId', { orderId: '' }],
      ['null', null],
    ] as const) {
      it(`resolve(${label}) → kustom-error MERCHANT_HOOK_INVALID_RESPONSE`, async () => {
        const el = await liveButtons();
        el.createOrder = (resolve) => (resolve as (v: unknown) => void)(value);
        const error = oneEvent(el, 'kustom-error') as Promise<KustomErrorEvent>;
        buttons(el)[0]!.click();
        expect((await error).detail.code).to.equal('MERCHANT_HOOK_INVALID_RESPONSE');
        await waitUntil(() => popups.opened[0]!.closed, 'the popup to close');
      });
    }

    it('preventDefault() on kustom-express-click stops before createOrder', async () => {
      const el = await liveButtons();
      let called = false;
      el.createOrder = () => void (called = true);
      el.addEventListener('kustom-express-click', (event) => event.preventDefault());
      buttons(el)[0]!.click();
      await el.updateComplete;
      expect(called).to.equal(false);
      expect(popups.opened).to.have.length(0);
    });

    it('without createOrder → kustom-error MERCHANT_HOOK_MISSING', async () => {
      const el = await liveButtons();
      const error = oneEvent(el, 'kustom-error') as Promise<KustomErrorEvent>;
      const warn = console.warn;
      const warnings: string[] = [];
      console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
      try {
        buttons(el)[0]!.click();
        expect((await error).detail.code).to.equal('MERCHANT_HOOK_MISSING');
        const again = oneEvent(el, 'kustom-error') as Promise<KustomErrorEvent>;
        buttons(el)[0]!.click();
        expect((await again).detail.code).to.equal('MERCHANT_HOOK_MISSING');
      } finally {
        console.warn = warn;
      }
      // Once (this is the only test of the page without a createOrder), with what to do.
      expect(warnings).to.have.length(1);
      expect(warnings[0]).to.contain('createOrder').and.to.contain('resolve({ orderId })');
    });
  });

  describe('the purchase flow (popup blocked → dialog)', () => {
    let popups: ReturnType<typeof watchPopups>;
    beforeEach(() => {
      popups = watchPopups(true);
    });
    afterEach(() => popups.restore());

    async function openDialog(el: KustomExpressButtons) {
      let orderId = '';
      el.createOrder = async (resolve) => resolve({ orderId: (orderId = await createCheckoutOrder()) });
      buttons(el)[0]!.click();
      await waitUntil(() => $<HTMLDialogElement>(el, 'dialog')?.open, 'the dialog');
      const frame = $<HTMLIFrameElement>(el, 'iframe');
      await loaded(frame.contentWindow!);
      return { orderId, frame, dialog: $<HTMLDialogElement>(el, 'dialog') };
    }

    it('approves in an in-page dialog with an iframe', async () => {
      const el = await liveButtons();
      const confirm = oneEvent(el, 'kustom-express-confirm') as Promise<KustomExpressConfirmEvent>;
      const { orderId, frame } = await openDialog(el);
      expect(frame.title).to.equal(translations.sv!.approvePurchase);
      await expectAccessibleAndSafe(el);
      frame.contentDocument!.getElementById('kustom-express-approve')!.click();
      expect((await confirm).detail).to.deep.equal({ orderId, redirectUrl: `https://shop.example/thanks?order=${orderId}` });
      await el.updateComplete;
      expect($(el, 'dialog')).to.equal(null);
    });

    it('the close button cancels', async () => {
      const el = await liveButtons();
      const cancel = oneEvent(el, 'kustom-express-cancel') as Promise<KustomExpressCancelEvent>;
      const { orderId } = await openDialog(el);
      $(el, '[part~="kustom-close"]').click();
      expect((await cancel).detail).to.deep.equal({ orderId });
      await el.updateComplete;
      expect($(el, 'dialog')).to.equal(null);
    });

    it('Escape cancels', async () => {
      const el = await liveButtons();
      const cancel = oneEvent(el, 'kustom-express-cancel') as Promise<KustomExpressCancelEvent>;
      const { orderId } = await openDialog(el);
      $(el, '[part~="kustom-close"]').focus();
      await sendKeys({ press: 'Escape' });
      expect((await cancel).detail).to.deep.equal({ orderId });
    });

    it('Cancel inside the iframe cancels', async () => {
      const el = await liveButtons();
      const cancel = oneEvent(el, 'kustom-express-cancel');
      const { frame } = await openDialog(el);
      frame.contentDocument!.getElementById('kustom-express-cancel')!.click();
      await cancel;
      await el.updateComplete;
      expect($(el, 'dialog')).to.equal(null);
    });
  });

  describe('languages and themes', () => {
    for (const [language, locale, country, currency] of LOCALES) {
      it(`${language}: button labels in ${locale}`, async () => {
        const el = await expressButtons(`locale="${locale}" purchase-country="${country}" currency="${currency}"`);
        const { buttons: list } = await ready<Buttons>(el);
        expect(list.length).to.be.greaterThan(0);
        expect(labels(el)).to.deep.equal(list.map((b) => label(b, language)));
        await expectAccessibleAndSafe(el);
      });
    }

    it('is accessible in the dark theme', async () => {
      const el = await expressButtons('locale="sv-SE" theme="dark" layout="horizontal"');
      await ready(el);
      await expectAccessibleAndSafe(el);
    });
  });

  describe('safety', () => {
    it('renders hostile wallet names as text, and refuses a non-http approval URL', async () => {
      configureSandbox(
        rewrite(newSandbox().fetch, (body) => ({
          ...body,
          approval_url: 'javascript:alert(1)//{order_id}',
          buttons: body.buttons.map((b: ExpressButton) => ({ ...b, id: `${b.id} x`, name: HOSTILE })),
        })),
      );
      const popups = watchPopups(true);
      try {
        const el = await expressButtons();
        await ready(el);
        expect(buttons(el)[0]!.textContent).to.contain(HOSTILE);
        expect(buttons(el)[0]!.getAttribute('part')).to.equal('kustom-button ');
        expect($$(el, 'img, script')).to.have.length(0);
        await expectAccessibleAndSafe(el);
        el.createOrder = (resolve) => resolve({ orderId: 'order-1' });
        const error = oneEvent(el, 'kustom-error') as Promise<KustomErrorEvent>;
        buttons(el)[0]!.click();
        expect((await error).detail.code).to.equal('APPROVAL_FAILED');
        expect($(el, 'dialog')).to.equal(null);
        expect((window as { __kustomPwned?: number }).__kustomPwned).to.equal(undefined);
      } finally {
        popups.restore();
      }
    });
  });
});

