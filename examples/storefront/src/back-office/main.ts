/**
 * The back office: the orders page (`searchOrders` on the server: free text, filters,
 * sort, pages), the export (`ordersToCsv`), the repeated orders (`findRepeatedOrders`)
 * and expiring orders (`expiringOrders`), and the order drawer. The state lives in the
 * URL, so a view can be reloaded and shared.
 */
import '../styles.css';
import { customerEmail, customerName, reservation, type ExpiringOrder, type Order, type OrderColumn, type RepeatedOrderGroup } from '@kustom/sdk';
import { ApiError } from '../api.js';
import type { OrdersPageResponse } from '../api-types.js';
import { SHOP } from '../catalog.js';
import { $, h, render, type Child } from '../dom.js';
import { formatDate, formatDateTime, money } from '../format.js';
import { themeButton } from '../layout.js';
import { applyTheme } from '../theme.js';
import { createDrawer, statusPill } from './drawer.js';
import { BACK_OFFICE_API, boApi, loadMe, signInForm, signOut, type Me } from './session.js';

applyTheme();

type View = 'orders' | 'repeated' | 'expiring';
const FILTERS = ['q', 'status', 'country', 'currency', 'payment', 'from', 'to', 'sort', 'dir', 'page'] as const;

let state = new URL(location.href).searchParams;
let data: OrdersPageResponse | undefined;
let error: string | undefined;
let loading: AbortController | undefined;

const view = (): View => (state.get('view') === 'repeated' ? 'repeated' : state.get('view') === 'expiring' ? 'expiring' : 'orders');

function navigate(change: Record<string, string | undefined>, { reload = true, push = false } = {}) {
  const next = new URLSearchParams(state);
  for (const [key, value] of Object.entries(change)) {
    if (value) next.set(key, value);
    else next.delete(key);
  }
  state = next;
  const url = `${location.pathname}${next.size ? `?${next}` : ''}`;
  if (push) history.pushState(null, '', url);
  else history.replaceState(null, '', url);
  if (reload) void load();
  else show();
}

const drawer = createDrawer({
  onChanged: () => void load(),
  onClose: () => state.has('order') && navigate({ order: undefined }, { reload: false }),
});

function filterQuery(): URLSearchParams {
  const query = new URLSearchParams();
  for (const key of FILTERS) {
    const value = state.get(key);
    if (value) query.set(key, value);
  }
  return query;
}

async function load() {
  loading?.abort();
  loading = new AbortController();
  try {
    data = await boApi<OrdersPageResponse>(`/page/orders?${filterQuery()}`, { signal: loading.signal });
    error = undefined;
  } catch (e) {
    if (loading.signal.aborted) return;
    error = e instanceof ApiError ? e.message : 'The orders could not be loaded.';
  }
  show();
}

function header() {
  render(
    $('header.site-header'),
    h(
      'div',
      { class: 'site-header__inner' },
      h('a', { href: '/back-office/', class: 'brand' }, h('img', { src: '/logo.svg', alt: '', width: 32, height: 32 }), h('span', null, SHOP.name), h('span', { class: 'brand__tag' }, 'Back office')),
      h('nav', { class: 'site-nav', 'aria-label': 'Main' }, h('a', { href: '/' }, 'Shop'), h('a', { href: '/back-office/', 'aria-current': 'page' }, 'Back office')),
      h('div', { class: 'site-header__tools' }, themeButton()),
    ),
  );
}

function tabs() {
  const tab = (id: View, label: string, count?: number) =>
    h(
      'a',
      {
        href: `?view=${id}`,
        class: 'tab',
        'aria-current': view() === id ? 'page' : undefined,
        on: { click: (e: MouseEvent) => (e.preventDefault(), navigate({ view: id === 'orders' ? undefined : id }, { reload: false, push: true })) },
      },
      label,
      count ? h('span', { class: 'tab__count' }, count) : null,
    );
  render($('#tabs'), tab('orders', 'All orders', data?.known), tab('repeated', 'Repeated orders', data?.repeated.length), tab('expiring', 'Expiring soon', data?.expiring.length));
}

