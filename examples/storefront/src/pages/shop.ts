import '../styles.css';
import { addToCart, cartItems, onCartChange } from '../cart.js';
import { cartLines, goodsTotals } from '../cart-view.js';
import { PRODUCTS } from '../catalog.js';
import { $, h, render } from '../dom.js';
import { money } from '../format.js';
import { mountLayout } from '../layout.js';

mountLayout('shop');

render(
  $('#products'),
  PRODUCTS.map((product) =>
    h(
      'li',
      { class: 'product', 'data-testid': `product-${product.id}` },
      h('img', { src: product.image, alt: '', width: 400, height: 300, class: 'product__image' }),
      h(
        'div',
        { class: 'product__body' },
        h('h2', { class: 'product__name' }, product.name, product.offer ? h('span', { class: 'badge' }, product.offer.label) : null),
        h('p', { class: 'product__description' }, product.description),
        h(
          'div',
          { class: 'product__buy' },
          h('span', { class: 'product__price' }, money(product.unit_price)),
          h('button', { type: 'button', class: 'button', on: { click: () => addToCart(product.id) } }, 'Add to cart'),
        ),
      ),
    ),
  ),
);

function showCart() {
  const items = cartItems();
  if (items.length === 0) {
    render($('#cart-body'), h('p', { class: 'muted' }, 'Nothing here yet.'));
    return;
  }
  const { order_amount, order_tax_amount } = goodsTotals(items);
  render(
    $('#cart-body'),
    cartLines(items, { editable: true }),
    h(
      'dl',
      { class: 'totals' },
      h('div', null, h('dt', null, 'Subtotal'), h('dd', { 'data-testid': 'cart-total' }, money(order_amount))),
      h('div', { class: 'muted' }, h('dt', null, 'of which VAT'), h('dd', null, money(order_tax_amount))),
    ),
    h('a', { href: '/checkout/', class: 'button button--primary button--block' }, 'Go to checkout'),
  );
}
showCart();
onCartChange(showCart);
