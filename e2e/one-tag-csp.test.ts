/**
 * The one tag, for real: examples/one-tag served as a merchant would serve it
 * (the built kustom-elements.js with Subresource Integrity, the recommended strict
 * Content-Security-Policy with Trusted Types required), against the
 * `kustom-sandbox` CLI in its own process, in Chromium.
 *
 * - index.html (nothing but the script tag and the three elements) renders all
 *   three with no console error and no CSP violation;
 * - express.html uses the published inline snippet: its calls are queued before
 *   the file arrives, replayed in order, and an express purchase goes through the
 *   sandbox's approval popup to `onConfirm`;
 * - pages as merchants paste the tag (answered by Playwright's routing): a page
 *   without any charset still shows "·"; the official snippet after the file has
 *   already run; the environment (and the Elements host the key goes to) taken from
 *   `js.playground.kustom.co`, `js.live.kustom.co` or `js.kustom.co`.
 */
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumArgs, chromiumPath, offlineNoise } from '../scripts/chromium.mjs';
import { startSandboxCli, type SandboxCli } from './helpers/sandbox-cli.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const TAGS = ['kustom-express-buttons', 'kustom-payment-method-display', 'kustom-delivery-method-display'];

interface OneTagServer {
  url: string;
  policy: string;
  close(): Promise<void>;
}
type Example = {
  startOneTagServer(options: { sandboxUrl: string; hold?: Promise<unknown> }): Promise<OneTagServer>;
  SNIPPET: string;
  SNIPPET_HASH: string;
};

let example: Example;
let sandbox: SandboxCli;
let browser: Browser;
const servers: OneTagServer[] = [];

beforeAll(async () => {
  // `npm test` builds first; alone, this file builds what is missing.
  if (!existsSync(join(root, 'packages/elements/dist/kustom-elements.js')) || !existsSync(join(root, 'packages/sandbox/dist/cli.js'))) {
    await promisify(execFile)('npm', ['run', 'build'], { cwd: root });
  }
  example = (await import('../examples/one-tag/server.mjs')) as Example;
  sandbox = await startSandboxCli(join(root, 'packages/sandbox/dist/cli.js'));
  browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await Promise.all(servers.map((s) => s.close()));
  await sandbox?.close();
});

async function serve(hold?: Promise<unknown>): Promise<OneTagServer> {
  const server = await example.startOneTagServer({ sandboxUrl: sandbox.url, ...(hold ? { hold } : {}) });
  servers.push(server);
  return server;
}

/** A page that records console errors and warnings, page errors, CSP violations and `kustom-ready` events from the start. */
async function watchedPage(): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage();
  const problems: string[] = [];
  page.on('console', (m) => ['error', 'warning'].includes(m.type()) && !offlineNoise(m.text()) && problems.push(`console ${m.type()}: ${m.text()}`));
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()} ${r.failure()?.errorText}`));
  await page.addInitScript(() => {
    const w = window as unknown as { violations: string[]; readyTags: string[] };
    w.violations = [];
    w.readyTags = [];
    document.addEventListener('securitypolicyviolation', (e) => w.violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`));
    document.addEventListener('kustom-ready', (e) => {
      w.readyTags.push((e.target as Element).localName);
      (w as unknown as { firstReadyAt?: number }).firstReadyAt ??= performance.now();
    });
  });
  return { page, problems };
}

