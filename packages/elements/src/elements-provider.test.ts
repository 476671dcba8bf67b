import type { SandboxFetch } from '@kustom/sandbox';
import { expect, fixture, fixtureSync, html } from '@open-wc/testing';
import { $, PUBLIC_KEY, SANDBOX_URL, configureSandbox, failed, newSandbox, ready } from '../test/helpers.js';
import { configure } from './config.js';
import './define/index.js';
import { KustomElementsProvider } from './elements-provider.js';
import type { KustomPaymentMethodDisplay } from './payment-method-display.js';

/** A fetch that records the URLs it was asked for. */
function recording(inner: SandboxFetch = newSandbox().fetch) {
  const urls: URL[] = [];
  const fetch: SandboxFetch = (input, init) => {
    urls.push(new URL(String(input)));
    return inner(input, init);
  };
  return { fetch, urls };
}

describe('<kustom-elements-provider> and configure()', () => {
  it('elements inside a provider use its client; elements outside use configure()', async () => {
    const page = recording();
    configureSandbox(page.fetch);
    const store = recording();
    const root = fixtureSync<HTMLElement>(html`
      <div>
        <kustom-payment-method-display id="outside" locale="sv-SE"></kustom-payment-method-display>
        <kustom-elements-provider public-api-key=${PUBLIC_KEY} base-url="https://store.example" .fetch=${store.fetch}>
          <section><kustom-delivery-method-display id="inside" locale="sv-SE"></kustom-delivery-method-display></section>
        </kustom-elements-provider>
      </div>
    `);
    await Promise.all([ready(root.querySelector('#outside')!), ready(root.querySelector('#inside')!)]);
    expect(page.urls.map((u) => u.origin + u.pathname)).to.deep.equal([`${SANDBOX_URL}/kustom-elements-api/v1/placements/AVAILABLE_PAYMENT_METHODS`]);
    expect(store.urls.map((u) => u.origin + u.pathname)).to.deep.equal(['https://store.example/kustom-elements-api/v1/placements/DELIVERY_METHODS']);
  });

  it('two providers on one page each give their elements their own client', async () => {
    configureSandbox();
    const a = recording();
    const b = recording();
    const root = fixtureSync<HTMLElement>(html`
      <div>
        <kustom-elements-provider public-api-key=${PUBLIC_KEY} base-url="https://a.example" .fetch=${a.fetch}>
          <kustom-payment-method-display locale="sv-SE"></kustom-payment-method-display>
          <kustom-express-buttons locale="sv-SE"></kustom-express-buttons>
        </kustom-elements-provider>
        <kustom-elements-provider public-api-key=${PUBLIC_KEY} base-url="https://b.example" .fetch=${b.fetch}>
          <kustom-payment-method-display locale="de-DE"></kustom-payment-method-display>
        </kustom-elements-provider>
      </div>
    `);
    const displays = [...root.querySelectorAll('kustom-payment-method-display, kustom-express-buttons')];
    await Promise.all(displays.map((el) => ready(el)));
    expect(a.urls.map((u) => [u.host, u.searchParams.get('locale')])).to.have.deep.members([
      ['a.example', 'sv-SE'],
      ['a.example', 'sv-SE'],
    ]);
    expect(b.urls.map((u) => [u.host, u.searchParams.get('locale')])).to.deep.equal([['b.example', 'de-DE']]);
  });

  it('a provider reaches elements inside other components’ shadow roots', async () => {
    configureSandbox();
    const store = recording();
    const provider = fixtureSync<KustomElementsProvider>(html`
      <kustom-elements-provider public-api-key=${PUBLIC_KEY} base-url="https://store.example" .fetch=${store.fetch}><div></div></kustom-elements-provider>
    `);
    const root = provider.querySelector('div')!.attachShadow({ mode: 'open' });
    root.innerHTML = '<kustom-payment-method-display locale="sv-SE"></kustom-payment-method-display>';
    await ready(root.firstElementChild!);
    expect(store.urls).to.have.length(1);
  });

  it('changing the provider’s options reloads the elements inside with a new client', async () => {
    configureSandbox();
    const first = recording();
    const second = recording();
    const provider = fixtureSync<KustomElementsProvider>(html`
      <kustom-elements-provider public-api-key=${PUBLIC_KEY} base-url="https://one.example" .fetch=${first.fetch}>
        <kustom-payment-method-display locale="sv-SE"></kustom-payment-method-display>
      </kustom-elements-provider>
    `);
    const el = provider.querySelector('kustom-payment-method-display')!;
    await ready(el);
    provider.fetch = second.fetch;
    provider.baseUrl = 'https://two.example';
    await ready(el);
    expect(first.urls.map((u) => u.host)).to.deep.equal(['one.example']);
    expect(second.urls.map((u) => u.host)).to.deep.equal(['two.example']);
  });

  it('a provider without a key, or with a secret key, shows NOT_CONFIGURED on its elements', async () => {
    configureSandbox();
    const root = fixtureSync<HTMLElement>(html`
      <div>
        <kustom-elements-provider base-url=${SANDBOX_URL}>
          <kustom-payment-method-display locale="sv-SE"></kustom-payment-method-display>
        </kustom-elements-provider>
        <kustom-elements-provider public-api-key="kco_test_api_sandbox" base-url=${SANDBOX_URL}>
          <kustom-payment-method-display locale="sv-SE"></kustom-payment-method-display>
        </kustom-elements-provider>
      </div>
    `);
    const [missing, secret] = [...root.querySelectorAll('kustom-payment-method-display')];
    const [a, b] = await Promise.all([failed(missing!), failed(secret!)]);
    expect(a.code).to.equal('NOT_CONFIGURED');
    expect(a.message).to.match(/publicApiKey is required/);
    expect(b.code).to.equal('NOT_CONFIGURED');
    expect(b.message).to.match(/secret API key/);
    expect(b.message).not.to.contain('kco_test_api_sandbox');
    expect((missing as KustomPaymentMethodDisplay).state).to.equal('error');
  });

  it('an element moved into a provider switches to the provider’s client', async () => {
    const page = recording();
    configureSandbox(page.fetch);
    const store = recording();
    const root = fixtureSync<HTMLElement>(html`
      <div>
        <kustom-payment-method-display locale="sv-SE"></kustom-payment-method-display>
        <kustom-elements-provider public-api-key=${PUBLIC_KEY} base-url="https://store.example" .fetch=${store.fetch}></kustom-elements-provider>
      </div>
    `);
    const el = root.querySelector('kustom-payment-method-display')!;
    await ready(el);
    const moved = ready(el);
    root.querySelector('kustom-elements-provider')!.append(el);
    await moved;
    expect(page.urls).to.have.length(1);
    expect(store.urls).to.have.length(1);
  });

  it('a provider defined after the elements inside it connected still reaches them', async () => {
    const page = recording();
    configureSandbox(page.fetch);
    const store = recording();
    const root = fixtureSync<HTMLElement>(html`
      <late-kustom-provider public-api-key=${PUBLIC_KEY} base-url="https://store.example" .fetch=${store.fetch}>
        <kustom-payment-method-display locale="sv-SE"></kustom-payment-method-display>
      </late-kustom-provider>
    `);
    const el = root.querySelector('kustom-payment-method-display')!;
    await ready(el);
    const again = ready(el);
    customElements.define('late-kustom-provider', class extends KustomElementsProvider {});
    await again;
    expect(page.urls).to.have.length(1);
    expect(store.urls.map((u) => u.host)).to.deep.equal(['store.example']);
  });

  it('configure() again reloads the elements; a secret key is refused', async () => {
    const first = recording();
    configureSandbox(first.fetch);
    const wrapper = await fixture<HTMLElement>(html`<div></div>`);
    wrapper.innerHTML = '<kustom-payment-method-display locale="sv-SE"></kustom-payment-method-display>';
    const el = wrapper.firstElementChild!;
    await ready(el);
    const second = recording();
    const again = ready(el);
    configure({ publicApiKey: PUBLIC_KEY, baseUrl: 'https://again.example', fetch: second.fetch });
    await again;
    expect(second.urls.map((u) => u.host)).to.deep.equal(['again.example']);
    expect(() => configure({ publicApiKey: 'kco_live_api_123' })).to.throw(/secret API key/);
    expect($(el, 'legend').textContent).to.equal('Betalsätt');
  });

  it('is invisible in layout (display: contents)', async () => {
    const provider = await fixture<KustomElementsProvider>(html`<kustom-elements-provider public-api-key=${PUBLIC_KEY}></kustom-elements-provider>`);
    expect(getComputedStyle(provider).display).to.equal('contents');
  });
});
