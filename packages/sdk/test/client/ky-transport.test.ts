/**
 * The transport of `createKustomClient` is ky (1.14), and the one thing ky cannot do is
 * shown here: its `timeout` stops at the headers, so a server that stalls in the middle
 * of the body is never timed out. That deadline is the only part the SDK keeps as its own
 * (`attempt` in `src/internal/http.ts`); everything else in `retries.test.ts` runs through ky.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ky from 'ky';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { KustomTimeoutError, createKustomClient, type RetryEvent } from '@kustom/sdk';
import { startApiServer, type ApiServer } from '../helpers/api-server.js';
import { rejectionOf } from '../helpers/rejection.js';
import { ORDER_ID, order } from '../helpers/fixtures.js';

let server: ApiServer;

beforeAll(async () => {
  server = await startApiServer();
});
afterAll(() => server.close());
beforeEach(() => server.reset());

const PENDING = Symbol('pending');

describe('the body deadline, which ky does not have', () => {
  it('ky’s own timeout lets a body that stalls after the headers hang past it', async () => {
    server.reply({ stall: 'mid-body', body: order() });
    const response = await ky(`${server.url}/ordermanagement/v1/orders/${ORDER_ID}`, { timeout: 50, retry: 0 });
    const body = response.text();
    body.catch(() => {}); // cancelled below
    // Four times ky's timeout later the body has neither arrived nor timed out: nothing will end it.
    const outcome = await Promise.race([body, new Promise((r) => setTimeout(() => r(PENDING), 200))]);
    expect(outcome).toBe(PENDING);
    await server.close();
    server = await startApiServer();
  });

  it('the SDK’s deadline covers the body: KustomTimeoutError, retried with the same key', async () => {
    const retries: RetryEvent[] = [];
    const kustom = createKustomClient({
      apiKey: 'kco_test_api_ky',
      baseUrl: server.url,
      timeout: 100,
      maxRetries: 1,
      retryBackoff: { initialDelay: 1 },
      onRetry: (event) => retries.push(event),
    });
    server.reply({ stall: 'mid-body', body: order() }, { stall: 'mid-body', body: order() });
    const error = await rejectionOf(kustom.orders.get(ORDER_ID), KustomTimeoutError);
    expect(error.message).toMatch(/orders\.get .*no complete answer within 100 ms/);
    expect(server.requests).toHaveLength(2);
    expect(retries.map((r) => r.error)).toEqual([expect.any(KustomTimeoutError)]);
  });

  it('a stalled body followed by a whole answer succeeds', async () => {
    const kustom = createKustomClient({ apiKey: 'kco_test_api_ky', baseUrl: server.url, timeout: 1000, retryBackoff: { initialDelay: 1 } });
    server.reply({ stall: 'mid-body', body: order() }, { body: order() });
    await expect(kustom.orders.get(ORDER_ID)).resolves.toEqual(order());
    expect(server.requests).toHaveLength(2);
  });
});

describe('who imports ky', () => {
  const src = resolve(dirname(fileURLToPath(import.meta.url)), '../../src');

  /** The bare (package) imports of a module and of every relative module it imports at run time (not `import type`), transitively. */
  function runtimeGraph(entry: string): { files: Set<string>; packages: Set<string> } {
    const files = new Set<string>();
    const packages = new Set<string>();
    const visit = (file: string) => {
      if (files.has(file)) return;
      files.add(file);
      const text = readFileSync(file, 'utf8');
      for (const [, specifier] of text.matchAll(/^(?:import|export)\s+(?!type\s)[^'";]*?from\s+'([^']+)'/gm)) {
        if (specifier!.startsWith('.')) visit(resolve(dirname(file), specifier!.replace(/\.js$/, '.ts')));
        else packages.add(specifier!);
      }
    };
    visit(entry);
    return { files, packages };
  }

  it('the server client’s transport is built on ky', () => {
    expect(runtimeGraph(resolve(src, 'client.ts')).packages).toContain('ky');
  });

  it('@kustom/sdk/elements (the one-tag bundle’s client) imports neither ky nor zod', () => {
    const { files, packages } = runtimeGraph(resolve(src, 'elements-client.ts'));
    expect(files.size).toBeGreaterThan(4); // the scan follows its imports (errors, hosts, shapes, money, …)
    expect([...packages]).toEqual([]);
  });
});
