import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  DEFAULT_MAX_LOGO_BYTES,
  KustomOrderNotCapturedError,
  KustomValidationError,
  isKustomOrderNotCapturedError,
  packingSlipTranslations,
  renderPackingSlip,
  type Order,
  type PackingSlipOptions,
} from '@kustom/sdk';
import { hostileText, line, makeOrder, invalidField } from './fixtures.js';
import { dataUrl, png } from './images.js';

const store = { name: 'Nordic Mugs AB', address: ['Storgatan 1', '111 22 Stockholm'], email: 'hej@mugs.example' };
const logo = dataUrl('image/png', png(120, 40));

/** The text of the table's body rows: [article number, item, quantity]. */
function rows(html: string): string[][] {
  const body = html.slice(html.indexOf('<tbody>'), html.indexOf('</tbody>'));
  return [...body.matchAll(/<tr>(.*?)<\/tr>/g)].map((m) => [...m[1]!.matchAll(/<td[^>]*>(.*?)<\/td>/g)].map((c) => c[1]!));
}

const partCaptured = makeOrder({
  order_id: 'o-77',
  status: 'PART_CAPTURED',
  lines: [
    line({ reference: 'MUG-B', name: 'Blue mug', quantity: 3 }),
    line({ reference: 'MUG-R', name: 'Red mug', quantity: 1 }),
    line({ reference: 'SHIP', name: 'Postnord', type: 'shipping_fee', unit_price: 4900 }),
    line({ reference: 'DISC', name: 'Summer sale', type: 'discount', unit_price: -1000 }),
  ],
  capturedQuantities: [2, 0, 1, 1],
});

