/**
 * The cart as Kustom order lines, with exact totals from `@kustom/sdk`. The page uses
 * it to show the cart, the merchant server to create the checkout order: the same
 * function, so what the shopper sees is what is sent. Only the server's call counts.
 */
import { orderTotals, withLineTotals, type OrderLine } from '@kustom/sdk';
import { MAX_QUANTITY, findProduct, fitsMailbox, offerDiscount } from './catalog.js';

export interface CartItem {
  /** A product id of the catalogue. */
  id: string;
  quantity: number;
}

/** A cart that cannot become an order; `field` names the offending item (`items[1].quantity`). */
export class CartError extends Error {
  override readonly name = 'CartError';
  constructor(
    message: string,
    readonly field: string,
  ) {
    super(message);
  }
}

/** Checks what arrived from a browser: an array of 1–50 `{ id, quantity }` with known ids and whole quantities. */
export function parseCart(value: unknown): CartItem[] {
  if (!Array.isArray(value) || value.length === 0) throw new CartError('The cart is empty.', 'items');
  if (value.length > 50) throw new CartError('The cart has too many lines.', 'items');
  const seen = new Set<string>();
  return value.map((item: unknown, i): CartItem => {
    const { id, quantity } = (item ?? {}) as Record<string, unknown>;
    if (typeof id !== 'string' || !findProduct(id)) throw new CartError(`Unknown product ${JSON.stringify(id)}.`, `items[${i}].id`);
    if (seen.has(id)) throw new CartError(`Product ${id} is listed twice.`, `items[${i}].id`);
    seen.add(id);
    if (typeof quantity !== 'number' || !Number.isInteger(quantity) || quantity < 1 || quantity > MAX_QUANTITY) {
      throw new CartError(`Quantity must be a whole number from 1 to ${MAX_QUANTITY}.`, `items[${i}].quantity`);
    }
    return { id, quantity };
  });
}

/** One physical order line per cart item; the offer becomes `total_discount_amount`. */
export function cartOrderLines(items: readonly CartItem[]): OrderLine[] {
  return items.map((item) => {
    const product = findProduct(item.id);
    if (!product) throw new CartError(`Unknown product ${JSON.stringify(item.id)}.`, 'items');
    const discount = offerDiscount(product, item.quantity);
    return withLineTotals({
      type: 'physical' as const,
      reference: product.id,
      name: product.name,
      quantity: item.quantity,
      quantity_unit: 'pcs',
      unit_price: product.unit_price,
      tax_rate: product.tax_rate,
      ...(discount ? { total_discount_amount: discount } : {}),
      // What the carriers need to know: a bulky blanket does not go by mailbox.
      shipping_attributes: { weight: product.shipping.weight, dimensions: product.shipping.dimensions, ...(product.shipping.tags ? { tags: product.shipping.tags } : {}) },
    });
  });
}

/** Whether the cart goes through a mailbox (every item small enough, together light and flat enough). */
export function cartFitsMailbox(items: readonly CartItem[]): boolean {
  return fitsMailbox(items.map((item) => ({ product: findProduct(item.id)!, quantity: item.quantity })));
}

/** A shipping fee line for a delivery option's price (tax included). */
export function shippingFeeLine(option: { id: string; name: string; price: number; tax_rate: number }): OrderLine {
  return withLineTotals({ type: 'shipping_fee' as const, reference: option.id, name: option.name, quantity: 1, unit_price: option.price, tax_rate: option.tax_rate });
}

export { orderTotals };
