/**
 * What the client costs per call on top of fetch: building the request, validating
 * the body, reading and validating the answer. `npm run bench -w @kustom/sdk`.
 *
 * - in-process: a fetch handler answers without a network, so the SDK's own work is
 *   all that is measured (compare with the bare handler + JSON.parse);
 * - loopback HTTP: the same against a node:http server on 127.0.0.1.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, bench, describe } from 'vitest';
import { createKustomClient } from '@kustom/sdk';
import { ORDER_ID, createBody, checkoutOrder, line, order } from '../test/helpers/fixtures.js';

const orderJson = JSON.stringify(order());
const bigBody = createBody();
bigBody.order_lines = Array.from({ length: 1000 }, () => ({ ...line }));
bigBody.order_amount = 1000 * line.total_amount;
bigBody.order_tax_amount = 1000 * line.total_tax_amount;
const bigOrderJson = JSON.stringify({ ...checkoutOrder(), ...bigBody });

const handler = async (request: Request) =>
  new Response(request.method === 'POST' ? bigOrderJson : orderJson, { status: request.method === 'POST' ? 201 : 200, headers: { 'content-type': 'application/json' } });

const inProcess = createKustomClient({ apiKey: 'kco_test_api_bench', baseUrl: 'http://127.0.0.1:4010', fetch: handler });

const server = createServer((req, res) => {
  req.resume();
  req.on('end', () => res.writeHead(200, { 'content-type': 'application/json' }).end(orderJson));
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const overHttp = createKustomClient({ apiKey: 'kco_test_api_bench', baseUrl: base });
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('orders.get, in-process fetch', () => {
  bench('bare handler + JSON.parse (baseline)', async () => {
    const response = await handler(new Request(`http://127.0.0.1:4010/ordermanagement/v1/orders/${ORDER_ID}`));
    JSON.parse(await response.text());
  });
  bench('kustom.orders.get (validated)', async () => {
    await inProcess.orders.get(ORDER_ID);
  });
});

describe('checkout.orders.create with 1000 lines, in-process fetch', () => {
  bench('kustom.checkout.orders.create (schema + arithmetic, request and response)', async () => {
    await inProcess.checkout.orders.create(bigBody);
  });
});

describe('orders.get over loopback HTTP', () => {
  bench('fetch + JSON.parse (baseline)', async () => {
    const response = await fetch(`${base}/ordermanagement/v1/orders/${ORDER_ID}`);
    JSON.parse(await response.text());
  });
  bench('kustom.orders.get (validated)', async () => {
    await overHttp.orders.get(ORDER_ID);
  });
});