describe('renderPackingSlip', () => {
  it('lists the quantities actually captured, goods only', () => {
    const html = renderPackingSlip(partCaptured, { store, logo, locale: 'en' });
    expect(rows(html)).toEqual([['MUG-B', 'Blue mug', '2']]);
    expect(html).toContain('<td class="qty">2</td></tr></tfoot>');
    expect(html).toContain(`<img class="logo" src="${logo}" alt="Nordic Mugs AB">`);
    expect(html).toContain('<dt>Order number</dt><dd>o-77</dd>');
    expect(html).toContain('<dt>Order date</dt><dd>1 May 2024</dd>');
    expect(html).toMatch(/^<!doctype html>\n<html lang="en">/);
  });

  it('is a standalone A4 document whose policy allows its own style and nothing else', () => {
    const html = renderPackingSlip(partCaptured, { store, logo });
    const style = /<style>(.*?)<\/style>/s.exec(html)![1]!;
    const hash = createHash('sha256').update(style).digest('base64');
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)![1]!.replaceAll('&#39;', "'");
    expect(csp).toBe(`default-src 'none'; img-src data:; style-src 'sha256-${hash}'; base-uri 'none'; form-action 'none'`);
    expect(style).toContain('@page{size:A4;');
    expect(html).not.toMatch(/<script|\son\w+=|https?:\/\//i);
    expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.indexOf('<style>'));
  });

  it('speaks the six languages, defaulting to the order locale', () => {
    const titles = (['en', 'sv', 'fi', 'da', 'nb', 'de'] as const).map((locale) => /<h1>(.*?)<\/h1>/.exec(renderPackingSlip(partCaptured, { store, locale }))![1]);
    expect(titles).toEqual(['Packing slip', 'Följesedel', 'Lähetysluettelo', 'Følgeseddel', 'Pakkseddel', 'Lieferschein']);
    const sv = renderPackingSlip(partCaptured, { store }); // the order's locale is sv-SE
    expect(sv).toContain('<html lang="sv">');
    expect(sv).toContain('<dt>Orderdatum</dt><dd>1 maj 2024</dd>');
    expect(sv).toContain('<th class="qty">Antal</th>');
    expect(renderPackingSlip(partCaptured, { store, locale: 'no-NO' })).toContain('<h1>Pakkseddel</h1>');
    expect(renderPackingSlip(partCaptured, { store, locale: 'fr-FR' })).toContain('<h1>Packing slip</h1>');
    for (const t of Object.values(packingSlipTranslations)) for (const text of Object.values(t)) expect(text.trim()).not.toBe('');
  });

  it('prints the pickup point the shopper chose (name, address, id), escaped, in the slip\'s language', () => {
    const order = {
      ...partCaptured,
      selected_shipping_option: {
        id: 'pickup', name: 'PostNord pickup point', carrier: 'postnord',
        location: { id: 'PN-<4711>', name: 'ICA Nära "Hötorget"', address: { street_address: 'Kungsgatan 1', postal_code: '111 43', city: 'Stockholm', country: 'se' } },
      },
    } as Order;
    const html = renderPackingSlip(order, { store, locale: 'sv' });
    const block = html.slice(html.indexOf('<div class="pickup"'), html.indexOf('</div>', html.indexOf('<div class="pickup"')));
    expect(block).toContain('data-pickup-point-id="PN-&lt;4711&gt;"');
    expect(block).toContain('<h2>Utlämningsställe</h2>');
    expect(block).toContain('ICA Nära &quot;Hötorget&quot;<br>Kungsgatan 1<br>111 43 Stockholm<br>SE<br>PN-&lt;4711&gt;');
    expect(html).toContain('<dd>PostNord pickup point</dd>');
    // No pickup point, no block.
    expect(renderPackingSlip(partCaptured, { store, locale: 'sv' })).not.toContain('class="pickup"');
  });

  it('escapes every value', () => {
    const hostile = makeOrder({
      order_id: '</title><script>window.__pwned=5</script>',
      merchant_reference1: '"><script>alert(1)</script>',
      status: 'CAPTURED',
      lines: [line({ name: '<img src=x onerror="window.__pwned=1">', reference: "'&\"<>" })],
      billing_address: { given_name: '<svg onload=alert(1)>', family_name: '&amp;', email: 'a@b.se' },
    });
    const html = renderPackingSlip(hostile, { store: { name: '</style><script>window.__pwned=2</script>' } });
    expect(html).not.toMatch(/<script|<img src=x|<svg|<\/style><script/i);
    expect(rows(html)).toEqual([['&#39;&amp;&quot;&lt;&gt;', '&lt;img src=x onerror=&quot;window.__pwned=1&quot;&gt;', '1']]);
    expect(html).toContain('&lt;svg onload=alert(1)&gt; &amp;amp;');
  });

  it('never lets any text open a tag or an attribute', () => {
    const allowed = /^<\/?(?:!doctype|html|head|meta|title|style|body|header|div|img|address|br|h1|h2|dl|dt|dd|section|table|thead|tbody|tfoot|tr|th|td|p)\b/;
    fc.assert(
      fc.property(fc.array(hostileText.filter((s) => s.trim() === s && s.length > 0 && s.length <= 100), { minLength: 6, maxLength: 6 }), (t) => {
        const order = makeOrder({
          status: 'CAPTURED',
          merchant_reference1: t[0],
          lines: [line({ name: t[1], reference: t[2] })],
          shipping_address: { given_name: t[3], street_address: t[4], city: t[5] },
        });
        const html = renderPackingSlip(order, { store: { name: t[5]!, address: [t[0]!] }, logo });
        for (const match of html.matchAll(/</g)) expect(html.slice(match.index!, match.index! + 12)).toMatch(allowed);
        for (const text of t) expect(html).toContain(text.replace(/[&<>"']/g, (c) => `&${{ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot', "'": '#39' }[c]};`));
      }),
      { numRuns: 100 },
    );
  });

  it('refuses an order with nothing captured', () => {
    for (const status of ['AUTHORIZED', 'CANCELLED', 'EXPIRED'] as const) {
      const order = makeOrder({ status, order_id: `o-${status}` });
      let error: unknown;
      try {
        renderPackingSlip(order, { store });
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(KustomOrderNotCapturedError);
      expect(isKustomOrderNotCapturedError(error)).toBe(true);
      expect(error).toMatchObject({ name: 'KustomOrderNotCapturedError', orderId: `o-${status}`, status });
    }
  });

  it('prints one shipment with captureId', () => {
    const order: Order = {
      ...partCaptured,
      captures: [
        ...partCaptured.captures,
        {
          capture_id: 'second',
          captured_amount: 10000,
          captured_at: '2024-05-03T10:00:00Z',
          order_lines: [{ ...partCaptured.order_lines[0]!, quantity: 1, total_amount: 10000, total_tax_amount: 2000 }],
          shipping_info: [{ shipping_company: 'PostNord', tracking_number: 'PN123<SE>' }],
        },
      ],
      captured_amount: partCaptured.captured_amount + 10000,
    };
    const html = renderPackingSlip(order, { store, captureId: 'second', locale: 'en' });
    expect(rows(html)).toEqual([['MUG-B', 'Blue mug', '1']]);
    expect(html).toContain('<dt>Tracking number</dt><dd>PostNord PN123&lt;SE&gt;</dd>');
    expect(rows(renderPackingSlip(order, { store }))).toEqual([['MUG-B', 'Blue mug', '3']]);
    expect(() => renderPackingSlip(order, { store, captureId: 'nope' })).toThrow(expect.objectContaining({ field: 'captureId' }));
  });

  it('handles captures made by amount', () => {
    const lines = [line({ reference: 'A', quantity: 2 }), line({ reference: 'B', unit_price: 500, quantity: 1 })];
    const base = makeOrder({ status: 'AUTHORIZED', lines });
    const all: Order = { ...base, status: 'CAPTURED', captured_amount: base.order_amount, remaining_authorized_amount: 0, captures: [{ capture_id: 'c', captured_amount: base.order_amount, captured_at: base.created_at }] };
    expect(rows(renderPackingSlip(all, { store })).map((r) => r[2])).toEqual(['2', '1']);
    expect(renderPackingSlip(all, { store })).not.toContain('class="note"');
    const part: Order = { ...all, status: 'PART_CAPTURED', captured_amount: 5000, remaining_authorized_amount: base.order_amount - 5000, captures: [{ capture_id: 'c', captured_amount: 5000, captured_at: base.created_at }] };
    const html = renderPackingSlip(part, { store, locale: 'de' });
    expect(rows(html)).toEqual([]);
    expect(html).toContain('<p class="note">Ein Teil des erfassten Betrags ist nicht nach Artikeln aufgeschlüsselt.</p>');
  });

  it('accepts only real PNG or JPEG logos within the size limit', () => {
    const field = (options: Partial<PackingSlipOptions>) => {
      try {
        renderPackingSlip(partCaptured, { store, ...options });
        return 'ok';
      } catch (error) {
        expect(error).toBeInstanceOf(KustomValidationError);
        return `${(error as KustomValidationError).field}: ${(error as KustomValidationError).issues[0]!.message}`;
      }
    };
    const jpegBytes = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1]);
    expect(field({ logo })).toBe('ok');
    expect(field({ logo: dataUrl('image/jpeg', jpegBytes) })).toBe('ok');
    expect(field({ logo: logo.replace('data:image/png', 'DATA:IMAGE/PNG') })).toBe('ok');
    expect(field({ logo: dataUrl('image/jpeg', png(2, 2)) })).toMatch(/^logo: says image\/jpeg but its bytes are not a JPEG/);
    expect(field({ logo: dataUrl('image/png', jpegBytes) })).toMatch(/^logo: says image\/png but/);
    expect(field({ logo: dataUrl('image/svg+xml', Buffer.from('<svg onload="alert(1)"/>')) })).toMatch(/^logo: must be a base64 data URL/);
    expect(field({ logo: 'https://cdn.example/logo.png' })).toMatch(/^logo: /);
    expect(field({ logo: 'data:image/png,%89PNG' })).toMatch(/^logo: /);
    expect(field({ logo: 'data:image/png;base64,iVBORw0KGgo"><script>' })).toMatch(/^logo: /);
    expect(field({ logo: 'data:image/png;base64,iVBORw0KGg' })).toMatch(/^logo: has malformed base64/);
    expect(field({ logo: dataUrl('image/png', Buffer.concat([png(1, 1), Buffer.alloc(DEFAULT_MAX_LOGO_BYTES)])) })).toMatch(/^logo: is \d+ bytes; a logo may be at most 524288 bytes/);
    expect(field({ logo: dataUrl('image/png', png(40, 40)), maxLogoBytes: 50 })).toMatch(/^logo: is \d+ bytes; a logo may be at most 50 bytes/);
    expect(field({ logo: 42 as never })).toMatch(/^logo: must be a data URL string/);
  });

  it('checks the store and the order', () => {
    const field = invalidField;
    expect(field(() => renderPackingSlip(partCaptured, { store: { name: ' ' } }))).toBe('store.name');
    expect(field(() => renderPackingSlip(partCaptured, {} as never))).toBe('store');
    expect(field(() => renderPackingSlip(partCaptured, { store: { name: 'x', address: 'Storgatan 1' as never } }))).toBe('store.address');
    expect(field(() => renderPackingSlip(partCaptured, { store, timeZone: 'Moon/Base' }))).toBe('timeZone');
    const broken = { ...partCaptured, order_lines: [{ ...partCaptured.order_lines[0]!, quantity: 1.5 }] };
    expect(field(() => renderPackingSlip(broken, { store }))).toBe('order_lines[0].quantity');
  });
});
