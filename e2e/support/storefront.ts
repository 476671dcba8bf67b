/**
 * The storefront example for end-to-end tests: the sandbox and the merchant server on
 * free ports (the server's own TypeScript, the pages as Vite built them), and Chromium.
 *
 * The pages come from examples/storefront/dist/client. `npm test` builds them first;
 * when a test runs alone and they are missing or older than their sources (the
 * example's or the packages' it bundles), they are built again here.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createKustomClient, type KustomClient, type Order } from '@kustom/sdk';
import { startSandboxServer } from '@kustom/sandbox/server';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { chromiumArgs, chromiumPath, offlineNoise } from '../../scripts/chromium.mjs';
import { createMerchantServer } from '../../examples/storefront/server/merchant-server.js';

export const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
export const storefrontDir = join(root, 'examples/storefront');
export const clientDir = join(storefrontDir, 'dist/client');
export const artifactsDir = join(root, 'test-artifacts');
export const screenshotsDir = join(root, 'docs/screenshots');

function newest(path: string): number {
  let stats;
  try {
    stats = statSync(path);
  } catch {
    return 0;
  }
  if (!stats.isDirectory()) return stats.mtimeMs;
  let latest = 0;
  for (const entry of readdirSync(path)) if (entry !== 'node_modules' && entry !== 'dist') latest = Math.max(latest, newest(join(path, entry)));
  return latest;
}

/** Builds the pages when they are missing or older than anything they are built from. */
export function ensureStorefrontBuilt(): void {
  const built = newest(join(clientDir, 'index.html'));
  const sources = Math.max(
    ...['index.html', 'checkout', 'confirmation', 'terms', 'back-office', 'src', 'public', 'vite.config.ts'].map((p) => newest(join(storefrontDir, p))),
    newest(join(root, 'packages/sdk/src')),
    newest(join(root, 'packages/elements/src')),
  );
  if (built > sources) return;
  const run = spawnSync(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], { cwd: storefrontDir, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`vite build of the storefront failed:\n${run.stdout}\n${run.stderr}`);
}

export interface Storefront {
  /** The shop's origin, `http://localhost:<port>`. */
  url: string;
  sandboxUrl: string;
  /** A client of the same sandbox, to check what Kustom holds. */
  kustom: KustomClient;
  sandboxOrderIds(): Promise<string[]>;
  /** Signs the browser context in to the back office as the demo user of `role` (magic link). @default 'admin' */
  signIn(context: BrowserContext, role?: string): Promise<void>;
  /** A back-office API call as the demo user of `role` (session cookie, CSRF token, Origin). */
  backOffice(path: string, init?: { method?: string; body?: unknown; role?: string }): Promise<Response>;
  /** The last magic link the server "sent" (the demo prints them). */
  lastMagicLink(): string | undefined;
  close(): Promise<void>;
}

export interface StorefrontOptions {
  /** The sandbox's frozen clock (reproducible dates); default: real time. */
  now?: string;
  seed?: 'demo' | 'empty';
}

export async function startStorefront(options: StorefrontOptions = {}): Promise<Storefront> {
  const sandbox = await startSandboxServer({ port: 0, seed: options.seed ?? 'demo', ...(options.now ? { now: options.now } : {}) });
  const kustom = createKustomClient({ apiKey: 'kco_test_api_sandbox', baseUrl: sandbox.url, maxRetries: 0 });
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://localhost:${(server.address() as AddressInfo).port}`;
  const links: string[] = [];
  const merchant = createMerchantServer({
    onMagicLink: (link) => void links.push(link.url),
    kustom: createKustomClient({ apiKey: 'kco_test_api_sandbox', baseUrl: sandbox.url }),
    elements: { publicApiKey: 'kustom_pk_test_sandbox', baseUrl: sandbox.url },
    publicUrl: url,
    staticDir: clientDir,
    sandboxUrl: sandbox.url,
    logo: `data:image/png;base64,${readFileSync(join(storefrontDir, 'server/logo.png')).toString('base64')}`,
  });
  server.on('request', (req, res) => void merchant.handle(req, res));
  await merchant.ready;
  const email = (role: string) => `${role.replace(/_/g, '-')}@nordicwool.example`;
  async function magicLink(role: string): Promise<string> {
    const before = links.length;
    const r = await fetch(`${url}/api/back-office/auth/magic-link`, { method: 'POST', headers: { origin: url, 'content-type': 'application/json' }, body: JSON.stringify({ email: email(role) }) });
    if (r.status !== 202 || links.length !== before + 1) throw new Error(`no magic link for ${role}: ${r.status}`);
    return links.at(-1)!;
  }
  const sessions = new Map<string, { cookie: string; csrf: string }>();
  async function session(role: string) {
    let s = sessions.get(role);
    if (!s) {
      const verified = await fetch(await magicLink(role), { redirect: 'manual' });
      const cookie = verified.headers.get('set-cookie')!.split(';')[0]!;
      const me = (await (await fetch(`${url}/api/back-office/me`, { headers: { cookie } })).json()) as { csrfToken: string };
      s = { cookie, csrf: me.csrfToken };
      sessions.set(role, s);
    }
    return s;
  }
  return {
    url,
    sandboxUrl: sandbox.url,
    kustom,
    async sandboxOrderIds() {
      const { orders } = (await (await fetch(`${sandbox.url}/sandbox/v1/orders`)).json()) as { orders: Order[] };
      return orders.map((o) => o.order_id);
    },
    lastMagicLink: () => links.at(-1),
    async signIn(context, role = 'admin') {
      const tab = await context.newPage();
      await tab.goto(await magicLink(role));
      await tab.close();
    },
    async backOffice(path, init = {}) {
      const s = await session(init.role ?? 'admin');
      const headers: Record<string, string> = { cookie: s.cookie, origin: url };
      if (init.body !== undefined) headers['content-type'] = 'application/json';
      if ((init.method ?? (init.body === undefined ? 'GET' : 'POST')) !== 'GET') headers['x-csrf-token'] = s.csrf;
      return fetch(`${url}/api/back-office${path}`, { method: init.method ?? (init.body === undefined ? 'GET' : 'POST'), headers, body: init.body === undefined ? null : JSON.stringify(init.body) });
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await merchant.close();
      await sandbox.close();
    },
  };
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
}

/** Collects console errors, page errors, CSP violations and failed requests of a page. */
export function watchProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && !offlineNoise(m.text())) problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`${r.status()} ${r.request().method()} ${r.url()}`);
  });
  return problems;
}

/**
 * A screenshot as a test artifact (test-artifacts/, not committed). With
 * `UPDATE_SCREENSHOTS=1` it is also copied to docs/screenshots/, the README's pictures.
 */
export async function saveScreenshot(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<string> {
  mkdirSync(artifactsDir, { recursive: true });
  const path = join(artifactsDir, name);
  await page.screenshot({ path, fullPage: options.fullPage ?? false });
  if (process.env.UPDATE_SCREENSHOTS) {
    mkdirSync(screenshotsDir, { recursive: true });
    copyFileSync(path, join(screenshotsDir, name));
  }
  return path;
}

/** Waits until the elements on the page have left `loading`. */
export async function elementsSettled(page: Page, selector = 'kustom-payment-method-display, kustom-delivery-method-display, kustom-express-buttons'): Promise<string[]> {
  const handle = await page.waitForFunction((sel) => {
    const states = [...document.querySelectorAll(sel)].map((e) => e.getAttribute('state'));
    return states.length > 0 && states.every((s) => s === 'ready' || s === 'empty' || s === 'error') && states;
  }, selector);
  return (await handle.jsonValue()) as string[];
}
