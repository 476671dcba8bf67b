/**
 * The loader API of the one-tag file: `window.kustomElements(method, ...args)`.
 * Calls queued by the published inline snippet are replayed in order, every call
 * returns a Promise, and bad input rejects with an error naming the field while
 * the page stays as it was.
 */
import { KustomError, KustomValidationError } from '@kustom/sdk/elements';
import { expect, fixture, html } from '@open-wc/testing';
import { PUBLIC_KEY, SANDBOX_URL, newSandbox, ready } from '../../test/helpers.js';
import '../define/index.js';
import type { KustomExpressButtons } from '../express-buttons.js';
import { createLoader, installLoader, scriptOptions, type KustomElementsLoader } from './loader.js';
import type { ExpressInitializeOptions, ExpressOrderContext } from './options.js';

/** The inline snippet as the README publishes it, run as the page would. */
const SNIPPET =
  'window.kustomElements=window.kustomElements||function(){var a=arguments;return new Promise(function(r,j){kustomElements._internal.q.push([a,r,j])})};kustomElements._internal=kustomElements._internal||{q:[]};';

const lines = [
  { name: 'Tröja', quantity: 2, totalAmount: 39800, taxAmount: 7960 },
  { name: 'Frakt', quantity: 1, totalAmount: 4900, taxAmount: 980 },
];
const options = (extra: Partial<ExpressInitializeOptions> = {}): ExpressInitializeOptions => ({
  currency: 'SEK',
  orderLines: lines,
  createOrder: (resolve) => resolve({ orderId: 'order-1' }),
  ...extra,
});

/**
 * The installation snippet exactly as the Kustom Portal (Elements → Installation
 * script) gives it and Kustom's WooCommerce plugin prints it.
 */
const OFFICIAL_SNIPPET =
  '(function(w){((window.kustomElements=window.kustomElements||function(w,...n){return new Promise((o,i)=>{window.kustomElements._internal.q.push({method:w,args:n,resolve:o,reject:i});});}),(window.kustomElements._internal=window.kustomElements._internal||{q:[],snippetVersion:"1.0.0"}),window.kustomElements.load||(window.kustomElements.load=new Promise((w,n)=>{((window.kustomElements._internal.loadResolve=w),(window.kustomElements._internal.loadReject=n));})));})(window);';

/** A fresh page-level loader: the official snippet first, then the real file. */
function officialSnippet(): KustomElementsLoader {
  delete window.kustomElements;
  new Function(OFFICIAL_SNIPPET)();
  return window.kustomElements!;
}

/** A fresh page-level loader: the snippet first, then the real file. */
function snippet(): KustomElementsLoader {
  delete window.kustomElements;
  new Function(SNIPPET)();
  return window.kustomElements!;
}

async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the call to reject');
}

