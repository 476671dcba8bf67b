/** The cart's lines and totals, from the same order lines the merchant server sends to Kustom. */
import { findProduct } from './catalog.js';
import { h } from './dom.js';
import { money } from './format.js';
import { cartOrderLines, orderTotals, type CartItem } from './order-lines.js';
import { setQuantity } from './cart.js';

export function quantityStepper(item: CartItem, name: string): HTMLElement {
  const change = (delta: number) => setQuantity(item.id, item.quantity + delta);
  return h(
    'div',
    { class: 'stepper', role: 'group', 'aria-label': `Quantity of ${name}` },
    h('button', { type: 'button', 'aria-label': `One less ${name}`, on: { click: () => change(-1) } }, '−'),
    h('output', { 'aria-live': 'polite' }, item.quantity),
    h('button', { type: 'button', 'aria-label': `One more ${name}`, on: { click: () => change(1) } }, '+'),
  );
}

/** The cart as a list with steppers (editable) or plain quantities, and the goods total. */
export function cartLines(items: readonly CartItem[], { editable }: { editable: boolean }): HTMLElement {
  const lines = cartOrderLines(items);
  return h(
    'ul',
    { class: 'cart-lines' },
    lines.map((line, i) => {
      const product = findProduct(items[i]!.id)!;
      return h(
        'li',
        { class: 'cart-line', 'data-testid': `cart-line-${product.id}` },
        h('img', { src: product.image, alt: '', width: 56, height: 42 }),
        h(
          'div',
          { class: 'cart-line__text' },
          h('span', { class: 'cart-line__name' }, line.name),
          editable ? quantityStepper(items[i]!, line.name) : h('span', { class: 'muted' }, `${line.quantity} × ${money(line.unit_price)}`),
          line.total_discount_amount ? h('span', { class: 'offer' }, `${product.offer?.label ?? 'Offer'}: −${money(line.total_discount_amount)}`) : null,
        ),
        h('span', { class: 'cart-line__amount' }, money(line.total_amount)),
      );
    }),
  );
}

export function goodsTotals(items: readonly CartItem[]) {
  return orderTotals(cartOrderLines(items));
}
