import { expect, fixture, fixtureSync, html, nextFrame, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import {
  $,
  $$,
  HOSTILE,
  LOCALES,
  PUBLIC_KEY,
  SANDBOX_URL,
  configureSandbox,
  expectAccessibleAndSafe,
  failed,
  gate,
  newSandbox,
  ready,
  rewrite,
  text,
} from '../test/helpers.js';
import './define/index.js';
import type { KustomPaymentMethodDisplay } from './payment-method-display.js';
import { translations } from './translations/index.js';
import type { KustomPaymentMethodChangeEvent } from './events.js';
import { DARK, LIGHT } from './themes/tokens.js';

type Methods = { methods: { id: string; name: string; description: string }[] };

const radios = (el: Element) => $$<HTMLInputElement>(el, 'input[type=radio]');
const names = (el: Element) => $$(el, '[part~="kustom-name"]').map((n) => n.textContent);

async function display(attrs = 'locale="sv-SE"'): Promise<KustomPaymentMethodDisplay> {
  const wrapper = await fixture<HTMLElement>(html`<div></div>`);
  wrapper.innerHTML = `<kustom-payment-method-display ${attrs}></kustom-payment-method-display>`;
  return wrapper.firstElementChild as KustomPaymentMethodDisplay;
}

describe('<kustom-payment-method-display>', () => {
  beforeEach(() => {
    configureSandbox();
  });

  describe('states', () => {
    it('shows a busy skeleton while loading, then the methods as a radio group', async () => {
      const sandbox = newSandbox();
      const held = gate(sandbox.fetch);
      configureSandbox(held.fetch);
      const el = await display();
      await held.calls(1);
      expect(el.state).to.equal('loading');
      // The skeleton is built in the first frame (before its paint) when no answer came sooner.
      await nextFrame();
      await el.updateComplete;
      expect($(el, '[part~="kustom-skeleton"]').getAttribute('aria-busy')).to.equal('true');
      expect(text(el)).to.contain(translations.sv!.loading);
      await expectAccessibleAndSafe(el);

      const ready_ = ready<Methods>(el);
      held.waiting[0]!.release();
      const { methods } = await ready_;
      expect(el.state).to.equal('ready');
      expect(methods.map((m) => m.id)).to.include.members(['klarna', 'swish', 'card']);
      expect(radios(el)).to.have.length(methods.length);
      expect(names(el)).to.deep.equal(methods.map((m) => m.name));
      expect($(el, 'legend').textContent).to.equal('Betalsätt');
      await expectAccessibleAndSafe(el);
    });

    it('an answer that comes before the first frame is rendered at once: no skeleton is built only to be replaced unseen', async () => {
      // The sandbox's answer, then handed back instantly, as an in-page or cached answer would be.
      const body = await (await newSandbox().fetch(`${SANDBOX_URL}/kustom-elements-api/v1/placements/AVAILABLE_PAYMENT_METHODS?client_id=${PUBLIC_KEY}&locale=sv-SE`)).text();
      configureSandbox(async () => new Response(body, { headers: { 'content-type': 'application/json' } }));
      const wrapper = await fixture<HTMLElement>(html`<div></div>`);
      const el = document.createElement('kustom-payment-method-display') as KustomPaymentMethodDisplay;
      el.locale = 'sv-SE';
      const seen: string[] = [];
      const watchRoot = new MutationObserver((records) => {
        for (const r of records) for (const n of r.addedNodes) if (n instanceof Element) seen.push(n.getAttribute('part') ?? n.localName);
      });
      const loaded = ready<Methods>(el);
      wrapper.append(el);
      watchRoot.observe(el.shadowRoot!, { childList: true, subtree: true });
      expect((await loaded).methods.length).to.be.greaterThan(0);
      watchRoot.disconnect();
      expect(seen).to.include('kustom-base');
      expect(seen.filter((p) => p.includes('kustom-skeleton'))).to.deep.equal([]);
      // A reload keeps the list's height with a skeleton at once (no frame without content).
      const held = gate(newSandbox().fetch);
      configureSandbox(held.fetch);
      await held.calls(1);
      await el.updateComplete;
      expect($$(el, '[part~="kustom-skeleton"]')).to.have.length(1);
      held.waiting[0]!.release();
      await ready(el);
    });

    it('asks the Elements API for the purchase: locale, country, currency, amount, include, exclude', async () => {
      const sandbox = newSandbox();
      const held = gate(sandbox.fetch);
      configureSandbox(held.fetch);
      await display('locale="sv" purchase-country="SE" currency="SEK" amount="49900" include="klarna, card,swish" exclude="swish"');
      await held.calls(1);
      const url = held.waiting[0]!.url;
      expect(url.origin + url.pathname).to.equal(`${SANDBOX_URL}/kustom-elements-api/v1/placements/AVAILABLE_PAYMENT_METHODS`);
      expect(Object.fromEntries(url.searchParams)).to.deep.equal({
        client_id: PUBLIC_KEY,
        locale: 'sv-SE',
        purchase_country: 'SE',
        purchase_currency: 'SEK',
        order_amount: '49900',
        include: 'klarna,card,swish',
        exclude: 'swish',
      });
      held.waiting[0]!.release();
    });

    it('include and exclude filter the methods', async () => {
      const el = await display('locale="sv-SE" include="klarna,card,swish" exclude="swish"');
      const { methods } = await ready<Methods>(el);
      expect(methods.map((m) => m.id)).to.deep.equal(['klarna', 'card']);
      expect(radios(el).map((r) => r.value)).to.deep.equal(['klarna', 'card']);
    });

    it('keeps the skeleton as tall as the list it stands for while it reloads (no layout shift)', async () => {
      const sandbox = newSandbox();
      const held = gate(sandbox.fetch);
      configureSandbox(held.fetch);
      const el = await display('locale="en-SE" include="klarna,card,swish"');
      await held.calls(1);
      held.waiting[0]!.release();
      await ready(el);
      const loaded = el.getBoundingClientRect().height;
      el.amount = 12345;
      await held.calls(2);
      await el.updateComplete;
      expect(el.state).to.equal('loading');
      expect($$(el, '[part~="kustom-skeleton"] .row')).to.have.length(3);
      expect(el.getBoundingClientRect().height).to.be.closeTo(loaded, 1);
      held.waiting[1]!.release();
      await ready(el);
    });

    it('shows the empty state when no method fits the purchase', async () => {
      const el = await display('locale="fi-FI" include="swish"');
      const { methods } = await ready<Methods>(el);
      expect(methods).to.deep.equal([]);
      expect(el.state).to.equal('empty');
      expect(text(el)).to.equal(translations.fi!.noPaymentMethods);
      expect(radios(el)).to.have.length(0);
      await expectAccessibleAndSafe(el);
    });

    it('shows an error with a retry button, announced through a live region; retry loads again', async () => {
      const sandbox = configureSandbox();
      sandbox.faults.add({ status: 503, path: '/kustom-elements-api/**', times: 1 });
      const el = await display('locale="de-DE"');
      const error = await failed(el);
      expect(error.code).to.be.a('string').and.not.equal('');
      expect(el.state).to.equal('error');
      const live = $(el, '[aria-live]');
      expect(live.textContent).to.contain(translations.de!.loadError);
      expect($(el, '[part~="kustom-retry"]').textContent).to.equal(translations.de!.retry);
      await expectAccessibleAndSafe(el);

      const again = ready<Methods>(el);
      $(el, '[part~="kustom-retry"]').click();
      expect((await again).methods.length).to.be.greaterThan(0);
      expect(el.state).to.equal('ready');
      expect(live.textContent!.trim()).to.equal('');
    });

    it('a locale without region (as WordPress prints it) takes the main market of its language', async () => {
      const sandbox = newSandbox();
      const held = gate(sandbox.fetch);
      configureSandbox(held.fetch);
      const expected: Record<string, string> = { fi: 'fi-FI', sv: 'sv-SE', da: 'da-DK', nb: 'nb-NO', de: 'de-DE', en: 'en-GB' };
      const elements: KustomPaymentMethodDisplay[] = [];
      for (const locale of Object.keys(expected)) elements.push(await display(`locale="${locale}"`));
      await held.calls(elements.length);
      expect(held.waiting.map((call) => call.url.searchParams.get('locale'))).to.deep.equal(Object.values(expected));
      // The purchase country is left to the API (the locale's region), and it serves each.
      expect(held.waiting.every((call) => !call.url.searchParams.has('purchase_country'))).to.equal(true);
      const loaded = elements.map((el) => ready<Methods>(el));
      held.waiting.forEach((call) => call.release());
      for (const { methods } of await Promise.all(loaded)) expect(methods.length).to.be.greaterThan(0);
      expect(elements.map((el) => el.state)).to.deep.equal(elements.map(() => 'ready'));
      // Given a purchase country, the bare language takes it.
      const austrian = await display('locale="de" purchase-country="at"');
      await held.calls(elements.length + 1);
      expect(held.waiting.at(-1)!.url.searchParams.get('locale')).to.equal('de-AT');
      const again = ready(austrian);
      held.waiting.at(-1)!.release();
      await again;
    });

    it('an unsupported market (zh-CN) is a clear, final state in the shopper\'s language: no "Try again"', async () => {
      const el = await display('locale="zh-CN"');
      const error = await failed(el);
      expect(error.code).to.equal('UNSUPPORTED_MARKET');
      expect(el.state).to.equal('error');
      expect(text(el)).to.equal(translations.en!.unavailable);
      expect($$(el, '[part~="kustom-retry"]')).to.have.length(0);
      await expectAccessibleAndSafe(el);
      // In a language the elements speak, and for a currency Kustom does not take.
      const sv = await display('locale="sv-SE" currency="jpy"');
      expect((await failed(sv)).code).to.equal('UNSUPPORTED_MARKET');
      expect(text(sv)).to.equal(translations.sv!.unavailable);
      expect($$(sv, '[part~="kustom-retry"]')).to.have.length(0);
    });

    it('reports NETWORK when the API cannot be reached', async () => {
      configureSandbox(() => Promise.reject(new TypeError('Failed to fetch')));
      const el = await display();
      expect((await failed(el)).code).to.equal('NETWORK');
      expect(el.state).to.equal('error');
    });

    it('reports ORIGIN_NOT_ALLOWED when the page origin is not allowed for the key', async () => {
      configureSandbox(newSandbox().fetchFrom('https://shop.evil.example'));
      const el = await display();
      expect((await failed(el)).code).to.equal('ORIGIN_NOT_ALLOWED');
    });

    it('reports CLIENT_NOT_FOUND for an unknown public key', async () => {
      const el = fixtureSync<HTMLElement>(html`
        <kustom-elements-provider public-api-key="kustom_pk_test_nobody" base-url=${SANDBOX_URL} .fetch=${newSandbox().fetch}>
          <kustom-payment-method-display locale="sv-SE"></kustom-payment-method-display>
        </kustom-elements-provider>
      `);
      const display_ = el.querySelector('kustom-payment-method-display')!;
      expect((await failed(display_)).code).to.equal('CLIENT_NOT_FOUND');
    });

    it('reports INVALID_RESPONSE when the answer breaks the contract', async () => {
      configureSandbox(rewrite(newSandbox().fetch, () => ({ placement: 'AVAILABLE_PAYMENT_METHODS', payment_methods: [{ id: 1 }] })));
      const el = await display();
      expect((await failed(el)).code).to.equal('INVALID_RESPONSE');
    });

    it('is disabled with the disabled attribute: radios cannot be chosen', async () => {
      const el = await display('locale="sv-SE" disabled');
      await ready(el);
      expect($<HTMLFieldSetElement>(el, 'fieldset').disabled).to.equal(true);
      radios(el)[1]!.click();
      expect(el.value).to.equal('');
      expect(radios(el)[1]!.checked).to.equal(false);
      await expectAccessibleAndSafe(el);
      el.disabled = false;
      await el.updateComplete;
      radios(el)[1]!.click();
      expect(el.value).to.equal(radios(el)[1]!.value);
    });
  });

  describe('attribute changes', () => {
    it('reload when an attribute changes, and an older answer arriving last is never shown', async () => {
      const sandbox = newSandbox();
      const held = gate(sandbox.fetch);
      configureSandbox(held.fetch);
      const el = await display('locale="sv-SE"');
      await held.calls(1);
      el.locale = 'de-DE';
      await held.calls(2);
      el.locale = 'en-SE';
      await held.calls(3);
      expect(held.waiting.map((w) => w.url.searchParams.get('locale'))).to.deep.equal(['sv-SE', 'de-DE', 'en-SE']);
      // The superseded requests were aborted.
      expect(held.waiting.map((w) => w.signal?.aborted)).to.deep.equal([true, true, false]);

      const done = ready<Methods>(el);
      held.waiting[2]!.release();
      const { methods } = await done;
      held.waiting[0]!.release();
      held.waiting[1]!.release();
      await Promise.all([held.waiting[0]!.settled, held.waiting[1]!.settled]);
      await el.updateComplete;
      // Still the English answer: the Swedish and German ones came later and were dropped.
      expect(names(el)).to.deep.equal(methods.map((m) => m.name));
      expect($(el, '[part~="kustom-description"]').textContent).to.equal(methods[0]!.description);
      expect(methods[0]!.description).to.equal('Pay now, later or in parts');
    });

    it('an element moved while it loads loads again and gets ready', async () => {
      const held = gate(newSandbox().fetch);
      configureSandbox(held.fetch);
      const el = await display();
      await held.calls(1);
      const target = await fixture<HTMLElement>(html`<section></section>`);
      target.append(el);
      await held.calls(2);
      expect(held.waiting[0]!.signal!.aborted).to.equal(true);
      const done = ready(el);
      held.waiting[1]!.release();
      held.waiting[0]!.release();
      await done;
      expect(el.state).to.equal('ready');
    });

    it('does not reload when an attribute is set to the value it has', async () => {
      let calls = 0;
      const sandbox = newSandbox();
      configureSandbox((input, init) => (calls++, sandbox.fetch(input, init)));
      const el = await display('locale="sv-SE" amount="1000"');
      await ready(el);
      el.setAttribute('amount', '1000');
      el.theme = 'dark';
      await el.updateComplete;
      expect(calls).to.equal(1);
    });

    it('drops a chosen method that a reload no longer offers', async () => {
      const el = await display('locale="sv-SE" value="swish"');
      await ready(el);
      expect(el.value).to.equal('swish');
      el.exclude = ['swish'];
      await ready(el);
      expect(el.value).to.equal('');
      expect(radios(el).some((r) => r.checked)).to.equal(false);
    });
  });

  describe('events', () => {
    it('a choice fires kustom-payment-method-change, then input and change; value follows', async () => {
      const el = await display('locale="sv-SE" value="klarna"');
      const { methods } = await ready<Methods>(el);
      const seen: string[] = [];
      for (const type of ['kustom-payment-method-change', 'input', 'change']) el.addEventListener(type, () => seen.push(type));
      const change = oneEvent(el, 'kustom-payment-method-change') as Promise<KustomPaymentMethodChangeEvent>;
      radios(el)[2]!.click();
      const event = await change;
      expect(event.detail).to.deep.equal({ value: methods[2]!.id, previousValue: 'klarna', method: methods[2] });
      expect([event.bubbles, event.composed, event.cancelable]).to.deep.equal([true, true, true]);
      expect(seen).to.deep.equal(['kustom-payment-method-change', 'input', 'change']);
      expect(el.value).to.equal(methods[2]!.id);
      expect($(el, '[part~="kustom-option-checked"] input').getAttribute('value') ?? radios(el)[2]!.value).to.equal(methods[2]!.id);
    });

    it('preventDefault() vetoes a choice: the previous one comes back and no change fires', async () => {
      const el = await display('locale="sv-SE" value="klarna"');
      await ready(el);
      let changes = 0;
      el.addEventListener('change', () => changes++);
      el.addEventListener('kustom-payment-method-change', (event) => event.preventDefault());
      radios(el)[1]!.click();
      await el.updateComplete;
      expect(el.value).to.equal('klarna');
      expect(radios(el).map((r) => r.checked)).to.deep.equal(radios(el).map((r) => r.value === 'klarna'));
      expect(changes).to.equal(0);
    });

    it('kustom-ready and kustom-error bubble out of shadow roots (composed)', async () => {
      const host = await fixture<HTMLElement>(html`<div></div>`);
      const root = host.attachShadow({ mode: 'open' });
      root.innerHTML = '<kustom-payment-method-display locale="sv-SE"></kustom-payment-method-display>';
      expect(Object.keys(await ready(host))).to.deep.equal(['methods']);
    });
  });

  describe('forms', () => {
    it('submits the chosen id under its name, is invalid while required and unchosen, and resets', async () => {
      const form = fixtureSync<HTMLFormElement>(html`
        <form>
          <kustom-payment-method-display name="payment_method" required locale="sv-SE" value=""></kustom-payment-method-display>
        </form>
      `);
      const el = form.querySelector('kustom-payment-method-display')!;
      await ready(el);
      expect(new FormData(form).has('payment_method')).to.equal(false);
      expect(form.checkValidity()).to.equal(false);
      expect(el.validity.valueMissing).to.equal(true);
      expect(el.validationMessage).to.equal('Välj ett betalsätt.');
      expect(el.form).to.equal(form);
      expect(el.willValidate).to.equal(true);

      radios(el)[1]!.click();
      await el.updateComplete;
      expect(form.checkValidity()).to.equal(true);
      expect(new FormData(form).get('payment_method')).to.equal(radios(el)[1]!.value);

      form.reset();
      await el.updateComplete;
      expect(el.value).to.equal('');
      expect(form.checkValidity()).to.equal(false);
    });

    it('a form reset restores the initial value from the attribute', async () => {
      const form = fixtureSync<HTMLFormElement>(html`
        <form><kustom-payment-method-display name="pm" locale="sv-SE" value="card"></kustom-payment-method-display></form>
      `);
      const el = form.querySelector('kustom-payment-method-display')!;
      await ready(el);
      expect(new FormData(form).get('pm')).to.equal('card');
      radios(el)[0]!.click();
      await el.updateComplete;
      expect(new FormData(form).get('pm')).to.equal('klarna');
      form.reset();
      await el.updateComplete;
      expect(el.value).to.equal('card');
      expect(new FormData(form).get('pm')).to.equal('card');
      expect(radios(el).find((r) => r.checked)!.value).to.equal('card');
    });

    it('a disabled fieldset disables it: nothing submitted, no validation, radios disabled', async () => {
      const form = fixtureSync<HTMLFormElement>(html`
        <form><fieldset disabled><kustom-payment-method-display name="pm" required locale="sv-SE" value="card"></kustom-payment-method-display></fieldset></form>
      `);
      const el = form.querySelector('kustom-payment-method-display')!;
      await ready(el);
      expect(new FormData(form).has('pm')).to.equal(false);
      expect(el.willValidate).to.equal(false);
      expect($<HTMLFieldSetElement>(el, 'fieldset').disabled).to.equal(true);
      form.querySelector('fieldset')!.disabled = false;
      await el.updateComplete;
      expect($<HTMLFieldSetElement>(el, 'fieldset').disabled).to.equal(false);
      expect(new FormData(form).get('pm')).to.equal('card');
    });

    it('reportValidity() shows the localized message on the first option', async () => {
      const form = fixtureSync<HTMLFormElement>(html`
        <form><kustom-payment-method-display name="pm" required locale="de-DE"></kustom-payment-method-display></form>
      `);
      const el = form.querySelector('kustom-payment-method-display')!;
      await ready(el);
      const invalid = oneEvent(el, 'invalid');
      expect(el.reportValidity()).to.equal(false);
      await invalid;
      expect(el.validationMessage).to.equal(translations.de!.selectPaymentMethod);
    });
  });

  describe('keyboard', () => {
    it('Tab enters the group at the chosen option; arrow keys move and choose; Tab leaves', async () => {
      const wrapper = fixtureSync<HTMLElement>(html`
        <div>
          <button id="before">before</button>
          <kustom-payment-method-display locale="en-SE" value="swish" include="klarna,swish,card"></kustom-payment-method-display>
          <button id="after">after</button>
        </div>
      `);
      const el = wrapper.querySelector('kustom-payment-method-display')!;
      await ready(el);
      wrapper.querySelector<HTMLButtonElement>('#before')!.focus();
      await sendKeys({ press: 'Tab' });
      expect(el.shadowRoot!.activeElement).to.equal(radios(el)[1]);

      const change = oneEvent(el, 'kustom-payment-method-change');
      await sendKeys({ press: 'ArrowDown' });
      expect((await change).detail.value).to.equal('card');
      expect(el.shadowRoot!.activeElement).to.equal(radios(el)[2]);
      expect(el.value).to.equal('card');

      await sendKeys({ press: 'ArrowUp' });
      expect(el.value).to.equal('swish');

      await sendKeys({ press: 'Tab' });
      expect(document.activeElement).to.equal(wrapper.querySelector('#after'));
    });

    it('focus() focuses the chosen option; the focus ring is visible', async () => {
      const el = await display('locale="en-SE" value="card"');
      await ready(el);
      await sendKeys({ press: 'Tab' }); // keyboard modality for :focus-visible
      el.focus();
      const focused = el.shadowRoot!.activeElement as HTMLInputElement;
      expect(focused.value).to.equal('card');
      expect(focused.matches(':focus-visible')).to.equal(true);
      expect(getComputedStyle(focused).outlineStyle).to.equal('solid');
    });
  });

  describe('languages', () => {
    for (const [language, locale, country] of LOCALES) {
      it(`${language}: strings and method texts in ${locale}`, async () => {
        const t = translations[language]!;
        const el = await display(`locale="${locale}" purchase-country="${country}"`);
        const { methods } = await ready<Methods>(el);
        expect($(el, 'legend').textContent).to.equal(t.paymentMethod);
        expect(names(el)).to.deep.equal(methods.map((m) => m.name));
        el.include = ['nothing-here'];
        await ready(el);
        expect(text(el)).to.equal(t.noPaymentMethods);
        await expectAccessibleAndSafe(el);
      });
    }

    it('takes the locale from the nearest lang, then the document; unknown languages fall back to English', async () => {
      const wrapper = fixtureSync<HTMLElement>(html`<div lang="fi-FI"><section><kustom-payment-method-display></kustom-payment-method-display></section></div>`);
      const el = wrapper.querySelector('kustom-payment-method-display')!;
      await ready(el);
      expect($(el, 'legend').textContent).to.equal('Maksutapa');

      const change = ready(el);
      wrapper.setAttribute('lang', 'da-DK');
      await change;
      expect($(el, 'legend').textContent).to.equal('Betalingsmetode');

      wrapper.removeAttribute('lang');
      const documentLang = document.documentElement.lang;
      try {
        const again = ready(el);
        document.documentElement.lang = 'nb-NO';
        await again;
        expect($(el, 'legend').textContent).to.equal('Betalingsmåte');
      } finally {
        document.documentElement.lang = documentLang;
      }

      el.locale = 'pt-PT';
      await ready(el);
      expect($(el, 'legend').textContent).to.equal('Payment method');
    });
  });

  describe('themes', () => {
    it('default and dark colours come from the tokens; --kustom-* properties override them', async () => {
      const el = await display('locale="sv-SE" value="klarna"');
      await ready(el);
      const option = () => getComputedStyle($(el, '[part~="kustom-option"]'));
      const rgb = (hex: string) => {
        const n = parseInt(hex.slice(1), 16);
        return `rgb(${n >> 16}, ${(n >> 8) & 255}, ${n & 255})`;
      };
      expect(option().backgroundColor).to.equal(rgb(LIGHT['color-background']));
      expect(option().color).to.equal(rgb(LIGHT['color-text']));
      await expectAccessibleAndSafe(el);

      el.theme = 'dark';
      await el.updateComplete;
      expect(option().backgroundColor).to.equal(rgb(DARK['color-background']));
      expect(option().color).to.equal(rgb(DARK['color-text']));
      await expectAccessibleAndSafe(el);

      el.style.setProperty('--kustom-color-background', 'rgb(1, 2, 3)');
      expect(option().backgroundColor).to.equal('rgb(1, 2, 3)');
    });

    it('inherits the page font and has a forced-colors block', async () => {
      const wrapper = fixtureSync<HTMLElement>(html`<div style="font: 19px Georgia, serif"><kustom-payment-method-display locale="sv-SE"></kustom-payment-method-display></div>`);
      const el = wrapper.firstElementChild!;
      await ready(el);
      const name = getComputedStyle($(el, '[part~="kustom-name"]'));
      expect(name.fontFamily).to.equal('Georgia, serif');
      expect(name.fontSize).to.equal('19px');
      const media = el.shadowRoot!.adoptedStyleSheets.flatMap((sheet) => [...sheet.cssRules]).filter((rule) => rule instanceof CSSMediaRule);
      expect(media.map((rule) => (rule as CSSMediaRule).conditionText)).to.include('(forced-colors: active)');
    });
  });

  describe('safety', () => {
    it('renders hostile names and descriptions as text, never as markup', async () => {
      configureSandbox(
        rewrite(newSandbox().fetch, (body) => ({
          ...body,
          payment_methods: body.payment_methods.map((m: object) => ({ ...m, name: HOSTILE, description: `${HOSTILE}</span><script>window.__kustomPwned=2</script>` })),
        })),
      );
      const el = await display();
      await ready(el);
      expect(names(el).every((n) => n === HOSTILE)).to.equal(true);
      expect($$(el, 'img, script')).to.have.length(0);
      await new Promise((resolve) => setTimeout(resolve, 0));
      expect((window as { __kustomPwned?: number }).__kustomPwned).to.equal(undefined);
      await expectAccessibleAndSafe(el);
    });
  });
});