function show() {
  tabs();
  const root = $('#view');
  render($('#notices'), error ? h('p', { class: 'error', role: 'alert' }, error) : null);
  if (!data) {
    if (!error) render(root, h('p', { class: 'muted' }, 'Loading orders…'));
    return;
  }
  const v = view();
  document.title = `${v === 'orders' ? 'Orders' : v === 'repeated' ? 'Repeated orders' : 'Expiring orders'} · ${SHOP.name} back office`;
  $('h1').textContent = v === 'orders' ? 'Orders' : v === 'repeated' ? 'Repeated orders' : 'Expiring soon';
  if (v === 'repeated') render(root, repeatedView(data.repeated));
  else if (v === 'expiring') render(root, expiringView(data.expiring));
  else render(root, filters(data), ordersTable(data), pagination(data));
  const wanted = state.get('order');
  if (wanted && drawer.openOrderId !== wanted) void drawer.open(wanted);
  else if (!wanted) drawer.close();
}

const openOrder = (orderId: string) => navigate({ order: orderId }, { reload: false, push: true });
const orderRef = (order: Order) => order.merchant_reference1 ?? order.order_id.slice(0, 8);

// ---- Orders page ----

function filters(page: OrdersPageResponse): HTMLElement {
  const select = (name: string, label: string, values: string[], text: (v: string) => string = (v) => v) =>
    h(
      'label',
      { class: 'field field--inline' },
      label,
      h('select', { name }, h('option', { value: '' }, 'All'), values.map((v) => h('option', { value: v, selected: state.get(name) === v }, text(v)))),
    );
  const form = h(
    'form',
    { class: 'filters', role: 'search', 'aria-label': 'Filter orders' },
    h('label', { class: 'field field--search' }, h('span', { class: 'visually-hidden' }, 'Search'), h('input', { type: 'search', name: 'q', value: state.get('q') ?? '', placeholder: 'Order, customer, e-mail…' })),
    select('status', 'Status', page.facets.statuses, (s) => statusPill(s).textContent ?? s),
    select('country', 'Country', page.facets.countries),
    select('currency', 'Currency', page.facets.currencies),
    select('payment', 'Payment', page.facets.paymentMethods, (p) => p.replaceAll('_', ' ').toLowerCase()),
    h(
      'span',
      { class: 'date-range' },
      h('label', { class: 'field field--inline' }, 'From', h('input', { type: 'date', name: 'from', value: state.get('from') ?? '' })),
      h('label', { class: 'field field--inline' }, 'To', h('input', { type: 'date', name: 'to', value: state.get('to') ?? '' })),
    ),
  );
  let timer: ReturnType<typeof setTimeout> | undefined;
  const apply = () => {
    const data = new FormData(form);
    const change: Record<string, string | undefined> = { page: undefined };
    for (const key of ['q', 'status', 'country', 'currency', 'payment', 'from', 'to']) change[key] = String(data.get(key) ?? '').trim() || undefined;
    navigate(change);
  };
  form.addEventListener('submit', (e) => (e.preventDefault(), apply()));
  form.addEventListener('change', (e) => (e.target as HTMLElement).getAttribute('name') !== 'q' && apply());
  form.addEventListener('input', (e) => {
    if ((e.target as HTMLElement).getAttribute('name') !== 'q') return;
    clearTimeout(timer);
    timer = setTimeout(apply, 300);
  });
  const { total, page: n, pageSize } = page.result;
  return h(
    'div',
    { class: 'toolbar' },
    form,
    h(
      'div',
      { class: 'toolbar__row' },
      h(
        'p',
        { class: 'muted', 'data-testid': 'orders-count' },
        total === 0 ? 'No orders match.' : `${total} ${total === 1 ? 'order' : 'orders'} · showing ${(n - 1) * pageSize + 1}–${Math.min(total, n * pageSize)}`,
      ),
      h('a', { class: 'button', href: `${BACK_OFFICE_API}/page/orders.csv?${exportQuery()}`, download: '', 'data-testid': 'export-csv' }, 'Export CSV'),
    ),
  );
}

function exportQuery() {
  const query = filterQuery();
  query.delete('page');
  return query;
}

const COLUMNS: { id: OrderColumn; label: string; num?: boolean; cell: (o: Order, now: string) => Child }[] = [
  { id: 'merchant_reference1', label: 'Order', cell: (o) => h('button', { type: 'button', class: 'link-button', on: { click: () => openOrder(o.order_id) } }, orderRef(o)) },
  { id: 'created_at', label: 'Date', cell: (o) => formatDateTime(o.created_at) },
  { id: 'customer_name', label: 'Customer', cell: (o) => h('span', { class: 'customer' }, customerName(o) || '—', h('span', { class: 'muted' }, customerEmail(o))) },
  { id: 'purchase_country', label: 'Country', cell: (o) => o.purchase_country },
  { id: 'payment_method', label: 'Payment', cell: (o) => o.initial_payment_method?.description ?? o.initial_payment_method?.type ?? '—' },
  { id: 'status', label: 'Status', cell: (o) => statusPill(o.status) },
  { id: 'order_amount', label: 'Amount', num: true, cell: (o) => money(o.order_amount, o.purchase_currency) },
  { id: 'captured_amount', label: 'Captured', num: true, cell: (o) => ((o.captured_amount ?? 0) > 0 ? money(o.captured_amount ?? 0, o.purchase_currency) : '—') },
  { id: 'expires_at', label: 'Expires', cell: (o, now) => expiry(o, now) },
];

