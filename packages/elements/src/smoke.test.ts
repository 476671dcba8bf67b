import { expect, fixtureSync, html, oneEvent } from '@open-wc/testing';
import '../src/define/index.js';
import { configure } from './index.js';

const methods = {
  placement: 'AVAILABLE_PAYMENT_METHODS',
  payment_methods: [
    { id: 'klarna', name: 'Klarna', description: 'Pay later' },
    { id: 'card', name: '<img src=x onerror=alert(1)>', description: 'Visa' },
  ],
};

describe('smoke', () => {
  it('renders', async () => {
    configure({
      publicApiKey: 'kustom_pk_test_sandbox',
      baseUrl: 'http://sandbox.test',
      fetch: async () => new Response(JSON.stringify(methods), { headers: { 'content-type': 'application/json' } }),
    });
    const el = fixtureSync(html`<kustom-payment-method-display locale="sv-SE"></kustom-payment-method-display>`);
    const ev = await oneEvent(el, 'kustom-ready');
    expect(ev.detail).to.have.property('methods');
    expect(el.shadowRoot!.querySelectorAll('input').length).to.equal(2);
    await expect(el).to.be.accessible();
  });
});
