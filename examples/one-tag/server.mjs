#!/usr/bin/env node
/**
 * Serves the one-tag pages the way a merchant would: the built
 * `kustom-elements.js` from @kustom/elements (with `integrity` and `crossorigin`
 * added to its tag from the package's integrity.json), every page with the
 * recommended strict Content Security Policy, and a tiny merchant API that creates
 * express checkout orders on the sandbox with @kustom/sdk.
 *
 *   npm run build && npm start -w @kustom/example-one-tag
 *
 * starts the sandbox (http://127.0.0.1:4010) and this server (http://localhost:8080).
 * The end-to-end test imports `startOneTagServer` and starts the sandbox itself.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createKustomClient, lineTotals, orderTotals } from '@kustom/sdk';
import { CART } from './cart.js';

const here = dirname(fileURLToPath(import.meta.url));
/** The published package's dist/, as a merchant who self-hosts the file would copy it. */
const dist = join(dirname(fileURLToPath(import.meta.resolve('@kustom/elements/package.json'))), 'dist');
const DEFAULT_SANDBOX = 'http://127.0.0.1:4010';

/** The inline snippet of express.html (the published one) and its CSP hash. */
export const SNIPPET = /<script>([^<]+)<\/script>/.exec(readFileSync(join(here, 'express.html'), 'utf8'))[1];
export const SNIPPET_HASH = `'sha256-${createHash('sha256').update(SNIPPET).digest('base64')}'`;

/**
 * The recommended policy: scripts from this origin (plus the snippet, by hash),
 * API calls and the approval dialog's frame to the Kustom host only, Trusted Types
 * required with Lit's one policy allowed.
 */
export function contentSecurityPolicy(apiOrigin) {
  return [
    "default-src 'self'",
    `script-src 'self' ${SNIPPET_HASH}`,
    // Chromium fetches Google Pay's payment method manifest when the express buttons ask whether it can pay.
    `connect-src 'self' ${apiOrigin} https://google.com/pay`,
    `frame-src ${apiOrigin}`,
    "require-trusted-types-for 'script'",
    'trusted-types lit-html',
  ].join('; ');
}

/** The cart as Kustom order lines, its amounts checked against the SDK's arithmetic. */
function orderLines() {
  return CART.lines.map(({ reference, name, quantity, unitPrice, taxRate, totalAmount, taxAmount }) => {
    const totals = lineTotals({ quantity, unit_price: unitPrice, tax_rate: taxRate });
    if (totals.total_amount !== totalAmount || totals.total_tax_amount !== taxAmount) {
      throw new Error(`cart.js: ${reference} should have totalAmount ${totals.total_amount} and taxAmount ${totals.total_tax_amount}`);
    }
    return { reference, name, quantity, unit_price: unitPrice, tax_rate: taxRate, ...totals };
  });
}

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.map': 'application/json' };

/**
 * Starts the page server. `sandboxUrl` is the Kustom API (the sandbox) the pages
 * and the merchant API talk to; `hold`, if given, delays kustom-elements.js until
 * it settles (a test uses it to see the snippet queue calls before the file arrives).
 */
export async function startOneTagServer({ port = 0, host = '127.0.0.1', sandboxUrl = DEFAULT_SANDBOX, hold } = {}) {
  const integrity = JSON.parse(readFileSync(join(dist, 'integrity.json'), 'utf8'))['kustom-elements.js'];
  const kustom = createKustomClient({ apiKey: 'kco_test_api_sandbox', baseUrl: sandboxUrl, maxRetries: 0 });
  const lines = orderLines();
  const policy = contentSecurityPolicy(new URL(sandboxUrl).origin);
  const page = (file) =>
    readFileSync(join(here, file), 'utf8')
      .replaceAll(DEFAULT_SANDBOX, sandboxUrl)
      .replace('src="/kustom-elements.js"', `src="/kustom-elements.js" integrity="${integrity}" crossorigin="anonymous"`);
  const files = {
    '/': () => page('index.html'),
    '/index.html': () => page('index.html'),
    '/express.html': () => page('express.html'),
    '/express.js': () => readFileSync(join(here, 'express.js')),
    '/cart.js': () => readFileSync(join(here, 'cart.js')),
    '/kustom-elements.js': () => readFileSync(join(dist, 'kustom-elements.js')),
    '/kustom-elements.js.map': () => readFileSync(join(dist, 'kustom-elements.js.map')),
    // The brand marks, which kustom-elements.js imports (from next to itself) after its first render.
    '/kustom-elements-marks.js': () => readFileSync(join(dist, 'kustom-elements-marks.js')),
  };

  const server = createServer(async (request, response) => {
    const { pathname, origin } = new URL(request.url ?? '/', `http://${request.headers.host}`);
    try {
      if (request.method === 'POST' && pathname === '/api/orders') {
        const order = await kustom.checkout.orders.create({
          purchase_country: 'SE',
          purchase_currency: CART.currency,
          locale: 'sv-SE',
          order_lines: lines,
          ...orderTotals(lines),
          merchant_urls: {
            terms: `${origin}/terms`,
            checkout: `${origin}/express.html`,
            confirmation: `${origin}/express.html?order_id={checkout.order.id}`,
            push: `${origin}/api/push?order_id={checkout.order.id}`,
          },
        });
        response.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify({ orderId: order.order_id }));
        return;
      }
      const file = request.method === 'GET' || request.method === 'HEAD' ? files[pathname] : undefined;
      if (!file) {
        response.writeHead(pathname === '/favicon.ico' ? 204 : 404).end();
        return;
      }
      if (pathname === '/kustom-elements.js') await hold;
      response
        .writeHead(200, {
          'content-type': TYPES[pathname.slice(pathname.lastIndexOf('.'))] ?? TYPES['.html'],
          'content-security-policy': policy,
          // The marks change only with the package version: a browser keeps them (the pages are always fresh).
          'cache-control': pathname === '/kustom-elements-marks.js' ? 'public, max-age=86400' : 'no-store',
        })
        .end(file());
    } catch (error) {
      response.writeHead(502, { 'content-type': 'text/plain' }).end(String(error));
    }
  });
  await new Promise((resolve) => server.listen(port, host, resolve));
  return {
    url: `http://${host === '127.0.0.1' ? '127.0.0.1' : host}:${server.address().port}`,
    policy,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { startSandboxServer } = await import('@kustom/sandbox/server');
  const sandbox = await startSandboxServer({ port: 4010 });
  const pages = await startOneTagServer({ port: 8080, host: 'localhost', sandboxUrl: sandbox.url });
  console.log(`Kustom sandbox: ${sandbox.url}`);
  console.log(`The one tag:    ${pages.url}/            (express checkout: ${pages.url}/express.html)`);
  console.log(`CSP:            ${pages.policy}`);
  const stop = () => Promise.all([pages.close(), sandbox.close()]).then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