function expiry(order: Order, now: string): Child {
  if (order.status !== 'AUTHORIZED' && order.status !== 'PART_CAPTURED') return h('span', { class: 'muted' }, '—');
  const r = reservation(order, { now });
  return h(
    'span',
    { class: 'expiry' },
    formatDate(r.expiresAt),
    ' ',
    h('span', { class: `days${r.expiringSoon ? ' days--soon' : ''}` }, `${r.daysLeft} ${r.daysLeft === 1 ? 'day' : 'days'}`),
  );
}

function ordersTable(page: OrdersPageResponse): HTMLElement {
  const sortBy = state.get('sort') ?? 'created_at';
  const dir = state.get('sort') ? (state.get('dir') === 'asc' ? 'asc' : 'desc') : 'desc';
  const heading = (c: (typeof COLUMNS)[number]) => {
    const active = sortBy === c.id;
    const next = active && dir === 'desc' ? 'asc' : 'desc';
    return h(
      'th',
      { scope: 'col', class: c.num ? 'num' : undefined, 'aria-sort': active ? (dir === 'asc' ? 'ascending' : 'descending') : undefined },
      h('button', { type: 'button', class: 'sort', on: { click: () => navigate({ sort: c.id, dir: next, page: undefined }) } }, c.label, h('span', { class: 'sort__arrow', 'aria-hidden': 'true' }, active ? (dir === 'asc' ? '↑' : '↓') : '')),
    );
  };
  return h(
    'div',
    { class: 'table-wrap' },
    h(
      'table',
      { class: 'orders', 'data-testid': 'orders-table' },
      h('thead', null, h('tr', null, COLUMNS.map(heading))),
      h(
        'tbody',
        null,
        page.result.items.map((order) =>
          h(
            'tr',
            { 'data-order-id': order.order_id, class: state.get('order') === order.order_id ? 'selected' : undefined },
            COLUMNS.map((c) => h('td', { class: c.num ? 'num' : undefined }, c.cell(order, page.now))),
          ),
        ),
      ),
    ),
  );
}

function pagination(page: OrdersPageResponse): HTMLElement | null {
  const { page: n, pageCount } = page.result;
  if (pageCount <= 1) return null;
  const go = (p: number) => navigate({ page: p === 1 ? undefined : String(p) });
  return h(
    'nav',
    { class: 'pagination', 'aria-label': 'Pages' },
    h('button', { type: 'button', class: 'button', disabled: n <= 1, on: { click: () => go(n - 1) } }, '‹ Previous'),
    h('span', null, `Page ${n} of ${pageCount}`),
    h('button', { type: 'button', class: 'button', disabled: n >= pageCount, on: { click: () => go(n + 1) } }, 'Next ›'),
  );
}

// ---- Repeated orders ----

async function fixCopy(group: RepeatedOrderGroup, copy: RepeatedOrderGroup['copies'][number], button: HTMLButtonElement, status: HTMLElement) {
  button.disabled = true;
  status.textContent = 'Sending…';
  const path = `/page/orders/${encodeURIComponent(copy.order.order_id)}/actions`;
  try {
    if (copy.action === 'cancel') await boApi(path, { body: { action: 'cancel' } });
    else {
      await boApi(path, { body: { action: 'refund', spec: { kind: 'full' } } });
      if (copy.release > 0) await boApi(path, { body: { action: 'release' } });
    }
    status.textContent = `Done: ${copy.action === 'cancel' ? 'cancelled' : 'refunded'}. ${orderRef(group.keep)} is kept.`;
    await load();
  } catch (e) {
    button.disabled = false;
    status.textContent = e instanceof ApiError ? e.message : 'Failed.';
  }
}

