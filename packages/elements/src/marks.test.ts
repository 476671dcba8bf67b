/**
 * The brand marks: neutral letters at first render, the real marks (their own
 * lazily imported file) after it, in the same boxes. Its own test file, so that
 * this page has not loaded the marks before the first test.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { $, $$, configureSandbox, expectAccessibleAndSafe, ready } from '../test/helpers.js';
import './define/index.js';

// The test runner loads hundreds of modules: room for the entries that come after them.
performance.setResourceTimingBufferSize(100_000);
const rects = (elements: Element[]) => elements.map((e) => JSON.stringify(e.getBoundingClientRect()));
const marksRequests = () => performance.getEntriesByType('resource').filter((e) => e.name.includes('brand-marks'));

describe('brand marks', () => {
  beforeEach(() => {
    configureSandbox();
  });

  it('load after the first render, as their own file, and replace the neutral marks without a layout shift', async () => {
    expect(marksRequests()).to.have.length(0);
    const wrapper = await fixture<HTMLElement>(html`<div></div>`);
    wrapper.innerHTML = '<kustom-payment-method-display locale="sv-SE" include="klarna,card,swish"></kustom-payment-method-display>';
    const el = wrapper.firstElementChild!;
    await ready(el);
    const renderedAt = performance.now();
    // First render: the neutral marks (K. for Klarna, a card outline, an initial), nothing fetched yet.
    const icons = $$(el, '[part~="kustom-icon"]');
    expect(icons.map((i) => i.textContent!.trim())).to.deep.equal(['K.', 'S', '']);
    expect($$(el, 'svg.brand')).to.have.length(0);
    expect(marksRequests()).to.have.length(0);
    const before = { element: JSON.stringify(el.getBoundingClientRect()), rows: rects($$(el, '[part~="kustom-option"]')), icons: rects(icons) };

    // Then the marks file, requested after the list was on screen; Klarna's real mark in the same box.
    await waitUntil(() => $$(el, 'svg.brand').length > 0, 'the brand marks never arrived', { timeout: 10_000 });
    expect(marksRequests()).to.have.length(1);
    expect(marksRequests()[0]!.startTime).to.be.at.least(renderedAt - 1);
    // (Imported only now: the same module the elements loaded.)
    const { marks } = await import('./base/brand-marks.js');
    const klarna = $(el, '[part~="kustom-icon"] svg.brand');
    expect(klarna.querySelector('path')!.getAttribute('d')).to.equal(marks.klarna![2]);
    expect(klarna.querySelector('rect')!.getAttribute('fill')).to.equal(marks.klarna![0]);
    // Brands without a mark in the set keep their letter (Swish), the card its outline.
    expect($$(el, '[part~="kustom-icon"]').map((i) => !!i.querySelector('svg.brand'))).to.deep.equal([true, false, false]); // klarna, swish, card
    expect({ element: JSON.stringify(el.getBoundingClientRect()), rows: rects($$(el, '[part~="kustom-option"]')), icons: rects($$(el, '[part~="kustom-icon"]')) }).to.deep.equal(before);
    await expectAccessibleAndSafe(el);
  });

  it('carriers by name and wallets by id, the glyph box the same size with a mark or a letter', async () => {
    const wrapper = await fixture<HTMLElement>(html`<div></div>`);
    wrapper.innerHTML =
      '<kustom-delivery-method-display locale="de-DE"></kustom-delivery-method-display><kustom-express-buttons locale="en-GB" layout="horizontal"></kustom-express-buttons>';
    const [delivery, express] = [...wrapper.children];
    await Promise.all([ready(delivery!), ready(express!)]);
    await waitUntil(() => $$(express!, 'svg.brand').length > 0, 'no marks', { timeout: 10_000 });
    // DHL, Hermes and DPD have marks; the others keep their initial.
    const carriers = $$(delivery!, '[part~="kustom-option"]').map((row) => ({
      carrier: row.querySelector('[part~="kustom-details"]')!.textContent!.split('\u00b7')[0]!.trim(),
      mark: !!row.querySelector('svg.brand'),
    }));
    expect(carriers.length).to.be.greaterThan(0);
    for (const { carrier, mark } of carriers) expect(mark, carrier).to.equal(['DHL', 'Hermes', 'DPD'].includes(carrier));
    const glyphs = $$(express!, '.glyph');
    const withMark = glyphs.filter((g) => g.querySelector('svg.brand'));
    const withLetter = glyphs.filter((g) => !g.querySelector('svg.brand'));
    expect(withMark.length).to.be.greaterThan(0);
    expect(withLetter.length, 'Amazon Pay keeps its letter').to.be.greaterThan(0);
    const size = (g: Element) => `${g.getBoundingClientRect().width}x${g.getBoundingClientRect().height}`;
    expect(new Set(glyphs.map(size)).size).to.equal(1);
    await expectAccessibleAndSafe(express!);
  });
});
