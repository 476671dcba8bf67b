/**
 * Which wallets this browser can pay with. Apple Pay only where Apple's
 * `ApplePaySession.canMakePayments()` says so (Safari on a device with Apple Pay),
 * Google Pay only where the Payment Request API can offer it
 * (`PaymentRequest(…'https://google.com/pay'…).canMakePayment()`); every other
 * wallet works in any browser (its approval page opens in a popup). Nothing runs
 * at import time.
 */

/** The Google Pay method as the Payment Request API names it, with the least data it needs. */
const GOOGLE_PAY: PaymentMethodData[] = [
  {
    supportedMethods: 'https://google.com/pay',
    data: {
      apiVersion: 2,
      apiVersionMinor: 0,
      allowedPaymentMethods: [{ type: 'CARD', parameters: { allowedAuthMethods: ['PAN_ONLY', 'CRYPTOGRAM_3DS'], allowedCardNetworks: ['VISA', 'MASTERCARD'] } }],
    },
  },
];

const CHECKS: Readonly<Record<string, () => Promise<boolean>>> = {
  applepay: async () => !!(globalThis as { ApplePaySession?: { canMakePayments?: () => boolean } }).ApplePaySession?.canMakePayments?.(),
  googlepay: async () =>
    typeof PaymentRequest === 'function' &&
    new PaymentRequest(GOOGLE_PAY, { total: { label: 'Total', amount: { currency: 'EUR', value: '0.00' } } }).canMakePayment(),
};

/**
 * Whether the browser can pay with wallet `id`; `false` when the check throws
 * (an insecure context, an iframe without `allow="payment"`).
 */
export const canPay = (id: string): Promise<boolean> => (CHECKS[id]?.() ?? Promise.resolve(true)).catch(() => false);
