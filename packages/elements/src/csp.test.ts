/**
 * The three elements in a page served with
 * `default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self' https://google.com/pay; require-trusted-types-for 'script'; trusted-types lit-html`
 * (test/csp-page.csp.html): they render against the sandbox with no violation.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';

interface Result {
  states: string[];
  violations: string[];
}

describe('under a strict Content Security Policy with Trusted Types', () => {
  it('all three elements render with no violation', async () => {
    const frame = await fixture<HTMLIFrameElement>(
      html`<iframe title="CSP page" src="/packages/elements/test/csp-page.csp.html" width="800" height="900"></iframe>`,
    );
    const view = () => frame.contentWindow as (Window & { kustomCspResult?: Result }) | null;
    await waitUntil(() => view()?.kustomCspResult, 'the CSP page to finish', { timeout: 8000 });
    const { states, violations } = view()!.kustomCspResult!;
    expect(states).to.deep.equal(['ready', 'ready', 'ready']);
    expect(violations).to.deep.equal([]);

    const page = frame.contentDocument!;
    // The policy is really enforced: an HTML string sink throws without a policy…
    expect(() => {
      page.body.insertAdjacentHTML('beforeend', '<b>x</b>');
    }).to.throw(/TrustedHTML/);
    // …and the elements' styles applied (constructed stylesheets, no inline style).
    const option = page.querySelector('kustom-payment-method-display')!.shadowRoot!.querySelector('[part~="kustom-option"]')!;
    expect(view()!.getComputedStyle(option).borderTopStyle).to.equal('solid');
    const button = page.querySelector('kustom-express-buttons')!.shadowRoot!.querySelector('button')!;
    expect(button.getBoundingClientRect().height).to.equal(48);
  });
});
