/**
 * `--seed demo`: a deterministic, realistic store history, built through the same
 * code paths as the API (so it obeys every rule). Relative to the clock at seeding
 * time, over the last ~45 days:
 *
 * - orders in every status: `AUTHORIZED`, `PART_CAPTURED`, `CAPTURED`, `CANCELLED`,
 *   `EXPIRED`, `CLOSED` (released, and refunded in full), partly refunded orders;
 * - 14 countries and 8 currencies, paid with Klarna, card, Swish, Vipps, MobilePay,
 *   iDEAL, BLIK, TWINT, PayPal, Apple Pay and Trustly;
 * - repeated orders: the same customer and lines placed three times minutes apart
 *   (one captured, two still authorized), and a captured pair;
 * - orders expiring within 3 days, an extended authorization, a `PENDING` fraud status;
 * - open and aborted checkouts; shipping info on shipped captures.
 *
 * Same clock start and random seed → the same ids, references and amounts.
 */
import { lineTotals, orderTotals } from '@kustom/sdk';
import type { Address, CreateCheckoutOrderRequest, KnownFraudStatus, OrderLine, PaymentMethodId } from '@kustom/sdk/schemas';
import { completeCheckout, createCheckout } from './checkout.js';
import { DAY_MS } from './clock.js';
import type { Core } from './core.js';
import { currencyOf, marketOf } from './markets.js';
import { orderActions } from './orders.js';
import type { OrderRecord } from './store.js';

type Prices = Record<'SEK' | 'NOK' | 'DKK' | 'EUR' | 'CHF' | 'PLN' | 'GBP' | 'USD', number>;

const PRODUCTS: Record<string, { name: string; type: OrderLine['type']; price: Prices }> = {
  'SW-MER-01': { name: 'Merino wool sweater', type: 'physical', price: { SEK: 129900, NOK: 139900, DKK: 99900, EUR: 11900, CHF: 12900, PLN: 52900, GBP: 9900, USD: 12900 } },
  'SC-LIN-02': { name: 'Linen scarf', type: 'physical', price: { SEK: 34900, NOK: 37900, DKK: 26900, EUR: 3290, CHF: 3490, PLN: 14900, GBP: 2790, USD: 3490 } },
  'BT-LTH-03': { name: 'Leather boots', type: 'physical', price: { SEK: 249900, NOK: 269900, DKK: 189900, EUR: 22900, CHF: 24900, PLN: 99900, GBP: 19900, USD: 24900 } },
  'MG-CER-04': { name: 'Ceramic mug', type: 'physical', price: { SEK: 19900, NOK: 21900, DKK: 14900, EUR: 1790, CHF: 1990, PLN: 7900, GBP: 1490, USD: 1990 } },
  'BP-CAN-05': { name: 'Canvas backpack', type: 'physical', price: { SEK: 89900, NOK: 94900, DKK: 69900, EUR: 8490, CHF: 8990, PLN: 36900, GBP: 6990, USD: 8990 } },
  'GC-DIG-06': { name: 'E-gift card', type: 'digital', price: { SEK: 50000, NOK: 50000, DKK: 40000, EUR: 5000, CHF: 5000, PLN: 20000, GBP: 4000, USD: 5000 } },
};

const LOCALES: Record<string, string> = {
  SE: 'sv-SE', NO: 'nb-NO', FI: 'fi-FI', DK: 'da-DK', DE: 'de-DE', AT: 'de-AT', NL: 'nl-NL', CH: 'de-CH',
  PL: 'pl-PL', GB: 'en-GB', US: 'en-US', ES: 'es-ES', FR: 'fr-FR', IT: 'it-IT',
};

const customer = (country: string, given: string, family: string, street: string, postal: string, city: string, region?: string): Address => ({
  given_name: given,
  family_name: family,
  email: `${given}.${family}`.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/\s+/g, '').toLowerCase() + '@example.com',
  phone: marketOf(country)!.customer.phone!,
  street_address: street,
  postal_code: postal,
  city,
  ...(region ? { region } : {}),
  country,
});

const CUSTOMERS = {
  astrid: customer('SE', 'Astrid', 'Lindqvist', 'Sveavägen 12', '113 50', 'Stockholm'),
  erik: customer('SE', 'Erik', 'Johansson', 'Kungsgatan 4', '411 19', 'Göteborg'),
  ingrid: customer('NO', 'Ingrid', 'Hansen', 'Bogstadveien 20', '0355', 'Oslo'),
  aino: customer('FI', 'Aino', 'Virtanen', 'Hämeenkatu 5', '33100', 'Tampere'),
  freja: customer('DK', 'Freja', 'Nielsen', 'Vesterbrogade 30', '1620', 'København'),
  lukas: customer('DE', 'Lukas', 'Müller', 'Schillerstraße 8', '80336', 'München'),
  anna: customer('AT', 'Anna', 'Gruber', 'Getreidegasse 9', '5020', 'Salzburg'),
  sanne: customer('NL', 'Sanne', 'de Vries', 'Oudegracht 150', '3511 AZ', 'Utrecht'),
  noah: customer('CH', 'Noah', 'Meier', 'Marktgasse 3', '3011', 'Bern'),
  zofia: customer('PL', 'Zofia', 'Kowalska', 'ul. Floriańska 7', '31-019', 'Kraków'),
  oliver: customer('GB', 'Oliver', 'Smith', '22 Church Street', 'M4 1PW', 'Manchester'),
  emma: customer('US', 'Emma', 'Johnson', '350 Market Street', '94105', 'San Francisco', 'CA'),
  lucia: customer('ES', 'Lucía', 'García', 'Gran Vía 28', '28013', 'Madrid'),
  camille: customer('FR', 'Camille', 'Martin', '8 Rue de la République', '69002', 'Lyon'),
  giulia: customer('IT', 'Giulia', 'Rossi', 'Via Roma 15', '20121', 'Milano'),
} satisfies Record<string, Address>;

