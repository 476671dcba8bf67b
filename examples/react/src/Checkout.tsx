/**
 * A checkout in React 19 with the Kustom elements. React 19 passes `amount`,
 * `postalCode`, `include` and `createOrder` to the elements as properties and listens
 * to their events with `onkustom-…` props; `@kustom/elements/jsx/react` types both.
 *
 * The order is created by a merchant server (the storefront example's, reached
 * through Vite's /api proxy): the secret API key never comes near this page.
 */
import type {} from '@kustom/elements/jsx/react';
import '@kustom/elements/define';
import type { DeliveryOption, ExpressCreateOrder, KustomExpressButtons, PaymentMethod } from '@kustom/elements';
import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';

const PUBLIC_API_KEY = import.meta.env.VITE_KUSTOM_PUBLIC_API_KEY ?? 'kustom_pk_test_sandbox';
const KUSTOM_BASE_URL = import.meta.env.VITE_KUSTOM_BASE_URL ?? 'http://127.0.0.1:4010';

/** One sweater: the merchant server prices it from its catalogue. */
const CART = [{ id: 'merino-sweater', quantity: 1 }];
const GOODS_AMOUNT = 129900;
const ADDRESS = { email: 'astrid.lindqvist@example.com', given_name: 'Astrid', family_name: 'Lindqvist', street_address: 'Sveavägen 44', postal_code: '111 34', city: 'Stockholm' };

const sek = (minor: number) => new Intl.NumberFormat('sv-SE', { style: 'currency', currency: 'SEK' }).format(minor / 100);

async function post<T>(path: string, body: unknown): Promise<T> {
  const response = await fetch(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const json = await response.json();
  if (!response.ok) throw new Error(json?.error?.message ?? `The server answered ${response.status}`);
  return json as T;
}

export function Checkout() {
  const [payment, setPayment] = useState<PaymentMethod>();
  const [delivery, setDelivery] = useState<DeliveryOption>();
  const [postalCode, setPostalCode] = useState(ADDRESS.postal_code);
  const [message, setMessage] = useState<string>();
  const [busy, setBusy] = useState(false);
  const express = useRef<KustomExpressButtons>(null);
  const total = GOODS_AMOUNT + (delivery?.price ?? 0);

  const createOrder = useCallback<ExpressCreateOrder>(async (resolve, reject) => {
    try {
      const { order_id } = await post<{ order_id: string }>('/api/express-orders', { items: CART });
      resolve({ orderId: order_id });
    } catch (error) {
      reject((error as Error).message);
    }
  }, []);

  // `onConfirm` is set on the element: React reads every `on…` prop as an event listener.
  useEffect(() => {
    const buttons = express.current;
    if (buttons) buttons.onConfirm = ({ redirectUrl }) => redirectUrl && location.assign(redirectUrl);
  }, []);

  async function placeOrder(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    if (!form.reportValidity()) return; // the elements are `required` form controls
    const data = new FormData(form);
    setBusy(true);
    setMessage(undefined);
    try {
      const { redirect_url } = await post<{ redirect_url: string }>('/api/checkout', {
        items: CART,
        payment_method: data.get('payment_method'),
        delivery: data.get('delivery'),
        delivery_pickup_point: data.get('delivery-pickup-point') ?? undefined,
        address: { ...ADDRESS, postal_code: postalCode },
      });
      location.assign(redirect_url);
    } catch (error) {
      setMessage((error as Error).message);
      setBusy(false);
    }
  }

  return (
    <kustom-elements-provider public-api-key={PUBLIC_API_KEY} base-url={KUSTOM_BASE_URL}>
      <main className="checkout">
        <h1>Checkout</h1>
        <p className="muted">Merino wool sweater · {sek(GOODS_AMOUNT)}</p>

        <section>
          <h2>Express checkout</h2>
          <kustom-express-buttons
            ref={express}
            purchase-country="SE"
            currency="SEK"
            amount={GOODS_AMOUNT}
            layout="horizontal"
            createOrder={createOrder}
            onkustom-express-cancel={() => setMessage('Express checkout was cancelled.')}
            onkustom-error={(event) => event.detail.code === 'MERCHANT_ABORTED' && setMessage(event.detail.message)}
          />
        </section>

        <form onSubmit={placeOrder}>
          <label className="field">
            Postal code
            <input value={postalCode} onChange={(event) => setPostalCode(event.target.value)} autoComplete="postal-code" />
          </label>

          <h2>Delivery</h2>
          <kustom-delivery-method-display
            name="delivery"
            required
            purchase-country="SE"
            currency="SEK"
            amount={GOODS_AMOUNT}
            postalCode={postalCode}
            onkustom-delivery-method-change={(event) => setDelivery(event.detail.option)}
          />

          <h2>Payment</h2>
          <kustom-payment-method-display
            name="payment_method"
            required
            purchase-country="SE"
            currency="SEK"
            amount={total}
            include={['klarna', 'card', 'swish', 'trustly']}
            onkustom-payment-method-change={(event) => setPayment(event.detail.method)}
          />

          <p className="summary">
            {delivery ? `${delivery.carrier} ${delivery.name}` : 'Choose a delivery option'} · {payment?.name ?? 'choose a payment method'}
          </p>
          {message && <p role="alert" className="error">{message}</p>}
          <button type="submit" disabled={busy}>
            {busy ? 'Placing your order…' : `Pay ${sek(total)}`}
          </button>
        </form>
      </main>
    </kustom-elements-provider>
  );
}
