/**
 * Where Kustom sends the shopper after the purchase (`merchant_urls.confirmation`):
 * the merchant server reads the order from Kustom (and acknowledges it), this page
 * shows it.
 */
import '../styles.css';
import { statusLabel, type Order, type OrderManagementOrderLine } from '@kustom/sdk';
import { ApiError, api } from '../api.js';
import type { ConfirmationResponse } from '../api-types.js';
import { clearCart } from '../cart.js';
import { $, h, render } from '../dom.js';
import { money } from '../format.js';
import { mountLayout } from '../layout.js';

mountLayout('other');
const root = $('#confirmation');
const orderId = new URLSearchParams(location.search).get('order_id');

function lines(items: readonly OrderManagementOrderLine[], currency: string) {
  return h(
    'table',
    { class: 'lines' },
    h('thead', null, h('tr', null, h('th', { scope: 'col' }, 'Item'), h('th', { scope: 'col', class: 'num' }, 'Qty'), h('th', { scope: 'col', class: 'num' }, 'Amount'))),
    h(
      'tbody',
      null,
      items.map((line) =>
        h('tr', null, h('td', null, line.name), h('td', { class: 'num' }, line.quantity), h('td', { class: 'num' }, money(line.total_amount, currency))),
      ),
    ),
  );
}

/** The pickup point the shopper chose, as the Kustom order carries it (`selected_shipping_option.location`). */
function pickupPoint(location: NonNullable<Order['selected_shipping_option']>['location']) {
  if (!location?.name) return null;
  const { street_address, postal_code, city } = location.address ?? {};
  return h(
    'div',
    null,
    h('dt', null, 'Pickup point'),
    h(
      'dd',
      { 'data-testid': 'order-pickup-point', 'data-pickup-point-id': location.id ?? '' },
      location.name,
      street_address ? h('br', null) : null,
      [street_address, [postal_code, city].filter(Boolean).join(' ')].filter(Boolean).join(', '),
    ),
  );
}

try {
  if (!orderId) throw new ApiError(400, 'BAD_REQUEST', 'No order given.');
  const { checkout, order } = await api<ConfirmationResponse>(`/api/orders/${encodeURIComponent(orderId)}`);
  if (!order) {
    render(root, h('h1', null, 'Your order is not complete'), h('p', null, 'The purchase was not finished. Your cart is still there.'), h('a', { class: 'button', href: '/checkout/' }, 'Back to checkout'));
  } else {
    clearCart();
    const currency = order.purchase_currency;
    const name = order.billing_address?.given_name;
    render(
      root,
      h('p', { class: 'confirmation__check', 'aria-hidden': 'true' }, '✓'),
      h('h1', null, name ? `Thank you, ${name}!` : 'Thank you!'),
      h('p', null, 'Your order is placed. We reserve the amount now and charge it when we ship.'),
      h(
        'dl',
        { class: 'facts' },
        h('div', null, h('dt', null, 'Order number'), h('dd', { 'data-testid': 'order-number' }, checkout.merchant_reference1 ?? order.order_id)),
        h('div', null, h('dt', null, 'Status'), h('dd', { 'data-testid': 'order-status', 'data-status': order.status }, statusLabel(order.status, 'en'))),
        h('div', null, h('dt', null, 'Payment'), h('dd', { 'data-testid': 'order-payment' }, order.initial_payment_method?.description ?? order.initial_payment_method?.type ?? '—')),
        h('div', null, h('dt', null, 'Delivery'), h('dd', { 'data-testid': 'order-delivery' }, order.selected_shipping_option?.name ?? '—')),
        pickupPoint(order.selected_shipping_option?.location),
      ),
      lines(order.order_lines, currency),
      h('dl', { class: 'totals' }, h('div', { class: 'totals__grand' }, h('dt', null, 'Total'), h('dd', { 'data-testid': 'order-total' }, money(order.order_amount, currency)))),
      h(
        'p',
        { class: 'confirmation__next' },
        h('a', { class: 'button button--primary', href: '/' }, 'Continue shopping'),
        h('a', { class: 'button', href: `/back-office/?order=${encodeURIComponent(order.order_id)}` }, 'See it in the back office'),
      ),
      h('p', { class: 'hint' }, `Kustom order id ${order.order_id}`),
    );
  }
} catch (error) {
  render(root, h('h1', null, 'We could not find that order'), h('p', { class: 'error' }, error instanceof ApiError ? error.message : 'Something went wrong.'));
}
