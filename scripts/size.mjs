#!/usr/bin/env node
/**
 * `npm run size`: the size of every published entry point, raw, gzip and brotli
 * (node:zlib at maximum compression), after `npm run build`.
 *
 * - The one-tag CDN files of @kustom/elements are measured as they are served, the
 *   brand marks they import lazily after the first render on their own line.
 * - Every other `exports` entry of @kustom/sdk, @kustom/sandbox and @kustom/elements
 *   is measured as what it adds to a user's bundle: the built entry bundled with
 *   its dependencies by esbuild, minified, for the browser (Node-only entries for
 *   Node), without the lazily imported brand marks.
 *
 * Exits 1 when an entry with a budget is over it, or when something is missing
 * (run `npm run build` first). KB here is 1000 bytes.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const KB = 1000;

/**
 * Budgets in brotli bytes: the one tag carries all three elements, six languages and
 * what they need of the SDK (measured 19.54 KB with the drop-in, safety, wallet and
 * lazy-marks work and the Elements client's argument checks; the goal is 16 KB). The lazily loaded brand marks have no budget
 * of their own: they are not on the first render's path.
 */
const BUDGETS = {
  '@kustom/elements/dist/kustom-elements.js': 19.6 * KB,
  '@kustom/elements/dist/kustom-elements.mjs': 19.6 * KB,
};
/** Entries that only run in Node. */
const NODE_ONLY = new Set(['@kustom/sandbox/server']);
const PACKAGES = ['packages/sdk', 'packages/sandbox', 'packages/elements'];

const sizes = (bytes) => ({
  raw: bytes.length,
  gzip: gzipSync(bytes, { level: 9 }).length,
  brotli: brotliCompressSync(bytes, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
  }).length,
});

/** The JavaScript entry points a package's `exports` names, wildcards expanded against dist/. */
function entries(dir) {
  const pkg = JSON.parse(readFileSync(join(root, dir, 'package.json'), 'utf8'));
  const out = [];
  for (const [key, target] of Object.entries(pkg.exports)) {
    const file = typeof target === 'string' ? target : target.default;
    if (typeof file !== 'string' || !file.endsWith('.js')) continue; // CSS, JSON, package.json
    if (!key.includes('*')) {
      out.push({ name: `${pkg.name}${key.slice(1)}`, file: join(root, dir, file) });
      continue;
    }
    const [before, after] = file.split('*');
    const folder = join(root, dir, dirname(`${before}_`));
    const prefix = basename(`${before}_`).slice(0, -1);
    if (!existsSync(folder)) throw new Error(`${dir}: ${folder} is missing; run \`npm run build\` first`);
    for (const name of readdirSync(folder).sort()) {
      if (!name.startsWith(prefix) || !name.endsWith(after)) continue;
      const stem = name.slice(prefix.length, -after.length);
      out.push({ name: `${pkg.name}${key.slice(1).replace('*', stem)}`, file: join(folder, name) });
    }
  }
  return out;
}

async function bundled({ name, file }) {
  if (!existsSync(file)) throw new Error(`${name}: ${file} is missing; run \`npm run build\` first`);
  const result = await build({
    entryPoints: [file],
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2022',
    charset: 'utf8',
    legalComments: 'none',
    platform: NODE_ONLY.has(name) ? 'node' : 'browser',
    // The brand marks are a lazily imported chunk of their own (measured above as the CDN's lazy file).
    plugins: [{ name: 'lazy-marks', setup: (b) => b.onResolve({ filter: /\/brand-marks\.js$/ }, (a) => ({ path: a.path, external: true })) }],
    conditions: ['production'],
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0].contents;
}

const rows = [];
for (const [file, what] of [['kustom-elements.js', 'CDN file'], ['kustom-elements.mjs', 'CDN file'], ['kustom-elements-marks.js', 'CDN, lazy']]) {
  const path = join(root, 'packages/elements/dist', file);
  if (!existsSync(path)) throw new Error(`${path} is missing; run \`npm run build\` first`);
  const name = `@kustom/elements/dist/${file}`;
  rows.push({ name, what, ...sizes(readFileSync(path)), budget: BUDGETS[name] });
}
const seen = new Set();
for (const dir of PACKAGES) {
  for (const entry of entries(dir)) {
    // `./define` and `./define/index` are one file: measure it once.
    if (seen.has(entry.file)) continue;
    seen.add(entry.file);
    rows.push({ name: entry.name, what: NODE_ONLY.has(entry.name) ? 'bundled, node' : 'bundled', ...sizes(await bundled(entry)) });
  }
}

const kb = (n) => `${(n / KB).toFixed(2)} KB`;
const width = Math.max(...rows.map((r) => r.name.length)) + 2;
console.log(`${'entry point'.padEnd(width)}${'measured as'.padEnd(15)}${'raw'.padStart(11)}${'gzip'.padStart(11)}${'brotli'.padStart(11)}   budget (brotli)`);
let over = 0;
for (const r of rows) {
  const verdict = r.budget === undefined ? '' : r.brotli <= r.budget ? `≤ ${kb(r.budget)} ok` : `> ${kb(r.budget)} OVER BUDGET`;
  if (r.budget !== undefined && r.brotli > r.budget) over++;
  console.log(`${r.name.padEnd(width)}${r.what.padEnd(15)}${kb(r.raw).padStart(11)}${kb(r.gzip).padStart(11)}${kb(r.brotli).padStart(11)}   ${verdict}`);
}
console.log(`\n1 KB = 1000 bytes; gzip level 9, brotli quality 11 (node:zlib).`);
if (over) {
  console.error(`${over} entry point${over === 1 ? ' is' : 's are'} over budget.`);
  process.exit(1);
}
