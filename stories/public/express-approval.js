// Storybook's express approval page: reads the order from its query
// (`order_id`, `origin`, and what the story adds: `locale`, `amount`, `currency`,
// `theme`), and posts { type: 'kustom:express', status, order_id } to the window that
// opened it (or its parent, when framed) with targetOrigin = `origin`, never '*'.
// A file, not an inline script: the page's CSP allows only 'self'.
'use strict';

const TEXTS = {
  en: { title: 'Approve your purchase', note: 'Storybook: nothing is charged.', total: 'Total', order: 'Order', approve: 'Approve', cancel: 'Cancel', approved: 'Approved. You can close this window.', cancelled: 'Cancelled. You can close this window.', badOrigin: 'This page needs the origin of the shop that opened it.' },
  sv: { title: 'Godkänn ditt köp', note: 'Storybook: inget debiteras.', total: 'Totalt', order: 'Order', approve: 'Godkänn', cancel: 'Avbryt', approved: 'Godkänt. Du kan stänga fönstret.', cancelled: 'Avbrutet. Du kan stänga fönstret.', badOrigin: 'Sidan behöver butikens ursprung (origin).' },
  fi: { title: 'Hyväksy ostoksesi', note: 'Storybook: mitään ei veloiteta.', total: 'Yhteensä', order: 'Tilaus', approve: 'Hyväksy', cancel: 'Peruuta', approved: 'Hyväksytty. Voit sulkea ikkunan.', cancelled: 'Peruutettu. Voit sulkea ikkunan.', badOrigin: 'Sivu tarvitsee kaupan alkuperän (origin).' },
  da: { title: 'Godkend dit køb', note: 'Storybook: intet trækkes.', total: 'I alt', order: 'Ordre', approve: 'Godkend', cancel: 'Annuller', approved: 'Godkendt. Du kan lukke vinduet.', cancelled: 'Annulleret. Du kan lukke vinduet.', badOrigin: 'Siden skal kende butikkens oprindelse (origin).' },
  nb: { title: 'Godkjenn kjøpet ditt', note: 'Storybook: ingenting belastes.', total: 'Totalt', order: 'Ordre', approve: 'Godkjenn', cancel: 'Avbryt', approved: 'Godkjent. Du kan lukke vinduet.', cancelled: 'Avbrutt. Du kan lukke vinduet.', badOrigin: 'Siden trenger butikkens opprinnelse (origin).' },
  de: { title: 'Kauf bestätigen', note: 'Storybook: Es wird nichts belastet.', total: 'Gesamt', order: 'Bestellung', approve: 'Bestätigen', cancel: 'Abbrechen', approved: 'Bestätigt. Du kannst dieses Fenster schließen.', cancelled: 'Abgebrochen. Du kannst dieses Fenster schließen.', badOrigin: 'Diese Seite braucht den Ursprung (origin) des Shops.' },
};

const $ = (id) => document.getElementById(`kustom-express${id ? `-${id}` : ''}`);
const query = new URLSearchParams(location.search);
const orderId = query.get('order_id') ?? '';
const locale = query.get('locale') || 'en';
const language = locale.split(/[-_]/)[0].toLowerCase();
const t = TEXTS[language === 'no' || language === 'nn' ? 'nb' : language] ?? TEXTS.en;

/** The merchant's origin, only if it is one (scheme, host, port and nothing else). */
function merchantOrigin(value) {
  try {
    const url = new URL(value);
    return /^https?:$/.test(url.protocol) && url.origin === value ? value : undefined;
  } catch {
    return undefined;
  }
}
const origin = merchantOrigin(query.get('origin') ?? '');
const target = window.opener ?? (window.parent !== window ? window.parent : null);

document.documentElement.lang = locale;
if (query.get('theme') === 'dark') document.documentElement.dataset.theme = 'dark';
document.title = t.title;
$('title').textContent = t.title;
$('note').textContent = t.note;
$('total-label').textContent = t.total;
$('order-label').textContent = t.order;
$('order').textContent = orderId;
const amount = Number(query.get('amount'));
const currency = query.get('currency');
if (Number.isSafeInteger(amount) && currency) {
  try {
    const format = new Intl.NumberFormat(locale, { style: 'currency', currency });
    const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
    // Minor units to a decimal string without floating point: 49900 SEK → "499.00".
    const sign = amount < 0 ? '-' : '';
    const text = String(Math.abs(amount)).padStart(digits + 1, '0');
    const decimal = digits ? `${sign}${text.slice(0, -digits)}.${text.slice(-digits)}` : `${sign}${text}`;
    $('total').textContent = format.format(decimal);
  } catch {
    $('total').textContent = `${amount} ${currency}`;
  }
}

const approve = $('approve');
const cancel = $('cancel');
approve.textContent = t.approve;
cancel.textContent = t.cancel;

function finish(status) {
  // Only ever to the merchant's origin, never '*'.
  target.postMessage({ type: 'kustom:express', status, order_id: orderId }, origin);
  $('').dataset.state = status;
  approve.disabled = cancel.disabled = true;
  $('status').textContent = status === 'approved' ? t.approved : t.cancelled;
  if (window.opener) setTimeout(() => window.close(), 400);
}

if (origin && orderId && target) {
  approve.addEventListener('click', () => finish('approved'));
  cancel.addEventListener('click', () => finish('cancelled'));
  approve.disabled = cancel.disabled = false;
} else {
  $('error').textContent = t.badOrigin;
  $('error').hidden = false;
}
// Stories and tests wait for this before they press a button.
$('').dataset.ready = 'true';
