/**
 * Starts the merchant server with the built pages.
 *
 *   node dist/server/main.js [--port 4000] [--host 127.0.0.1] [--sandbox http://127.0.0.1:4010]
 *
 * Environment: KUSTOM_API_KEY (default: the sandbox's test key), KUSTOM_PUBLIC_API_KEY
 * (default: the sandbox's public key). With `--sandbox`, the client talks to the local
 * sandbox and the demo's sandbox-only steps are on (see sandbox.ts).
 */
import { readFile } from 'node:fs/promises';
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

const server = createServer();
server.on('error', (error: NodeJS.ErrnoException) => {
  console.error(error.code === 'EADDRINUSE' ? `storefront: port ${port} is in use (try --port 0 or PORT=…)` : error);
  process.exit(1);
});
server.listen(port, values.host, () => {
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  const publicUrl = values['public-url'] ?? `http://localhost:${actualPort}`;
  const merchant = createMerchantServer({
    kustom,
    elements: { publicApiKey: process.env.KUSTOM_PUBLIC_API_KEY ?? 'kustom_pk_test_sandbox', baseUrl: sandboxUrl },
    publicUrl,
    staticDir: join(here, '../client'),
    sandboxUrl,
    logo,
  });
  server.on('request', (req, res) => void merchant.handle(req, res));
  console.log(`Storefront listening on ${publicUrl}`);
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    server.close(() => process.exit(0));
    server.closeAllConnections();
    setTimeout(() => process.exit(0), 1000).unref();
  });
}
