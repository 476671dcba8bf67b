/**
 * React 19 and Vue set a prop on a custom element as a property only when the
 * element has a property of that name (`name in element`); otherwise they write
 * an attribute, and a function or an array is lost. Every property the React and
 * Vue typings offer (src/jsx/tags.ts) must therefore exist on the defined element.
 */
import { expect } from '@open-wc/testing';
import '../define/index.js';

const PROPS: Record<string, string[]> = {
  'kustom-payment-method-display': ['locale', 'purchaseCountry', 'currency', 'amount', 'theme', 'disabled', 'name', 'value', 'required', 'label', 'include', 'exclude'],
  'kustom-delivery-method-display': ['locale', 'purchaseCountry', 'currency', 'amount', 'theme', 'disabled', 'name', 'value', 'required', 'label', 'postalCode', 'pickupPoint'],
  'kustom-express-buttons': ['locale', 'purchaseCountry', 'currency', 'amount', 'theme', 'disabled', 'layout', 'buttonHeight', 'createOrder'],
  'kustom-elements-provider': ['publicApiKey', 'environment', 'region', 'baseUrl', 'fetch'],
};

describe('properties the React and Vue typings offer', () => {
  for (const [tag, props] of Object.entries(PROPS)) {
    it(`exist on <${tag}>, so frameworks set them as properties`, () => {
      const element = document.createElement(tag);
      expect(props.filter((prop) => !(prop in element))).to.deep.equal([]);
    });
  }

  it('a function set the way React 19 sets it reaches the element', () => {
    const element = document.createElement('kustom-express-buttons');
    const createOrder = () => {};
    // React 19's rule for custom elements: a property if `in`, else an attribute.
    if ('createOrder' in element) (element as unknown as Record<string, unknown>).createOrder = createOrder;
    else element.setAttribute('createorder', String(createOrder));
    expect(element.createOrder).to.equal(createOrder);
    expect(element.hasAttribute('createorder')).to.equal(false);
  });
});