describe('window.kustomElements (the loader)', () => {
  let sandbox: ReturnType<typeof newSandbox>;
  const configureOptions = () => ({ publicApiKey: PUBLIC_KEY, baseUrl: SANDBOX_URL, fetch: sandbox.fetch });

  beforeEach(() => {
    sandbox = newSandbox();
    delete window.kustomElements;
  });

  it('replays the calls the snippet queued, in order, and settles their promises', async () => {
    const el = await fixture<KustomExpressButtons>(html`<kustom-express-buttons locale="sv-SE"></kustom-express-buttons>`);
    const stub = snippet();
    const settled: string[] = [];
    const calls = [
      stub('configure', configureOptions()).then(() => settled.push('configure')),
      stub('express.initialize', el, options({ currency: 'EUR' })).then(() => settled.push('initialize EUR')),
      stub('express.initialize', el, options({ currency: 'NOK' })).then(() => settled.push('initialize NOK')),
      stub('ready').then(() => settled.push('ready')),
      stub('no.such.method').catch((error: Error) => settled.push(`rejected: ${error.message}`)),
    ];
    expect(stub._internal.q).to.have.length(5);
    expect(settled).to.deep.equal([]);

    const loader = installLoader(createLoader());
    expect(window.kustomElements).to.equal(loader);
    expect(loader).not.to.equal(stub);
    await Promise.all(calls);
    // Each call ran in the page's order; ready() settled after everything queued before it.
    expect(settled.filter((s) => !s.startsWith('rejected'))).to.deep.equal(['configure', 'initialize EUR', 'initialize NOK', 'ready']);
    expect(settled.find((s) => s.startsWith('rejected'))).to.match(/unknown method "no\.such\.method"/);
    // The later call wins: the replay kept the page's order.
    expect(el.currency).to.equal('NOK');
    // configure() reached the elements: they load from the sandbox.
    el.reload();
    await ready(el);
  });

  it('keeps the first loader when the file runs twice', () => {
    const first = installLoader(createLoader());
    const second = installLoader(createLoader());
    expect(second).to.equal(first);
    expect(window.kustomElements).to.equal(first);
  });

  it('returns a Promise for every method, and rejects an unknown one without throwing', async () => {
    const loader = createLoader();
    const result = loader('toString');
    expect(result).to.be.instanceOf(Promise);
    const error = await rejection(result);
    expect(error).to.be.instanceOf(KustomError);
    expect(error.message).to.equal('kustomElements: unknown method "toString"; use "configure", "express.initialize" or "ready"');
    expect((await rejection(loader(42 as unknown as string))).message).to.match(/unknown method 42/);
    expect(loader('ready')).to.be.instanceOf(Promise);
    await loader('ready');
  });

  it('configure: data-* defaults, options over them, and errors naming the field', async () => {
    const script = document.createElement('script');
    script.dataset.publicApiKey = PUBLIC_KEY;
    script.dataset.environment = 'playground';
    script.setAttribute('data-base-url', SANDBOX_URL);
    expect(scriptOptions(script)).to.deep.equal({ publicApiKey: PUBLIC_KEY, environment: 'playground', baseUrl: SANDBOX_URL });
    expect(scriptOptions(null)).to.deep.equal({});

    const loader = createLoader(scriptOptions(script));
    const el = await fixture<HTMLElement>(html`<kustom-payment-method-display locale="sv-SE"></kustom-payment-method-display>`);
    // Only the fetch is new: key and host come from the script tag.
    await loader('configure', { fetch: sandbox.fetch });
    await ready(el);

    const bad = await rejection(loader('configure', { environment: 'production', baseURL: 'x' }));
    expect(bad).to.be.instanceOf(KustomValidationError);
    expect((bad as KustomValidationError).field).to.equal('environment');
    expect(bad.message).to.contain('environment: must be one of "playground", "live", got "production"');
    expect(bad.message).to.contain('baseURL: is not an option');
    expect((await rejection(loader('configure', 'kustom_pk_test_x'))).message).to.contain('options: must be an object');
    expect((await rejection(loader('configure', { baseUrl: 'javascript:alert(1)' }))).message).to.contain(
      'baseUrl: must be an absolute http(s) URL',
    );
    const secret = await rejection(loader('configure', { publicApiKey: 'kco_test_api_1234' }));
    expect(secret.message).to.match(/secret/);
  });

  it('express.initialize sets up the chosen buttons: currency, the lines’ sum as amount, the hooks', async () => {
    const el = await fixture<KustomExpressButtons>(html`<kustom-express-buttons id="express"></kustom-express-buttons>`);
    const contexts: ExpressOrderContext[] = [];
    const onConfirm = () => {};
    const onError = () => {};
    const loader = createLoader();
    const result = await loader('express.initialize', '#express', {
      currency: 'SEK',
      orderLines: lines,
      shippingAddressRequired: true,
      createOrder(resolve, _reject, context) {
        contexts.push(context);
        resolve({ orderId: 'order-1' });
      },
      onConfirm,
      onError,
    });
    expect(result).to.equal(el);
    expect(el.currency).to.equal('SEK');
    expect(el.amount).to.equal(44700);
    expect(el.onConfirm).to.equal(onConfirm);
    expect(el.onError).to.equal(onError);

    // The element calls createOrder(resolve, reject); the merchant's hook also gets the purchase.
    const orderId = await new Promise((resolve, reject) => el.createOrder!(resolve, reject));
    expect(orderId).to.deep.equal({ orderId: 'order-1' });
    expect(contexts).to.deep.equal([{ currency: 'SEK', amount: 44700, orderLines: lines, shippingAddressRequired: true }]);
  });

  it('express.initialize on a container uses the buttons inside it, or adds them', async () => {
    const page = await fixture<HTMLElement>(html`<div><div id="empty"></div><div id="full"><kustom-express-buttons></kustom-express-buttons></div></div>`);
    const loader = createLoader();
    const added = await loader('express.initialize', '#empty', options());
    expect(added.parentElement!.id).to.equal('empty');
    expect(added.localName).to.equal('kustom-express-buttons');
    const found = await loader('express.initialize', page.querySelector('#full')!, options());
    expect(found).to.equal(page.querySelector('#full kustom-express-buttons'));
    expect(page.querySelectorAll('kustom-express-buttons')).to.have.length(2);
  });

  it('express.initialize refuses bad options, naming the field, and changes nothing', async () => {
    const el = await fixture<KustomExpressButtons>(html`<kustom-express-buttons id="x" currency="DKK" amount="100"></kustom-express-buttons>`);
    const loader = createLoader();
    const cases: [unknown, unknown, string, RegExp][] = [
      ['#x', options({ orderLines: [lines[0]!, { ...lines[1]!, totalAmount: 49.5 }] }), 'orderLines[1].totalAmount', /must be an integer amount in minor units \(49900 is 499\.00\), got 49\.5/],
      ['#x', options({ orderLines: [{ ...lines[0]!, taxAmount: 39801 }] }), 'orderLines[0].taxAmount', /must be part of totalAmount/],
      ['#x', options({ orderLines: [{ ...lines[0]!, quantity: 0 }] }), 'orderLines[0].quantity', /positive integer/],
      ['#x', options({ orderLines: [{ ...lines[0]!, name: '' }] }), 'orderLines[0].name', /non-empty string/],
      ['#x', options({ orderLines: ['Tröja' as never] }), 'orderLines[0]', /must be an object/],
      ['#x', options({ orderLines: [] }), 'orderLines', /non-empty array/],
      ['#x', options({ orderLines: [{ ...lines[1]!, totalAmount: -5000, taxAmount: -1000 }] }), 'orderLines', /negative amount/],
      ['#x', options({ currency: 'kronor' }), 'currency', /ISO 4217/],
      ['#x', options({ createOrder: undefined as never }), 'createOrder', /is required/],
      ['#x', options({ onConfirm: 'thanks.html' as never }), 'onConfirm', /must be a function/],
      ['#x', options({ shippingAddressRequired: 'yes' as never }), 'shippingAddressRequired', /true or false/],
      ['#x', { ...options(), onConfim: () => {} }, 'onConfim', /is not an option/],
      [undefined, options(), 'selector', /CSS selector or an element/],
      ['#x', undefined, 'options', /must be an object/],
    ];
    for (const [selector, bad, field, message] of cases) {
      const error = await rejection(loader('express.initialize', selector, bad));
      expect(error, field).to.be.instanceOf(KustomValidationError);
      expect((error as KustomValidationError).field, String(message)).to.equal(field);
      expect(error.message).to.match(message);
      expect(error.message).to.contain('kustomElements("express.initialize")');
    }
    expect((await rejection(loader('express.initialize', '#nowhere', options()))).message).to.contain('no element matches "#nowhere"');
    expect((await rejection(loader('express.initialize', '#[', options()))).message).to.contain('"#[" is not a valid CSS selector');
    // Nothing was half set.
    expect([el.currency, el.amount, el.createOrder]).to.deep.equal(['DKK', 100, undefined]);
  });

  it('ready() waits for the calls before it, and reports a bad script-tag configuration', async () => {
    const order: string[] = [];
    const loader = createLoader();
    const el = await fixture<KustomExpressButtons>(html`<kustom-express-buttons></kustom-express-buttons>`);
    void loader('express.initialize', el, options()).then(() => order.push('initialize'));
    await loader('ready').then(() => order.push('ready'));
    expect(order).to.deep.equal(['initialize', 'ready']);

    const startup = Promise.reject(new KustomError('publicApiKey looks like a secret API key'));
    const broken = createLoader({}, startup);
    expect((await rejection(broken('ready'))).message).to.contain('secret');
    // Other methods still work.
    await broken('express.initialize', el, options());
  });

  it('the official snippet: replays its { method, args } entries in order, keeps _internal and settles load', async () => {
    const el = await fixture<KustomExpressButtons>(html`<kustom-express-buttons locale="sv-SE"></kustom-express-buttons>`);
    const stub = officialSnippet();
    const load = stub.load;
    expect(load).to.be.instanceOf(Promise);
    const settled: string[] = [];
    const calls = [
      stub('configure', configureOptions()).then(() => settled.push('configure')),
      // Real integrations pass the currency lower case.
      stub('express.initialize', el, options({ currency: 'eur' })).then(() => settled.push('initialize eur')),
      stub('express.initialize', el, options({ currency: 'nok' })).then(() => settled.push('initialize nok')),
      stub('ready').then(() => settled.push('ready')),
      stub('no.such.method').catch((error: Error) => settled.push(`rejected: ${error.message}`)),
    ];
    expect(stub._internal.q).to.have.length(5);
    expect(stub._internal.q[0]).to.include({ method: 'configure' });

    const loader = installLoader(createLoader());
    expect(window.kustomElements).to.equal(loader);
    // The snippet's load promise and _internal stay, with its version.
    expect(loader.load).to.equal(load);
    expect(loader._internal.snippetVersion).to.equal('1.0.0');
    expect(loader._internal.q).to.deep.equal([]);
    await Promise.all(calls);
    expect(settled.filter((s) => !s.startsWith('rejected'))).to.deep.equal(['configure', 'initialize eur', 'initialize nok', 'ready']);
    expect(settled.find((s) => s.startsWith('rejected'))).to.match(/unknown method "no\.such\.method"/);
    expect(el.currency).to.equal('NOK');
    await load;
    // It goes on accepting calls, and a second copy of the file changes nothing.
    expect(installLoader(createLoader())).to.equal(loader);
    expect(loader.load).to.equal(load);
    await loader('express.initialize', el, options({ currency: 'Sek ' }));
    expect(el.currency).to.equal('SEK');
    el.reload();
    await ready(el);
  });

  it('the official snippet with the file already there: calls run at once, load resolves', async () => {
    const loader = installLoader(createLoader());
    new Function(OFFICIAL_SNIPPET)();
    expect(window.kustomElements).to.equal(loader);
    await loader.load;
    await window.kustomElements!('configure', configureOptions());
  });

  it('load rejects with the KustomError of an unusable script-tag configuration', async () => {
    const stub = officialSnippet();
    const startup = Promise.reject(new KustomError('publicApiKey looks like a secret API key'));
    installLoader(createLoader({}, startup));
    const error = await rejection(stub.load);
    expect(error).to.be.instanceOf(KustomError);
    expect(error.message).to.contain('secret');
  });

  it('takes the environment from the script host when data-environment is absent', () => {
    const tag = (src: string, environment?: string) => {
      const script = document.createElement('script');
      script.src = src;
      script.dataset.publicApiKey = PUBLIC_KEY;
      if (environment) script.dataset.environment = environment;
      return scriptOptions(script).environment;
    };
    expect(tag('https://js.playground.kustom.co/kustom-elements.js')).to.equal('playground');
    expect(tag('https://js.live.kustom.co/kustom-elements.js')).to.equal('live');
    expect(tag('https://js.kustom.co/kustom-elements.js')).to.equal('live');
    expect(tag('/dist/kustom-elements.js')).to.equal(undefined);
    expect(tag('https://js.live.kustom.co/x.js', 'playground')).to.equal('playground');
  });

  it('refuses every spelling of a secret key, and sends nothing', async () => {
    const requests: string[] = [];
    const fetch = (input: RequestInfo | URL, init?: RequestInit) => {
      requests.push(String(input));
      return sandbox.fetch(input, init);
    };
    const loader = createLoader();
    const spellings = [' kco_test_api_1234', '\u200bkco_test_api_1234', '\ufeffkco_test_api_1234', 'merchant:kco_test_api_1234', 'PK12345_abc:secret', 'KCO_TEST_API_1', 'kco_test_api_1234\n'];
    for (const key of spellings) {
      const error = await rejection(loader('configure', { publicApiKey: key, baseUrl: SANDBOX_URL, fetch }));
      expect(error, JSON.stringify(key)).to.be.instanceOf(KustomValidationError);
      expect((error as KustomValidationError).field).to.equal('publicApiKey');
      expect(error.message).to.contain('secret API key');
      // The provider refuses it too.
      const provider = await fixture<HTMLElement & { fetch?: unknown }>(
        html`<kustom-elements-provider .publicApiKey=${key} base-url=${SANDBOX_URL} .fetch=${fetch}
          ><kustom-payment-method-display locale="sv-SE"></kustom-payment-method-display
        ></kustom-elements-provider>`,
      );
      await new Promise((resolve) => setTimeout(resolve, 20));
      provider.remove();
    }
    expect(requests).to.deep.equal([]);
  });

  it('reads a currency attribute in any case and asks the API for it upper case', async () => {
    const asked: string[] = [];
    const fetch = (input: RequestInfo | URL, init?: RequestInit) => {
      asked.push(`${String(input)} ${typeof init?.body === 'string' ? init.body : ''}`);
      return sandbox.fetch(input, init);
    };
    await createLoader()('configure', { publicApiKey: PUBLIC_KEY, baseUrl: SANDBOX_URL, fetch });
    const el = await fixture<HTMLElement>(html`<kustom-payment-method-display locale="sv-SE" purchase-country="SE" currency="sek" amount="49900"></kustom-payment-method-display>`);
    await ready(el);
    expect(asked.join('\n')).to.contain('SEK');
    expect(asked.join('\n')).not.to.contain('sek');
  });
});
