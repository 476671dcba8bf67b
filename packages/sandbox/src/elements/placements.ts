/**
 * The Elements API: `GET /kustom-elements-api/v1/placements/{placement}`, the
 * contract of `@kustom/sdk/schemas` (`elements.ts`). The pipeline has already
 * checked `client_id` and the `Origin`; this module reads the purchase from the query.
 *
 * Query: `client_id`, `locale`, `purchase_country` (default: the locale's region),
 * `purchase_currency` (default: the country's currency), `order_amount` (minor
 * units), `include` / `exclude` (comma lists of method ids), `postal_code`
 * (delivery). Bad values: 400 `{ code: 'BAD_VALUE', message }` naming the parameter.
 */
import {
  EXPRESS_BUTTON_IDS,
  Locale,
  PLACEMENTS,
  type DeliveryMethodsPlacement,
  type ExpressButton,
  type ExpressButtonsPlacement,
  type PaymentMethodsPlacement,
  type Placement,
} from '@kustom/sdk/schemas';
import type { Route, RouteContext } from '../core.js';
import { marketIssues, marketOf, normalizePostalCode } from '../markets.js';
import { fail, json } from '../reply.js';
import { deliveryOptions } from './delivery.js';
import { languageOf } from './i18n.js';
import { availableMethodIds, filterIds, paymentMethods } from './payment-methods.js';

const BRAND_NAMES: Record<string, string> = {
  klarna: 'Klarna',
  applepay: 'Apple Pay',
  googlepay: 'Google Pay',
  paypal: 'PayPal',
  amazonpay: 'Amazon Pay',
};

const badValue = (parameter: string, why: string): never => fail(400, 'BAD_VALUE', `Bad value: ${parameter} (${why})`);

function idList(ctx: RouteContext, name: string): string[] | undefined {
  const raw = ctx.url.searchParams.get(name);
  if (raw === null || raw.trim() === '') return undefined;
  const ids = raw.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);
  for (const id of ids) if (!/^[a-z0-9_-]{1,64}$/.test(id)) badValue(name, `"${id}" is not a payment method id`);
  return ids;
}

interface PurchaseQuery {
  locale: string | undefined;
  country: string;
  currency: string;
  amount: number | undefined;
}

function purchaseQuery(ctx: RouteContext): PurchaseQuery {
  const q = ctx.url.searchParams;
  const locale = q.get('locale') ?? undefined;
  if (locale !== undefined && !Locale.safeParse(locale).success) badValue('locale', 'must be a locale such as sv-SE');
  const region = locale?.split('-')[1];
  const country = (q.get('purchase_country') ?? (region && /^[A-Za-z]{2}$/.test(region) ? region : '')).toUpperCase();
  if (!country) badValue('purchase_country', 'is required when the locale has no region');
  if (!/^[A-Z]{2}$/.test(country)) badValue('purchase_country', 'must be an ISO 3166-1 alpha-2 country code');
  const currency = (q.get('purchase_currency') ?? marketOf(country)?.currency ?? '').toUpperCase();
  const issue = marketIssues(country, currency || '?')[0];
  if (issue) badValue(issue.path, issue.message);
  const rawAmount = q.get('order_amount');
  let amount: number | undefined;
  if (rawAmount !== null && rawAmount !== '') {
    amount = Number(rawAmount);
    if (!/^\d+$/.test(rawAmount) || !Number.isSafeInteger(amount)) badValue('order_amount', 'must be a non-negative integer in minor units');
  }
  return { locale, country, currency, amount };
}

function postalCode(ctx: RouteContext, country: string): string | undefined {
  const raw = ctx.url.searchParams.get('postal_code');
  if (raw === null || raw.trim() === '') return undefined;
  const market = marketOf(country)!;
  if (!market.postalCode.test(raw.trim())) badValue('postal_code', `"${raw}" is not a postal code of ${country}`);
  return normalizePostalCode(market, raw);
}

/** Marks `{order_id}` while URL works on the template: letters only, so nothing encodes it. */
const ORDER_ID_MARK = 'KUSTOMORDERIDMARK';

/** The approval template with `client_id` (and the caller's `origin`) in its query, `{order_id}` kept literal. */
function approvalUrl(template: string, ctx: RouteContext): string {
  const url = new URL(template.replaceAll('{order_id}', ORDER_ID_MARK));
  url.searchParams.set('client_id', ctx.publicKey!.key);
  if (ctx.origin) url.searchParams.set('origin', ctx.origin);
  // URL would percent-encode the braces: put them back only now.
  return url.href.replaceAll(ORDER_ID_MARK, '{order_id}');
}

export const elementsRoutes: Route[] = [
  {
    method: 'GET',
    path: '/kustom-elements-api/v1/placements/:placement',
    access: 'public',
    handle(ctx) {
      const placement = ctx.params.placement as Placement;
      if (!PLACEMENTS.includes(placement)) {
        fail(404, 'NOT_FOUND', `Unknown placement ${placement}; use ${PLACEMENTS.join(', ')}`);
      }
      const purchase = purchaseQuery(ctx);
      const language = languageOf(purchase.locale);
      const headers = { 'content-language': language, 'cache-control': 'no-store' };
      const include = idList(ctx, 'include');
      const exclude = idList(ctx, 'exclude');
      if (placement === 'AVAILABLE_PAYMENT_METHODS') {
        const body: PaymentMethodsPlacement = {
          placement,
          payment_methods: paymentMethods(purchase, language, include, exclude),
        };
        return json(200, body, headers);
      }
      if (placement === 'DELIVERY_METHODS') {
        const body: DeliveryMethodsPlacement = {
          placement,
          delivery_options: deliveryOptions({
            ...purchase,
            postalCode: postalCode(ctx, purchase.country),
            language,
            now: ctx.core.clock.nowMs(),
          }),
        };
        return json(200, body, headers);
      }
      const wallets = availableMethodIds(purchase).filter((id) => (EXPRESS_BUTTON_IDS as readonly string[]).includes(id));
      const buttons: ExpressButton[] = filterIds(wallets, include, exclude).map((id) => ({ id, name: BRAND_NAMES[id] ?? id }));
      const body: ExpressButtonsPlacement = {
        placement,
        buttons,
        approval_url: approvalUrl(ctx.core.config.expressApprovalUrl ?? `${ctx.baseUrl}/sandbox/express/{order_id}`, ctx),
      };
      return json(200, body, headers);
    },
  },
];
