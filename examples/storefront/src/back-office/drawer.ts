/**
 * The order drawer: status, amounts, reservation, lines, the actions the SDK's
 * `orderActions` allow at the server's `now`, and the timeline. Each action is
 * previewed in the page with the same planner the server runs (`planCapture`,
 * `planRefund`, `planEdit`), sent to the merchant server, and the drawer then shows the
 * order as Kustom answers it.
 */
import {
  customerEmail,
  customerName,
  decimalToMinor,
  isKustomError,
  isKustomPlanError,
  lineBalances,
  orderActions,
  orderTimeline,
  orderTranslation,
  planCapture,
  planEdit,
  planRefund,
  reservation,
  statusLabel,
  type KustomPlanError,
  type LineBalance,
  type Order,
  type OrderActions,
} from '@kustom/sdk';
import { ApiError } from '../api.js';
import { BACK_OFFICE_API, boApi } from './session.js';
import type { ActionRequest, ActionResponse, LineSelection, OrderResponse } from '../api-types.js';
import { h, render, type Child } from '../dom.js';
import { formatDate, formatDateTime, money } from '../format.js';
import { editedLines, lineKey } from './edit-lines.js';

const LOCALE = 'en';
const t = orderTranslation(LOCALE);

type Composer = 'capture' | 'refund' | 'edit' | 'cancel' | 'release' | 'extend' | undefined;

export interface DrawerOptions {
  /** Called after Kustom accepted an action, so the list can refresh. */
  onChanged(): void;
  onClose(): void;
}

export function statusPill(status: string): HTMLElement {
  return h('span', { class: `pill pill--${status.toLowerCase()}`, 'data-status': status }, statusLabel(status as Order['status'], LOCALE));
}

/** A planner's refusal in the merchant's words, with amounts formatted. */
function planErrorText(error: KustomPlanError, order: Order): string {
  const currency = order.purchase_currency;
  switch (error.code) {
    case 'ACTION_NOT_ALLOWED':
      return (error.reason && t.reason[error.reason]) ?? 'The order does not allow this now.';
    case 'OVER_CAPTURE':
      return `That is more than the ${money(order.remaining_authorized_amount ?? 0, currency)} left to capture.`;
    case 'OVER_REFUND':
      return `That is more than the ${money((order.captured_amount ?? 0) - (order.refunded_amount ?? 0), currency)} that can be refunded.`;
    case 'QUANTITY_EXCEEDS_REMAINING':
      return 'More units than that line has left.';
    case 'BELOW_CAPTURED':
      return `The new amount would be below the ${money(order.captured_amount ?? 0, currency)} already captured.`;
    case 'LINE_ALREADY_CAPTURED':
      return 'A line that was captured cannot change.';
    default:
      return error.message.replace(/^\w+: \w+( at \S+)?: /, '');
  }
}

/** The server's or Kustom's refusal, with its code (and Kustom's correlation id) for a support case. */
const apiErrorText = (error: ApiError) =>
  `${error.message} (${[error.code, error.correlationId && `correlation id ${error.correlationId}`].filter(Boolean).join(', ')})`;

const errorText = (error: unknown, order?: Order) =>
  error instanceof ApiError
    ? apiErrorText(error)
    : isKustomPlanError(error) && order
      ? planErrorText(error, order)
      : isKustomError(error) || error instanceof Error
        ? error.message
        : 'Something went wrong.';

