/**
 * Which wallets this browser can pay with. Apple Pay only where Apple's
 * `ApplePaySession.canMakePayments()` says so (Safari on a device with Apple Pay),
 * Google Pay only where the Payment Request API can offer it
 * (`PaymentRequest(…'https://google.com/pay'…).canMakePayment()`); every other
 * wallet works in any browser (its approval page opens in a popup). Nothing runs
 * at import time.
 */

const CHECKS: Readonly<Record<string, () => Promise<boolean>>> = {
  applepay: async () => !!(globalThis as { ApplePaySession?: { canMakePayments?: () => boolean } }).ApplePaySession?.canMakePayments?.(),
  googlepay: async () =>
    typeof PaymentRequest === 'function' &&
    // Whether a Google Pay payment app can be offered; no purchase data is needed for the question.
    new PaymentRequest([{ supportedMethods: 'https://google.com/pay' }], { total: { label: 'Total', amount: { currency: 'EUR', value: '0' } } }).canMakePayment(),
};

/**
 * Whether the browser can pay with wallet `id`; `false` when the check throws
 * (an insecure context, an iframe without `allow="payment"`).
 */
export const canPay = (id: string): Promise<boolean> => (CHECKS[id]?.() ?? Promise.resolve(true)).catch(() => false);
