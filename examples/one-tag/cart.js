/**
 * The shop's cart, shared by the page (express.js, in the browser) and the
 * merchant server (server.mjs, which checks the amounts with @kustom/sdk and
 * creates the checkout order from this, never from what the browser sends).
 * Amounts in minor units, tax included (25 % VAT).
 */
export const CART = {
  currency: 'SEK',
  lines: [
    { reference: 'tee-001', name: 'T-shirt', quantity: 2, unitPrice: 19900, taxRate: 2500, totalAmount: 39800, taxAmount: 7960 },
    { reference: 'socks-002', name: 'Strumpor', quantity: 1, unitPrice: 9900, taxRate: 2500, totalAmount: 9900, taxAmount: 1980 },
  ],
};
