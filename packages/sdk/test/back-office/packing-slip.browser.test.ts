/**
 * A packing slip in a real browser (Debian's Chromium through playwright-core): the
 * logo shows, the captured lines are there, the print layout is A4, and hostile
 * values run nothing, even with the Content-Security-Policy taken out.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumArgs, chromiumPath } from '../../../../scripts/chromium.mjs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { renderPackingSlip, type Order } from '@kustom/sdk';
import { line, makeOrder } from './fixtures.js';
import { dataUrl, png } from './images.js';


let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  page = await browser.newPage();
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

const hostileOrder: Order = makeOrder({
  order_id: '</title><script>window.__pwned="order_id"</script>',
  merchant_reference1: '"><script>window.__pwned="reference"</script>',
  status: 'PART_CAPTURED',
  lines: [
    line({ name: '<img src=x onerror="window.__pwned=\'line\'">', reference: 'MUG-1', quantity: 3 }),
    line({ name: '</style><script>window.__pwned="style"</script>', reference: '<svg onload=window.__pwned="svg">', quantity: 2 }),
    line({ name: 'Not captured yet', reference: 'LATER' }),
  ],
  capturedQuantities: [2, 1, 0],
  billing_address: { given_name: '<iframe srcdoc="<script>parent.__pwned=1</script>">', family_name: 'Ødegård', email: 'x@y.no' },
});

const store = { name: '</style><script>window.__pwned="store"</script>', address: ['<b onmouseover=alert(1)>Storgatan 1</b>'] };

async function open(html: string): Promise<void> {
  await page.setContent(html, { waitUntil: 'load' });
}

async function injected() {
  return page.evaluate(() => ({
    pwned: (window as unknown as { __pwned?: unknown }).__pwned ?? null,
    scripts: document.scripts.length,
    foreign: document.querySelectorAll('svg, iframe, b, img:not(.logo), [onerror], [onload], [onmouseover]').length,
  }));
}

describe('packing slip in Chromium', { timeout: 60_000 }, () => {
  it('shows the PNG logo, the captured lines and applies its own style', async () => {
    await open(renderPackingSlip(hostileOrder, { store, logo: dataUrl('image/png', png(120, 40)), locale: 'en' }));
    const seen = await page.evaluate(() => {
      const img = document.querySelector<HTMLImageElement>('img.logo')!;
      return {
        logo: { complete: img.complete, width: img.naturalWidth, height: img.naturalHeight },
        rows: [...document.querySelectorAll('tbody tr')].map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)),
        total: document.querySelector('tfoot .qty')!.textContent,
        title: document.title,
        h1Size: getComputedStyle(document.querySelector('h1')!).fontSize,
        storeName: document.querySelector('.store-name')!.textContent,
      };
    });
    expect(seen.logo).toEqual({ complete: true, width: 120, height: 40 });
    expect(seen.rows).toEqual([
      ['MUG-1', '<img src=x onerror="window.__pwned=\'line\'">', '2'],
      ['<svg onload=window.__pwned="svg">', '</style><script>window.__pwned="style"</script>', '1'],
    ]);
    expect(seen.total).toBe('3');
    expect(seen.title).toBe('Packing slip </title><script>window.__pwned="order_id"</script>');
    expect(seen.storeName).toBe(store.name);
    expect(seen.h1Size).toBe('24px'); // 18pt: the style sheet passed the policy's hash
    expect(await injected()).toEqual({ pwned: null, scripts: 0, foreign: 0 });
  });

  it('shows a JPEG logo made by the browser itself', async () => {
    await page.setContent('<canvas width="64" height="32"></canvas>');
    const jpeg = await page.evaluate(() => {
      const canvas = document.querySelector('canvas')!;
      const ctx = canvas.getContext('2d')!;
      ctx.fillStyle = '#0a7';
      ctx.fillRect(0, 0, 64, 32);
      return canvas.toDataURL('image/jpeg', 0.9);
    });
    await open(renderPackingSlip(hostileOrder, { store: { name: 'Mugs' }, logo: jpeg }));
    const size = await page.evaluate(() => {
      const img = document.querySelector<HTMLImageElement>('img.logo')!;
      return [img.naturalWidth, img.naturalHeight];
    });
    expect(size).toEqual([64, 32]);
  });

  it('runs nothing from hostile values even without its Content-Security-Policy', async () => {
    const html = renderPackingSlip(hostileOrder, { store, locale: 'sv' }).replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, '');
    expect(html).not.toContain('Content-Security-Policy');
    await open(html);
    await page.mouse.move(10, 10);
    await page.mouse.move(200, 100);
    expect(await injected()).toEqual({ pwned: null, scripts: 0, foreign: 0 });
  });

  it('prints on A4', async () => {
    await open(renderPackingSlip(hostileOrder, { store: { name: 'Mugs' }, locale: 'de' }));
    await page.emulateMedia({ media: 'print' });
    const pdf = (await page.pdf({ preferCSSPageSize: true })).toString('latin1');
    await page.emulateMedia({ media: 'screen' });
    const box = /\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/.exec(pdf);
    expect(box).not.toBeNull();
    // A4 is 595.28 × 841.89 points; Chromium rounds to whole CSS pixels.
    expect(Math.abs(Number(box![1]) - 595.28)).toBeLessThan(1.5);
    expect(Math.abs(Number(box![2]) - 841.89)).toBeLessThan(1.5);
  });
});
