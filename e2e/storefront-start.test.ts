/**
 * `npm start` (scripts/start.mjs) as a newcomer runs it: it builds, starts the sandbox
 * and the merchant server, prints the URLs, serves the storefront (the three elements
 * load from the sandbox in Chromium), and stops everything on Ctrl+C (SIGINT to the
 * process group, as a terminal sends it) and on SIGTERM to itself.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { artifactsDir, elementsSettled, launchChromium, root, watchProblems } from './support/storefront.js';

interface Demo {
  child: ChildProcess;
  output: () => string;
  urls: { storefront: string; backOffice: string; sandbox: string };
  exited: Promise<number | null>;
}

const running: ChildProcess[] = [];
/** The demo's data (sandbox state and the back office's PGlite store), shared by both runs: the second is a restart. */
const dataDir = mkdtempSync(join(tmpdir(), 'kustom-demo-'));
afterAll(() => {
  for (const child of running) if (child.exitCode === null) process.kill(-child.pid!, 'SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

async function startDemo(args: string[]): Promise<Demo> {
  // Its own process group, like a terminal's foreground job; ports 0: any free port.
  const child = spawn(process.execPath, [join(root, 'scripts/start.mjs'), ...args], {
    cwd: root,
    detached: true,
    env: { ...process.env, PORT: '0', SANDBOX_PORT: '0', KUSTOM_DEMO_DATA: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.push(child);
  let output = '';
  child.stdout!.on('data', (c) => (output += c));
  child.stderr!.on('data', (c) => (output += c));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    const timer = setInterval(() => {
      if (/Ready in/.test(output)) resolve(clearInterval(timer));
      else if (child.exitCode !== null) reject(new Error(`npm start exited ${child.exitCode}:\n${output}`));
    }, 100);
  });
  const url = (label: string) => new RegExp(`${label}\\s+(http://\\S+)`).exec(output)![1]!.replace(/\/$/, '');
  return { child, output: () => output, exited, urls: { storefront: url('Storefront'), backOffice: url('Back office'), sandbox: url('Sandbox') } };
}

/** Signs in through the magic link the demo prints in its terminal; returns the session's cookie and CSRF token. */
async function signIn(demo: Demo, role: string): Promise<{ cookie: string; csrf: string }> {
  const email = `${role.replace(/_/g, '-')}@nordicwool.example`;
  const printed = () => [...demo.output().matchAll(new RegExp(`Sign-in link for ${email} \\(${role}\\): (\\S+)`, 'g'))].map((m) => m[1]!);
  const before = printed().length;
  const r = await fetch(`${demo.urls.storefront}/api/back-office/auth/magic-link`, {
    method: 'POST',
    headers: { origin: demo.urls.storefront, 'content-type': 'application/json' },
    body: JSON.stringify({ email }),
  });
  expect(r.status).toBe(202);
  await expect.poll(() => printed().length).toBe(before + 1);
  const verified = await fetch(printed().at(-1)!, { redirect: 'manual' });
  expect(verified.status).toBe(303);
  const cookie = verified.headers.get('set-cookie')!.split(';')[0]!;
  const me = (await (await fetch(`${demo.urls.storefront}/api/back-office/me`, { headers: { cookie } })).json()) as { csrfToken: string; user: { role: string } };
  expect(me.user.role).toBe(role);
  return { cookie, csrf: me.csrfToken };
}

const backOffice = (demo: Demo, path: string, as: { cookie: string; csrf: string }, body?: unknown) =>
  fetch(`${demo.urls.storefront}/api/back-office${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { cookie: as.cookie, origin: demo.urls.storefront, 'x-csrf-token': as.csrf, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? null : JSON.stringify(body),
  });

/** What the first run did, checked after the restart. */
const firstRun: { capturedId?: string; known?: number } = {};

async function refused(url: string): Promise<boolean> {
  try {
    await fetch(url, { signal: AbortSignal.timeout(2000) });
    return false;
  } catch {
    return true;
  }
}

describe('npm start', () => {
  it('builds, serves the storefront, back office and sandbox, and stops on Ctrl+C', async () => {
    const demo = await startDemo([]);
    const ready = /Ready in ([\d.]+) s/.exec(demo.output())![1];
    console.log(`npm start (scripts/start.mjs, with its build): ready in ${ready} s`);
    expect(demo.urls.backOffice).toBe(`${demo.urls.storefront}/back-office`);

    for (const path of ['/', '/checkout/', '/back-office/', '/confirmation/', '/terms/']) {
      const response = await fetch(`${demo.urls.storefront}${path}`);
      expect([path, response.status, response.headers.get('content-type')]).toEqual([path, 200, 'text/html; charset=utf-8']);
      expect(response.headers.get('content-security-policy')).toContain(`connect-src 'self' ${demo.urls.sandbox}`);
    }
    const config = await (await fetch(`${demo.urls.storefront}/api/config`)).json();
    expect(config).toEqual({ publicApiKey: 'kustom_pk_test_sandbox', elementsBaseUrl: demo.urls.sandbox, purchaseCountry: 'SE', currency: 'SEK', locale: 'en-SE' });
    const { orders } = (await (await fetch(`${demo.urls.sandbox}/sandbox/v1/orders`)).json()) as { orders: unknown[] };
    expect(orders.length).toBeGreaterThan(20); // the demo seed
    // The back office: 401 without a session on every one of its routes (the shop's pages above still work).
    for (const path of ['/me', '/orders', '/page/orders', `/orders/x`, '/notices']) {
      expect((await fetch(`${demo.urls.storefront}/api/back-office${path}`)).status, path).toBe(401);
    }
    // Signed in through the link printed in the terminal, the demo orders are in the store (backfilled).
    const admin = await signIn(demo, 'admin');
    const page = await (await backOffice(demo, '/page/orders', admin)).json();
    expect(page.known).toBe(orders.length);
    // Read Only is refused a capture, and nothing moves; Admin captures.
    const open = ((await (await backOffice(demo, '/orders?status=AUTHORIZED&limit=100', admin)).json()) as { orders: { order_id: string; fraud_status: string; expires_at: string }[] }).orders.find(
      (o) => o.fraud_status === 'ACCEPTED' && Date.parse(o.expires_at) > Date.now() + 86_400_000,
    )!;
    const readOnly = await signIn(demo, 'read_only');
    const refusedCapture = await backOffice(demo, `/orders/${open.order_id}/capture`, readOnly, { kind: 'full' });
    expect(refusedCapture.status).toBe(403);
    expect(await refusedCapture.json()).toMatchObject({ permission: 'orders:act' });
    const sandboxOrder = (id: string) => fetch(`${demo.urls.sandbox}/ordermanagement/v1/orders/${id}`, { headers: { authorization: 'Basic kco_test_api_sandbox' } }).then((r) => r.json());
    expect((await sandboxOrder(open.order_id)).status).toBe('AUTHORIZED');
    const captured = await backOffice(demo, `/orders/${open.order_id}/capture`, admin, { kind: 'full' });
    expect(captured.status).toBe(200);
    expect((await sandboxOrder(open.order_id)).status).toBe('CAPTURED');
    firstRun.capturedId = open.order_id;
    firstRun.known = orders.length;

    // The checkout page: all three elements load from the sandbox.
    const browser = await launchChromium();
    try {
      const tab = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      const problems = watchProblems(tab);
      await tab.goto(`${demo.urls.storefront}/`);
      await tab.getByTestId('product-lambswool-scarf').getByRole('button', { name: 'Add to cart' }).click();
      await tab.goto(`${demo.urls.storefront}/checkout/`);
      expect(await elementsSettled(tab)).toEqual(['ready', 'ready', 'ready']);
      await tab.screenshot({ path: join(artifactsDir, 'npm-start-checkout.png'), fullPage: true });
      expect(problems).toEqual([]);
    } finally {
      await browser.close();
    }

    process.kill(-demo.child.pid!, 'SIGINT'); // Ctrl+C: the whole foreground group
    expect(await demo.exited).toBe(0);
    expect(await refused(demo.urls.storefront)).toBe(true);
    expect(await refused(demo.urls.sandbox)).toBe(true);
  });

  it('started again on the same data, every order, user and audit entry is still there; stops on SIGTERM to itself', async () => {
    const demo = await startDemo(['--no-build']);
    expect((await fetch(`${demo.urls.storefront}/api/config`)).status).toBe(200);
    expect(firstRun.capturedId).toBeDefined();
    const admin = await signIn(demo, 'admin');
    const page = await (await backOffice(demo, '/page/orders', admin)).json();
    expect(page.known).toBe(firstRun.known);
    const detail = await (await backOffice(demo, `/orders/${firstRun.capturedId}`, admin)).json();
    expect(detail.order.status).toBe('CAPTURED');
    expect(detail.audit.map((a: { actor: string; action: string }) => [a.actor, a.action])).toEqual([['demo-admin', 'capture']]);
    await signIn(demo, 'read_only'); // the seeded users are there
    demo.child.kill('SIGTERM');
    expect(await demo.exited).toBe(0);
    expect(await refused(demo.urls.storefront)).toBe(true);
    expect(await refused(demo.urls.sandbox)).toBe(true);
  });
});
