/**
 * The published packages as a user gets them: `npm pack` @kustom/sdk,
 * @kustom/sandbox and @kustom/elements once, install the three tarballs into an
 * empty project outside the repo, then
 * - check every tarball ships what its `exports`, `bin`, `unpkg` and `types` name;
 * - import every entry point in Node without a DOM (nothing may throw);
 * - let the packed SDK call the packed `kustom-sandbox` CLI over HTTP;
 * - import every browser entry point in Chromium and render an element against
 *   the packed sandbox's in-page handler, and run both one-tag files;
 * - typecheck a small TypeScript consumer (strict, `skipLibCheck: false`) that
 *   uses the packages' types, the element and event maps, and the React 19 and
 *   Vue typings.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { build } from 'esbuild';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumArgs, chromiumPath, offlineNoise } from '../scripts/chromium.mjs';
import { startSandboxCli, type SandboxCli } from './helpers/sandbox-cli.js';
import { startStaticServer, type StaticServer } from './helpers/static-server.js';

const run = promisify(execFile);
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const PACKAGES = { '@kustom/sdk': 'packages/sdk', '@kustom/sandbox': 'packages/sandbox', '@kustom/elements': 'packages/elements' };
/** Types a consumer project brings itself, at the versions the repo was checked with. */
const CONSUMER_TYPES = ['@types/react@19.3.0', 'vue@3.5.45'];

interface Packed {
  name: string;
  filename: string;
  files: { path: string; mode: number }[];
}
interface Manifest {
  name: string;
  exports: Record<string, string | Record<string, unknown>>;
  bin?: Record<string, string>;
  types?: string;
  main?: string;
  unpkg?: string;
  jsdelivr?: string;
  customElements?: string;
}

let work: string;
let project: string;
let packs: Packed[];
let sandbox: SandboxCli | undefined;
let browser: Browser | undefined;
let server: StaticServer | undefined;

const installed = (name: string) => join(project, 'node_modules', name);
const manifest = (name: string): Manifest => JSON.parse(readFileSync(join(installed(name), 'package.json'), 'utf8'));
const target = (value: unknown, condition: 'types' | 'default'): string | undefined => {
  if (typeof value === 'string') return condition === 'default' ? value : undefined;
  if (value && typeof value === 'object') return target((value as Record<string, unknown>)[condition], 'default');
  return undefined;
};

/** Every entry point a package's `exports` names, wildcards expanded against the installed files. */
function entryPoints(name: string): { specifier: string; file: string; types?: string }[] {
  const dir = installed(name);
  const out: { specifier: string; file: string; types?: string }[] = [];
  for (const [key, value] of Object.entries(manifest(name).exports)) {
    const file = target(value, 'default')!;
    const types = target(value, 'types');
    if (!key.includes('*')) {
      out.push({ specifier: name + key.slice(1), file, ...(types ? { types } : {}) });
      continue;
    }
    const [before, after] = file.split('*') as [string, string];
    const folder = join(dir, dirname(`${before}_`));
    const prefix = basename(`${before}_`).slice(0, -1);
    const stems = readdirSync(folder)
      .filter((f) => f.startsWith(prefix) && f.endsWith(after))
      .map((f) => f.slice(prefix.length, f.length - after.length));
    expect(stems.length, `${name}${key.slice(1)} matches no file`).toBeGreaterThan(0);
    for (const stem of stems) {
      out.push({
        specifier: name + key.slice(1).replace('*', stem),
        file: file.replace('*', stem),
        ...(types ? { types: types.replace('*', stem) } : {}),
      });
    }
  }
  return out;
}

beforeAll(async () => {
  // `npm test` builds first; alone, this file builds what is missing.
  if (Object.values(PACKAGES).some((dir) => !existsSync(join(root, dir, 'dist')))) {
    await run(npm, ['run', 'build'], { cwd: root });
  }
  work = mkdtempSync(join(tmpdir(), 'kustom-exports-'));
  const workspaces = Object.keys(PACKAGES).flatMap((name) => ['-w', name]);
  const { stdout } = await run(npm, ['pack', '--json', '--pack-destination', work, ...workspaces], { cwd: root });
  packs = JSON.parse(stdout) as Packed[];
  project = join(work, 'project');
  mkdirSync(project);
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'kustom-consumer', private: true, type: 'module' }));
  await run(
    npm,
    ['install', ...packs.map((p) => join(work, p.filename)), ...CONSUMER_TYPES, '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'],
    { cwd: project },
  );
}, 300_000);