describe('the one tag under a strict CSP', () => {
  it('index.html renders all three elements against kustom-sandbox, with no console error and no CSP violation', async () => {
    const server = await serve();
    expect(server.policy).toBe(
      `default-src 'self'; script-src 'self' ${example.SNIPPET_HASH}; connect-src 'self' ${new URL(sandbox.url).origin} https://google.com/pay; frame-src ${new URL(sandbox.url).origin}; require-trusted-types-for 'script'; trusted-types lit-html`,
    );
    const { page, problems } = await watchedPage();
    const response = await page.goto(`${server.url}/`);
    expect(response!.headers()['content-security-policy']).toBe(server.policy);

    // The page is nothing but the one script tag and the three elements.
    const html = readFileSync(join(root, 'examples/one-tag/index.html'), 'utf8');
    expect([...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0])).toEqual([
      '<script src="/kustom-elements.js" data-public-api-key="kustom_pk_test_sandbox" data-base-url="http://127.0.0.1:4010">',
    ]);
    expect([...html.matchAll(/<(kustom-[a-z-]+)/g)].map((m) => m[1])).toEqual(TAGS);

    await page.waitForFunction((n) => (window as unknown as { readyTags: string[] }).readyTags.length >= n, TAGS.length);
    // The brand marks: their own file, next to kustom-elements.js, fetched after the first render, under the same CSP.
    await page.waitForFunction(() => !!document.querySelector('kustom-express-buttons')!.shadowRoot!.querySelector('svg.brand'));
    const marks = await page.evaluate(() => {
      const entries = performance.getEntriesByType('resource').filter((e) => e.name.endsWith('/kustom-elements-marks.js'));
      return { count: entries.length, after: entries[0]!.startTime >= (window as unknown as { firstReadyAt: number }).firstReadyAt };
    });
    expect(marks).toEqual({ count: 1, after: true });
    expect(problems).toEqual([]);
    const result = await page.evaluate((tags) => {
      const w = window as unknown as { violations: string[]; readyTags: string[] };
      const violations = [...w.violations];
      // Trusted Types are really enforced: a plain string into an HTML sink throws (and Chromium logs it).
      let sinkBlocked = false;
      try {
        document.body.insertAdjacentHTML('beforeend', '<b>x</b>');
      } catch (error) {
        sinkBlocked = /TrustedHTML/.test(String(error));
      }
      return {
        ready: [...w.readyTags].sort(),
        states: tags.map((tag) => document.querySelector(tag)!.getAttribute('state')),
        shown: tags.map((tag) => document.querySelector(tag)!.shadowRoot!.querySelectorAll('[part~="kustom-option"], [part~="kustom-button"]').length > 0),
        integrity: document.querySelector('script')!.integrity.startsWith('sha384-'),
        sinkBlocked,
        violations,
      };
    }, TAGS);
    expect(result).toEqual({
      ready: [...TAGS].sort(),
      states: ['ready', 'ready', 'ready'],
      shown: [true, true, true],
      integrity: true,
      sinkBlocked: true,
      violations: [],
    });
    expect(problems).toEqual(["console error: This document requires 'TrustedHTML' assignment. The action has been blocked."]);
    await page.close();
  });

  it('express.html: calls queued by the inline snippet are replayed in order, and a purchase is approved in the popup', async () => {
    let release!: () => void;
    const server = await serve(new Promise<void>((resolve) => (release = resolve)));
    const { page, problems } = await watchedPage();
    await page.goto(`${server.url}/express.html`, { waitUntil: 'domcontentloaded' });

    // The file is held back: the page's calls wait in the snippet's queue.
    await page.waitForFunction(() => (window as unknown as { kustomElements: { _internal: { q: unknown[] } } }).kustomElements._internal.q.length === 2);
    const queued = await page.evaluate(() => {
      const loader = (window as unknown as { kustomElements: { _internal: { q: { method: string }[]; loaded?: boolean; snippetVersion: string } } }).kustomElements;
      return { methods: loader._internal.q.map(({ method }) => method), loaded: loader._internal.loaded ?? false, version: loader._internal.snippetVersion, buttons: document.querySelectorAll('kustom-express-buttons').length };
    });
    // The official snippet's object entries.
    expect(queued).toEqual({ methods: ['express.initialize', 'ready'], loaded: false, version: '1.0.0', buttons: 0 });
    await page.evaluate(() => {
      const w = window as unknown as { kustomElements: { load: Promise<void> }; loadSettled?: string };
      w.kustomElements.load.then(() => (w.loadSettled = 'resolved'), () => (w.loadSettled = 'rejected'));
    });

    release();
    await page.waitForFunction(() => document.documentElement.dataset.kustomReady === '' && document.querySelector('#express kustom-express-buttons')?.getAttribute('state') === 'ready');
    const buttons = await page.evaluate(() => {
      const el = document.querySelector('#express kustom-express-buttons') as HTMLElement & { currency: string; amount: number };
      return { currency: el.currency, amount: el.amount, loaded: (window as unknown as { kustomElements: { _internal: { loaded?: boolean } } }).kustomElements._internal.loaded };
    });
    // The page passed `sek`; the snippet's load promise resolved and stayed.
    expect(buttons).toEqual({ currency: 'SEK', amount: 49700, loaded: true });
    await page.waitForFunction(() => (window as unknown as { loadSettled?: string }).loadSettled === 'resolved');

    // A purchase: createOrder asks the merchant API, the sandbox's approval page opens in a popup.
    const [popup] = await Promise.all([page.waitForEvent('popup'), page.locator('#express kustom-express-buttons button').first().click()]);
    await popup.waitForURL(/\/sandbox\/express\//);
    await popup.locator('#kustom-express-approve').click();
    await page.waitForFunction(() => document.getElementById('status')!.textContent!.startsWith('Approved: '));
    const status = await page.evaluate(() => ({ text: document.getElementById('status')!.textContent, redirect: document.getElementById('status')!.dataset.redirectUrl }));
    const orderId = status.text!.replace('Approved: ', '');
    expect(orderId).toMatch(/^[0-9a-f-]{36}$/);
    expect(status.redirect).toBe(`${server.url}/express.html?order_id=${orderId}`);
    expect(await page.evaluate(() => (window as unknown as { violations: string[] }).violations)).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('the one-tag files are ASCII only (a page without <meta charset> still shows "·"), non-ASCII as escapes', () => {
    for (const file of ['kustom-elements.js', 'kustom-elements.mjs']) {
      const bytes = readFileSync(join(root, 'packages/elements/dist', file));
      const offending = bytes.findIndex((byte) => byte > 0x7f);
      expect(offending, `${file}: byte ${offending} is not ASCII`).toBe(-1);
    }
  });

  it('the README publishes the snippet and the CSP hash the test pages use', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('<!-- one-tag:start -->'), readme.indexOf('<!-- one-tag:end -->'));
    expect(section).toContain(example.SNIPPET);
    expect(section).toContain(example.SNIPPET_HASH);
    expect(readFileSync(join(root, 'examples/one-tag/README.md'), 'utf8')).toContain(example.SNIPPET_HASH);
  });
});

