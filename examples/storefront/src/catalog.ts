/**
 * The shop's products. Shared by the pages (to show them) and the merchant server
 * (which alone decides prices: the browser sends product ids and quantities only).
 * Amounts are integer minor units of SEK, tax included; `tax_rate` 2500 = 25 %.
 */
export interface Product {
  id: string;
  name: string;
  description: string;
  /** Price of one unit in öre (minor units), VAT included. */
  unit_price: number;
  tax_rate: number;
  /** An offer the server turns into `total_discount_amount`: every `every`-th unit free. */
  offer?: { label: string; every: number };
  image: string;
  /** Packed, as the carriers see it (Kustom's `shipping_attributes`): grams, millimetres, tags. */
  shipping: { weight: number; dimensions: { length: number; width: number; height: number }; tags?: string[] };
}

/** The largest parcel a mailbox option takes (PostNord's mailbox parcel): 2 kg, 350 × 250 × 50 mm. */
const MAILBOX = { weight: 2000, dimensions: [350, 250, 50] };

/** Whether these items, packed together, go through a mailbox: weight, the largest sides, the stacked height. */
export function fitsMailbox(items: ReadonlyArray<{ product: Product; quantity: number }>): boolean {
  let weight = 0;
  let height = 0;
  for (const { product, quantity } of items) {
    const { tags = [], dimensions } = product.shipping;
    const [a, b, c] = [dimensions.length, dimensions.width, dimensions.height].sort((x, y) => y - x) as [number, number, number];
    if (tags.includes('bulky') || a > MAILBOX.dimensions[0]! || b > MAILBOX.dimensions[1]!) return false;
    weight += product.shipping.weight * quantity;
    height += c * quantity;
  }
  return weight <= MAILBOX.weight && height <= MAILBOX.dimensions[2]!;
}

export const SHOP = {
  name: 'Nordic Wool',
  purchaseCountry: 'SE',
  currency: 'SEK',
  /** The pages are in English; Kustom gets the Swedish market's English locale. */
  locale: 'en-SE',
} as const;

export const PRODUCTS: readonly Product[] = [
  {
    id: 'merino-sweater',
    name: 'Merino wool sweater',
    description: 'Fine-knit crew neck in undyed merino. Warm, soft, never itchy.',
    unit_price: 129900,
    tax_rate: 2500,
    image: '/products/merino-sweater.svg',
    shipping: { weight: 450, dimensions: { length: 320, width: 250, height: 60 } },
  },
  {
    id: 'wool-socks',
    name: 'Wool hiking socks',
    description: 'Cushioned sole, reinforced heel. Buy three, pay for two.',
    unit_price: 18900,
    tax_rate: 2500,
    offer: { label: '3 for 2', every: 3 },
    image: '/products/wool-socks.svg',
    shipping: { weight: 90, dimensions: { length: 200, width: 100, height: 15 } },
  },
  {
    id: 'ribbed-beanie',
    name: 'Ribbed beanie',
    description: 'Double-layer rib in lambswool, one size.',
    unit_price: 34900,
    tax_rate: 2500,
    image: '/products/ribbed-beanie.svg',
    shipping: { weight: 110, dimensions: { length: 220, width: 200, height: 20 } },
  },
  {
    id: 'lambswool-scarf',
    name: 'Lambswool scarf',
    description: 'Woven on Gotland, 180 × 30 cm, with short fringes.',
    unit_price: 59900,
    tax_rate: 2500,
    image: '/products/lambswool-scarf.svg',
    shipping: { weight: 220, dimensions: { length: 300, width: 200, height: 30 } },
  },
  {
    id: 'knitted-mittens',
    name: 'Knitted mittens',
    description: 'Traditional pattern, lined with fleece.',
    unit_price: 27900,
    tax_rate: 2500,
    image: '/products/knitted-mittens.svg',
    shipping: { weight: 120, dimensions: { length: 250, width: 150, height: 25 } },
  },
  {
    id: 'wool-throw',
    name: 'Wool throw blanket',
    description: 'Herringbone weave, 130 × 170 cm. A winter favourite.',
    unit_price: 149000,
    tax_rate: 2500,
    image: '/products/wool-throw.svg',
    shipping: { weight: 1600, dimensions: { length: 450, width: 350, height: 120 }, tags: ['bulky'] },
  },
];

export const MAX_QUANTITY = 99;

export function findProduct(id: string): Product | undefined {
  return PRODUCTS.find((p) => p.id === id);
}

/** The offer's discount for `quantity` units, in minor units: every `every`-th unit is free. */
export function offerDiscount(product: Product, quantity: number): number {
  return product.offer ? Math.floor(quantity / product.offer.every) * product.unit_price : 0;
}