export function createDrawer(options: DrawerOptions) {
  const dialog = h('dialog', { class: 'drawer', 'aria-labelledby': 'drawer-title', 'data-testid': 'order-drawer' });
  dialog.addEventListener('close', () => options.onClose());
  dialog.addEventListener('click', (event) => event.target === dialog && dialog.close());
  document.body.append(dialog);

  let current: OrderResponse | undefined;
  let composer: Composer;
  let message: { kind: 'ok' | 'error'; text: string } | undefined;
  let busy = false;
  let loading: AbortController | undefined;

  async function open(orderId: string) {
    loading?.abort();
    loading = new AbortController();
    composer = undefined;
    message = undefined;
    if (!dialog.open) dialog.showModal();
    if (current?.order.order_id !== orderId) {
      current = undefined;
      render(dialog, h('p', { class: 'drawer__loading' }, 'Loading order…'));
    }
    try {
      current = await boApi<OrderResponse>(`/page/orders/${encodeURIComponent(orderId)}`, { signal: loading.signal });
      show();
    } catch (error) {
      if (loading.signal.aborted) return;
      render(dialog, closeButton(), h('p', { class: 'error', role: 'alert' }, errorText(error)));
    }
  }

  function closeButton() {
    return h('button', { type: 'button', class: 'drawer__close', 'aria-label': 'Close', on: { click: () => dialog.close() } }, '×');
  }

  let attempt: { what: string; key: string } | undefined;
  async function send(request: ActionRequest, done: (r: ActionResponse) => string) {
    if (!current || busy) return;
    busy = true;
    show();
    try {
      // One Idempotency-Key per action the merchant asked for, the same on every retry: if Kustom did
      // the first try but its answer was lost, the retry does not do it again.
      const what = `${current.order.order_id} ${JSON.stringify(request)}`;
      if (attempt?.what !== what) attempt = { what, key: crypto.randomUUID() };
      const response = await boApi<ActionResponse>(`/page/orders/${encodeURIComponent(current.order.order_id)}/actions`, {
        body: request,
        headers: { 'idempotency-key': attempt.key },
      });
      attempt = undefined;
      current = response;
      composer = undefined;
      message = { kind: 'ok', text: done(response) };
      options.onChanged();
    } catch (error) {
      // Only an unconfirmed outcome (503) is retried with the same key; a refusal ends that action.
      if (!(error instanceof ApiError && error.status === 503)) attempt = undefined;
      message = { kind: 'error', text: errorText(error) };
    } finally {
      busy = false;
      show();
    }
  }

  function show() {
    if (!current) return;
    const { order } = current;
    const now = current.now;
    const currency = order.purchase_currency;
    const actions = orderActions(order, { now, locale: LOCALE });
    const res = reservation(order, { now });
    const balances = lineBalances(order);
    const open = order.status === 'AUTHORIZED' || order.status === 'PART_CAPTURED';
    const name = customerName(order);
    const email = customerEmail(order);

    render(
      dialog,
      h(
        'div',
        { class: 'drawer__head' },
        h(
          'div',
          null,
          h('h2', { id: 'drawer-title' }, `Order ${order.merchant_reference1 ?? order.order_id.slice(0, 8)}`),
          h('p', { class: 'muted' }, [name, email].filter(Boolean).join(' · ') || 'No customer details'),
        ),
        statusPill(order.status),
        closeButton(),
      ),
      h(
        'dl',
        { class: 'amounts', 'data-testid': 'drawer-amounts' },
        amount('Order amount', order.order_amount, currency, 'order_amount'),
        amount('Captured', order.captured_amount ?? 0, currency, 'captured_amount'),
        amount('Refunded', order.refunded_amount ?? 0, currency, 'refunded_amount'),
        amount('Left to capture', order.remaining_authorized_amount ?? 0, currency, 'remaining_authorized_amount'),
      ),
      h(
        'dl',
        { class: 'facts facts--compact' },
        fact('Created', formatDateTime(order.created_at)),
        fact('Payment', order.initial_payment_method?.description ?? order.initial_payment_method?.type ?? '—'),
        fact('Delivery', order.selected_shipping_option?.name ?? '—'),
        pickupFact(order),
        fact(
          'Reservation',
          h(
            'span',
            { 'data-testid': 'drawer-reservation' },
            open
              ? `Expires ${formatDate(res.expiresAt)} (${res.daysLeft} ${res.daysLeft === 1 ? 'day' : 'days'} left)` +
                  (res.canExtend && res.nextExpiresAt ? ` · can be extended to ${formatDate(res.nextExpiresAt)}` : '')
              : res.expired
                ? `Expired ${formatDate(res.expiresAt)}`
                : 'Closed',
          ),
        ),
        fact('Kustom order id', h('code', null, order.order_id)),
        order.klarna_reference ? fact('Klarna reference', order.klarna_reference) : null,
      ),
      linesTable(balances, currency),
      actionsSection(order, actions, balances, now),
      message ? h('p', { class: message.kind === 'ok' ? 'notice notice--ok' : 'error', role: message.kind === 'ok' ? 'status' : 'alert', 'data-testid': 'drawer-message' }, message.text) : null,
      (order.captured_amount ?? 0) > 0
        ? h(
            'p',
            null,
            h('a', { class: 'button', href: `${BACK_OFFICE_API}/orders/${encodeURIComponent(order.order_id)}/packing-slip`, target: '_blank', rel: 'noopener', 'data-testid': 'packing-slip' }, 'Packing slip'),
          )
        : null,
      timeline(order, now),
    );
  }

  function actionsSection(order: Order, actions: OrderActions, balances: LineBalance[], now: string): HTMLElement {
    const currency = order.purchase_currency;
    const available: Child[] = [];
    const unavailable: Child[] = [];
    const button = (which: Exclude<Composer, undefined>, label: string) =>
      h(
        'button',
        { type: 'button', class: `button${composer === which ? ' button--active' : ''}`, 'aria-expanded': String(composer === which), disabled: busy, on: { click: () => ((composer = composer === which ? undefined : which), (message = undefined), show()) } },
        label,
      );
    for (const [which, label] of [
      ['capture', 'Capture…'],
      ['refund', 'Refund…'],
      ['release', t.action.release],
      ['extend', t.action.extend],
      ['edit', `${t.action.edit}…`],
      ['cancel', t.action.cancel],
    ] as const) {
      const state = actions[which];
      if (state.allowed) available.push(button(which, label));
      else unavailable.push(h('li', null, h('strong', null, state.label), ': ', state.message ?? ''));
    }
    return h(
      'section',
      { class: 'drawer__actions', 'aria-labelledby': 'actions-title' },
      h('h3', { id: 'actions-title' }, 'Actions'),
      available.length ? h('div', { class: 'button-row', 'data-testid': 'drawer-actions' }, available) : h('p', { class: 'muted' }, 'Nothing can be done with this order any more.'),
      composer ? composerForm(order, actions, balances, now, currency) : null,
      unavailable.length ? h('details', { class: 'unavailable' }, h('summary', null, `Not available (${unavailable.length})`), h('ul', null, unavailable)) : null,
    );
  }

  function composerForm(order: Order, actions: OrderActions, balances: LineBalance[], now: string, currency: string): HTMLElement {
    switch (composer) {
      case 'capture':
      case 'refund':
        return movementForm(composer, order, balances, now, currency);
      case 'edit':
        return editForm(order, balances, now, currency);
      case 'cancel':
        return confirmForm(`Cancel the order and release ${money(actions.cancel.maxAmount ?? order.order_amount, currency)}? This cannot be undone.`, t.action.cancel, () =>
          send({ action: 'cancel' }, () => 'Order cancelled.'),
        );
      case 'release':
        return confirmForm(`Release the ${money(actions.release.maxAmount ?? 0, currency)} that is still reserved? It can then no longer be captured.`, t.action.release, () =>
          send({ action: 'release' }, () => 'The remaining amount was released.'),
        );
      case 'extend': {
        const next = reservation(order, { now }).nextExpiresAt;
        return confirmForm(`Extend the reservation to ${formatDate(next)}?`, t.action.extend, () =>
          send({ action: 'extend' }, (r) => `The reservation now ends ${formatDate(r.order.expires_at)}.`),
        );
      }
      default:
        return h('div');
    }
  }

  function confirmForm(question: string, label: string, run: () => void): HTMLElement {
    return h(
      'div',
      { class: 'composer', role: 'group', 'aria-label': label },
      h('p', null, question),
      h(
        'div',
        { class: 'button-row' },
        h('button', { type: 'button', class: 'button button--primary', disabled: busy, 'data-testid': 'confirm-action', on: { click: run } }, busy ? 'Sending…' : label),
        h('button', { type: 'button', class: 'button', on: { click: () => ((composer = undefined), show()) } }, 'Back'),
      ),
    );
  }

  /** Capture or refund: everything left, chosen units of lines, or an amount. */
  function movementForm(action: 'capture' | 'refund', order: Order, balances: LineBalance[], now: string, currency: string): HTMLElement {
    const form = h('form', { class: 'composer', 'aria-label': action === 'capture' ? 'Capture' : 'Refund', 'data-testid': `${action}-form` });
    const left = (b: LineBalance) => (action === 'capture' ? b.quantityLeftToCapture : b.quantityLeftToRefund);
    const modes = [
      ['full', action === 'capture' ? 'Everything left' : 'Everything captured'],
      ['lines', 'Chosen lines'],
      ['amount', 'An amount'],
    ] as const;
    const modeGroup = h(
      'fieldset',
      { class: 'segmented' },
      h('legend', null, action === 'capture' ? 'What to capture' : 'What to refund'),
      modes.map(([value, label], i) => h('label', null, h('input', { type: 'radio', name: 'mode', value, checked: i === 0 }), label)),
    );
    const lineInputs = balances
      .filter((b) => left(b) > 0)
      .map((b) =>
        h(
          'label',
          { class: 'line-choice' },
          h('span', null, b.name),
          h('input', { type: 'number', name: `line:${lineKey(b.line)}`, min: 0, max: left(b), value: left(b), inputmode: 'numeric', 'aria-label': `Units of ${b.name}` }),
          h('span', { class: 'muted' }, `of ${left(b)}`),
        ),
      );
    const linesBox = h('div', { class: 'composer__lines', hidden: true }, lineInputs.length ? lineInputs : h('p', { class: 'muted' }, 'No line has units left.'));
    const amountBox = h(
      'div',
      { class: 'composer__amount fields', hidden: true },
      h('label', { class: 'field' }, `Amount (${currency})`, h('input', { name: 'amount', inputmode: 'decimal', autocomplete: 'off', placeholder: '0,00' })),
      h(
        'label',
        { class: 'field' },
        'VAT rate',
        h('select', { name: 'tax_rate' }, [2500, 1200, 600, 0].map((rate) => h('option', { value: rate }, `${rate / 100} %`))),
      ),
      h('label', { class: 'field field--wide' }, 'Description (shown to the customer)', h('input', { name: 'description', value: action === 'capture' ? 'Partial delivery' : 'Goodwill refund', maxlength: 255 })),
    );
    const preview = h('p', { class: 'composer__preview', 'aria-live': 'polite' });
    const submit = h('button', { type: 'submit', class: 'button button--primary', disabled: busy, 'data-testid': `submit-${action}` });

    const spec = () => {
      const data = new FormData(form);
      const mode = data.get('mode');
      if (mode === 'lines') {
        const lines: LineSelection = [];
        for (const [key, value] of data) if (key.startsWith('line:') && Number(value) > 0) lines.push({ reference: key.slice(5), quantity: Number(value) });
        return { kind: 'lines' as const, lines };
      }
      if (mode === 'amount') {
        let amount = Number.NaN; // "Enter an amount…" below
        try {
          amount = decimalToMinor(String(data.get('amount') ?? ''), currency);
        } catch {}
        return { kind: 'amount' as const, amount, tax_rate: Number(data.get('tax_rate')), description: String(data.get('description') ?? '').trim() };
      }
      return { kind: 'full' as const };
    };
    const plan = () => {
      const s = spec();
      if (s.kind === 'lines' && s.lines.length === 0) throw new Error('Choose at least one unit.');
      if (s.kind === 'amount' && Number.isNaN(s.amount)) throw new Error(`Enter an amount such as 100,00.`);
      const body = action === 'capture' ? planCapture(order, s, { now }) : planRefund(order, s, { now });
      return { s, amount: 'captured_amount' in body ? body.captured_amount : body.refunded_amount };
    };
    const refresh = () => {
      const mode = new FormData(form).get('mode');
      linesBox.hidden = mode !== 'lines';
      amountBox.hidden = mode !== 'amount';
      try {
        const { amount } = plan();
        preview.textContent = '';
        preview.classList.remove('error');
        submit.disabled = busy;
        submit.textContent = busy ? 'Sending…' : `${action === 'capture' ? 'Capture' : 'Refund'} ${money(amount, currency)}`;
      } catch (error) {
        preview.textContent = errorText(error, order);
        preview.classList.add('error');
        submit.disabled = true;
        submit.textContent = action === 'capture' ? 'Capture' : 'Refund';
      }
    };
    form.addEventListener('input', refresh);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      try {
        const { s, amount } = plan();
        void send({ action, spec: s }, (r) =>
          action === 'capture' ? `Captured ${money(amount, currency)} (capture ${r.result.capture_id ?? '—'}).` : `Refunded ${money(amount, currency)} (refund ${r.result.refund_id ?? '—'}).`,
        );
      } catch (error) {
        preview.textContent = errorText(error, order);
      }
    });
    render(form, modeGroup, linesBox, amountBox, preview, h('div', { class: 'button-row' }, submit));
    refresh();
    return form;
  }

  /** Edit: lower the quantities of lines nothing was captured from. */
  function editForm(order: Order, balances: LineBalance[], now: string, currency: string): HTMLElement {
    const form = h('form', { class: 'composer', 'aria-label': 'Edit order', 'data-testid': 'edit-form' });
    const inputs = balances.map((b) =>
      h(
        'label',
        { class: 'line-choice' },
        h('span', null, b.name),
        h('input', {
          type: 'number',
          name: `line:${lineKey(b.line)}`,
          min: 0,
          max: b.line.quantity,
          value: b.line.quantity,
          disabled: b.capturedQuantity > 0,
          'aria-label': `New quantity of ${b.name}`,
        }),
        h('span', { class: 'muted' }, b.capturedQuantity > 0 ? 'captured: cannot change' : `of ${b.line.quantity}`),
      ),
    );
    const preview = h('p', { class: 'composer__preview', 'aria-live': 'polite' });
    const submit = h('button', { type: 'submit', class: 'button button--primary', disabled: busy, 'data-testid': 'submit-edit' }, 'Save');
    const selection = (): LineSelection =>
      [...new FormData(form)].filter(([k]) => k.startsWith('line:')).map(([k, v]) => ({ reference: k.slice(5), quantity: Number(v) }));
    const refresh = () => {
      try {
        const body = planEdit(order, editedLines(order, selection()), { now });
        const unchanged = body.order_amount === order.order_amount;
        preview.classList.remove('error');
        preview.textContent = unchanged ? 'Lower a quantity to change the order.' : `New order amount ${money(body.order_amount, currency)} (was ${money(order.order_amount, currency)}).`;
        submit.disabled = busy || unchanged;
      } catch (error) {
        preview.classList.add('error');
        preview.textContent = errorText(error, order);
        submit.disabled = true;
      }
    };
    form.addEventListener('input', refresh);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      void send({ action: 'edit', lines: selection() }, (r) => `Order updated: the new amount is ${money(r.order.order_amount, currency)}.`);
    });
    render(form, h('p', { class: 'hint' }, 'Lower a quantity, or set it to 0 to remove the line.'), inputs, preview, h('div', { class: 'button-row' }, submit));
    refresh();
    return form;
  }

  return { open, close: () => dialog.open && dialog.close(), get openOrderId() { return dialog.open ? current?.order.order_id : undefined; } };
}

