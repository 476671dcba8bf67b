#!/usr/bin/env node
/**
 * `npm run bench -w @kustom/elements`: time from inserting an element to its first
 * complete render (`kustom-ready`) and to the next frame, in Debian's Chromium
 * (playwright-core), with sandbox data served in the page. Production builds of
 * Lit and the elements (esbuild, minified). Reported, never asserted.
 *
 * `RUNS=50 npm run bench -w @kustom/elements` changes the number of runs (default 30).
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { chromiumArgs, chromiumPath } from '../../../scripts/chromium.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const runs = Number(process.env.RUNS ?? 30);
const origin = 'http://localhost:4179';

const { outputFiles } = await build({
  entryPoints: [join(here, 'page.ts')],
  bundle: true,
  minify: true,
  format: 'esm',
  target: 'es2022',
  conditions: ['@kustom/source'],
  tsconfig: join(here, '../tsconfig.json'),
  write: false,
  logLevel: 'warning',
});
const script = outputFiles[0].text;

const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
try {
  const page = await browser.newPage({ viewport: { width: 800, height: 900 } });
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.route(`${origin}/**`, (route) => {
    const path = new URL(route.request().url()).pathname;
    if (path === '/bench.js') return route.fulfill({ contentType: 'text/javascript', body: script });
    return route.fulfill({
      contentType: 'text/html',
      body: '<!doctype html><html lang="sv-SE"><head><meta charset="utf-8"><script type="module" src="/bench.js"></script></head><body></body></html>',
    });
  });
  await page.goto(`${origin}/`);
  await page.waitForFunction(() => typeof window.kustomBench === 'function');
  const results = await page.evaluate((n) => window.kustomBench(n), runs);
  if (errors.length) throw new Error(errors.join('\n'));

  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const p95 = (xs) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(xs.length * 0.95) - 1)];
  const ms = (x) => `${x.toFixed(1)} ms`.padStart(9);
  console.log(`@kustom/elements render bench: ${runs} runs each (after one cold run), Chromium ${browser.version()}, bundle ${(script.length / 1024).toFixed(1)} KiB\n`);
  console.log(`${'scenario'.padEnd(44)} ${'cold'.padStart(9)} ${'median'.padStart(9)} ${'p95'.padStart(9)} ${'median+frame'.padStart(13)}`);
  for (const [name, { first, rest }] of Object.entries(results)) {
    const ready = rest.map((r) => r[0]);
    const painted = rest.map((r) => r[1]);
    console.log(`${name.padEnd(44)} ${ms(first[0])} ${ms(median(ready))} ${ms(p95(ready))} ${ms(median(painted)).padStart(13)}`);
  }
  console.log('\nTimes run from insertion to kustom-ready (data fetched from the in-page sandbox, parsed, rendered);');
  console.log('"+frame" adds the wait for the next animation frame. Reported, never asserted.');
} finally {
  await browser.close();
}
