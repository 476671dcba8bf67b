/**
 * Starts the merchant server with the built pages.
 *
 *   node dist/server/main.js [--port 4000] [--host 127.0.0.1] [--sandbox http://127.0.0.1:4010] [--data-dir .data/back-office]
 *
 * Environment: KUSTOM_API_KEY (default: the sandbox's test key), KUSTOM_PUBLIC_API_KEY
 * (default: the sandbox's public key), DATABASE_URL (the back office on a PostgreSQL
 * server instead of PGlite under --data-dir). With `--sandbox`, the client talks to the
 * local sandbox and the demo's sandbox-only steps are on (see sandbox.ts). Without
 * --data-dir and DATABASE_URL the back office's store is in memory.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createKustomClient } from '@kustom/sdk';
import { createMerchantServer } from './merchant-server.js';

const here = dirname(fileURLToPath(import.meta.url));

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.PORT ?? '4000' },
    host: { type: 'string', default: '127.0.0.1' },
    sandbox: { type: 'string', default: process.env.KUSTOM_SANDBOX_URL ?? 'http://127.0.0.1:4010' },
    'public-url': { type: 'string' },
    'data-dir': { type: 'string', default: process.env.KUSTOM_BACK_OFFICE_DATA },
  },
});

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`storefront: --port must be a port number, got ${values.port}`);
  process.exit(1);
}
const sandboxUrl = values.sandbox.replace(/\/+$/, '');
const kustom = createKustomClient({ apiKey: process.env.KUSTOM_API_KEY ?? 'kco_test_api_sandbox', baseUrl: sandboxUrl });
const logo = `data:image/png;base64,${(await readFile(join(here, '../../server/logo.png'))).toString('base64')}`;

const dataDir = values['data-dir'];
/** The cookie-signing secret, kept beside the data so sessions survive a restart (created once, readable by this user only). */
async function sessionSecret(): Promise<string | undefined> {
  if (!dataDir) return undefined;
  await mkdir(dataDir, { recursive: true });
  const file = join(dataDir, 'session-secret');
  const existing = await readFile(file, 'utf8').catch(() => undefined);
  if (existing && existing.trim().length >= 32) return existing.trim();
  const secret = randomBytes(32).toString('base64url');
  await writeFile(file, secret, { mode: 0o600 });
  return secret;
}
const secret = await sessionSecret();

let merchant: ReturnType<typeof createMerchantServer> | undefined;
const server = createServer();
server.on('error', (error: NodeJS.ErrnoException) => {
  console.error(error.code === 'EADDRINUSE' ? `storefront: port ${port} is in use (try --port 0 or PORT=…)` : error);
  process.exit(1);
});
server.listen(port, values.host, async () => {
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  const publicUrl = values['public-url'] ?? `http://localhost:${actualPort}`;
  merchant = createMerchantServer({
    kustom,
    elements: { publicApiKey: process.env.KUSTOM_PUBLIC_API_KEY ?? 'kustom_pk_test_sandbox', baseUrl: sandboxUrl },
    publicUrl,
    staticDir: join(here, '../client'),
    sandboxUrl,
    logo,
    dataDir: dataDir ? join(dataDir, 'back-office') : undefined,
    databaseUrl: process.env.DATABASE_URL,
    sessionSecret: secret,
  });
  const m = merchant;
  server.on('request', (req, res) => void m.handle(req, res));
  try {
    await m.ready;
  } catch (error) {
    console.error('storefront: the back office could not start:', error);
    process.exit(1);
  }
  console.log(`Storefront listening on ${publicUrl}`);
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    // Close the store (PGlite flushes its data directory) before leaving.
    server.close(() => void (merchant?.close() ?? Promise.resolve()).finally(() => process.exit(0)));
    server.closeAllConnections();
    setTimeout(() => process.exit(0), 2500).unref();
  });
}