function amount(label: string, minor: number, currency: string, key: string) {
  return h('div', null, h('dt', null, label), h('dd', { 'data-testid': `amount-${key}` }, money(minor, currency)));
}

/** The pickup point the shopper chose, as the Kustom order carries it (`selected_shipping_option.location`). */
function pickupFact(order: Order) {
  const location = order.selected_shipping_option?.location;
  if (!location?.name) return null;
  const { street_address, postal_code, city } = location.address ?? {};
  const where = [street_address, [postal_code, city].filter(Boolean).join(' ')].filter(Boolean).join(', ');
  return fact('Pickup point', h('span', { 'data-testid': 'drawer-pickup-point', 'data-pickup-point-id': location.id ?? '' }, location.name, where ? h('br', null) : null, where));
}

function fact(label: string, value: Child) {
  return h('div', null, h('dt', null, label), h('dd', null, value));
}

function linesTable(balances: LineBalance[], currency: string): HTMLElement {
  return h(
    'table',
    { class: 'lines', 'data-testid': 'drawer-lines' },
    h(
      'thead',
      null,
      h(
        'tr',
        null,
        h('th', { scope: 'col' }, 'Item'),
        h('th', { scope: 'col', class: 'num' }, 'Qty'),
        h('th', { scope: 'col', class: 'num' }, 'Total'),
        h('th', { scope: 'col', class: 'num' }, 'Captured'),
        h('th', { scope: 'col', class: 'num' }, 'Refunded'),
      ),
    ),
    h(
      'tbody',
      null,
      balances.map((b) =>
        h(
          'tr',
          { 'data-line': lineKey(b.line) },
          h('td', null, b.name, b.line.type && b.line.type !== 'physical' ? h('span', { class: 'muted' }, ` (${b.line.type.replace('_', ' ')})`) : null),
          h('td', { class: 'num' }, b.authorizedQuantity),
          h('td', { class: 'num' }, money(b.authorizedAmount, currency)),
          h('td', { class: 'num' }, b.capturedQuantity ? `${b.capturedQuantity} · ${money(b.capturedAmount, currency)}` : '—'),
          h('td', { class: 'num' }, b.refundedQuantity ? `${b.refundedQuantity} · ${money(b.refundedAmount, currency)}` : '—'),
        ),
      ),
    ),
  );
}

function timeline(order: Order, now: string): HTMLElement {
  const events = orderTimeline(order, { now });
  return h(
    'section',
    { class: 'timeline', 'aria-labelledby': 'timeline-title' },
    h('h3', { id: 'timeline-title' }, 'Timeline'),
    h(
      'ol',
      { 'data-testid': 'drawer-timeline' },
      events.map((event) =>
        h(
          'li',
          { class: `timeline__event timeline__event--${event.type}`, 'data-event': event.type },
          h('span', { class: 'timeline__label' }, t.event[event.type]),
          event.amount !== undefined ? h('span', { class: 'timeline__amount' }, money(event.amount, order.purchase_currency)) : null,
          h('span', { class: 'timeline__time muted' }, event.at ? formatDateTime(event.at) : 'time not recorded'),
          event.reference || event.description ? h('span', { class: 'timeline__detail muted' }, [event.reference, event.description].filter(Boolean).join(' · ')) : null,
        ),
      ),
    ),
  );
}
