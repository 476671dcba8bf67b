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
  },
  {
    id: 'wool-socks',
    name: 'Wool hiking socks',
    description: 'Cushioned sole, reinforced heel. Buy three, pay for two.',
    unit_price: 18900,
    tax_rate: 2500,
    offer: { label: '3 for 2', every: 3 },
    image: '/products/wool-socks.svg',
  },
  {
    id: 'ribbed-beanie',
    name: 'Ribbed beanie',
    description: 'Double-layer rib in lambswool, one size.',
    unit_price: 34900,
    tax_rate: 2500,
    image: '/products/ribbed-beanie.svg',
  },
  {
    id: 'lambswool-scarf',
    name: 'Lambswool scarf',
    description: 'Woven on Gotland, 180 × 30 cm, with short fringes.',
    unit_price: 59900,
    tax_rate: 2500,
    image: '/products/lambswool-scarf.svg',
  },
  {
    id: 'knitted-mittens',
    name: 'Knitted mittens',
    description: 'Traditional pattern, lined with fleece.',
    unit_price: 27900,
    tax_rate: 2500,
    image: '/products/knitted-mittens.svg',
  },
  {
    id: 'wool-throw',
    name: 'Wool throw blanket',
    description: 'Herringbone weave, 130 × 170 cm. A winter favourite.',
    unit_price: 149000,
    tax_rate: 2500,
    image: '/products/wool-throw.svg',
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
