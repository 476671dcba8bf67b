/**
 * The express approval page, `GET /sandbox/express/{order_id}?origin=…&client_id=…[&method=…]`:
 * what a test shopper sees after clicking an express button. It shows the order
 * (lines and total); **Approve** completes the checkout (as the complete control
 * does) and posts `{ type: 'kustom:express', status: 'approved', order_id, redirect_url }`
 * to `window.opener` (or `window.parent` when framed); **Cancel** posts
 * `status: 'cancelled'`. Then the page closes itself when it was opened as a popup.
 *
 * Safety:
 * - messages go to the merchant's origin only (`postMessage(message, origin)`, never
 *   `*`); `origin` must be one of the public key's allowed origins, else the page
 *   shows an error and posts nothing;
 * - strict CSP: no inline script or style (`app.js` and `app.css` are served by the
 *   sandbox), `frame-ancestors` limited to the allowed origins;
 * - `POST …/approve` accepts only same-origin JSON requests (no cross-site form posts).
 */
import { formatAmount } from '@kustom/sdk';
import { completeCheckout, confirmationUrl, findCheckout } from './checkout.js';
import { originAllowed, type PublicKeyCredential } from './config.js';
import type { Route, RouteContext } from './core.js';
import { languageOf, type Language } from './elements/i18n.js';
import { isPaymentMethodId } from './elements/payment-methods.js';
import { escapeHtml } from './html.js';
import { fail, json, ReplyError, type Reply } from './reply.js';
import type { CheckoutRecord } from './store.js';

type Text = 'title' | 'note' | 'item' | 'quantity' | 'amount' | 'total' | 'approve' | 'cancel' | 'working' | 'approved' | 'cancelled' | 'completed';

const TEXTS: Record<Language, Record<Text, string>> = {
  en: {
    title: 'Approve your purchase', note: 'Kustom sandbox: nothing is charged.', item: 'Item', quantity: 'Qty', amount: 'Amount',
    total: 'Total', approve: 'Approve', cancel: 'Cancel', working: 'Approving…', approved: 'Approved. You can close this window.',
    cancelled: 'Cancelled. You can close this window.', completed: 'This purchase is already approved.',
  },
  sv: {
    title: 'Godkänn ditt köp', note: 'Kustom sandbox: inget debiteras.', item: 'Artikel', quantity: 'Antal', amount: 'Belopp',
    total: 'Totalt', approve: 'Godkänn', cancel: 'Avbryt', working: 'Godkänner…', approved: 'Godkänt. Du kan stänga fönstret.',
    cancelled: 'Avbrutet. Du kan stänga fönstret.', completed: 'Köpet är redan godkänt.',
  },
  fi: {
    title: 'Hyväksy ostoksesi', note: 'Kustom sandbox: mitään ei veloiteta.', item: 'Tuote', quantity: 'Määrä', amount: 'Summa',
    total: 'Yhteensä', approve: 'Hyväksy', cancel: 'Peruuta', working: 'Hyväksytään…', approved: 'Hyväksytty. Voit sulkea ikkunan.',
    cancelled: 'Peruutettu. Voit sulkea ikkunan.', completed: 'Ostos on jo hyväksytty.',
  },
  da: {
    title: 'Godkend dit køb', note: 'Kustom sandbox: intet trækkes.', item: 'Vare', quantity: 'Antal', amount: 'Beløb',
    total: 'I alt', approve: 'Godkend', cancel: 'Annuller', working: 'Godkender…', approved: 'Godkendt. Du kan lukke vinduet.',
    cancelled: 'Annulleret. Du kan lukke vinduet.', completed: 'Købet er allerede godkendt.',
  },
  nb: {
    title: 'Godkjenn kjøpet ditt', note: 'Kustom sandbox: ingenting belastes.', item: 'Vare', quantity: 'Antall', amount: 'Beløp',
    total: 'Totalt', approve: 'Godkjenn', cancel: 'Avbryt', working: 'Godkjenner…', approved: 'Godkjent. Du kan lukke vinduet.',
    cancelled: 'Avbrutt. Du kan lukke vinduet.', completed: 'Kjøpet er allerede godkjent.',
  },
  de: {
    title: 'Kauf bestätigen', note: 'Kustom-Sandbox: Es wird nichts belastet.', item: 'Artikel', quantity: 'Menge', amount: 'Betrag',
    total: 'Gesamt', approve: 'Bestätigen', cancel: 'Abbrechen', working: 'Wird bestätigt…', approved: 'Bestätigt. Du kannst dieses Fenster schließen.',
    cancelled: 'Abgebrochen. Du kannst dieses Fenster schließen.', completed: 'Dieser Kauf ist bereits bestätigt.',
  },
};

