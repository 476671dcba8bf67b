/**
 * The "edit order" of the back office: fewer units of some lines (an article out of
 * stock). Shared by the drawer (to preview the new amount with `planEdit`) and the
 * merchant server (to send it).
 */
import { lineSlice, type EditLine, type Order } from '@kustom/sdk';
import type { LineSelection } from '../api-types.js';

/** A line is named by its `reference`, or by its `name` when it has none (as the SDK's planners do). */
export const lineKey = (line: { reference?: string | undefined; name: string }): string => line.reference ?? line.name;

/**
 * The order's lines with the chosen new quantities: lines not mentioned stay as they
 * are, 0 removes a line, and a reduced line keeps its per-unit share of the discount
 * (`lineSlice` of its first units). Raising a quantity is refused: that is a new sale.
 */
export function editedLines(order: Pick<Order, 'order_lines'>, selection: LineSelection): EditLine[] {
  const wanted = new Map(selection.map((s) => [s.reference, s.quantity]));
  for (const [reference, quantity] of wanted) {
    const line = order.order_lines.find((l) => lineKey(l) === reference);
    if (!line) throw new EditError(`No order line ${JSON.stringify(reference)}.`, reference);
    if (!Number.isInteger(quantity) || quantity < 0) throw new EditError('A quantity is a whole number, 0 or more.', reference);
    if (quantity > line.quantity) throw new EditError(`${line.name}: an edit can only lower the quantity (at most ${line.quantity}).`, reference);
  }
  const lines: EditLine[] = [];
  for (const line of order.order_lines) {
    const quantity = wanted.get(lineKey(line)) ?? line.quantity;
    if (quantity === line.quantity) lines.push(line);
    else if (quantity > 0) {
      const { total_amount: _amount, total_tax_amount: _tax, ...rest } = line;
      const { total_discount_amount } = lineSlice(line, 0, quantity);
      lines.push({ ...rest, quantity, ...(total_discount_amount || line.total_discount_amount !== undefined ? { total_discount_amount } : {}) });
    }
  }
  return lines;
}

export class EditError extends Error {
  override readonly name = 'EditError';
  constructor(
    message: string,
    readonly reference: string,
  ) {
    super(message);
  }
}
