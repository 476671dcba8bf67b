/** The cart, kept in localStorage so it survives page loads; other tabs stay in step. */
import { MAX_QUANTITY, findProduct } from './catalog.js';
import type { CartItem } from './order-lines.js';

const KEY = 'nordic-wool.cart';
const listeners = new Set<(items: CartItem[]) => void>();

export function cartItems(): CartItem[] {
  try {
    const items: unknown = JSON.parse(localStorage.getItem(KEY) ?? '[]');
    if (!Array.isArray(items)) return [];
    return items.filter(
      (i): i is CartItem => typeof i?.id === 'string' && !!findProduct(i.id) && Number.isInteger(i.quantity) && i.quantity >= 1 && i.quantity <= MAX_QUANTITY,
    );
  } catch {
    return [];
  }
}

function save(items: CartItem[]): void {
  localStorage.setItem(KEY, JSON.stringify(items));
  for (const listener of listeners) listener(items);
}

export function setQuantity(id: string, quantity: number): void {
  const items = cartItems();
  const q = Math.max(0, Math.min(MAX_QUANTITY, Math.trunc(quantity)));
  const existing = items.find((i) => i.id === id);
  if (existing) existing.quantity = q;
  else if (q > 0) items.push({ id, quantity: q });
  save(items.filter((i) => i.quantity > 0));
}

export function addToCart(id: string, quantity = 1): void {
  setQuantity(id, (cartItems().find((i) => i.id === id)?.quantity ?? 0) + quantity);
}

export function clearCart(): void {
  save([]);
}

export function cartCount(items = cartItems()): number {
  return items.reduce((n, i) => n + i.quantity, 0);
}

export function onCartChange(listener: (items: CartItem[]) => void): void {
  listeners.add(listener);
  window.addEventListener('storage', (event) => event.key === KEY && listener(cartItems()));
}
