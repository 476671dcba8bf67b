/**
 * `npm start` (scripts/start.mjs) as a newcomer runs it: it builds, starts the sandbox
 * and the merchant server, prints the URLs, serves the storefront (the three elements
 * load from the sandbox in Chromium), and stops everything on Ctrl+C (SIGINT to the
 * process group, as a terminal sends it) and on SIGTERM to itself.
 */
import { spawn, type ChildProcess } from 'node:child_process';
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
afterAll(() => {
  for (const child of running) if (child.exitCode === null) process.kill(-child.pid!, 'SIGKILL');
});

async function startDemo(args: string[]): Promise<Demo> {
  // Its own process group, like a terminal's foreground job; ports 0: any free port.
  const child = spawn(process.execPath, [join(root, 'scripts/start.mjs'), ...args], {
    cwd: root,
    detached: true,
    env: { ...process.env, PORT: '0', SANDBOX_PORT: '0' },
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
    const page = await (await fetch(`${demo.urls.storefront}/api/back-office/orders`)).json();
    expect(page.known).toBe(orders.length);

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

  it('stops the sandbox and the merchant server on SIGTERM to itself', async () => {
    const demo = await startDemo(['--no-build']);
    expect((await fetch(`${demo.urls.storefront}/api/config`)).status).toBe(200);
    demo.child.kill('SIGTERM');
    expect(await demo.exited).toBe(0);
    expect(await refused(demo.urls.storefront)).toBe(true);
    expect(await refused(demo.urls.sandbox)).toBe(true);
  });
});
