#!/usr/bin/env node
/**
 * `kustom-sandbox`: the local Kustom API on a port.
 *
 *   npx kustom-sandbox [--port 4010] [--host 127.0.0.1] [--seed demo] [--data FILE]
 *
 * Prints its base URL and the test credentials; stops cleanly on SIGINT/SIGTERM.
 */
import { parseArgs } from 'node:util';
import { DEFAULT_ALLOWED_ORIGINS, DEFAULT_API_KEY, DEFAULT_MERCHANT_ID, DEFAULT_PUBLIC_KEY, type SeedName } from './config.js';
import { startSandboxServer } from './server.js';

const HELP = `kustom-sandbox: a faithful, stateful local Kustom API

Usage: kustom-sandbox [options]

Options:
  --port <n>             port to listen on (0 picks a free one)      [4010]
  --host <host>          interface to listen on                     [127.0.0.1]
  --seed <demo|empty>    initial data (ignored when --data has state) [empty]
  --data <file>          keep state in this JSON file across restarts
  --now <date>           freeze the clock at this ISO date (default: real time)
  --merchant-id <mid>    merchant id                                [${DEFAULT_MERCHANT_ID}]
  --api-key <key>        secret API key (kco_test_api_…)            [${DEFAULT_API_KEY}]
  --username <name>      username for Basic base64(username:key)    [<merchant id>-sandbox]
  --public-key <key>     public API key of the Elements API         [${DEFAULT_PUBLIC_KEY}]
  --allowed-origin <o>   allowed origin of the public key; repeat it [${DEFAULT_ALLOWED_ORIGINS.join(', ')}]
  --random-seed <s>      seed of ids and references                 [1]
  -h, --help             show this help

Routes: /checkout/v3, /ordermanagement/v1, /settlements/v1, /kustom-elements-api/v1,
test controls under /sandbox/v1 and the express approval page /sandbox/express/{order_id}.
`;

function fatal(message: string): never {
  process.stderr.write(`kustom-sandbox: ${message}\n`);
  process.exit(1);
}

async function main(): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        seed: { type: 'string' },
        data: { type: 'string' },
        now: { type: 'string' },
        'merchant-id': { type: 'string' },
        'api-key': { type: 'string' },
        username: { type: 'string' },
        'public-key': { type: 'string' },
        'allowed-origin': { type: 'string', multiple: true },
        'random-seed': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    fatal(`${(error as Error).message}\n\n${HELP}`);
  }
  if (values.help) {
    process.stdout.write(HELP);
    return;
  }
  const port = Number(values.port ?? 4010);
  if (!Number.isInteger(port) || port < 0 || port > 65535) fatal(`--port must be a port number, got ${values.port}`);
  const seed = values.seed ?? 'empty';
  if (seed !== 'demo' && seed !== 'empty') fatal(`--seed must be demo or empty, got ${seed}`);
  const merchantId = values['merchant-id'] ?? DEFAULT_MERCHANT_ID;
  const apiKey = values['api-key'] ?? DEFAULT_API_KEY;
  const username = values.username ?? `${merchantId}-sandbox`;
  const publicKey = values['public-key'] ?? DEFAULT_PUBLIC_KEY;
  const allowedOrigins = values['allowed-origin'] ?? DEFAULT_ALLOWED_ORIGINS;
  if (values.now !== undefined && Number.isNaN(Date.parse(values.now))) fatal(`--now must be an ISO date, got ${values.now}`);

  let server;
  try {
    server = await startSandboxServer({
      port,
      host: values.host ?? '127.0.0.1',
      seed: seed as SeedName,
      dataFile: values.data,
      now: values.now,
      merchantId,
      randomSeed: values['random-seed'],
      apiKeys: [{ key: apiKey, username }],
      publicKeys: [{ key: publicKey, allowedOrigins }],
    });
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    fatal(e.code === 'EADDRINUSE' ? `port ${port} is already in use (try --port 0)` : e.message);
  }

  const { url } = server;
  // Signal handlers first: a parent may signal as soon as it reads the banner.
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) process.exit(1);
    stopping = true;
    server
      .close()
      .then(() => {
        process.stdout.write(`Kustom sandbox stopped (${signal}).\n`);
        process.exit(0);
      })
      .catch((error: unknown) => fatal(`could not stop cleanly: ${String(error)}`));
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));

  process.stdout.write(
    [
      `Kustom sandbox listening on ${url}`,
      `  Secret API key:  ${apiKey}   (Authorization: Basic ${apiKey})`,
      `  Username:        ${username}   (Basic base64(username:API key))`,
      `  Public API key:  ${publicKey}   (allowed origins: ${allowedOrigins.join(', ')})`,
      `  Data:            ${values.data ? values.data : `${seed === 'demo' ? 'demo seed' : 'empty'}, in memory`}`,
      `  Try:             curl -s -H 'Authorization: Basic ${apiKey}' ${url}/sandbox/v1/orders`,
      'Stop with Ctrl+C.',
      '',
    ].join('\n'),
  );
}

void main();