const SCRIPT = `// Kustom sandbox: express approval page (served as a file: the page's CSP forbids inline script).
const root = document.getElementById('kustom-express');
const approve = document.getElementById('kustom-express-approve');
const cancel = document.getElementById('kustom-express-cancel');
const status = document.getElementById('kustom-express-status');
const error = document.getElementById('kustom-express-error');
const origin = root && root.dataset.origin;
const orderId = root && root.dataset.orderId;
const target = window.opener || (window.parent !== window ? window.parent : null);

function post(message) {
  // Only ever to the merchant's verified origin, never '*'.
  if (target && origin) target.postMessage(message, origin);
}
function setBusy(busy) {
  for (const button of [approve, cancel]) if (button) button.disabled = busy;
}
function finish(state, text) {
  root.dataset.state = state;
  setBusy(true);
  status.textContent = text;
  if (window.opener) setTimeout(() => window.close(), 400);
}

if (approve && origin && orderId) {
  approve.addEventListener('click', async () => {
    setBusy(true);
    error.hidden = true;
    status.textContent = root.dataset.textWorking;
    try {
      const response = await fetch(new URL(root.dataset.approveUrl, location.href), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ payment_method: root.dataset.method || undefined }),
      });
      const body = await response.json();
      if (!response.ok) throw new Error((body.error_messages && body.error_messages[0]) || response.statusText);
      const message = { type: 'kustom:express', status: 'approved', order_id: orderId };
      if (body.redirect_url) message.redirect_url = body.redirect_url;
      post(message);
      finish('approved', root.dataset.textApproved);
    } catch (failure) {
      status.textContent = '';
      error.textContent = String(failure && failure.message ? failure.message : failure);
      error.hidden = false;
      setBusy(false);
    }
  });
}
if (cancel && origin && orderId) {
  cancel.addEventListener('click', () => {
    post({ type: 'kustom:express', status: 'cancelled', order_id: orderId });
    finish('cancelled', root.dataset.textCancelled);
  });
}
`;

const STYLE = `:root { color-scheme: light dark; font-family: system-ui, sans-serif; }
body { margin: 0; display: grid; place-items: center; min-height: 100vh; padding: 1rem 0; background: Canvas; color: CanvasText; }
*, *::before, *::after { box-sizing: border-box; }
main { width: min(28rem, 100% - 2rem); padding: 1.5rem; border: 1px solid GrayText; border-radius: 0.75rem; overflow-wrap: anywhere; }
h1 { font-size: 1.25rem; margin: 0 0 0.25rem; }
.note { margin: 0 0 1rem; color: GrayText; font-size: 0.875rem; }
table { width: 100%; border-collapse: collapse; font-size: 0.9375rem; }
th, td { padding: 0.375rem 0; text-align: start; }
td.num, th.num { text-align: end; }
tfoot td { border-block-start: 1px solid GrayText; font-weight: 600; }
.actions { display: flex; gap: 0.75rem; margin-block-start: 1.25rem; }
button { flex: 1; font: inherit; padding: 0.75rem; border-radius: 0.5rem; border: 1px solid ButtonBorder; cursor: pointer; }
#kustom-express-approve { background: #0b051d; color: #fff; border-color: #0b051d; }
button:disabled { opacity: 0.6; cursor: default; }
[role="alert"] { color: #b3261e; }
`;

const ASSET_HEADERS = { 'cache-control': 'no-cache', 'x-content-type-options': 'nosniff' };

function allowedPatterns(ctx: RouteContext, key: PublicKeyCredential | undefined): readonly string[] {
  return key ? key.allowedOrigins : ctx.core.config.publicKeys.flatMap((k) => k.allowedOrigins);
}

function pageHeaders(frameAncestors: readonly string[]): Record<string, string> {
  return {
    'content-type': 'text/html; charset=utf-8',
    'content-security-policy': [
      "default-src 'none'",
      "script-src 'self'",
      "style-src 'self'",
      "connect-src 'self'",
      "img-src 'self' data:",
      "base-uri 'none'",
      "form-action 'none'",
      `frame-ancestors ${frameAncestors.length ? frameAncestors.join(' ') : "'none'"}`,
    ].join('; '),
    'cache-control': 'no-store',
    'referrer-policy': 'no-referrer',
    'x-content-type-options': 'nosniff',
  };
}

function page(language: Language, body: string, headers: Record<string, string>, status = 200): Reply {
  const html =
    `<!doctype html><html lang="${language}"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<title>${escapeHtml(TEXTS[language].title)} · Kustom sandbox</title>` +
    `<link rel="icon" href="data:,"><link rel="stylesheet" href="app.css"><script type="module" src="app.js"></script></head>` +
    `<body>${body}</body></html>`;
  return { status, headers, body: html };
}

function errorPage(language: Language, message: string, headers: Record<string, string>, status: number): Reply {
  return page(
    language,
    `<main id="kustom-express" data-state="error"><h1>${escapeHtml(TEXTS[language].title)}</h1>` +
      `<p id="kustom-express-error" data-testid="express-error" role="alert">${escapeHtml(message)}</p></main>`,
    headers,
    status,
  );
}

