/**
 * The `kustom-sandbox` CLI as a child process. The test bundles `src/cli.ts` with
 * esbuild first (the sources, not a possibly stale `dist/`), so it needs no build.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
let dir: string;
let cli: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kustom-sandbox-cli-'));
  cli = join(dir, 'cli.mjs');
  await build({
    entryPoints: [join(root, 'src/cli.ts')],
    outfile: cli,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    conditions: ['@kustom/source'],
    logLevel: 'silent',
  });
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

interface Running {
  child: ChildProcess;
  url: string;
  output: () => string;
  exit: Promise<number | null>;
}

async function run(args: string[]): Promise<Running> {
  const child = spawn(process.execPath, [cli, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no URL printed: ${output}`)), 15_000);
    const check = () => {
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout!.on('data', check);
    void exit.then((code) => reject(new Error(`exited ${code}: ${output}`)));
  });
  return { child, url, output: () => output, exit };
}

async function stop(running: Running, signal: NodeJS.Signals = 'SIGTERM') {
  running.child.kill(signal);
  return running.exit;
}

// Child processes and a browser: generous limits for a busy 2-core machine (not timing assertions).
describe('kustom-sandbox CLI', { timeout: 30_000 }, () => {
  it('prints its URL and the test credentials, serves, and stops on SIGTERM with exit code 0', async () => {
    const running = await run(['--port', '0', '--seed', 'demo']);
    expect(running.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(running.output()).toContain('kco_test_api_sandbox');
    expect(running.output()).toContain('PK12345-sandbox');
    expect(running.output()).toContain('kustom_pk_test_sandbox');
    const orders = await fetch(`${running.url}/sandbox/v1/orders`);
    expect(((await orders.json()) as { orders: unknown[] }).orders.length).toBeGreaterThan(20);
    const checkout = await fetch(`${running.url}/checkout/v3/orders/7e1d3c8e-8f43-4c3a-9a55-2f2d6e9c1b00`, {
      headers: { authorization: 'Basic kco_test_api_sandbox' },
    });
    expect(checkout.status).toBe(404);
    expect(await stop(running)).toBe(0);
    expect(running.output()).toContain('stopped (SIGTERM)');
  });

  it('stops on SIGINT too', async () => {
    expect(await stop(await run(['--port', '0']), 'SIGINT')).toBe(0);
  });

  it('takes custom credentials', async () => {
    const running = await run(['--port', '0', '--api-key', 'kco_test_api_custom', '--public-key', 'kustom_pk_test_custom', '--allowed-origin', 'https://shop.example']);
    const ok = await fetch(`${running.url}/settlements/v1/payouts`, { headers: { authorization: 'Basic kco_test_api_custom' } });
    const old = await fetch(`${running.url}/settlements/v1/payouts`, { headers: { authorization: 'Basic kco_test_api_sandbox' } });
    expect([ok.status, old.status]).toEqual([200, 401]);
    expect(await stop(running)).toBe(0);
  });

  it('keeps --data across restarts', async () => {
    const dataFile = join(dir, 'state.json');
    const first = await run(['--port', '0', '--data', dataFile, '--now', '2025-03-03T10:00:00Z']);
    const created = await fetch(`${first.url}/checkout/v3/orders`, {
      method: 'POST',
      headers: { authorization: 'Basic kco_test_api_sandbox', 'content-type': 'application/json' },
      body: JSON.stringify({
        purchase_country: 'SE',
        purchase_currency: 'SEK',
        locale: 'sv-SE',
        order_amount: 100,
        order_tax_amount: 20,
        order_lines: [{ name: 'Pin', quantity: 1, unit_price: 100, tax_rate: 2500, total_amount: 100, total_tax_amount: 20 }],
        merchant_urls: { terms: 't', checkout: 'c', confirmation: 'c', push: 'p' },
      }),
    });
    const { order_id } = (await created.json()) as { order_id: string };
    expect(await stop(first)).toBe(0);
    expect(JSON.parse(await readFile(dataFile, 'utf8')).checkouts).toHaveLength(1);
    const second = await run(['--port', '0', '--data', dataFile]);
    const read = await fetch(`${second.url}/checkout/v3/orders/${order_id}`, { headers: { authorization: 'Basic kco_test_api_sandbox' } });
    expect(read.status).toBe(200);
    expect(await stop(second)).toBe(0);
  });

  it('prints help, and refuses bad options with exit code 1', async () => {
    const help = spawn(process.execPath, [cli, '--help']);
    let text = '';
    help.stdout.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
    expect(await new Promise((resolve) => help.on('exit', resolve))).toBe(0);
    expect(text).toContain('Usage: kustom-sandbox');
    for (const args of [['--seed', 'nope'], ['--port', 'x'], ['--unknown']]) {
      const bad = spawn(process.execPath, [cli, ...args]);
      let err = '';
      bad.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
      expect(await new Promise((resolve) => bad.on('exit', resolve))).toBe(1);
      expect(err).toContain('kustom-sandbox:');
    }
  });

  it('is published as a bin with a shebang', async () => {
    const pkg = JSON.parse(await readFile(join(root, 'package.json'), 'utf8'));
    expect(pkg.bin).toEqual({ 'kustom-sandbox': './dist/cli.js' });
    expect((await readFile(join(root, 'src/cli.ts'), 'utf8')).startsWith('#!/usr/bin/env node\n')).toBe(true);
  });
});