type Customer = keyof typeof CUSTOMERS;

interface Purchase {
  who: Customer;
  items: Array<[keyof typeof PRODUCTS, number]>;
  /** Percent off the first line (a campaign), as a discount on that line. */
  discount?: number;
}

export function seedDemo(core: Core): void {
  const { clock } = core;
  const end = clock.nowMs();
  let orderNumber = 10_000;
  /** Moves the clock to `days` (fractional) before the seeding time. */
  const at = (days: number) => clock.set(end - Math.round(days * DAY_MS));

  function checkoutBody(p: Purchase): CreateCheckoutOrderRequest {
    const buyer = CUSTOMERS[p.who];
    const country = buyer.country!;
    const market = marketOf(country)!;
    const currency = market.currency as keyof Prices;
    const lines: OrderLine[] = p.items.map(([reference, quantity], i) => {
      const product = PRODUCTS[reference]!;
      const unit_price = product.price[currency];
      const total_discount_amount = i === 0 && p.discount ? Math.round((quantity * unit_price * p.discount) / 100) : 0;
      const tax_rate = market.vat;
      return {
        type: product.type,
        reference,
        name: product.name,
        quantity,
        quantity_unit: 'pcs',
        unit_price,
        tax_rate,
        ...(total_discount_amount ? { total_discount_amount } : {}),
        ...lineTotals({ quantity, unit_price, tax_rate, total_discount_amount }),
      };
    });
    const goods = orderTotals(lines).order_amount;
    const facts = currencyOf(currency)!;
    if (goods < facts.freeShippingFrom && lines.some((l) => l.type === 'physical')) {
      const unit_price = facts.shippingBase;
      lines.push({
        type: 'shipping_fee',
        reference: 'SHIPPING',
        name: 'Shipping',
        quantity: 1,
        unit_price,
        tax_rate: market.vat,
        ...lineTotals({ quantity: 1, unit_price, tax_rate: market.vat }),
      });
    }
    orderNumber += 1;
    return {
      purchase_country: country,
      purchase_currency: currency,
      locale: LOCALES[country]!,
      ...orderTotals(lines),
      order_lines: lines,
      merchant_urls: {
        terms: 'https://shop.example/terms',
        checkout: 'https://shop.example/checkout?order_id={checkout.order.id}',
        confirmation: 'https://shop.example/confirmation?order_id={checkout.order.id}',
        push: 'https://shop.example/api/push?order_id={checkout.order.id}',
      },
      merchant_reference1: String(orderNumber),
      merchant_reference2: `WEB-${orderNumber}`,
    };
  }

  function place(days: number, p: Purchase, method: PaymentMethodId, fraud_status: KnownFraudStatus = 'ACCEPTED'): OrderRecord {
    at(days);
    const checkout = createCheckout(core, checkoutBody(p));
    clock.advance({ minutes: 3 + core.ids.int(0, 9) });
    return completeCheckout(core, checkout, { payment_method: method, fraud_status, billing_address: CUSTOMERS[p.who] });
  }

  const capture = (o: OrderRecord, days: number, amount = o.order_amount - o.captures.reduce((s, c) => s + c.captured_amount, 0), carrier?: string) => {
    at(days);
    const lines = amount === o.order_amount ? o.order_lines : undefined;
    return orderActions.capture(core, o, {
      captured_amount: amount,
      description: amount === o.order_amount ? 'Shipped in full' : 'Partial shipment',
      reference: `SHIP-${o.merchant_reference1}-${o.captures.length + 1}`,
      ...(lines ? { order_lines: lines } : {}),
      ...(carrier
        ? { shipping_info: [{ shipping_company: carrier, shipping_method: 'PickUpPoint', tracking_number: `${core.ids.code(10, '0123456789')}SE` }] }
        : {}),
    });
  };
  const refund = (o: OrderRecord, days: number, amount: number, description: string) => {
    at(days);
    return orderActions.refund(core, o, { refunded_amount: amount, description, reference: `RET-${o.merchant_reference1}` });
  };

  // Authorized, waiting to ship.
  place(1.2, { who: 'erik', items: [['SW-MER-01', 1], ['MG-CER-04', 2]] }, 'klarna');
  place(0.3, { who: 'lukas', items: [['BP-CAN-05', 1]] }, 'klarna');
  place(2.5, { who: 'noah', items: [['SC-LIN-02', 2]] }, 'twint');
  place(4, { who: 'camille', items: [['BT-LTH-03', 1]] }, 'card');

  // Expiring within 3 days (authorized 25–27 days ago), and one extended in time.
  place(26.4, { who: 'astrid', items: [['BT-LTH-03', 1]] }, 'klarna');
  place(25.2, { who: 'ingrid', items: [['SW-MER-01', 1]] }, 'vipps');
  place(27.1, { who: 'giulia', items: [['MG-CER-04', 4]] }, 'klarna');
  const extended = place(40, { who: 'freja', items: [['BP-CAN-05', 1], ['SC-LIN-02', 1]] }, 'klarna');
  at(22);
  orderActions.extendAuthorizationTime(core, extended);

  // Fraud check still pending: cannot be captured yet.
  place(0.8, { who: 'zofia', items: [['BT-LTH-03', 2]] }, 'klarna', 'PENDING');

  // Part captured: one parcel shipped.
  const part = place(9, { who: 'lukas', items: [['BT-LTH-03', 1], ['SC-LIN-02', 1]] }, 'klarna');
  capture(part, 8, part.order_lines[0]!.total_amount, 'DHL');
  const partNl = place(6, { who: 'sanne', items: [['SW-MER-01', 2]] }, 'ideal');
  capture(partNl, 5, partNl.order_lines[0]!.total_amount / 2, 'PostNL');

  // Captured in full.
  capture(place(15, { who: 'aino', items: [['SW-MER-01', 1], ['SC-LIN-02', 1]] }, 'mobilepay'), 14, undefined, 'Posti');
  capture(place(18, { who: 'oliver', items: [['BP-CAN-05', 1]], discount: 20 }, 'paypal'), 17, undefined, 'Royal Mail');
  capture(place(11, { who: 'emma', items: [['BT-LTH-03', 1]] }, 'applepay'), 10, undefined, 'UPS');
  capture(place(7, { who: 'lucia', items: [['MG-CER-04', 3]] }, 'klarna'), 6, undefined, 'Correos');
  capture(place(3, { who: 'astrid', items: [['GC-DIG-06', 1]] }, 'swish'), 3 - 0.01);
  capture(place(21, { who: 'anna', items: [['SW-MER-01', 1]] }, 'card'), 20, undefined, 'Österreichische Post');

  // Captured, then partly refunded (a return).
  const returned = place(20, { who: 'freja', items: [['BT-LTH-03', 1], ['MG-CER-04', 1]] }, 'klarna');
  capture(returned, 19, undefined, 'PostNord');
  refund(returned, 5, returned.order_lines[1]!.total_amount, 'Returned: Ceramic mug');

  // Closed: refunded in full, and released after a partial capture.
  const fullRefund = place(30, { who: 'sanne', items: [['SC-LIN-02', 1]] }, 'ideal');
  capture(fullRefund, 29, undefined, 'PostNL');
  refund(fullRefund, 20, fullRefund.order_amount, 'Returned in full');
  const released = place(12, { who: 'erik', items: [['SW-MER-01', 1], ['BT-LTH-03', 1]] }, 'trustly');
  capture(released, 11, released.order_lines[0]!.total_amount, 'PostNord');
  at(10);
  orderActions.releaseRemainingAuthorization(core, released);

  // Cancelled before shipping.
  const cancelled = place(6, { who: 'oliver', items: [['MG-CER-04', 1]] }, 'card');
  at(5);
  orderActions.cancel(core, cancelled);

  // Expired: never captured, and captured in part before the authorization ran out.
  place(35, { who: 'ingrid', items: [['BP-CAN-05', 1]] }, 'klarna');
  const expiredPart = place(44, { who: 'zofia', items: [['SW-MER-01', 1], ['SC-LIN-02', 1]] }, 'blik');
  capture(expiredPart, 43, expiredPart.order_lines[0]!.total_amount, 'InPost');

  // Repeated orders: the same purchase three times, minutes apart; the first one shipped.
  const repeated = { who: 'astrid', items: [['SW-MER-01', 1], ['SC-LIN-02', 1]] } satisfies Purchase;
  const first = place(2, repeated, 'klarna');
  place(2 - 4 / 1440, repeated, 'klarna');
  place(2 - 9 / 1440, repeated, 'klarna');
  capture(first, 1.5, undefined, 'PostNord');
  // …and a repeated pair that was captured twice (the fix: refund one of them).
  const pairA = place(16, { who: 'aino', items: [['BT-LTH-03', 1]] }, 'klarna');
  const pairB = place(16 - 6 / 1440, { who: 'aino', items: [['BT-LTH-03', 1]] }, 'klarna');
  capture(pairA, 15, undefined, 'Posti');
  capture(pairB, 15, undefined, 'Posti');

  // Open and aborted checkouts (not yet orders).
  at(0.1);
  createCheckout(core, checkoutBody({ who: 'ingrid', items: [['SC-LIN-02', 1]] }));
  at(0.05);
  createCheckout(core, checkoutBody({ who: 'lukas', items: [['MG-CER-04', 2]] })).aborted = true;

  clock.set(end);
}