function orderPage(c: CheckoutRecord, language: Language, origin: string, method: string, headers: Record<string, string>): Reply {
  const t = TEXTS[language];
  const { order_lines, purchase_currency: currency, order_amount, locale } = c.data;
  const money = (minor: number) => escapeHtml(formatAmount(minor, currency, locale));
  const rows = order_lines
    .map((l) => `<tr><td>${escapeHtml(l.name)}</td><td class="num">${l.quantity}</td><td class="num">${money(l.total_amount)}</td></tr>`)
    .join('');
  const complete = c.status === 'checkout_complete';
  const data = {
    'order-id': c.order_id,
    origin,
    method,
    'approve-url': `${c.order_id}/approve`,
    state: complete ? 'complete' : 'ready',
    'text-working': t.working,
    'text-approved': t.approved,
    'text-cancelled': t.cancelled,
  };
  const attributes = Object.entries(data)
    .map(([k, v]) => ` data-${k}="${escapeHtml(v)}"`)
    .join('');
  return page(
    language,
    `<main id="kustom-express"${attributes}>` +
      `<h1>${escapeHtml(t.title)}</h1><p class="note">${escapeHtml(t.note)}</p>` +
      `<table><thead><tr><th>${t.item}</th><th class="num">${t.quantity}</th><th class="num">${t.amount}</th></tr></thead>` +
      `<tbody>${rows}</tbody><tfoot><tr><td colspan="2">${t.total}</td>` +
      `<td class="num" data-testid="express-total">${money(order_amount)}</td></tr></tfoot></table>` +
      `<div class="actions"><button type="button" id="kustom-express-approve" data-testid="express-approve">${t.approve}</button>` +
      `<button type="button" id="kustom-express-cancel" data-testid="express-cancel">${t.cancel}</button></div>` +
      `<p id="kustom-express-status" data-testid="express-status" role="status" aria-live="polite">${complete ? escapeHtml(t.completed) : ''}</p>` +
      `<p id="kustom-express-error" data-testid="express-error" role="alert" hidden></p></main>`,
    headers,
  );
}

export const expressRoutes: Route[] = [
  {
    method: 'GET',
    path: '/sandbox/express/app.js',
    access: 'open',
    handle: () => ({ status: 200, headers: { 'content-type': 'text/javascript; charset=utf-8', ...ASSET_HEADERS }, body: SCRIPT }),
  },
  {
    method: 'GET',
    path: '/sandbox/express/app.css',
    access: 'open',
    handle: () => ({ status: 200, headers: { 'content-type': 'text/css; charset=utf-8', ...ASSET_HEADERS }, body: STYLE }),
  },
  {
    method: 'GET',
    path: '/sandbox/express/:order_id',
    access: 'open',
    handle(ctx) {
      const q = ctx.url.searchParams;
      const clientId = q.get('client_id');
      const key = clientId ? ctx.core.config.publicKeys.find((k) => k.key === clientId) : undefined;
      const patterns = allowedPatterns(ctx, key);
      const headers = pageHeaders(patterns);
      let c: CheckoutRecord;
      try {
        c = findCheckout(ctx.core, ctx.params.order_id!);
      } catch (error) {
        if (error instanceof ReplyError) return errorPage('en', error.messages.join(' '), headers, error.status);
        throw error;
      }
      const language = languageOf(c.data.locale);
      if (clientId && !key) return errorPage(language, `Unknown client_id ${clientId}.`, headers, 401);
      const origin = q.get('origin');
      if (!origin) return errorPage(language, 'The origin parameter is missing: the page cannot tell the merchant the outcome.', headers, 400);
      if (!originAllowed(origin, patterns)) {
        return errorPage(language, `The origin ${origin} is not allowed for this public API key.`, headers, 403);
      }
      if (c.aborted) return errorPage(language, `Checkout order ${c.order_id} was aborted by the merchant.`, headers, 409);
      const method = q.get('method') ?? '';
      if (method && !isPaymentMethodId(method)) return errorPage(language, `Unknown payment method ${method}.`, headers, 400);
      return orderPage(c, language, new URL(origin).origin, method, headers);
    },
  },
  {
    method: 'POST',
    path: '/sandbox/express/:order_id/approve',
    access: 'open',
    write: true,
    async handle(ctx) {
      const origin = ctx.request.headers.get('origin');
      if (origin !== null && origin !== new URL(ctx.baseUrl).origin && origin !== ctx.url.origin) {
        fail(403, 'NOT_ALLOWED', 'Approve is only accepted from the approval page itself (same origin).');
      }
      if (!ctx.request.headers.get('content-type')?.startsWith('application/json')) {
        fail(415, 'BAD_VALUE', 'Bad value: content-type (must be application/json)');
      }
      const body = (await ctx.json({ optional: true })) as { payment_method?: unknown } | undefined;
      const method = typeof body?.payment_method === 'string' && body.payment_method ? body.payment_method : undefined;
      const c = findCheckout(ctx.core, ctx.params.order_id!);
      if (c.status !== 'checkout_complete') completeCheckout(ctx.core, c, method ? { payment_method: method } : {});
      const redirect = confirmationUrl(c);
      return json(200, { order_id: c.order_id, status: c.status, ...(redirect ? { redirect_url: redirect } : {}) });
    },
  },
];
