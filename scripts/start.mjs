#!/usr/bin/env node
/**
 * `npm start`: the whole demo on one machine, no account and no network.
 *
 * 1. Builds what the demo runs, from the packages' TypeScript sources, side by side:
 *    the storefront (Vite: the pages, and the merchant server as one Node file) and the
 *    `kustom-sandbox` CLI (esbuild: one Node file). No package needs its `dist/` first.
 * 2. Starts the sandbox (`kustom-sandbox --seed demo`), then the merchant server,
 *    which serves the storefront, the back office and the shop's API on one origin.
 * 3. Prints the URLs; Ctrl+C (or SIGTERM) stops both.
 *
 *   node scripts/start.mjs [--no-build]
 *   PORT=4000 SANDBOX_PORT=4010 (either is replaced by a free port when taken)
 *   KUSTOM_DEMO_DATA=.data/demo (where the sandbox's state and the back office's PGlite
 *   store live: stop and start again, and every order, user and audit entry is still there)
 *
 * Built pages rather than a dev server: nothing compiles on the first request, the
 * pages carry their production Content-Security-Policy, and it starts the same way
 * every time. For editing with hot reload: `npm run dev -w @kustom/example-storefront`.
 */
import { spawn } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const started = performance.now();
const seconds = () => ((performance.now() - started) / 1000).toFixed(1);
const children = new Set();
let stopping = false;

function fail(message) {
  console.error(`\n✗ ${message}`);
  void stop(1);
}

/** Runs a command to completion; its output is shown only when it fails. */
function run(label, command, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    children.add(child);
    let output = '';
    child.stdout.on('data', (c) => (output += c));
    child.stderr.on('data', (c) => (output += c));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      children.delete(child);
      if (code === 0) resolve();
      else reject(new Error(`${label} failed (${signal ?? `exit ${code}`}):\n${output}`));
    });
  });
}

/** The sandbox's own CLI (packages/sandbox/src/cli.ts) bundled into one file under node_modules/.cache. */
async function bundleSandboxCli() {
  const { build } = await import('esbuild');
  const outfile = join(root, 'node_modules/.cache/kustom-demo/kustom-sandbox.mjs');
  await mkdir(dirname(outfile), { recursive: true });
  await build({
    entryPoints: [join(root, 'packages/sandbox/src/cli.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    conditions: ['@kustom/source'],
    logLevel: 'error',
  });
  return outfile;
}

const npmBuild = (workspace) => run(`build of ${workspace}`, process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', 'build', '-w', workspace]);

/** `preferred` when it is free on 127.0.0.1, else a free port chosen by the system. */
function freePort(preferred) {
  const attempt = (port) =>
    new Promise((resolve) => {
      const server = createServer();
      server.once('error', () => resolve(undefined));
      server.listen(port, '127.0.0.1', () => {
        const { port: got } = server.address();
        server.close(() => resolve(got));
      });
    });
  return attempt(preferred).then((port) => port ?? attempt(0));
}

/** Starts a long-running Node program and resolves with the URL it prints as `… listening on <url>`. */
function serve(label, script, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    children.add(child);
    let output = '';
    let url;
    child.stderr.on('data', (chunk) => (url ? process.stderr.write(chunk) : (output += chunk)));
    child.stdout.on('data', (chunk) => {
      if (url) return void process.stdout.write(chunk);
      output += chunk;
      url = /listening on (http:\/\/\S+)/.exec(output)?.[1];
      if (url) resolve(url);
    });
    child.on('exit', (code, signal) => {
      children.delete(child);
      if (!url) reject(new Error(`${label} did not start (${signal ?? `exit ${code}`}):\n${output}`));
      // Ctrl+C in a terminal reaches every process of the group: a clean exit is that, not a crash.
      else if (!stopping && code === 0) void stop(0);
      else if (!stopping) fail(`${label} stopped (${signal ?? `exit ${code}`}); stopping the demo.`);
    });
  });
}

async function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  const exits = [...children].map(
    (child) =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', resolve);
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 3000).unref();
      }),
  );
  await Promise.all(exits);
  process.exit(code);
}
process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));

try {
  if (!process.argv.includes('--no-build')) {
    console.log('Building the storefront and the sandbox…');
    await Promise.all([npmBuild('@kustom/example-storefront'), bundleSandboxCli()]);
    console.log(`Built in ${seconds()} s.`);
  }
  const [sandboxPort, shopPort] = [await freePort(Number(process.env.SANDBOX_PORT ?? 4010)), await freePort(Number(process.env.PORT ?? 4000))];
  const sandboxCli = join(root, 'node_modules/.cache/kustom-demo/kustom-sandbox.mjs');
  const dataDir = resolve(root, process.env.KUSTOM_DEMO_DATA ?? '.data/demo');
  await mkdir(dataDir, { recursive: true });
  const sandboxUrl = await serve('The sandbox', sandboxCli, ['--port', String(sandboxPort), '--seed', 'demo', '--data', join(dataDir, 'sandbox.json')]);
  const shopUrl = await serve('The storefront', join(root, 'examples/storefront/dist/server/main.js'), [
    '--port',
    String(shopPort),
    '--sandbox',
    sandboxUrl,
    '--data-dir',
    dataDir,
  ]);
  console.log(`
Kustom demo: a shop, its back office and a local Kustom API (no account, no network).

  Storefront    ${shopUrl}/
  Back office   ${shopUrl}/back-office/
  Sandbox       ${sandboxUrl}  (the Kustom API, with ~30 demo orders)

  The merchant server holds the secret test key kco_test_api_sandbox; the pages get
  only the public key kustom_pk_test_sandbox.

  Sign in to the back office with a magic link: enter one of the demo users
  (admin@nordicwool.example, super-admin@, user@, settlement@, disputes@, read-only@,
  external@, terminated@) and the link is printed here.
  Data: ${dataDir} (delete it to start afresh)

Ready in ${seconds()} s. Press Ctrl+C to stop.
`);
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}