afterAll(async () => {
  await sandbox?.close();
  await browser?.close();
  await server?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('the packed packages', () => {
  it('ship what exports, bin, types, unpkg and customElements name, and no sources or tests', () => {
    expect(packs.map((p) => p.name).sort()).toEqual(Object.keys(PACKAGES).sort());
    for (const pack of packs) {
      const files = new Set(pack.files.map((f) => f.path));
      const pkg = manifest(pack.name);
      for (const entry of entryPoints(pack.name)) {
        expect(files, `${entry.specifier} → ${entry.file}`).toContain(entry.file.replace(/^\.\//, ''));
        if (entry.types) expect(files, `${entry.specifier} types → ${entry.types}`).toContain(entry.types.replace(/^\.\//, ''));
      }
      for (const field of [pkg.types, pkg.main, pkg.unpkg, pkg.jsdelivr, pkg.customElements]) {
        if (field) expect(files, `${pack.name}: ${field}`).toContain(field.replace(/^\.\//, ''));
      }
      for (const bin of Object.values(pkg.bin ?? {})) {
        const file = pack.files.find((f) => f.path === bin.replace(/^\.\//, ''));
        expect(file, `${pack.name} bin ${bin}`).toBeDefined();
        expect(file!.mode & 0o111, `${bin} is executable`).not.toBe(0);
      }
      expect([...files].filter((f) => /^(src|test|test-node|bench|demo)\/|\.test\.|\.tsbuildinfo$/.test(f)), pack.name).toEqual([]);
    }
    expect(Object.keys(manifest('@kustom/sandbox').bin ?? {})).toEqual(['kustom-sandbox']);
  });

  it('@kustom/elements: the one-tag files, their maps, the lazy brand marks and integrity.json agree', () => {
    const dist = join(installed('@kustom/elements'), 'dist');
    const integrity = JSON.parse(readFileSync(join(dist, 'integrity.json'), 'utf8')) as Record<string, string>;
    expect(Object.keys(integrity).sort()).toEqual(['kustom-elements-marks.js', 'kustom-elements.js', 'kustom-elements.mjs']);
    for (const [file, hash] of Object.entries(integrity)) {
      const bytes = readFileSync(join(dist, file));
      expect(hash).toBe(`sha384-${createHash('sha384').update(bytes).digest('base64')}`);
      if (file === 'kustom-elements-marks.js') continue;
      // The one-tag files import the marks from beside themselves, and carry none of them.
      expect(bytes.toString('utf8')).toContain('import("./kustom-elements-marks.js")');
      expect(bytes.toString('utf8')).not.toContain('M4.592 2v20H0V2h4.592z');
      expect(bytes.toString('utf8')).toContain(`//# sourceMappingURL=${file}.map`);
      const map = JSON.parse(readFileSync(join(dist, `${file}.map`), 'utf8')) as { sources: string[]; sourcesContent: string[] };
      expect(map.sources.some((s) => s.endsWith('loader/kustom-elements.ts'))).toBe(true);
      expect(map.sourcesContent).toHaveLength(map.sources.length);
    }
    expect(manifest('@kustom/elements').unpkg).toBe('./dist/kustom-elements.js');
    const sideEffects = (JSON.parse(readFileSync(join(installed('@kustom/elements'), 'package.json'), 'utf8')) as { sideEffects: string[] }).sideEffects;
    expect(sideEffects.every((p) => /\/define\/|\.css$/.test(p))).toBe(true);
  });

  it('every entry point imports in Node without a DOM', async () => {
    const specifiers = Object.keys(PACKAGES).flatMap((name) => entryPoints(name).map((e) => e.specifier));
    writeFileSync(
      join(project, 'node-imports.mjs'),
      `
import { readFileSync } from 'node:fs';
import { runInNewContext } from 'node:vm';
const result = { dom: typeof window + '/' + typeof document, entries: {} };
for (const specifier of ${JSON.stringify(specifiers)}) {
  if (specifier.endsWith('.css')) {
    result.entries[specifier] = readFileSync(new URL(import.meta.resolve(specifier)), 'utf8').includes('--kustom-') ? ['css'] : [];
  } else if (specifier.endsWith('.json')) {
    result.entries[specifier] = Object.keys((await import(specifier, { with: { type: 'json' } })).default);
  } else {
    result.entries[specifier] = Object.keys(await import(specifier)).sort();
  }
}
// The one-tag files too: the ES module twin imports, the IIFE runs as a classic script.
const dist = new URL('./node_modules/@kustom/elements/dist/', import.meta.url);
result.entries['kustom-elements.mjs'] = Object.keys(await import(new URL('kustom-elements.mjs', dist).href));
const context = { console };
runInNewContext(readFileSync(new URL('kustom-elements.js', dist), 'utf8'), context);
result.entries['kustom-elements.js'] = Object.keys(context);
console.log(JSON.stringify(result));
`,
    );
    const { stdout } = await run(process.execPath, ['node-imports.mjs'], { cwd: project });
    const { dom, entries } = JSON.parse(stdout) as { dom: string; entries: Record<string, string[]> };
    expect(dom).toBe('undefined/undefined');
    expect(Object.keys(entries)).toEqual([...specifiers, 'kustom-elements.mjs', 'kustom-elements.js']);
    // Spot checks of what each package is for.
    expect(entries['@kustom/sdk']).toEqual(expect.arrayContaining(['createKustomClient', 'KustomError', 'lineTotals', 'orderActions']));
    expect(entries['@kustom/sdk/schemas']).toEqual(expect.arrayContaining(['CaptureRequest', 'PaymentMethodsPlacement']));
    expect(entries['@kustom/sdk/elements']).toEqual(expect.arrayContaining(['createElementsClient', 'formatAmount']));
    expect(entries['@kustom/sandbox']).toContain('createSandbox');
    expect(entries['@kustom/sandbox/server']).toEqual(expect.arrayContaining(['startSandboxServer', 'createNodeHandler', 'createKoaMiddleware']));
    const classes = ['KustomDeliveryMethodDisplay', 'KustomElementsProvider', 'KustomExpressButtons', 'KustomPaymentMethodDisplay', 'configure'];
    expect(entries['@kustom/elements']).toEqual(expect.arrayContaining(classes));
    expect(entries['@kustom/elements/define']).toEqual(expect.arrayContaining(classes));
    expect(entries['@kustom/elements/define/express-buttons']).toEqual(['KustomExpressButtons']);
    expect(entries['@kustom/elements/translations/sv']).toEqual(['default']);
    expect(entries['@kustom/elements/themes/dark.css']).toEqual(['css']);
    expect(entries['@kustom/elements/custom-elements.json']).toEqual(expect.arrayContaining(['schemaVersion', 'modules']));
    expect(entries['@kustom/elements/jsx/react']).toEqual([]);
    // Without a DOM the one-tag file does nothing, and says nothing.
    expect(entries['kustom-elements.mjs']).toEqual([]);
    expect(entries['kustom-elements.js']).toEqual(['console']);
  });

  it('the packed SDK calls the packed kustom-sandbox CLI over HTTP', async () => {
    sandbox = await startSandboxCli(join(installed('@kustom/sandbox'), manifest('@kustom/sandbox').bin!['kustom-sandbox']!), ['--seed', 'demo']);
    writeFileSync(
      join(project, 'call.mjs'),
      `
import { createKustomClient, isKustomNotFoundError, isKustomValidationError, lineTotals, orderTotals } from '@kustom/sdk';
import { CaptureRequest } from '@kustom/sdk/schemas';
import { createElementsClient, isKustomApiError } from '@kustom/sdk/elements';

const baseUrl = process.argv[2];
const kustom = createKustomClient({ apiKey: 'kco_test_api_sandbox', baseUrl, maxRetries: 0 });
const order_lines = [{ name: 'Tröja', quantity: 2, unit_price: 12500, tax_rate: 2500, ...lineTotals({ quantity: 2, unit_price: 12500, tax_rate: 2500 }) }];
const created = await kustom.checkout.orders.create({
  purchase_country: 'SE', purchase_currency: 'SEK', locale: 'sv-SE', order_lines, ...orderTotals(order_lines),
  merchant_urls: { terms: 'https://shop.example/terms', checkout: 'https://shop.example/checkout',
    confirmation: 'https://shop.example/thanks', push: 'https://shop.example/push' },
});
const read = await kustom.checkout.orders.get(created.order_id);
const missing = await kustom.orders.get('f0e3a1c2-5b7d-4e8f-9a6b-1c2d3e4f5a6b').catch((error) => error);
const invalid = await kustom.orders.capture('x', { captured_amount: 1.5 }).catch((error) => error);
const origin = (allowed) => (input, init) => fetch(input, { ...init, headers: { ...init?.headers, origin: allowed } });
const elements = createElementsClient({ publicApiKey: 'kustom_pk_test_sandbox', baseUrl, fetch: origin('http://localhost:3000') });
const methods = await elements.paymentMethods({ locale: 'sv-SE', purchaseCountry: 'SE', currency: 'SEK', amount: 25000 });
const foreign = createElementsClient({ publicApiKey: 'kustom_pk_test_sandbox', baseUrl, fetch: origin('https://evil.example') });
const refused = await foreign.paymentMethods({ locale: 'sv-SE', purchaseCountry: 'SE', currency: 'SEK' }).catch((error) => error);
console.log(JSON.stringify({
  created: [created.status, created.order_amount, read.order_id === created.order_id],
  notFound: isKustomNotFoundError(missing) && missing.error_code,
  invalid: isKustomValidationError(invalid) && invalid.field,
  schema: CaptureRequest.safeParse({ captured_amount: 1.5 }).success,
  methods: methods.payment_methods.map((m) => m.id).includes('klarna'),
  refused: isKustomApiError(refused) && refused.error_code,
}));
`,
    );
    const { stdout } = await run(process.execPath, ['call.mjs', sandbox.url], { cwd: project });
    expect(JSON.parse(stdout)).toEqual({
      created: ['checkout_incomplete', 25000, true],
      notFound: 'NO_SUCH_ORDER',
      invalid: 'captured_amount',
      schema: false,
      methods: true,
      refused: 'ORIGIN_NOT_ALLOWED',
    });
  });

  it('every browser entry point imports in Chromium, an element renders, and both one-tag files run', async () => {
    const browserEntries = Object.keys(PACKAGES)
      .flatMap((name) => entryPoints(name))
      .filter((e) => e.specifier !== '@kustom/sandbox/server' && !e.specifier.endsWith('.json'));
    const imports = browserEntries
      .map((e, i) => (e.specifier.endsWith('.css') ? `import css${i} from '${e.specifier}';` : `import * as m${i} from '${e.specifier}';`))
      .join('\n');
    const table = browserEntries.map((e, i) => `[${JSON.stringify(e.specifier)}, ${e.specifier.endsWith('.css') ? `css${i}` : `Object.keys(m${i})`}]`);
    mkdirSync(join(project, 'www'), { recursive: true });
    await build({
      stdin: {
        contents: `${imports}
import { createSandbox } from '@kustom/sandbox';
import { configure } from '@kustom/elements';
window.kustomEntries = Object.fromEntries([${table.join(', ')}]);
const sandbox = createSandbox({ origin: () => location.origin });
configure({ publicApiKey: 'kustom_pk_test_sandbox', baseUrl: 'https://sandbox.test', fetch: sandbox.fetch });
const el = document.createElement('kustom-payment-method-display');
el.setAttribute('locale', 'sv-SE');
window.kustomRendered = new Promise((resolve) => {
  el.addEventListener('kustom-ready', (event) => resolve(event.detail.methods.map((m) => m.id)));
  el.addEventListener('kustom-error', (event) => resolve('error ' + event.detail.code));
});
document.body.append(el);
`,
        resolveDir: project,
      },
      bundle: true,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      loader: { '.css': 'text' },
      outfile: join(project, 'www/entries.js'),
      logLevel: 'silent',
    });
    writeFileSync(join(project, 'www/entries.html'), '<!doctype html><meta charset="utf-8"><title>entries</title><script type="module" src="entries.js"></script>');
    writeFileSync(
      join(project, 'www/one-tag.html'),
      `<!doctype html><meta charset="utf-8"><title>one tag</title>
<script src="/node_modules/@kustom/elements/dist/kustom-elements.js" data-public-api-key="kustom_pk_test_sandbox" data-base-url="${sandbox?.url ?? 'http://127.0.0.1:9'}"></script>`,
    );
    writeFileSync(
      join(project, 'www/one-tag-module.html'),
      `<!doctype html><meta charset="utf-8"><title>one tag (module)</title>
<script type="module" src="/node_modules/@kustom/elements/dist/kustom-elements.mjs" data-public-api-key="kustom_pk_test_sandbox"></script>`,
    );
    server = await startStaticServer(project);
    browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
    page.on('console', (message) => message.type() === 'error' && !offlineNoise(message.text()) && problems.push(`console: ${message.text()}`));

    await page.goto(`${server.origin}/www/entries.html`);
    expect(await page.evaluate(() => (window as unknown as { kustomRendered: Promise<unknown> }).kustomRendered)).toEqual(
      expect.arrayContaining(['klarna', 'card']),
    );
    const entries = await page.evaluate(() => (window as unknown as { kustomEntries: Record<string, unknown> }).kustomEntries);
    expect(Object.keys(entries)).toEqual(browserEntries.map((e) => e.specifier));
    expect(entries['@kustom/elements/define']).toEqual(expect.arrayContaining(['KustomPaymentMethodDisplay', 'configure']));
    expect(entries['@kustom/elements/themes/default.css']).toContain('--kustom-color-accent');
    expect(await page.evaluate(() => ['kustom-payment-method-display', 'kustom-delivery-method-display', 'kustom-express-buttons', 'kustom-elements-provider'].map((t) => !!customElements.get(t)))).toEqual([true, true, true, true]);

    for (const file of ['one-tag.html', 'one-tag-module.html']) {
      await page.goto(`${server.origin}/www/${file}`);
      const state = await page.evaluate(async () => {
        const w = window as unknown as { kustomElements?: ((method: string) => Promise<unknown>) & { _internal: { loaded?: boolean } } };
        await w.kustomElements!('ready');
        return { loaded: w.kustomElements!._internal.loaded, defined: !!customElements.get('kustom-express-buttons') };
      });
      expect(state, file).toEqual({ loaded: true, defined: true });
    }
    expect(problems).toEqual([]);
  });

  it('a strict TypeScript consumer typechecks against the published types (React 19 and Vue typings included)', async () => {
    writeFileSync(
      join(project, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          target: 'ES2022',
          lib: ['ES2023', 'DOM', 'DOM.Iterable'],
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          strict: true,
          noEmit: true,
          skipLibCheck: false,
          jsx: 'react-jsx',
          types: ['node'],
        },
        files: ['consumer.ts', 'app.tsx', 'vue-check.ts'],
      }),
    );
    writeFileSync(
      join(project, 'consumer.ts'),
      `
import { createKustomClient, isKustomNotAllowedError, lineTotals, type OrderLine } from '@kustom/sdk';
import { CaptureRequest } from '@kustom/sdk/schemas';
import { createElementsClient, type PaymentMethod } from '@kustom/sdk/elements';
import { createSandbox } from '@kustom/sandbox';
import { startSandboxServer } from '@kustom/sandbox/server';
import '@kustom/elements/define';
import { KustomPaymentMethodDisplay, configure, type KustomElementsEventMap, type Translation } from '@kustom/elements';
import { KustomExpressButtons } from '@kustom/elements/define/express-buttons';
import sv from '@kustom/elements/translations/sv';

const kustom = createKustomClient({ apiKey: 'kco_test_api_sandbox', baseUrl: 'http://127.0.0.1:4010' });
export const capture = (id: string) => kustom.orders.capture(id, { captured_amount: 25000 }).catch((e: unknown) => isKustomNotAllowedError(e) ? e.error_code : undefined);
export const totals = lineTotals({ quantity: 1, unit_price: 100, tax_rate: 2500 }).total_amount satisfies number;
export const line: Partial<OrderLine> = { name: 'x' };
export const parsed = CaptureRequest.safeParse({});
export const elements = createElementsClient({ publicApiKey: 'kustom_pk_test_sandbox' });
export const method: PaymentMethod | undefined = undefined;
export const handler: (request: Request) => Promise<Response> = createSandbox().fetch;
export const server = startSandboxServer;

configure({ publicApiKey: 'kustom_pk_test_sandbox', environment: 'playground' });
const display = document.createElement('kustom-payment-method-display');
display satisfies KustomPaymentMethodDisplay;
display.amount = 49900;
display.include = ['klarna', 'card'];
display.addEventListener('kustom-payment-method-change', (event) => event.detail.method.id.toUpperCase());
display.addEventListener('kustom-ready', (event) => event.detail);
const buttons = document.querySelector('kustom-express-buttons');
if (buttons) {
  buttons satisfies KustomExpressButtons;
  buttons.createOrder = (resolve) => resolve({ orderId: 'order-1' });
  buttons.onConfirm = ({ redirectUrl }) => redirectUrl && location.assign(redirectUrl);
  buttons.addEventListener('kustom-express-confirm', (event) => event.detail.orderId);
}
export const events: keyof KustomElementsEventMap = 'kustom-delivery-method-change';
export const translation: Translation = sv;
// @ts-expect-error amounts are numbers of minor units
display.amount = '499.00';
// @ts-expect-error no such event
display.addEventListener('kustom-express-confirm', (event) => event.detail.orderId.toFixed());
// @ts-expect-error a translation is complete
export const partial: Translation = { $code: 'xx' };
`,
    );
    writeFileSync(
      join(project, 'app.tsx'),
      `
import type {} from '@kustom/elements/jsx/react';
import type { KustomPaymentMethodChangeEvent } from '@kustom/elements';

export const App = () => (
  <kustom-elements-provider public-api-key="kustom_pk_test_sandbox" base-url="http://127.0.0.1:4010">
    <kustom-payment-method-display
      name="payment_method"
      required
      amount={49900}
      include={['klarna', 'card']}
      onkustom-payment-method-change={(event: KustomPaymentMethodChangeEvent) => event.detail.value}
    />
    <kustom-delivery-method-display postal-code="11122" onkustom-delivery-method-change={(event) => event.detail.pickupPoint} />
    <kustom-express-buttons layout="horizontal" createOrder={(resolve) => resolve({ orderId: 'o' })} onkustom-express-confirm={(e) => e.detail.redirectUrl} />
    {/* @ts-expect-error amount is a number */}
    <kustom-payment-method-display amount="499" />
    {/* @ts-expect-error React 19 listens for the event name as written: this would never fire */}
    <kustom-payment-method-display onKustomPaymentMethodChange={() => {}} />
    {/* @ts-expect-error vertical or horizontal */}
    <kustom-express-buttons layout="diagonal" />
  </kustom-elements-provider>
);
`,
    );
    writeFileSync(
      join(project, 'vue-check.ts'),
      `
import type {} from '@kustom/elements/jsx/vue';
import type { GlobalComponents } from 'vue';

type Props<T extends keyof GlobalComponents> = InstanceType<GlobalComponents[T]>['$props'];
export const payment: Props<'kustom-payment-method-display'> = {
  amount: 49900,
  include: ['klarna'],
  onKustomPaymentMethodChange: (event) => event.detail.method.id,
  class: 'checkout',
};
export const express: Props<'kustom-express-buttons'> = { createOrder: (resolve) => resolve({ orderId: 'o' }), onKustomExpressConfirm: (e) => e.detail.orderId };
// @ts-expect-error amount is a number
export const bad: Props<'kustom-payment-method-display'> = { amount: '1' };
// @ts-expect-error the payment display fires no express event
export const wrong: Props<'kustom-payment-method-display'> = { onKustomExpressConfirm: () => {} };
`,
    );
    // @types/node for the sandbox server's types; the consumer brings its own.
    mkdirSync(join(project, 'node_modules/@types'), { recursive: true });
    const nodeTypes = join(project, 'node_modules/@types/node');
    if (!existsSync(nodeTypes)) await run('ln', ['-s', join(root, 'node_modules/@types/node'), nodeTypes]);
    const tsc = join(root, 'node_modules/typescript/bin/tsc');
    const result = await run(process.execPath, [tsc, '-p', 'tsconfig.json'], { cwd: project }).then(
      () => '',
      (error: { stdout: string }) => error.stdout,
    );
    expect(result).toBe('');
  });
});