/**
 * Pages as merchants make them, served through Playwright's routing (the pages and
 * Kustom's script hosts are answered here; the Elements API by the sandbox CLI).
 */
describe('the one tag as merchants paste it', () => {
  const dist = join(root, 'packages/elements/dist');
  // Nothing listens there: Playwright answers (the sandbox allows http://localhost:* origins).
  const ORIGIN = 'http://localhost:8123';
  const SANDBOX = 'https://sandbox.example';

  /**
   * A context whose `ORIGIN` serves `pages`, whose Kustom script hosts serve the built
   * file (and the marks next to it), and whose Elements API requests go to the sandbox
   * CLI. Every Elements API URL asked is recorded.
   */
  async function merchantContext(pages: Record<string, string>, { charset = true } = {}) {
    const context = await browser.newContext();
    const asked: string[] = [];
    const js = (file: string) => ({ status: 200, contentType: charset ? 'text/javascript; charset=utf-8' : 'text/javascript', body: readFileSync(join(dist, file)) });
    await context.route(`${ORIGIN}/**`, (route) => {
      const path = new URL(route.request().url()).pathname;
      if (path === '/kustom-elements.js' || path === '/kustom-elements-marks.js') return route.fulfill(js(path.slice(1)));
      const page = pages[path];
      return page === undefined ? route.fulfill({ status: 404, body: '' }) : route.fulfill({ status: 200, contentType: charset ? 'text/html; charset=utf-8' : 'text/html', body: page });
    });
    // `data-base-url` pages use SANDBOX, which this context proxies to the sandbox CLI (a routed page may not reach loopback itself).
    await context.route(`${SANDBOX}/**`, async (route) => {
      const url = new URL(route.request().url());
      const answer = await route.fetch({ url: `${sandbox.url}${url.pathname}${url.search}` });
      return route.fulfill({ response: answer, headers: { ...answer.headers(), 'access-control-allow-origin': ORIGIN } });
    });
    await context.route(/^https:\/\/js\.(playground\.|live\.)?kustom\.co\//, async (route) => {
      const url = new URL(route.request().url());
      if (url.pathname === '/kustom-elements/v1/pre-load.js') return route.fulfill(js('kustom-elements.js'));
      if (url.pathname === '/kustom-elements/v1/kustom-elements-marks.js') return route.fulfill(js('kustom-elements-marks.js'));
      asked.push(`${url.origin}${url.pathname}`);
      // The sandbox answers for Kustom's Elements host.
      const answer = await route.fetch({ url: `${sandbox.url}${url.pathname}${url.search}` });
      return route.fulfill({ response: answer, headers: { ...answer.headers(), 'access-control-allow-origin': ORIGIN } });
    });
    return { context, asked };
  }

  it('a page without <meta charset>, served without a charset, shows "PostNord \u00b7 3 pickup points" (the file is ASCII)', async () => {
    const { context } = await merchantContext(
      {
        '/': `<!doctype html><html lang="en-SE"><title>No charset</title>
<script src="/kustom-elements.js" data-public-api-key="kustom_pk_test_sandbox" data-base-url="${SANDBOX}"></script>
<kustom-delivery-method-display purchase-country="SE" postal-code="11122"></kustom-delivery-method-display>`,
      },
      { charset: false },
    );
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(`${ORIGIN}/`);
    await page.waitForFunction(() => document.querySelector('kustom-delivery-method-display')?.getAttribute('state') === 'ready');
    const shown = await page.evaluate(() => ({
      charset: document.characterSet,
      details: [...document.querySelector('kustom-delivery-method-display')!.shadowRoot!.querySelectorAll('[part~="kustom-details"]')].map((d) => d.textContent!.replace(/\s+/g, ' ').trim()),
    }));
    // Not UTF-8: the page fell back to the legacy encoding, as a page without charset does.
    expect(shown.charset).toBe('windows-1252');
    expect(shown.details).toEqual(expect.arrayContaining([expect.stringMatching(/^PostNord \u00b7 3 pickup points \u00b7 Delivery /)]));
    expect(shown.details.join('\n')).not.toMatch(/\u00c2|\u00e2\u20ac/);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('the official snippet with the file already there: calls run at once, load resolves, _internal is kept', async () => {
    const { context } = await merchantContext({
      '/': `<!doctype html><html lang="sv-SE"><meta charset="utf-8"><title>Early</title>
<script src="/kustom-elements.js" id="kustom-elements-js" data-public-api-key="kustom_pk_test_sandbox" data-base-url="${SANDBOX}"></script>
<script>${example.SNIPPET}</script>
<div id="express"></div>
<script>
  window.result = Promise.all([
    kustomElements('express.initialize', '#express', { currency: 'sek', orderLines: [{ name: 'Mug', quantity: 1, totalAmount: 12500, taxAmount: 2500 }], createOrder: (resolve) => resolve({ orderId: 'x' }) })
      .then((el) => el.localName + ' ' + el.currency + ' ' + el.amount),
    kustomElements.load.then(() => 'loaded'),
    kustomElements('ready').then(() => 'ready'),
  ]).then((values) => ({ values, internal: { loaded: kustomElements._internal.loaded, queued: kustomElements._internal.q.length } }));
</script>`,
    });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('console', (m) => m.type() === 'error' && !offlineNoise(m.text()) && problems.push(m.text()));
    await page.goto(`${ORIGIN}/`);
    expect(await page.evaluate(() => (window as unknown as { result: Promise<unknown> }).result)).toEqual({
      values: ['kustom-express-buttons SEK 12500', 'loaded', 'ready'],
      internal: { loaded: true, queued: 0 },
    });
    await page.waitForFunction(() => document.querySelector('#express kustom-express-buttons')?.getAttribute('state') === 'ready');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('the environment follows the script host: the key goes to that environment\u2019s Elements host only', async () => {
    const expected: Record<string, string> = {
      'https://js.live.kustom.co': 'https://js.live.kustom.co',
      'https://js.kustom.co': 'https://js.live.kustom.co',
      'https://js.playground.kustom.co': 'https://js.playground.kustom.co',
    };
    for (const [scriptHost, elementsHost] of Object.entries(expected)) {
      const { context, asked } = await merchantContext({
        // The official snippet verbatim, only `src` and the key changed; WordPress's id; no data-environment, no data-base-url.
        '/': `<!doctype html><html lang="sv-SE"><meta charset="utf-8"><title>Host</title>
<script>${example.SNIPPET}</script>
<script async src="${scriptHost}/kustom-elements/v1/pre-load.js" id="kustom-elements-js" data-public-api-key="kustom_pk_test_sandbox"></script>
<kustom-payment-method-display purchase-country="SE" currency="sek" amount="49900"></kustom-payment-method-display>`,
      });
      const page = await context.newPage();
      await page.goto(`${ORIGIN}/`);
      await page.waitForFunction(() => document.querySelector('kustom-payment-method-display')?.getAttribute('state') === 'ready');
      expect(asked, scriptHost).toEqual([`${elementsHost}/kustom-elements-api/v1/placements/AVAILABLE_PAYMENT_METHODS`]);
      await context.close();
    }
  });
});
