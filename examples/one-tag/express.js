/**
 * The express checkout of express.html, through the loader API. These calls may
 * run before kustom-elements.js has arrived: the inline snippet queues them and
 * the file replays them in order.
 */
import { CART } from './cart.js';

const status = document.getElementById('status');

kustomElements('express.initialize', '#express', {
  // Real integrations pass the currency in any case (WooCommerce: `sek`); the loader reads it as SEK.
  currency: CART.currency.toLowerCase(),
  orderLines: CART.lines.map(({ name, quantity, totalAmount, taxAmount }) => ({ name, quantity, totalAmount, taxAmount })),
  shippingAddressRequired: true,
  // Your server creates the checkout order (with the secret key); the page only gets its id.
  createOrder(resolve, reject, { shippingAddressRequired }) {
    fetch('/api/orders', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ shippingAddressRequired }),
    })
      .then((response) => (response.ok ? response.json() : Promise.reject(new Error(`HTTP ${response.status}`))))
      .then(({ orderId }) => resolve({ orderId }), reject);
  },
  onConfirm({ orderId, redirectUrl }) {
    status.textContent = `Approved: ${orderId}`;
    status.dataset.redirectUrl = redirectUrl ?? '';
    // A shop would now go to its confirmation page: location.assign(redirectUrl)
  },
  onError({ code, message }) {
    status.textContent = `${code}: ${message}`;
  },
}).catch((error) => {
  status.textContent = error.message;
});

kustomElements('ready').then(() => {
  document.documentElement.dataset.kustomReady = '';
});