function repeatedView(groups: RepeatedOrderGroup[]): HTMLElement {
  if (groups.length === 0) return h('p', { class: 'panel muted' }, 'No repeated orders. Each purchase was placed once.');
  return h(
    'div',
    { class: 'cards' },
    h('p', { class: 'hint' }, 'The same purchase placed more than once within an hour. Keep one; cancel authorized copies and refund captured ones, as Kustom’s help centre advises.'),
    groups.map((group) =>
      h(
        'section',
        { class: 'panel repeated', 'data-testid': 'repeated-group' },
        h('h2', null, `${group.customer} · ${group.copies.length + 1} × ${money(group.keep.order_amount, group.currency)}`),
        h(
          'table',
          { class: 'orders' },
          h('thead', null, h('tr', null, h('th', { scope: 'col' }, 'Order'), h('th', { scope: 'col' }, 'Placed'), h('th', { scope: 'col' }, 'Status'), h('th', { scope: 'col' }, 'What to do'))),
          h(
            'tbody',
            null,
            h(
              'tr',
              null,
              h('td', null, h('button', { type: 'button', class: 'link-button', on: { click: () => openOrder(group.keep.order_id) } }, orderRef(group.keep))),
              h('td', null, formatDateTime(group.keep.created_at)),
              h('td', null, statusPill(group.keep.status)),
              h('td', null, h('strong', null, 'Keep')),
            ),
            group.copies.map((copy) => {
              const status = h('span', { class: 'muted', role: 'status' });
              const label =
                copy.action === 'cancel'
                  ? `Cancel (${money(copy.amount, group.currency)})`
                  : `Refund ${money(copy.amount, group.currency)}${copy.release ? ` and release ${money(copy.release, group.currency)}` : ''}`;
              const button: HTMLButtonElement = h('button', { type: 'button', class: 'button button--small', on: { click: () => void fixCopy(group, copy, button, status) } }, label);
              return h(
                'tr',
                { 'data-order-id': copy.order.order_id },
                h('td', null, h('button', { type: 'button', class: 'link-button', on: { click: () => openOrder(copy.order.order_id) } }, orderRef(copy.order))),
                h('td', null, formatDateTime(copy.order.created_at)),
                h('td', null, statusPill(copy.order.status)),
                h('td', null, button, ' ', status),
              );
            }),
          ),
        ),
      ),
    ),
  );
}

// ---- Expiring orders ----

function expiringView(list: ExpiringOrder[]): HTMLElement {
  if (list.length === 0) return h('p', { class: 'panel muted' }, 'No reservation ends within 3 days.');
  return h(
    'div',
    null,
    h('p', { class: 'hint' }, 'Reservations that end within 3 days. Capture what you will ship, or extend the reservation where Kustom allows it.'),
    h(
      'div',
      { class: 'table-wrap' },
      h(
        'table',
        { class: 'orders', 'data-testid': 'expiring-table' },
        h(
          'thead',
          null,
          h('tr', null, ['Order', 'Customer', 'Status', 'Expires', 'At risk', 'Extension'].map((label) => h('th', { scope: 'col', class: label === 'At risk' ? 'num' : undefined }, label))),
        ),
        h(
          'tbody',
          null,
          list.map(({ order, reservation: r, amountAtRisk, currency }) =>
            h(
              'tr',
              { 'data-order-id': order.order_id },
              h('td', null, h('button', { type: 'button', class: 'link-button', on: { click: () => openOrder(order.order_id) } }, orderRef(order))),
              h('td', null, customerName(order) || customerEmail(order) || '—'),
              h('td', null, statusPill(order.status)),
              h('td', null, formatDateTime(r.expiresAt), ' ', h('span', { class: 'days days--soon' }, `${r.daysLeft} ${r.daysLeft === 1 ? 'day' : 'days'}`)),
              h('td', { class: 'num' }, money(amountAtRisk, currency)),
              h('td', null, r.canExtend && r.nextExpiresAt ? `Can be extended to ${formatDate(r.nextExpiresAt)}` : h('span', { class: 'muted' }, 'Not possible')),
            ),
          ),
        ),
      ),
    ),
  );
}

/** Who is signed in, with the way out. */
function signedIn(me: Me) {
  const bar = h(
    'p',
    { class: 'signed-in', 'data-testid': 'signed-in' },
    `Signed in as ${me.user.name} (${me.user.email}), role ${me.user.role.replace(/_/g, ' ')}, store ${me.store}. `,
    h('button', { type: 'button', class: 'link-button', 'data-testid': 'sign-out', on: { click: () => void signOut() } }, 'Sign out'),
  );
  $('.hint')?.replaceWith(bar);
}

header();
const me = await loadMe().catch(() => undefined);
if (!me) {
  render($('#view')!, signInForm());
} else {
  signedIn(me);
  window.addEventListener('popstate', () => {
    state = new URL(location.href).searchParams;
    void load();
  });
  show();
  void load();
}
