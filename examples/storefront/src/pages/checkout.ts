/**
 * The checkout: express buttons, the shopper's details, the delivery and payment
 * elements in one form. The merchant server creates the Kustom order; this page sends
 * it product ids, quantities and the shopper's choices, never an amount.
 */
import '../styles.css';
import { configure, type DeliveryOption, type KustomExpressButtons } from '@kustom/elements';
import { ApiError, api, loadConfig } from '../api.js';
import type { ExpressOrderResponse, PlaceOrderRequest, PlaceOrderResponse, ShopperAddress } from '../api-types.js';
import { cartItems, onCartChange } from '../cart.js';
import { cartLines } from '../cart-view.js';
import { $, h, render } from '../dom.js';
import { money } from '../format.js';
import { mountLayout } from '../layout.js';
import { cartOrderLines, orderTotals, shippingFeeLine } from '../order-lines.js';
import { applyTheme } from '../theme.js';

mountLayout('checkout');

const form = $('#checkout-form') as HTMLFormElement;
const delivery = $('#delivery');
const payment = $('#payment');
const express = $('#express') as KustomExpressButtons;
const placeOrder = $('#place-order') as HTMLButtonElement;
const formError = $('#form-error');
const expressStatus = $('#express-status');
let chosenDelivery: DeliveryOption | undefined;

function showError(target: HTMLElement, message: string | undefined) {
  target.textContent = message ?? '';
  target.hidden = !message;
}

/** Amounts on the elements and in the summary, from the cart and the chosen delivery. */
function update() {
  const items = cartItems();
  $('#empty').hidden = items.length > 0;
  $('#checkout').hidden = items.length === 0;
  if (items.length === 0) return;
  const goods = orderTotals(cartOrderLines(items));
  const shipping = chosenDelivery && chosenDelivery.price > 0 ? shippingFeeLine(chosenDelivery) : undefined;
  const total = orderTotals([...cartOrderLines(items), ...(shipping ? [shipping] : [])]);

  // Free shipping depends on the goods; which payment methods are offered, on the total.
  for (const el of [delivery, express]) el.setAttribute('amount', String(goods.order_amount));
  payment.setAttribute('amount', String(total.order_amount));
  placeOrder.textContent = `Place order · ${money(total.order_amount)}`;

  render(
    $('#summary'),
    cartLines(items, { editable: false }),
    h(
      'dl',
      { class: 'totals' },
      h('div', null, h('dt', null, 'Subtotal'), h('dd', null, money(goods.order_amount))),
      h(
        'div',
        null,
        h('dt', null, 'Delivery'),
        h('dd', { 'data-testid': 'summary-shipping' }, chosenDelivery ? (chosenDelivery.price ? money(chosenDelivery.price) : 'Free') : 'Choose below'),
      ),
      h('div', { class: 'totals__grand' }, h('dt', null, 'Total'), h('dd', { 'data-testid': 'summary-total' }, money(total.order_amount))),
      h('div', { class: 'muted' }, h('dt', null, 'of which VAT'), h('dd', null, money(total.order_tax_amount))),
    ),
  );
}

delivery.addEventListener('kustom-delivery-method-change', (event) => {
  chosenDelivery = event.detail.option;
  update();
});

// The delivery options (and pickup points) follow the postal code.
const postalCode = form.elements.namedItem('postal_code') as HTMLInputElement;
let postalTimer: ReturnType<typeof setTimeout> | undefined;
const syncPostalCode = () => {
  clearTimeout(postalTimer);
  postalTimer = setTimeout(() => delivery.setAttribute('postal-code', postalCode.value.trim()), 400);
};
postalCode.addEventListener('input', syncPostalCode);
delivery.setAttribute('postal-code', postalCode.value.trim());

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  showError(formError, undefined);
  // The elements are form controls: `required` keeps the form invalid until a choice is made.
  if (!form.reportValidity()) return;
  const data = new FormData(form);
  const field = (name: string) => String(data.get(name) ?? '');
  const address: ShopperAddress = {
    email: field('email'),
    given_name: field('given_name'),
    family_name: field('family_name'),
    street_address: field('street_address'),
    postal_code: field('postal_code'),
    city: field('city'),
  };
  const body: PlaceOrderRequest = {
    items: cartItems(),
    payment_method: field('payment_method'),
    delivery: field('delivery'),
    delivery_pickup_point: data.get('delivery-pickup-point')?.toString(),
    address,
  };
  placeOrder.disabled = true;
  const label = placeOrder.textContent;
  placeOrder.textContent = 'Placing your order…';
  try {
    const { redirect_url } = await api<PlaceOrderResponse>('/api/checkout', { body });
    location.assign(redirect_url);
  } catch (error) {
    showError(formError, error instanceof ApiError ? error.message : 'Something went wrong. Please try again.');
    placeOrder.disabled = false;
    placeOrder.textContent = label;
  }
});

express.addEventListener('kustom-express-cancel', ({ detail }) => {
  showError(expressStatus, 'Express checkout was cancelled. Your cart is still here.');
  if (detail.orderId) void api(`/api/express-orders/${encodeURIComponent(detail.orderId)}/abort`, { method: 'POST', body: {} }).catch(() => undefined);
});
express.addEventListener('kustom-error', ({ detail }) => {
  if (detail.code === 'MERCHANT_ABORTED') showError(expressStatus, 'The express order could not be created. Please try again.');
});

update();
onCartChange(update);

// Configure the elements with the public key, then register them (they load as they upgrade).
const config = await loadConfig();
configure({ publicApiKey: config.publicApiKey, baseUrl: config.elementsBaseUrl });
for (const el of [delivery, payment, express]) {
  el.setAttribute('purchase-country', config.purchaseCountry);
  el.setAttribute('currency', config.currency);
  el.setAttribute('locale', config.locale);
}
applyTheme();
await import('@kustom/elements/define');

// Express (set once the element is defined): the merchant server creates the checkout order;
// the element opens Kustom's approval page.
express.createOrder = async (resolve, reject) => {
  showError(expressStatus, undefined);
  try {
    const { order_id } = await api<ExpressOrderResponse>('/api/express-orders', { body: { items: cartItems() } });
    resolve({ orderId: order_id });
  } catch (error) {
    reject(error instanceof Error ? error.message : 'The order could not be created.');
  }
};
express.onConfirm = ({ redirectUrl }) => {
  if (redirectUrl) location.assign(redirectUrl);
};
