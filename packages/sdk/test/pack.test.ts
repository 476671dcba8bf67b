/**
 * The published package, as a user gets it: `npm pack` the SDK, install the tarball in
 * a fresh project outside the repo, and let a plain ESM script import every entry
 * point and call a local server (a real answer and a typed error).
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApiServer, type ApiServer } from './helpers/api-server.js';
import { ORDER_ID, apiError, order } from './helpers/fixtures.js';

const run = promisify(execFile);
const sdk = join(dirname(fileURLToPath(import.meta.url)), '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

let work: string;
let server: ApiServer;
let files: string[];

/** dist/ is missing, or older than a source file: pack what the sources say now. */
function distIsStale(): boolean {
  const built = join(sdk, 'dist/index.js');
  if (!existsSync(built)) return true;
  const builtAt = statSync(built).mtimeMs;
  return readdirSync(join(sdk, 'src'), { recursive: true, encoding: 'utf8' }).some((f) => statSync(join(sdk, 'src', f)).mtimeMs > builtAt);
}

beforeAll(async () => {
  if (distIsStale()) await run(npm, ['run', 'build'], { cwd: sdk });
  work = mkdtempSync(join(tmpdir(), 'kustom-sdk-pack-'));
  const { stdout } = await run(npm, ['pack', '--json', '--pack-destination', work], { cwd: sdk });
  const [packed] = JSON.parse(stdout) as [{ filename: string; files: { path: string }[] }];
  files = packed.files.map((f) => f.path);
  const project = join(work, 'project');
  await run('mkdir', [project]);
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'pack-check', private: true, type: 'module' }));
  await run(npm, ['install', join(work, packed.filename), '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: project });
  server = await startApiServer();
}, 240_000);

afterAll(async () => {
  await server?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('the packed @kustom/sdk', () => {
  it('ships dist with JavaScript and types for every export, and no sources or tests', () => {
    const manifest = JSON.parse(readFileSync(join(sdk, 'package.json'), 'utf8')) as { exports: Record<string, unknown> };
    for (const [entry, target] of Object.entries(manifest.exports)) {
      if (typeof target === 'string') continue; // ./package.json
      const { types, default: js } = target as { types: string; default: string };
      expect(files, entry).toContain(types.replace(/^\.\//, ''));
      expect(files, entry).toContain(js.replace(/^\.\//, ''));
    }
    expect(files.filter((f) => f.startsWith('src/') || f.startsWith('test/'))).toEqual([]);
    expect(files).toContain('package.json');
  });

  it('is importable from a project outside the repo and calls a local server', async () => {
    server.reply({ body: order() }, { status: 404, body: apiError('NO_SUCH_ORDER', 'No such order') });
    const script = join(work, 'project', 'check.mjs');
    writeFileSync(
      script,
      `
import { createKustomClient, isKustomNotFoundError, lineTotals } from '@kustom/sdk';
import { CaptureRequest } from '@kustom/sdk/schemas';
import { createElementsClient } from '@kustom/sdk/elements';

const kustom = createKustomClient({ apiKey: 'kco_test_api_pack', baseUrl: process.argv[2], maxRetries: 0 });
const found = await kustom.orders.get(${JSON.stringify(ORDER_ID)});
const missing = await kustom.orders.get('missing').catch((error) => error);
console.log(JSON.stringify({
  status: found.status,
  notFound: isKustomNotFoundError(missing) && missing.error_code,
  totals: lineTotals({ quantity: 2, unit_price: 12500, tax_rate: 2500 }),
  schema: CaptureRequest.safeParse({ captured_amount: 1.5 }).success,
  elements: typeof createElementsClient,
}));
`,
    );
    const { stdout } = await run(process.execPath, [script, server.url], { cwd: join(work, 'project') });
    expect(JSON.parse(stdout)).toEqual({
      status: 'PART_CAPTURED',
      notFound: 'NO_SUCH_ORDER',
      totals: { total_amount: 25000, total_tax_amount: 5000 },
      schema: false,
      elements: 'function',
    });
    expect(server.requests.map((r) => `${r.method} ${r.url} ${r.headers.authorization}`)).toEqual([
      `GET /ordermanagement/v1/orders/${ORDER_ID} Basic kco_test_api_pack`,
      'GET /ordermanagement/v1/orders/missing Basic kco_test_api_pack',
    ]);
  });
});
